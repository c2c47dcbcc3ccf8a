// The extension's output channel is a log file under the editor's user-data dir. Reading it tells a scenario
// what the client and the server did, which the screen shows only for a moment or not at all (a restarted
// server can publish the same squiggle again before the editor has drawn its removal).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The extension's log files under `userDataDir` (one per extension host the run has started). */
export function extensionLogFiles(userDataDir: string): string[] {
  const dir = join(userDataDir, 'logs');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /awscc-cognito/i.test(file) && file.endsWith('.log'))
    .map((file) => join(dir, file));
}

/** Polls the extension's log until a line contains `text`; the editor writes the file a little after the fact. */
export async function waitForLogLine(userDataDir: string, text: string, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const file of extensionLogFiles(userDataDir)) {
      const line = readFileSync(file, 'utf8').split('\n').find((l) => l.includes(text));
      if (line !== undefined) return line;
    }
    if (Date.now() > deadline) throw new Error(`the awscc-cognito log has no line with "${text}" after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
