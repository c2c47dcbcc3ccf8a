// Bad input never crashes the rules or the quick fixes, and positions count UTF-16 code units.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { computeDiagnostics } from '../../../server/src/features/diagnostics';
import { codeActions } from '../../../server/src/features/codeActions';
import { generateModuleText, seededRandom } from '../../support/generate';
import { isBodyDeferred, type Block } from '../../../server/src/parser';
import { contextFor } from '../../support/context';
import { client, expectAt } from './helpers';

function survives(text: string): void {
  const errors: string[] = [];
  const ctx = contextFor(text);
  const diagnostics = computeDiagnostics(ctx, { onRuleError: (code, e) => errors.push(`${code}: ${(e as Error).stack}`) });
  assert.deepEqual(errors, []);
  const end = ctx.document.file.lines.positionAt(text.length);
  for (const d of diagnostics) assert.ok(d.range.start.line <= end.line && d.range.end.line <= end.line);
  codeActions(ctx, { start: { line: 0, character: 0 }, end }, diagnostics);
}

describe('robustness', () => {
  test('quick fixes over a whole large document: one per fixable diagnostic, and unread bodies go back to records', () => {
    const ctx = contextFor(generateModuleText(60));
    const blocks = ctx.document.file.body.items.filter((item): item is Block => item.kind === 'Block');
    const diagnostics = computeDiagnostics(ctx);
    const before = blocks.map(isBodyDeferred);
    assert.ok(before.filter(Boolean).length > 50, 'the check gave the bodies back');
    const end = ctx.document.file.lines.positionAt(ctx.document.file.text.length);
    const actions = codeActions(ctx, { start: { line: 0, character: 0 }, end }, diagnostics).filter((a) => a.kind === 'quickfix');
    // The block at the range's start is read for the actions offered at the caret (import rewrites, conversion).
    assert.deepEqual(blocks.slice(1).map(isBodyDeferred), before.slice(1));
    const fixed = new Set(actions.map((a) => a.diagnostics![0]));
    assert.ok(fixed.size > 60, `${fixed.size} diagnostics with fixes`);
    for (const d of fixed) assert.ok(diagnostics.includes(d), 'each fix carries a published diagnostic');
    // The same fixes as asking block by block, the way an editor asks at the caret.
    const oneByOne = blocks.flatMap((b) => codeActions(ctx, ctx.document.file.rangeOf(b), diagnostics).filter((a) => a.kind === 'quickfix'));
    const key = (a: (typeof actions)[number]) => `${a.title} ${JSON.stringify(a.diagnostics![0].range)}`;
    assert.deepEqual(actions.map(key).sort(), oneByOne.map(key).sort());
  });

  test('a fix carries the diagnostic the client sent for it (the first of equal ones); entries that are not diagnostics are ignored', () => {
    const text = client('  access_token_validity = 48\n  id_token_validity = 48');
    const ctx = contextFor(text);
    const found = computeDiagnostics(ctx).filter((d) => d.code === 'CUP301');
    assert.ok(found.length >= 2, 'two findings with fixes');
    const sent = found.map((d, i) => ({ ...d, data: { sentByClient: i } }));
    const duplicate = { ...sent[0], data: { sentByClient: 'duplicate' } };
    const junk = [{ code: 'CUP301' }, null, { code: 'CUP301', range: { start: null } }] as never[];
    const end = ctx.document.file.lines.positionAt(text.length);
    const actions = codeActions(ctx, { start: { line: 0, character: 0 }, end }, [...junk, ...sent, duplicate]).filter((a) => a.diagnostics?.[0]?.code === 'CUP301');
    assert.ok(actions.length >= 2);
    for (const action of actions) assert.ok(sent.includes(action.diagnostics![0] as (typeof sent)[number]), 'the very object the client sent');
    const withNumericCode = found.map((d) => ({ ...d, code: 301 }));
    const fresh = codeActions(ctx, { start: { line: 0, character: 0 }, end }, withNumericCode).filter((a) => a.diagnostics?.[0]?.code === 'CUP301');
    assert.ok(fresh.length >= 2, 'a diagnostic with another code is not taken for ours: the fix carries its own');
  });

  test('random bytes, and random cuts of a realistic client', () => {
    const rand = seededRandom(3);
    const sample = client('  callback_ur_ls = ["https://a.example/cb", "x"]\n  token_validity_units = { access_token = "hour" }\n  explicit_auth_flows = ["ALLOW_USER_SRP_AUTH"]') +
      'import {\n  to = awscc_cognito_user_pool_client.c\n  identity = { user_pool_id = "a_b", client_id = "c" }\n}\noutput "s" {\n  value = awscc_cognito_user_pool_client.c.client_secret\n}\n';
    for (let i = 0; i < 150; i++) {
      const bytes = Array.from({ length: 1 + Math.floor(rand() * 200) }, () => String.fromCharCode(Math.floor(rand() * 0x3000)));
      survives(bytes.join(''));
      const a = Math.floor(rand() * sample.length);
      const b = a + Math.floor(rand() * (sample.length - a));
      survives(sample.slice(0, a) + sample.slice(b));
    }
  });

  test('deep nesting, a huge list, CRLF and a BOM', () => {
    survives(client(`  client_name = ${'['.repeat(3000)}${']'.repeat(3000)}`));
    survives(client(`  token_validity_units = ${'{ a = '.repeat(500)}1${' }'.repeat(500)}`));
    survives(client(`  callback_ur_ls = [${Array.from({ length: 20000 }, (_, i) => `"https://a.example/${i}"`).join(', ')}]`));
    expectAt('\ufeff' + client('  access_token_validity = «48»').replace(/\n/g, '\r\n'), 'CUP301', 'error');
  });

  test('emoji before a value: the range counts UTF-16 code units', () => {
    const text = client('  client_name = "😀 ok" # 😀\n  callback_ur_ls = ["https://😀.example/cb", "http://a.example/😀"]');
    const d = computeDiagnostics(contextFor(text)).find((x) => x.code === 'CUP207')!;
    const line = text.split('\n')[d.range.start.line];
    assert.equal(line.slice(d.range.start.character, d.range.end.character), '"http://a.example/😀"');
  });
});
