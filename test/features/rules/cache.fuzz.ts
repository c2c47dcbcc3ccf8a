// Long run of the cache equivalence check (npm run fuzz): many seeds, bigger modules, more edits.
import { test } from 'node:test';
import { checkEditSequence } from './cacheCheck';

test('diagnostics cache: 10 seeds × 120 edits on 60-block modules equal fresh parses', () => {
  for (let seed = 1; seed <= 10; seed++) checkEditSequence(60, 120, seed);
});
