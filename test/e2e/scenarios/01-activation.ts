import assert from 'node:assert/strict';
import type { Scenario } from '../scenario';

export const scenario: Scenario = {
  name: 'activation',
  description: 'opening a .tf file shows the Terraform language mode and starts the extension (its log channel exists)',
  async run(driver) {
    await driver.openFile('main.tf');
    assert.equal(await driver.waitForLanguageMode('Terraform'), 'Terraform');
    // The output channel is created in activate(), so listing it proves the extension ran, not just its manifest.
    await driver.runCommand('Output: Show Output Channels...');
    const channels = await driver.quickPickLabels();
    assert.ok(
      channels.some((label) => label.includes('awscc-cognito')),
      `the awscc-cognito log channel is listed (saw: ${channels.join(', ')})`,
    );
    await driver.pickQuickPickItem('awscc-cognito');
  },
};
