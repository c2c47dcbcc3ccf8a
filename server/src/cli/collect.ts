// Turns CLI path arguments into the .tf files to check. A file's module is its folder.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export class UsageError extends Error {}

/** Folders are searched recursively for .tf files, skipping `.terraform/` and hidden folders. */
export function collectTerraformFiles(paths: readonly string[]): string[] {
  const files = new Set<string>();
  for (const p of paths) {
    const full = resolve(p);
    let stat;
    try {
      stat = statSync(full);
    } catch {
      throw new UsageError(`cannot read ${p}: no such file or folder`);
    }
    if (stat.isDirectory()) walk(full, files);
    else files.add(full);
  }
  return [...files].sort();
}

function walk(dir: string, out: Set<string>): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.isDirectory()) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      walk(join(dir, e.name), out);
    } else if (e.isFile() && e.name.endsWith('.tf')) out.add(join(dir, e.name));
  }
}
