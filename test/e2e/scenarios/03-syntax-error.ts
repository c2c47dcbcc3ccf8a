import assert from 'node:assert/strict';
import type { Scenario } from '../scenario';

export const scenario: Scenario = {
  name: 'syntax-error',
  description: 'a syntax error gets a red squiggle and a Problems entry from awscc-cognito; typing one into a clean file does too, and undo clears it',
  async run(driver) {
    await driver.openFile('syntax-error.tf');
    assert.ok((await driver.waitForSquiggle('error')) >= 1);
    const rows = await driver.openProblems('awscc-cognito');
    assert.ok(rows.some((row) => row.includes('syntax-error.tf') || row.includes('awscc-cognito')), `problems: ${rows.join(' / ')}`);

    // Live edits: the server must see incremental changes, not just the file as opened.
    await driver.openFile('clean.tf');
    await driver.waitForLanguageMode('Terraform');
    await driver.typeAt(2, 17, '=');
    await driver.waitForSquiggle('error');
    await driver.press('Control+Z');
    await driver.waitForNoSquiggle('error');
  },
};
