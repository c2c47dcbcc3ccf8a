import assert from 'node:assert/strict';
import type { Scenario } from '../scenario';

const PLACEHOLDER = 'FILL-IN-CLIENT-ID';

export const scenario: Scenario = {
  name: 'convert-aws-client',
  description:
    'on an aws_cognito_user_pool_client block the lightbulb offers "Convert to awscc_cognito_user_pool_client"; applying it writes the awscc block, a removed block and an import whose client-ID placeholder is an Error until the ID is typed in, after which the file shows no Error',
  async run(driver) {
    await driver.openFile('convert.tf');
    await driver.waitForLanguageMode('Terraform');
    await driver.goTo(3, 5);
    await driver.applyQuickFix('Convert to awscc_cognito_user_pool_client');
    await driver.waitForEditorText('resource "awscc_cognito_user_pool_client" "legacy" {');
    await driver.waitForEditorText('  token_validity_units = {');
    await driver.waitForEditorText('  from = aws_cognito_user_pool_client.legacy');
    await driver.waitForEditorText(`  id = "us-east-1_AbCdEf123|${PLACEHOLDER}"`);
    // The placeholder is our CUP613 Error until the client ID replaces it.
    await driver.waitForSquiggle('error');
    const lines = (await driver.editorText()).split('\n');
    const line = lines.findIndex((l) => l.includes(PLACEHOLDER));
    assert.ok(line >= 0, `the placeholder is on screen:\n${lines.join('\n')}`);
    const column = lines[line].indexOf(PLACEHOLDER) + 1;
    // editorText() lists the visible lines from the top of the file (it fits on one screen).
    await driver.goTo(line + 1, column);
    for (let i = 0; i < PLACEHOLDER.length; i++) await driver.press('Shift+ArrowRight');
    await driver.press('Delete');
    await driver.typeAt(line + 1, column, '1h57kf5cpq17m0eml12EXAMPLE');
    await driver.waitForEditorText('|1h57kf5cpq17m0eml12EXAMPLE"');
    await driver.waitForNoSquiggle('error');
    const text = await driver.editorText();
    assert.ok(!text.includes('resource "aws_cognito_user_pool_client"'), `the aws block is gone:\n${text}`);
  },
};
