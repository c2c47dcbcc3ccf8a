// Properties that must hold for any input: the parser never throws, every node range lies inside the
// document and nests inside its parent, and an incremental reparse equals a full parse of the new text.
// Run counts here are small; properties.fuzz.ts runs the same properties at scale.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runParserProperties } from './propertySuites';

describe('parser properties', () => {
  for (const suite of runParserProperties({ scale: 0.3 })) {
    test(suite.name, () => {
      const result = suite.run();
      assert.equal(result.failures.length, 0, result.failures.slice(0, 3).join('\n\n'));
      assert.ok(result.cases > 0);
    });
  }
});
