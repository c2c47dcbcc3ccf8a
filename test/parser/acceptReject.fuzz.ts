// The long accept/reject run: 10,000 mutated files checked against terraform in batches.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runAcceptReject } from './acceptRejectSuite';

describe('accept/reject agreement with terraform (long)', () => {
  test('10,000 mutated valid files', () => {
    const result = runAcceptReject(10_000, 1234, 1000);
    console.log(`reference: ${result.reference}; ${result.rejected} of ${result.mutations} rejected; ${result.disagreements.length} disagreements`);
    const shown = result.disagreements.slice(0, 5).map((d) => `${d.description}: ours ${JSON.stringify(d.ours)}, reference rejects: ${d.referenceRejects}\n${JSON.stringify(d.text.slice(0, 400))}`);
    assert.equal(result.disagreements.length, 0, shown.join('\n---\n'));
  });
});
