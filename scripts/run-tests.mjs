// Runs the node:test suites under test/ with tsx. `--fuzz` runs the long property/differential suites
// (files named *.fuzz.ts) instead of the regular ones (*.test.ts). Extra arguments filter by path substring.
import { readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const fuzz = args.includes('--fuzz');
const filters = args.filter((a) => !a.startsWith('--'));
const suffix = fuzz ? '.fuzz.ts' : '.test.ts';
const skipDirs = new Set(['node_modules', 'e2e', 'vscode', 'bench', 'fixtures']);

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      if (!skipDirs.has(name)) walk(full, out);
    } else if (name.endsWith(suffix)) out.push(full);
  }
  return out;
}

const files = walk('test', []).filter((f) => filters.length === 0 || filters.some((x) => f.includes(x))).sort();
if (files.length === 0) {
  console.error(`no test files matched (${suffix}${filters.length ? ', ' + filters.join(' ') : ''})`);
  process.exit(1);
}
const env = { ...process.env, ...(fuzz ? { FUZZ: '1' } : {}) };
// Node's default runs cores − 1 files at once: one on a 2-core machine. Most files spend their time
// starting tsx or waiting for a child process (the server, an emulator, terraform), so two at once there
// took the suite from ~172 to ~133 s.
const concurrency = Math.max(2, availableParallelism());
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files], {
  stdio: 'inherit',
  env,
});
process.exit(result.status ?? 1);
