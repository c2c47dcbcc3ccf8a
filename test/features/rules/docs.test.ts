import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../../../server/src/features/rules';
import { renderRuleDocs } from '../../../server/src/features/rules/docs';

test('docs/rules.md is what scripts/gen-rule-docs.ts generates (run it after changing a rule)', () => {
  const committed = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'rules.md'), 'utf8');
  assert.equal(committed, renderRuleDocs(rules));
});

test('the catalogue: unique stable codes in the documented scheme, kebab-case names, a doc for each', () => {
  const prefix = { schema: '1', values: '2', 'token-validity': '3', 'cross-field': '4', advice: '5', import: '6', references: '7', module: '8' } as const;
  const codes = new Set<string>();
  for (const r of rules) {
    assert.match(r.code, /^CUP[1-8]\d\d$/);
    assert.equal(r.code[3], prefix[r.category], `${r.code} is in ${r.category}`);
    assert.ok(!codes.has(r.code), `duplicate ${r.code}`);
    codes.add(r.code);
    assert.match(r.name, /^[a-z]+(-[a-z0-9]+)*$/);
    assert.ok(r.doc.summary && r.doc.why);
    // UNCONFIRMED facts never become errors.
    if (/UNCONFIRMED/.test(r.doc.why)) assert.notEqual(r.defaultSeverity, 'error', r.code);
  }
});
