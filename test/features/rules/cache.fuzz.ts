// Long run of the cache equivalence check (npm run fuzz): many seeds, bigger modules, more edits.
import { test } from 'node:test';
import { checkEditSequence } from './cacheCheck';

test('diagnostics cache: 10 seeds × 120 edits on 60-block modules equal fresh parses', () => {
  for (let seed = 1; seed <= 10; seed++) checkEditSequence(60, 120, seed);
});

test('diagnostics cache: 5 seeds × 160 edits, 4 per run, on 60-block modules equal fresh parses', () => {
  for (let seed = 11; seed <= 15; seed++) checkEditSequence(60, 160, seed, 4);
});
