// The test suite's own honesty: a test that cannot run says so as a skip, with its reason, instead of
// returning early and counting as a pass; and what the tests need to run comes with `npm ci`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..');

function testSources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== 'node_modules' && name !== 'fixtures') testSources(full, out);
    } else if (name.endsWith('.ts')) out.push(full);
  }
  return out;
}

test('no early return after a "skipped" message without marking the test skipped', () => {
  const found: string[] = [];
  for (const file of testSources(join(root, 'test'))) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (!/^\s*return;/.test(line)) return;
      // The few lines before the return: a message that says "skip" means this return is meant as a skip.
      const before = lines.slice(Math.max(0, i - 4), i).join('\n');
      if (/console\.log\([^)]*skip/i.test(before) && !/\.skip\(|skipReason|skip =/.test(before)) found.push(`${relative(root, file)}:${i + 1}`);
    });
  }
  assert.deepEqual(found, [], 'use t.skip(reason) (or { skip: reason }) so the run counts it as skipped');
});

test('the TextMate engine the grammar tests use is a devDependency, so a fresh clone runs them', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  for (const name of ['vscode-textmate', 'vscode-oniguruma']) {
    assert.ok(manifest.devDependencies?.[name], `${name} is in devDependencies`);
    assert.ok(require.resolve(name), `${name} resolves from the project`);
  }
  assert.doesNotMatch(readFileSync(join(root, 'test', 'client', 'textmate.ts'), 'utf8'), /awscc-cognito-e2e|unavailable/, 'the engine is not looked up in the e2e cache');
});
