// The README tells a new user what they will see: the output channel by the name VS Code lists it under,
// and every command of the Command Palette as "Category: Title".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

test('the README names the output channel exactly as the extension creates it', () => {
  const source = readFileSync(join(root, 'client', 'src', 'extension.ts'), 'utf8');
  const names = [...source.matchAll(/createOutputChannel\(\s*'([^']+)'/g)].map((m) => m[1]);
  assert.ok(names.length > 0, 'the extension creates an output channel');
  for (const name of names) assert.ok(readme.includes(`output channel **${name}**`), `README names the output channel "${name}"`);
});

test('the README lists every command as the Command Palette shows it', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const commands = manifest.contributes.commands as { title: string; category?: string }[];
  assert.ok(commands.length >= 2);
  const missing = commands.map((c) => (c.category ? `${c.category}: ${c.title}` : c.title)).filter((shown) => !readme.includes(`**${shown}**`));
  assert.deepEqual(missing, []);
});
