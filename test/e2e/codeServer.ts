// Starting a code-server for the real-editor tests: its own user-data, extensions and workspaces folders,
// the packaged extension installed into it, user settings seeded, and the process registered for cleanup.
// Most scenarios share one; a scenario with a `setup` (extra environment, user settings, workspace trust)
// gets one of its own, stopped right after it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { E2eTools } from '../../scripts/e2e-setup.mjs';
import { killGroup, startGroup } from './processes';

export interface EditorOptions {
  /** Added to code-server's environment (and so to the extension host's and the language server's). */
  env?: Record<string, string>;
  /** Merged over the default user settings. */
  userSettings?: Record<string, unknown>;
  /**
   * The Remote settings (user-data/Machine/settings.json). code-server's window is a remote window: VS Code
   * applies machine-scoped settings (awsccCognito.endpoint, profile) only from these or the workspace's.
   * From the User file it sometimes applies them at start-up and sometimes not (one full e2e run saw the
   * import command find no endpoint while a run of that scenario alone found it), so tests put them here.
   */
  machineSettings?: Record<string, unknown>;
  /** Leaves workspace trust on: folders open untrusted and VS Code asks the user about them. */
  workspaceTrust?: boolean;
}

export interface Editor {
  port: number;
  userDataDir: string;
  extensionsDir: string;
  workspacesDir: string;
  logFile: string;
  /** Stops this code-server (its whole process group); also done by the runner's final cleanup. */
  stop(): Promise<void>;
}

const HEALTH_TIMEOUT_MS = 60_000;

function defaultUserSettings(workspaceTrust: boolean): Record<string, unknown> {
  return {
    // The web build autosaves by default: typed text would land in the (copied) fixtures.
    'files.autoSave': 'off',
    'files.hotExit': 'off',
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'git.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'security.workspace.trust.enabled': workspaceTrust,
    'editor.hover.delay': 200,
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

/** Installs the .vsix into a fresh profile under `dir` and starts code-server; resolves once /healthz answers. */
export async function startCodeServer(
  tools: E2eTools,
  vsixPath: string,
  dir: string,
  options: EditorOptions,
  log: (message: string) => void,
): Promise<Editor> {
  const userDataDir = join(dir, 'user-data');
  const extensionsDir = join(dir, 'extensions');
  const workspacesDir = join(dir, 'workspaces');
  const logFile = join(dir, 'code-server.log');
  const workspaceTrust = options.workspaceTrust === true;
  mkdirSync(workspacesDir, { recursive: true });
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(
    join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...defaultUserSettings(workspaceTrust), ...options.userSettings }, null, 2),
  );
  if (options.machineSettings) {
    mkdirSync(join(userDataDir, 'Machine'), { recursive: true });
    writeFileSync(join(userDataDir, 'Machine', 'settings.json'), JSON.stringify(options.machineSettings, null, 2));
  }
  // Any code-server call writes ~/.config/code-server/config.yaml unless XDG_CONFIG_HOME points elsewhere.
  const env = { ...process.env, ...options.env, XDG_CONFIG_HOME: join(dir, 'xdg-config'), XDG_DATA_HOME: join(dir, 'xdg-data') };
  const dirs = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];

  const started = Date.now();
  const install = spawnSync(process.execPath, [tools.codeServer, ...dirs, '--install-extension', vsixPath], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (install.status !== 0 || !/successfully installed/i.test(install.stdout)) {
    throw new Error(`installing the .vsix into code-server failed:\n${install.stdout}\n${install.stderr}`);
  }
  log(`installed the extension in ${seconds(started)}`);

  const port = await freePort();
  const child = startGroup(
    process.execPath,
    [
      tools.codeServer,
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      ...dirs,
    ],
    { env, logFile },
  );
  const pgid = child.pid!;
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer /healthz within ${HEALTH_TIMEOUT_MS / 1000} s; log: ${logFile}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  log(`code-server ${port} ready in ${seconds(started)}${workspaceTrust ? ' (workspace trust on)' : ''}`);
  return { port, userDataDir, extensionsDir, workspacesDir, logFile, stop: () => killGroup(pgid) };
}
