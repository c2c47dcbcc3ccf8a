// Everything the runner starts is registered here, so one cleanup stops it all: on success, on a
// failure, on an exception and on Ctrl+C. Servers run in their own process group (detached spawn =
// setsid), because code-server leaves a file-watcher child behind when only the launcher is killed.
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync, rmSync } from 'node:fs';

type Cleanup = () => Promise<void> | void;

const cleanups: Cleanup[] = [];
let cleaning: Promise<void> | undefined;
// Kept separately so the synchronous 'exit' hook can still stop them if the process ends abruptly
// (an uncaught error, or a library calling process.exit) before the async cleanup has run.
const liveGroups = new Set<number>();
const tempPaths = new Set<string>();

process.on('exit', () => {
  for (const pgid of liveGroups) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  for (const path of tempPaths) rmSync(path, { recursive: true, force: true });
});

export function onCleanup(task: Cleanup): void {
  cleanups.push(task);
}

/** Runs the cleanups in reverse order of registration, once, however many times it is called. */
export function cleanupAll(): Promise<void> {
  cleaning ??= (async () => {
    for (const task of cleanups.reverse()) {
      try {
        await task();
      } catch (error) {
        console.error(`[e2e] cleanup step failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  })();
  return cleaning;
}

export function installSignalHandlers(): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      console.error(`[e2e] ${signal}: stopping everything that was started`);
      // The servers first and synchronously: whatever happens next, they must not outlive the run.
      for (const pgid of liveGroups) {
        try {
          process.kill(-pgid, 'SIGTERM');
        } catch {
          // already gone
        }
      }
      void cleanupAll().finally(() => process.exit(130));
    });
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to the whole group, then SIGKILL for whatever is still there after a grace period. */
export async function killGroup(pgid: number, graceMs = 3000): Promise<void> {
  if (!groupAlive(pgid)) return;
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (groupAlive(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (groupAlive(pgid)) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Starts a long-running process in its own group with output to a log file; cleanup kills the group. */
export function startGroup(command: string, args: string[], options: { env: NodeJS.ProcessEnv; cwd?: string; logFile: string }): ChildProcess {
  const log = openSync(options.logFile, 'a');
  const child = spawn(command, args, { env: options.env, cwd: options.cwd, detached: true, stdio: ['ignore', log, log] });
  closeSync(log);
  const pgid = child.pid;
  if (pgid === undefined) throw new Error(`could not start ${command}`);
  liveGroups.add(pgid);
  onCleanup(async () => {
    await killGroup(pgid);
    liveGroups.delete(pgid);
  });
  return child;
}

export function removeLater(path: string): void {
  tempPaths.add(path);
  onCleanup(() => {
    rmSync(path, { recursive: true, force: true });
    tempPaths.delete(path);
  });
}
