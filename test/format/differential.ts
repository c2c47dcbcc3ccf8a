// Shared body of the differential suites: our formatter against terraform fmt and hclwrite.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { format } from '../../server/src/format';
import { formatCorpus } from './corpus';
import { findTerraform, hclwriteFormat, terraformFmtBatch } from './references';

export function differentialSuite(size: { randomDocuments: number; generatedModules: number; seed: number }): void {
  const corpus = formatCorpus(size);

  test(`equals terraform fmt on ${corpus.length} documents (fixtures, generated, random, respaced, CRLF)`, (t) => {
    const terraform = findTerraform();
    if (!terraform) {
      console.log('# skipped: terraform not on PATH');
      t.skip('terraform not on PATH');
      return;
    }
    const reference = terraformFmtBatch(terraform, corpus.map((d) => d.text));
    for (let i = 0; i < corpus.length; i++) {
      const ours = format(corpus[i].text);
      const theirs = reference.outputs[i];
      assert.ok(theirs !== undefined, `terraform refused ${corpus[i].name}, which our parser accepts`);
      assert.ok('text' in ours, `we refused ${corpus[i].name}: ${'error' in ours ? ours.error : ''}`);
      assert.equal(ours.text, theirs, corpus[i].name);
    }
  });

  test('without terraform rewrites, equals hclwrite (@cdktf/hcl-tools) except for its missing final newline', async () => {
    // hcl-tools bundles an hclwrite that predates provider functions (it writes `provider : : aws`), so
    // documents using `::` are compared with terraform only.
    const comparable = corpus.filter((d) => !d.text.includes('::'));
    assert.ok(comparable.length > corpus.length / 2);
    for (const doc of comparable) {
      const ours = format(doc.text, { terraformRewrites: false });
      assert.ok('text' in ours, doc.name);
      const theirs = await hclwriteFormat(doc.text);
      assert.equal(ours.text, /[\r\n]$/.test(theirs) ? theirs : theirs + (doc.text.includes('\r\n') ? '\r\n' : '\n'), doc.name);
    }
  });
}
