import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../scenario';

// The refusal the command shows in an untrusted folder (client/src/importCommand.ts).
const REFUSAL = 'only runs in a trusted workspace';

export const scenario: Scenario = {
  name: 'untrusted-import',
  description:
    'with workspace trust on and the folder not trusted (Restricted Mode), "Generate import block" refuses with its message and writes nothing, while editing features still work',
  async setup() {
    return { workspaceTrust: true, data: undefined };
  },
  async run(driver) {
    const folder = driver.paths.workspaceFolder;
    const filesBefore = readdirSync(folder).sort();
    const mainBefore = readFileSync(join(folder, 'main.tf'), 'utf8');

    // VS Code asks about the folder when it opens; the user says no and gets Restricted Mode.
    await driver.answerDialog('Do you trust the authors', /No, I don.t trust/);
    assert.match(await driver.statusItemText('status.workspaceTrust'), /Restricted Mode/);
    await driver.screenshot('restricted-mode');

    await driver.openFile('main.tf');
    await driver.waitForLanguageMode('Terraform');
    // The language features need no trust: the hover still answers.
    await driver.hoverWord('explicit_auth_flows', 'list of string');
    await driver.press('Escape');
    await driver.runCommand('awscc Cognito: Generate import block');
    const toast = await driver.waitForNotification(REFUSAL);
    assert.match((await toast.textContent()) ?? '', /Manage Workspace Trust/, 'the message offers to manage trust');
    // No picker opened and nothing was written.
    assert.equal(await driver.page.locator('.quick-input-widget .quick-input-title').filter({ hasText: 'Generate import block (' }).count(), 0);
    assert.deepEqual(readdirSync(folder).sort(), filesBefore, 'no file was created');
    assert.equal(readFileSync(join(folder, 'main.tf'), 'utf8'), mainBefore, 'main.tf is unchanged on disk');
    assert.ok(!existsSync(join(folder, 'imports.tf')));
    const tab = await driver.page.locator('.tabs-container .tab.active').getAttribute('class');
    assert.ok(!tab?.includes('dirty'), 'the editor has no unsaved change');
  },
};
