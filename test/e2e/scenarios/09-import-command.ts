import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { terraformName } from '../../../server/src/render/naming';
import {
  EMULATOR_REGION,
  emulatorEnv,
  seedEmulator,
  startCognitoLocal,
  variedClientSettings,
  type SeededPool,
} from '../../support/emulators';
import type { Scenario } from '../scenario';

const POOL = 'e2e-pool';
const CLIENTS = ['Portal App', 'Mobile App', 'Batch Worker'];
// Profiles in the editor's AWS config file, so the profile step shows; they have no keys, and the default
// credential chain (the dummy keys of the environment) stays preselected because AWS_PROFILE is empty.
const PROFILES = ['e2e-sso', 'e2e-plain'];
const AWS_CONFIG = ['[sso-session e2e]', 'sso_start_url = https://e2e.invalid/start', 'sso_region = us-east-1', '[profile e2e-sso]', 'sso_session = e2e', 'region = eu-west-1', '[profile e2e-plain]', 'output = json', ''].join('\n');

/** Every file under `dir` (the workspace, the editor's logs), for the secret leak check. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

export const scenario: Scenario<SeededPool> = {
  name: 'import-command',
  description:
    '"Generate import block" from the palette, against cognito-local set in the Remote settings (the region in the user settings), walks the six pickers (a profile from the AWS config file offered, the default chain kept) and writes one import block per app client into imports.tf, with no client secret anywhere',
  async setup() {
    // The editor's environment has dummy keys only, so nothing can reach real AWS credentials.
    const emulator = await startCognitoLocal();
    const awsDir = mkdtempSync(join(tmpdir(), 'awscc-e2e-aws-'));
    const cleanUp = async () => {
      rmSync(awsDir, { recursive: true, force: true });
      await emulator.stop();
    };
    try {
      writeFileSync(join(awsDir, 'config'), AWS_CONFIG);
      const [pool] = await seedEmulator(emulator.endpoint, {
        // Client 0 of variedClientSettings generates a secret: the leak check below has something to find.
        pools: [{ name: POOL, clients: CLIENTS.map((name, i) => ({ name, settings: variedClientSettings(i) })) }],
      });
      return {
        env: { ...emulatorEnv(), AWS_CONFIG_FILE: join(awsDir, 'config') },
        // The endpoint is machine-scoped: in code-server's remote window it is read from the Remote settings.
        machineSettings: { 'awsccCognito.endpoint': emulator.endpoint },
        userSettings: { 'awsccCognito.region': EMULATOR_REGION },
        data: pool,
        dispose: cleanUp,
      };
    } catch (error) {
      await cleanUp();
      throw error;
    }
  },
  async run(driver, pool) {
    const secrets = pool.clients.map((c) => c.secretForLeakChecks).filter((s): s is string => Boolean(s));
    assert.ok(secrets.length > 0, 'the emulator generated a secret for at least one client');
    await driver.openFile('main.tf');
    await driver.waitForLanguageMode('Terraform');

    await driver.runCommand('awscc Cognito: Generate import block');
    await driver.waitForQuickPickTitle('(1/6): AWS profile');
    const profiles = await driver.quickPickLabels();
    for (const name of PROFILES) assert.ok(profiles.some((label) => label.includes(name)), `profile "${name}" is offered: ${profiles.join(' | ')}`);
    assert.match(profiles[0], /Default credential chain/, 'with no profile set, the default chain comes first');
    await driver.press('Enter');
    await driver.waitForQuickPickTitle('(2/6): regions');
    assert.ok((await driver.quickPickLabels()).some((label) => label.includes(EMULATOR_REGION)), 'the configured region is offered');
    await driver.press('Enter'); // the region from the user settings is preselected
    await driver.waitForQuickPickTitle('(3/6): user pool');
    await driver.pickQuickPickItem(POOL);
    await driver.waitForQuickPickTitle('(4/6): app clients');
    const offered = await driver.quickPickLabels();
    for (const name of CLIENTS) assert.ok(offered.some((label) => label.includes(name)), `client "${name}" is offered: ${offered.join(' | ')}`);
    await driver.press('Enter'); // every client not yet in the module is ticked
    await driver.waitForQuickPickTitle('(5/6): import form');
    await driver.press('Enter');
    await driver.waitForQuickPickTitle('(6/6): resource blocks');
    await driver.press('Enter');
    await driver.waitForNotification(`Wrote import blocks for ${CLIENTS.length} app clients`);

    // The blocks land in imports.tf, which the command opens; one `import` per client, pool|client ids.
    for (const client of pool.clients) await driver.waitForEditorText(`id = "${pool.id}|${client.clientId}"`);
    const shown = await driver.editorText();
    for (const client of pool.clients) {
      assert.ok(shown.includes(`to = awscc_cognito_user_pool_client.${terraformName(client.clientName)}`), `an import block for ${client.clientName}:\n${shown}`);
    }
    assert.equal(shown.match(/^import \{/gm)?.length, CLIENTS.length, `one import block per client:\n${shown}`);

    // Saved, the file holds the same blocks; no secret is in any file of the workspace or the editor's logs.
    await driver.press('Control+S');
    const importsFile = join(driver.paths.workspaceFolder, 'imports.tf');
    const deadline = Date.now() + 20_000;
    while (!(existsSync(importsFile) && readFileSync(importsFile, 'utf8').includes(pool.clients[0].clientId))) {
      if (Date.now() > deadline) throw new Error('imports.tf was not saved with the import blocks');
      await new Promise((r) => setTimeout(r, 200)); // polling the disk, not waiting for time to pass
    }
    await driver.screenshot('saved');
    const saved = readFileSync(importsFile, 'utf8');
    assert.equal(saved.match(/^import \{/gm)?.length, CLIENTS.length, saved);
    const leaks = [...filesUnder(driver.paths.workspaceFolder), ...filesUnder(join(driver.paths.userDataDir, 'logs'))].filter((file) =>
      secrets.some((secret) => readFileSync(file, 'utf8').includes(secret)),
    );
    assert.deepEqual(leaks, [], 'no file contains a client secret');
  },
};
