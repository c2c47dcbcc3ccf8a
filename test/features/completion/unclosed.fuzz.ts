// The unclosed-block property at every position of the valid and completion fixtures (the regular suite
// checks a sample): removing the closing braces after the caret keeps completion and hover the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkUnclosed, unclosedCorpus } from '../../support/unclosedBlocks';

for (const corpus of unclosedCorpus()) {
  test(`unclosed blocks, every position: ${corpus.name}`, () => {
    const result = checkUnclosed(corpus);
    console.log(`${corpus.name}: ${result.cases} cases, ${result.nonEmpty} with items`);
    assert.deepEqual(result.failures.slice(0, 5), []);
  });
}
