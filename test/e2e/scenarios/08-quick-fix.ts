import assert from 'node:assert/strict';
import type { Scenario } from '../scenario';

export const scenario: Scenario = {
  name: 'quick-fix',
  description:
    'the hashicorp/aws spelling callback_urls gets an error squiggle and a CUP101 Problems entry; the lightbulb fix renames it to callback_ur_ls and the error goes away',
  async run(driver) {
    await driver.openFile('quick-fix.tf');
    await driver.waitForLanguageMode('Terraform');
    await driver.waitForSquiggle('error');
    const rows = await driver.openProblems('callback_urls');
    assert.ok(rows.some((row) => row.includes('callback_urls') && row.includes('CUP101')), `problems: ${rows.join(' / ')}`);

    await driver.goTo(4, 5);
    await driver.applyQuickFix(/Rename to .?callback_ur_ls/);
    await driver.waitForEditorText('  callback_ur_ls = ["https://app.example.com/callback"]');
    await driver.waitForNoSquiggle('error');
    const text = await driver.editorText();
    assert.ok(!text.includes('callback_urls ='), `the old name is gone:\n${text}`);
  },
};
