// Our parser agrees with hcl2-parser on the values of valid files: the hand-written fixtures, a sample of
// random documents covering every expression form, and generated modules. differential.fuzz.ts runs more.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compareWithReference, fixtureCorpus, generatedCorpus, randomCorpus } from './differentialSuite';

describe('differential against hcl2-parser', () => {
  test('hand-written fixtures (test/fixtures/valid)', () => {
    const corpus = fixtureCorpus();
    assert.ok(corpus.length >= 12, 'at least a dozen fixtures');
    const result = compareWithReference(corpus);
    assert.deepEqual(result.referenceRejected, [], 'every fixture is within HCL 2.10');
    assert.equal(result.compared, corpus.length);
  });

  test('random documents with every expression form', () => {
    const corpus = randomCorpus(40, 1);
    const result = compareWithReference(corpus);
    if (result.referenceRejected.length) console.log(`hcl2-parser could not evaluate/convert: ${result.referenceRejected.join(', ')}`);
    assert.ok(result.compared >= 36, `compared only ${result.compared} of ${corpus.length}`);
  });

  test('generated awscc_cognito_user_pool_client modules', () => {
    const corpus = generatedCorpus(8, 1);
    const result = compareWithReference(corpus);
    assert.equal(result.compared, corpus.length);
  });
});
