// The property suites at scale: 20x the regular counts (about 30,000 cases).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runParserProperties } from './propertySuites';

describe('parser properties (long)', () => {
  for (const suite of runParserProperties({ scale: 20, seed: 777 })) {
    test(suite.name, () => {
      const result = suite.run();
      console.log(`${suite.name}: ${result.cases} cases`);
      assert.equal(result.failures.length, 0, result.failures.slice(0, 3).join('\n\n'));
    });
  }
});
