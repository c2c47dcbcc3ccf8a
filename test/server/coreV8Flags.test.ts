// The language service's V8 flags (server/src/coreV8Flags.ts): each is set, and a runtime that refuses one
// still gets the others and a working server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CORE_V8_FLAGS, setCoreV8Flags } from '../../server/src/coreV8Flags';

test('every core flag is set, in order', () => {
  const set: string[] = [];
  setCoreV8Flags((flag) => set.push(flag));
  assert.deepEqual(set, [...CORE_V8_FLAGS]);
  assert.ok(set.includes('--no-turbo-inlining') && set.includes('--no-allocation-site-pretenuring'));
});

test('a flag the runtime refuses does not stop the others', () => {
  const set: string[] = [];
  setCoreV8Flags((flag) => {
    if (flag === CORE_V8_FLAGS[0]) throw new Error('unknown flag');
    set.push(flag);
  });
  assert.deepEqual(set, CORE_V8_FLAGS.slice(1));
});
