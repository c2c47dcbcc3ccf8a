// The per-block cache of the diagnostics path must never change what is reported: after any sequence of
// edits, the incrementally updated document reports exactly what a fresh parse of its text reports.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createModuleFromTexts } from '../../../server/src/model';
import { computeDiagnostics, settleItemCaches } from '../../../server/src/features/diagnostics';
import { checkEditSequence } from './cacheCheck';
import { client } from './helpers';

describe('diagnostics cache', () => {
  test('random edits on a generated module report what a fresh parse reports', () => {
    checkEditSequence(25, 40, 7);
  });

  test('several edits between runs (typing faster than the debounce) report what a fresh parse reports', () => {
    checkEditSequence(25, 60, 9, 3);
  });

  test('blocks that read the same local share its check, and a change to it re-checks every one of them', () => {
    const block = (name: string, local: string) =>
      `resource "awscc_cognito_user_pool_client" "${name}" {\n  user_pool_id = "p"\n  access_token_validity = 48\n  token_validity_units = { access_token = local.${local} }\n}\n`;
    const text = block('a', 'unit') + block('b', 'unit') + block('c', 'other');
    const locals = (unit: string, other: string) => ({ 'locals.tf': `locals {\n  unit = "${unit}"\n  other = "${other}"\n}\n` });
    const ws = createModuleFromTexts({ 'main.tf': text, ...locals('minutes', 'minutes') });
    const lines = () => computeDiagnostics(ws.contextFor('main.tf')).filter((d) => d.code === 'CUP301').map((d) => d.range.start.line);
    assert.deepEqual(lines(), []);
    const localsUri = ws.contextFor('locals.tf').document.uri;
    ws.workspace.changeDocument(localsUri, 2, [{ text: locals('hours', 'minutes')['locals.tf'] }]);
    assert.deepEqual(lines(), [2, 7], 'both blocks reading local.unit');
    ws.workspace.changeDocument(localsUri, 3, [{ text: locals('hours', 'hours')['locals.tf'] }]);
    assert.deepEqual(lines(), [2, 7, 12]);
    ws.workspace.changeDocument(localsUri, 4, [{ text: locals('minutes', 'hours')['locals.tf'] }]);
    assert.deepEqual(lines(), [12]);
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

  for (const settled of [false, true]) {
    test(`blocks re-parsed with the same text reuse the first run's findings (text index built ${settled ? 'in idle time' : 'on the next run'})`, () => {
      const text = client('  access_token_validity = 48') + client('  id_token_validity = 0', 'second');
      const name = `reopened-${settled ? 'settled' : 'unsettled'}.tf`;
      const ws = createModuleFromTexts({ [name]: text });
      const uri = ws.contextFor(name).document.uri;
      const first = computeDiagnostics(ws.workspace.contextFor(uri)!);
      assert.ok(first.length >= 2, 'each block reports something');
      // The first run leaves its texts unindexed: nothing looks them up before a second run.
      if (settled) {
        assert.ok(settleItemCaches() >= 1, 'the first run left this document to index');
        assert.equal(settleItemCaches(), 0, 'nothing left to index');
      }
      // A whole-text change parses every block anew, so only their texts can find them.
      ws.workspace.changeDocument(uri, 2, [{ text: `${text}# the end\n` }]);
      const second = computeDiagnostics(ws.workspace.contextFor(uri)!);
      assert.equal(second.length, first.length);
      second.forEach((d, i) => assert.equal(d, first[i], `finding ${i} comes from the cache`));
    });
  }

  test('import findings follow edits: lines inserted above move them, an edit inside the block changes them', () => {
    const resource = client('  prevent_user_existence_errors = "ENABLED"', 'web');
    const imp = (id: string) => `import {\n  to = awscc_cognito_user_pool_client.web\n  id = "${id}"\n}\n`;
    const ws = createModuleFromTexts({ 'imports-edited.tf': resource + imp('abc') });
    const uri = ws.contextFor('imports-edited.tf').document.uri;
    const formatLines = () => computeDiagnostics(ws.workspace.contextFor(uri)!).filter((d) => d.code === 'CUP605').map((d) => d.range.start.line);
    const idLine = resource.split('\n').length + 1; // 0-based: the resource's lines, `import {`, `to = ...`
    assert.deepEqual(formatLines(), [idLine]);
    // Above the import block: the block is the same node, shifted.
    ws.workspace.changeDocument(uri, 2, [{ start: 0, end: 0, text: '# one\n# two\n' }]);
    assert.deepEqual(formatLines(), [idLine + 2]);
    // Inside it: the ID becomes valid, then invalid again.
    const text = () => ws.workspace.getDocument(uri)!.file.text;
    const at = text().indexOf('"abc"');
    ws.workspace.changeDocument(uri, 3, [{ start: at, end: at + 5, text: '"us-east-1_AbC123|1h57kf5cpq17m0eml12EXAMPLE"' }]);
    assert.deepEqual(formatLines(), []);
    const again = text().indexOf('|1h57');
    ws.workspace.changeDocument(uri, 4, [{ start: again, end: again + 1, text: '/' }]);
    assert.deepEqual(computeDiagnostics(ws.workspace.contextFor(uri)!).filter((d) => d.code === 'CUP606').map((d) => d.range.start.line), [idLine + 2]);
  });

  test('duplicate import targets follow edits to either import block', () => {
    const resources = client('', 'web') + client('', 'app');
    const imp = (name: string) => `import {\n  to = awscc_cognito_user_pool_client.${name}\n  id = "us-east-1_AbC123|1h57kf5cpq17m0eml12EXAMPLE"\n}\n`;
    const ws = createModuleFromTexts({ 'imports-duplicated.tf': resources + imp('web') + imp('web') });
    const uri = ws.contextFor('imports-duplicated.tf').document.uri;
    const duplicates = () => computeDiagnostics(ws.workspace.contextFor(uri)!).filter((d) => d.code === 'CUP611').length;
    assert.equal(duplicates(), 1);
    const text = () => ws.workspace.getDocument(uri)!.file.text;
    const second = text().lastIndexOf('.web');
    ws.workspace.changeDocument(uri, 2, [{ start: second, end: second + 4, text: '.app' }]);
    assert.equal(duplicates(), 0, 'the second block now imports another resource');
    ws.workspace.changeDocument(uri, 3, [{ start: 0, end: 0, text: '# moved\n' }]);
    assert.equal(duplicates(), 0);
    const back = text().lastIndexOf('.app');
    ws.workspace.changeDocument(uri, 4, [{ start: back, end: back + 4, text: '.web' }]);
    assert.equal(duplicates(), 1, 'and back');
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
