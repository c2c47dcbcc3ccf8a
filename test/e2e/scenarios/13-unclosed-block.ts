import assert from 'node:assert/strict';
import type { Scenario } from '../scenario';

// Editors without auto-closing (Neovim, Helix, Emacs without autopairs) leave a new block open while it is
// typed; VS Code does too with auto-closing off. Completion must work there as in a closed block.
export const scenario: Scenario = {
  name: 'unclosed-block',
  description:
    'with auto-closing brackets and quotes off, a new client block typed without its closing brace gets attribute names on Ctrl+Space, and accepting one inserts it there',
  async setup() {
    return { data: undefined, userSettings: { 'editor.autoClosingBrackets': 'never', 'editor.autoClosingQuotes': 'never' } };
  },
  async run(driver) {
    await driver.openFile('clean.tf');
    await driver.waitForLanguageMode('Terraform');
    await driver.press('Control+End');
    await driver.press('Enter');
    await driver.page.keyboard.type('resource "awscc_cognito_user_pool_client" "typed_open" {');
    await driver.press('Enter');
    // The editor may or may not indent the new line: write the indentation ourselves either way.
    await driver.press('Shift+Home');
    await driver.page.keyboard.type('  ');
    await driver.press('Escape');
    await driver.waitForNoCompletion();
    const header = 'resource "awscc_cognito_user_pool_client" "typed_open" {';
    assert.ok(!(await driver.editorText()).includes(`${header}}`), 'auto-closing is off: no brace was added');

    // Nothing typed on the line yet: every settable attribute, the required user_pool_id first.
    const labels = await driver.triggerCompletion('user_pool_id');
    assert.match(labels[0] ?? '', /user_pool_id/, labels.join(' | '));
    assert.ok(labels.some((l) => l.includes('client_name')), labels.join(' | '));
    await driver.press('Enter');
    await driver.waitForEditorText('  user_pool_id = ');
    // Accepting asks for a value right away (pool references); none is wanted here.
    await driver.press('Escape');
    const text = await driver.editorText();
    assert.match(text, /resource "awscc_cognito_user_pool_client" "typed_open" \{\n {2}user_pool_id = \s*$/, text);
    assert.equal((text.match(/\}/g) ?? []).length, 1, `only the existing block's brace:\n${text}`);
  },
};
