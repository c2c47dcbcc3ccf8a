import assert from 'node:assert/strict';
import { bundleSuite } from '../../vscode/bundleSuite';
import type { Scenario } from '../scenario';

// The suite `npm run test:vscode` runs in a downloaded VS Code. Offline that download fails, so this
// runs the very same suite in code-server's extension host (extensionTestsPath in the URL payload),
// which keeps the suite honest on machines like this one.
export const scenario: Scenario = {
  name: 'vscode-api-suite',
  description: 'the test:vscode suite (activation, language configuration, syntax diagnostics) passes in the extension host',
  payload: ({ root }) => [
    ['extensionDevelopmentPath', root],
    ['extensionTestsPath', bundleSuite(root)],
  ],
  async run(driver) {
    const summary = await driver.waitForConsole(/\d+ passed, \d+ failed/, 90_000);
    await driver.screenshot('suite-finished');
    const failures = driver.consoleMatching(/FAIL /);
    assert.deepEqual(failures, [], 'every check of the suite passed');
    assert.match(summary, /[1-9]\d* passed, 0 failed/);
  },
};
