// Evaluates one expression with `terraform console` in a throwaway folder holding `main.tf`, returning its
// value as JSON. (Fed several lines on a pipe, terraform 1.11's console prints only the last result, so
// callers ask for a tuple of everything they need in one expression.)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function terraformConsole(mainTf: string, expression: string): unknown {
  const dir = mkdtempSync(join(tmpdir(), 'tf-console-'));
  try {
    writeFileSync(join(dir, 'main.tf'), mainTf);
    const r = spawnSync('terraform', ['console'], {
      cwd: dir,
      input: `jsonencode(${expression})\n`,
      encoding: 'utf8',
      env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', CHECKPOINT_DISABLE: '1', NO_COLOR: '1' },
      timeout: 120_000,
    });
    if (r.error) throw r.error;
    if (r.status !== 0) throw new Error(`terraform console failed (${r.status}):\n${r.stderr}\n--- main.tf ---\n${mainTf}`);
    // The console prints the JSON text as an HCL string literal, whose escapes are JSON's for this content.
    return JSON.parse(JSON.parse(r.stdout.trim()) as string);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
