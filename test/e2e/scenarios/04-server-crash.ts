import assert from 'node:assert/strict';
import type { Scenario } from '../scenario';
import { waitForNewServer } from '../serverProcesses';

// A server that keeps dying is a fault the real server should never produce, so the scenario produces
// it from outside: it kills the real server process (by pid) every time the client restarts it.
const CRASHES = 5; // one more than the client's restart budget

export const scenario: Scenario = {
  name: 'server-crash',
  description: 'a server that keeps crashing is restarted, then given up on with a "Show log" message; the restart command brings it back',
  async run(driver) {
    const { extensionsDir } = driver.paths;
    await driver.openFile('syntax-error.tf');
    await driver.waitForSquiggle('error');

    // The client drops a dead server's diagnostics and the restarted server publishes them again, so the
    // squiggle going and coming back shows each restart completed before the next crash.
    const killed = new Set<number>();
    for (let crash = 1; crash <= CRASHES; crash += 1) {
      const pid = await waitForNewServer(extensionsDir, killed);
      process.kill(pid, 'SIGKILL');
      killed.add(pid);
      await driver.waitForNoSquiggle('error');
      if (crash < CRASHES) await driver.waitForSquiggle('error');
    }
    const toast = await driver.waitForNotification('crashed repeatedly');
    const status = await driver.statusItemText('awsccCognito.status');
    assert.match(status, /awscc-cognito/, 'the status bar says the server is down');

    await driver.clickNotificationButton(toast, 'Show log');
    await driver.waitForPanelText('stopped unexpectedly');

    await driver.runCommand('awscc Cognito: Restart language server');
    await waitForNewServer(extensionsDir, killed);
    // Fixing the error proves the new server reads edits and publishes again.
    await driver.waitForSquiggle('error');
    await driver.goTo(3, 18);
    await driver.press('Delete');
    await driver.waitForNoSquiggle('error');
  },
};
