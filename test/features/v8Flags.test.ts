// The V8 flags of the processes that check documents (server/src/features/v8Flags.ts): each is set, and a
// runtime that refuses one still gets the others.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { V8_FLAGS, setV8Flags } from '../../server/src/features/v8Flags';

test('every core flag is set, in order', () => {
  const set: string[] = [];
  setV8Flags((flag) => set.push(flag));
  assert.deepEqual(set, [...V8_FLAGS]);
  assert.ok(set.includes('--no-turbo-inlining') && set.includes('--no-allocation-site-pretenuring'));
});

test('a flag the runtime refuses does not stop the others', () => {
  const set: string[] = [];
  setV8Flags((flag) => {
    if (flag === V8_FLAGS[0]) throw new Error('unknown flag');
    set.push(flag);
  });
  assert.deepEqual(set, V8_FLAGS.slice(1));
});
