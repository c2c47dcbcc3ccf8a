// The long differential run: hundreds of random documents and generated modules against hcl2-parser.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compareWithReference, generatedCorpus, randomCorpus } from './differentialSuite';

describe('differential against hcl2-parser (long)', () => {
  test('600 random documents', () => {
    const corpus = randomCorpus(600, 10_000);
    const result = compareWithReference(corpus);
    console.log(`compared ${result.compared}; hcl2-parser rejected ${result.referenceRejected.length} (evaluation/conversion limits)`);
    assert.ok(result.compared >= corpus.length * 0.9);
  });

  test('100 generated modules', () => {
    const result = compareWithReference(generatedCorpus(100, 500));
    assert.equal(result.compared, 100);
  });
});
