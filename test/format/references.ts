// The two reference formatters our output is compared with: `terraform fmt` (when a terraform binary is
// available) and hclwrite's formatter compiled to WebAssembly (`@cdktf/hcl-tools`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** The terraform binary on PATH, or undefined. */
export function findTerraform(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'terraform');
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

export interface TerraformFmtResult {
  /** terraform's output per input, or undefined where terraform refused the file (syntax error). */
  outputs: (string | undefined)[];
}

/**
 * Runs `terraform fmt` once over a temporary folder holding every text as its own file (one process for
 * hundreds of files instead of one per file), then reads the files back.
 */
export function terraformFmtBatch(terraform: string, texts: readonly string[]): TerraformFmtResult {
  const dir = mkdtempSync(join(tmpdir(), 'awscc-fmt-'));
  try {
    const names = texts.map((_, i) => `f${String(i).padStart(5, '0')}.tf`);
    texts.forEach((text, i) => writeFileSync(join(dir, names[i]), text));
    const run = spawnSync(terraform, ['fmt', '-list=false', '-no-color', dir], {
      encoding: 'utf8',
      env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', CHECKPOINT_DISABLE: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    const refused = new Set<string>();
    for (const m of (run.stderr ?? '').matchAll(/on \S*?(f\d{5}\.tf) line/g)) refused.add(m[1]);
    return { outputs: names.map((name) => (refused.has(name) ? undefined : readFileSync(join(dir, name), 'utf8'))) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** hclwrite's formatter (an older hclwrite than terraform 1.11 bundles: it predates `provider::` functions). */
export async function hclwriteFormat(text: string): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const tools = require('@cdktf/hcl-tools') as { format(text: string): Promise<string> };
  return tools.format(text);
}
