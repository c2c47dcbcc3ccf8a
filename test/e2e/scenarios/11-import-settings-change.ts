import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EMULATOR_REGION, emulatorEnv, seedEmulator, startCognitoLocal, type SeededPool } from '../../support/emulators';
import type { Driver } from '../driver';
import type { Scenario } from '../scenario';

const POOL = 'settings-change-pool';

/** Polls a settings file on disk until it holds `text` (the Settings editor writes after a short debounce). */
async function waitForFile(path: string, text: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(existsSync(path) && readFileSync(path, 'utf8').includes(text))) {
    if (Date.now() > deadline) throw new Error(`${path} never held ${text}`);
    await new Promise((r) => setTimeout(r, 200)); // polling the disk, not waiting for time to pass
  }
}

async function runImportCommand(driver: Driver): Promise<void> {
  // Back to the Terraform editor first: the palette key is not taken while a settings input has focus.
  await driver.page.locator('.tabs-container .tab').filter({ hasText: 'main.tf' }).first().click();
  await driver.runCommand('awscc Cognito: Generate import block');
}

export const scenario: Scenario<{ pool: SeededPool; endpoint: string }> = {
  name: 'import-settings-change',
  description:
    'In a running window, an endpoint written to the User settings (which a remote window such as code-server does not apply to machine-scoped settings) stops the command before any call with a message that says so; the endpoint set in the Settings editor (Remote tab) is used at once, shown in the first picker title, and the command lists the emulator\'s pools',
  async setup() {
    const emulator = await startCognitoLocal();
    try {
      const [pool] = await seedEmulator(emulator.endpoint, { pools: [{ name: POOL, clients: [{ name: 'Changed Setting App' }] }] });
      return {
        // No endpoint at start-up: the window starts pointed at real AWS, as a user's would.
        env: emulatorEnv(),
        userSettings: { 'awsccCognito.region': EMULATOR_REGION },
        data: { pool, endpoint: emulator.endpoint },
        dispose: () => emulator.stop(),
      };
    } catch (error) {
      await emulator.stop();
      throw error;
    }
  },
  async run(driver, { endpoint }) {
    await driver.openFile('main.tf');
    await driver.waitForLanguageMode('Terraform');

    // 1. The endpoint in the User settings file, written while the window runs. The Settings editor hides
    //    machine-scoped settings from its User tab in a remote window, so this step edits settings.json on
    //    disk, as "Open User Settings (JSON)" would save it. VS Code does not apply it here.
    const userFile = join(driver.paths.userDataDir, 'User', 'settings.json');
    const user = JSON.parse(readFileSync(userFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(userFile, JSON.stringify({ ...user, 'awsccCognito.endpoint': endpoint }, null, 2));
    await runImportCommand(driver);
    const refused = await driver.waitForNotification('nothing was called');
    const said = (await refused.textContent()) ?? '';
    assert.ok(said.includes(`awsccCognito.endpoint is "${endpoint}" in your User settings`), said);
    assert.match(said, /remote window/);
    assert.match(said, /Remote or workspace settings/);
    await driver.press('Escape');

    // 2. The same endpoint set in the Settings editor's Remote tab: in force at once, no restart.
    await driver.press('Control+,');
    await driver.page.waitForSelector('.settings-editor', { state: 'visible' });
    await driver.page.locator('.settings-editor .settings-header .suggest-input-container').first().click();
    await driver.page.keyboard.type('awsccCognito.endpoint');
    const tabs = driver.page.locator('.settings-tabs-widget .action-label');
    assert.equal(
      await driver.page.locator('.settings-editor .setting-item-contents').filter({ hasText: 'Custom Cognito user-pool API endpoint' }).count(),
      0,
      'the User tab of a remote window does not offer the machine-scoped endpoint setting',
    );
    await tabs.filter({ hasText: 'Remote' }).first().click();
    const row = driver.page.locator('.settings-editor .setting-item-contents').filter({ hasText: 'Custom Cognito user-pool API endpoint' }).first();
    const input = row.locator('input.input').first();
    await input.waitFor({ state: 'visible' });
    await input.fill(endpoint);
    await driver.press('Tab');
    await waitForFile(join(driver.paths.userDataDir, 'Machine', 'settings.json'), endpoint);
    await driver.screenshot('remote-setting-written');

    await runImportCommand(driver);
    // No AWS profiles on this machine, so the regions step is the first one shown; it names the destination.
    await driver.waitForQuickPickTitle(`(2/6): regions · calls go to ${endpoint} (awsccCognito.endpoint)`);
    await driver.press('Enter');
    await driver.waitForQuickPickTitle('(3/6): user pool');
    const pools = await driver.quickPickLabels();
    assert.ok(pools.some((label) => label.includes(POOL)), `the emulator's pool is offered: ${pools.join(' | ')}`);
    await driver.press('Escape');
  },
};
