// Asks terraform's own HCL parser which files have syntax errors, many files per process: spawning
// `terraform fmt` per file costs tens of milliseconds, so the texts are written into one temporary folder
// and checked with a single `terraform fmt -check -recursive` whose error report names each bad file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function terraformAvailable(): boolean {
  const r = spawnSync('terraform', ['version'], { encoding: 'utf8' });
  return r.status === 0;
}

/** For each text, whether terraform reports a syntax error for it. */
export function terraformRejects(texts: string[]): boolean[] {
  const dir = mkdtempSync(join(tmpdir(), 'hcl-check-'));
  try {
    const names = texts.map((_, i) => `f${String(i).padStart(5, '0')}.tf`);
    texts.forEach((text, i) => writeFileSync(join(dir, names[i]), text));
    const r = spawnSync('terraform', ['fmt', '-check', '-list=false', '-recursive', '-no-color', '.'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', CHECKPOINT_DISABLE: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.error) throw r.error;
    const bad = new Set<string>();
    for (const m of r.stderr.matchAll(/on (f\d{5}\.tf) line \d+/g)) bad.add(m[1]);
    // Errors without a source location would hide a file: treat an unexplained failure as a tool problem.
    if (bad.size === 0 && /Error:/.test(r.stderr)) throw new Error(`terraform fmt failed without naming files:\n${r.stderr.slice(0, 2000)}`);
    return names.map((n) => bad.has(n));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
