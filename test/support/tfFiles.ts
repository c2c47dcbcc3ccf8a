// The .tf files under a folder, at any depth, in a stable order (fixture sweeps over test/fixtures).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function tfFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...tfFiles(full));
    else if (name.endsWith('.tf')) out.push(full);
  }
  return out;
}
