// The per-block cache of the diagnostics path must never change what is reported: after any sequence of
// edits, the incrementally updated document reports exactly what a fresh parse of its text reports.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createModuleFromTexts } from '../../../server/src/model';
import { computeDiagnostics } from '../../../server/src/features/diagnostics';
import { checkEditSequence } from './cacheCheck';
import { client } from './helpers';

describe('diagnostics cache', () => {
  test('random edits on a generated module report what a fresh parse reports', () => {
    checkEditSequence(25, 40, 7);
  });

  test('a long session on a small module (the cache drops the texts of edited-away blocks several times) still reports what a fresh parse reports', () => {
    checkEditSequence(6, 250, 11);
  });

  test('a change to a local a block reads re-checks that block', () => {
    const files = (unit: string) => ({ 'locals.tf': `locals {\n  unit = "${unit}"\n}\n` });
    const text = client('  access_token_validity = 48\n  token_validity_units = { access_token = local.unit }');
    const ws = createModuleFromTexts({ 'main.tf': text, ...files('minutes') });
    const codes = () => computeDiagnostics(ws.contextFor('main.tf')).map((d) => d.code);
    assert.ok(!codes().includes('CUP301'), '48 minutes is fine');
    ws.workspace.changeDocument(ws.contextFor('locals.tf').document.uri, 2, [{ text: files('hours')['locals.tf'] }]);
    assert.ok(codes().includes('CUP301'), '48 hours is too long');
  });

  test('lines inserted above a block move its cached diagnostics', () => {
    const text = client('  access_token_validity = 48');
    const ws = createModuleFromTexts({ 'main.tf': text });
    const uri = ws.contextFor('main.tf').document.uri;
    const line = () => computeDiagnostics(ws.workspace.contextFor(uri)!).find((d) => d.code === 'CUP301')?.range.start.line;
    assert.equal(line(), 2);
    ws.workspace.changeDocument(uri, 2, [{ start: 0, end: 0, text: '# one\n# two\n' }]);
    assert.equal(line(), 4);
  });
});
