// Finds the language server processes of the extension installed for this run, by reading /proc: their
// command line names the run's own temporary extensions dir, so nothing else on the machine matches.
import { readdirSync, readFileSync } from 'node:fs';

export function languageServerPids(extensionsDir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let commandLine: string;
    try {
      commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
    } catch {
      continue; // exited while we looked
    }
    if (commandLine.includes(extensionsDir) && commandLine.includes('dist/server.js')) pids.push(Number(entry));
  }
  return pids;
}

/** Polls until a server process that is not in `known` exists and returns its pid. */
export async function waitForNewServer(extensionsDir: string, known: Set<number>, timeoutMs = 20_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const fresh = languageServerPids(extensionsDir).find((pid) => !known.has(pid));
    if (fresh !== undefined) return fresh;
    if (Date.now() > deadline) throw new Error(`no new language server process appeared within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
