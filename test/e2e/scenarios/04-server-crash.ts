import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Scenario } from '../scenario';
import { waitForLogLine } from '../extensionLog';
import { waitForNewServer } from '../serverProcesses';

// A server that keeps dying is a fault the real server should never produce, so the scenario produces
// it from outside: it kills the real server process (by pid) every time the client restarts it.
const CRASHES = 5; // one more than the client's restart budget

export const scenario: Scenario = {
  name: 'server-crash',
  description: 'a server that keeps crashing is restarted, then given up on with a "Show log" message; the restart command brings it back',
  async run(driver) {
    const { extensionsDir, userDataDir } = driver.paths;
    await driver.openFile('syntax-error.tf');
    await driver.waitForSquiggle('error');

    // Each server is killed only once the log says it is up (the server logs its pid after `initialized`),
    // and each restart is read from the client's log line. The squiggle cannot show this: the client drops
    // a dead server's diagnostics, but a restarted server publishes the same squiggle again, sometimes
    // before the editor has drawn its removal (CI saw exactly that once).
    const killed = new Set<number>();
    for (let crash = 1; crash <= CRASHES; crash += 1) {
      const pid = await waitForNewServer(extensionsDir, killed);
      await waitForLogLine(userDataDir, `ready (process ${pid})`);
      await driver.waitForSquiggle('error');
      if (crash === 1) assertStartedWithoutExtraCerts(pid);
      process.kill(pid, 'SIGKILL');
      killed.add(pid);
      if (crash < CRASHES) await waitForLogLine(userDataDir, `restarting (${crash}/${CRASHES - 1})`);
    }
    const toast = await driver.waitForNotification('crashed repeatedly');
    const status = await driver.statusItemText('awsccCognito.status');
    assert.match(status, /awscc-cognito/, 'the status bar says the server is down');
    // A server that was given up on leaves no diagnostics behind: this state lasts, so the screen shows it.
    await driver.waitForNoSquiggle('error');

    await driver.clickNotificationButton(toast, 'Show log');
    await driver.waitForPanelText('stopped unexpectedly');

    await driver.runCommand('awscc Cognito: Restart language server');
    const restarted = await waitForNewServer(extensionsDir, killed);
    await waitForLogLine(userDataDir, `ready (process ${restarted})`);
    // Fixing the error proves the new server reads edits and publishes again.
    await driver.waitForSquiggle('error');
    await driver.goTo(3, 18);
    await driver.press('Delete');
    await driver.waitForNoSquiggle('error');
  },
};

/** Variables of a process, from /proc (Linux, where the e2e suite runs). */
function environmentOf(pid: number): Map<string, string> {
  const pairs = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean);
  return new Map(pairs.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
}

/**
 * The client starts the server without NODE_EXTRA_CA_CERTS (client/src/serverOptions.ts): the server makes
 * no TLS connection, and the variable costs every Node start tens of milliseconds. Its parent, the extension
 * host, keeps it (live AWS calls run there).
 */
function assertStartedWithoutExtraCerts(pid: number): void {
  const parent = Number(/^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  const host = environmentOf(parent);
  if (!host.has('NODE_EXTRA_CA_CERTS')) {
    console.log('# not checked: NODE_EXTRA_CA_CERTS is not set in the extension host here, so there is nothing to drop');
    return;
  }
  assert.equal(environmentOf(pid).get('NODE_EXTRA_CA_CERTS'), undefined, 'the language server does not inherit NODE_EXTRA_CA_CERTS');
}
