import assert from 'node:assert/strict';
import type { Scenario } from '../scenario';

export const scenario: Scenario = {
  name: 'snippets',
  description: 'typing an import snippet prefix offers the snippet, and accepting it inserts the pipe-joined import block',
  async run(driver) {
    await driver.openFile('clean.tf');
    await driver.waitForLanguageMode('Terraform');
    await driver.press('Control+End');
    await driver.press('Enter');
    await driver.page.keyboard.type('import-awscc-cognito-user-pool-client-id');
    const labels = await driver.triggerCompletion('import-awscc-cognito-user-pool-client-id');
    assert.ok(labels.some((label) => label.includes('import-awscc-cognito-user-pool-client-id')), labels.join(' | '));
    await driver.press('Enter');
    await driver.waitForEditorText('id = "user_pool_id|client_id"');
    const text = await driver.editorText();
    assert.match(text, /import \{\n\s+to = awscc_cognito_user_pool_client\.app\n\s+id = "user_pool_id\|client_id"\n\}/);
  },
};
