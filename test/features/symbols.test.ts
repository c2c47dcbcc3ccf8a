import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { documentSymbols, documentSymbolsOneByOne } from '../../server/src/features/symbols';
import { isBodyDeferred, parse, reparse, type Block } from '../../server/src/parser';
import { generateModuleText } from '../support/generate';
import { contextFor } from '../support/context';

const FIXTURES = join(__dirname, '..', 'fixtures', 'completion');
const mainTf = readFileSync(join(FIXTURES, 'main.tf'), 'utf8');
const importsTf = readFileSync(join(FIXTURES, 'imports.tf'), 'utf8');

const names = (symbols: DocumentSymbol[]) => symbols.map((s) => s.name);
const contains = (outer: DocumentSymbol['range'], inner: DocumentSymbol['range']) =>
  (outer.start.line < inner.start.line || (outer.start.line === inner.start.line && outer.start.character <= inner.start.character)) &&
  (outer.end.line > inner.end.line || (outer.end.line === inner.end.line && outer.end.character >= inner.end.character));

describe('document symbols', () => {
  test('every top-level block, named by its address', () => {
    const symbols = documentSymbols(contextFor(mainTf), { yieldPlainItems: false });
    assert.deepEqual(names(symbols), [
      'aws_cognito_user_pool.main',
      'awscc_cognito_user_pool_client.web',
      'awscc_cognito_user_pool_client.mobile',
      'awscc_cognito_user_pool_client.legacy',
      'var.user_pool_id',
    ]);
    assert.equal(symbols[1].kind, SymbolKind.Class);
    assert.deepEqual(names(symbols[1].children!), ['user_pool_id', 'client_name']);
  });

  test('import blocks are named by their `to`', () => {
    const symbols = documentSymbols(contextFor(importsTf, {}, 'imports.tf'), { yieldPlainItems: false });
    assert.deepEqual(names(symbols), ['import → awscc_cognito_user_pool_client.legacy', 'import']);
  });

  test('object values show their keys; locals are listed one by one', () => {
    const text = 'resource "awscc_cognito_user_pool_client" "x" {\n  token_validity_units = {\n    access_token = "hours"\n  }\n  lifecycle {\n    prevent_destroy = true\n  }\n}\nlocals {\n  a = 1\n}\n';
    const [client, locals] = documentSymbols(contextFor(text), { yieldPlainItems: false });
    assert.deepEqual(names(client.children!), ['token_validity_units', 'lifecycle']);
    assert.deepEqual(names(client.children![0].children!), ['access_token']);
    assert.deepEqual(names(locals.children!), ['local.a']);
  });

  test('nothing when coexisting with HashiCorp\'s extension, which lists every block itself', () => {
    assert.deepEqual(documentSymbols(contextFor(mainTf), { yieldPlainItems: true }), []);
  });

  test('half-typed blocks get non-empty names and ranges that contain their selection', () => {
    const text = 'resource "\nresource "awscc_cognito_user_pool_client" {\n  = 1\n  a = { = 2 }\nimport {\n';
    const check = (symbols: DocumentSymbol[]) => {
      for (const s of symbols) {
        assert.ok(s.name.trim().length > 0);
        assert.ok(contains(s.range, s.selectionRange), JSON.stringify(s));
        check(s.children ?? []);
      }
    };
    const symbols = documentSymbols(contextFor(text), { yieldPlainItems: false });
    assert.ok(symbols.length >= 1);
    check(symbols);
    assert.equal(parse(text).diagnostics.length > 0, true);
  });

  test('built one block at a time, the outline leaves bodies as it found them: unread ones go back to records', () => {
    const ctx = contextFor(generateModuleText(40));
    const blocks = ctx.document.file.body.items.filter((item): item is Block => item.kind === 'Block');
    const readBefore = blocks[3].body;
    const before = blocks.map(isBodyDeferred);
    assert.ok(before.filter(Boolean).length >= 30, 'the parse leaves most bodies unread');
    assert.equal(before[3], false);
    const builders = documentSymbolsOneByOne(ctx, { yieldPlainItems: false });
    assert.equal(builders.length, ctx.document.file.body.items.length);
    assert.deepEqual(blocks.map(isBodyDeferred), before, 'building nothing reads no body');
    const oneByOne = builders.map((build) => build());
    assert.deepEqual(blocks.map(isBodyDeferred), before, 'each body read for its symbol is given back');
    assert.equal(blocks[3].body, readBefore, 'a body someone had read is left alone');
    assert.ok(oneByOne[5].children!.length > 5, 'a released body was read for its symbol');
    assert.deepEqual(documentSymbols(ctx, { yieldPlainItems: false }), oneByOne, 'built again from the records: the same outline');
    assert.deepEqual(documentSymbolsOneByOne(ctx, { yieldPlainItems: true }), []);
  });

  test('built after the document was edited (the answer waited for the writer), the outline is still the one asked about', () => {
    const text = generateModuleText(30);
    const ctx = contextFor(text);
    const builders = documentSymbolsOneByOne(ctx, { yieldPlainItems: false });
    // An edit in the first block: every later block node moves into the new version.
    const at = text.indexOf('\n') + 1;
    const next = reparse(ctx.document.file, [{ start: at, end: at, text: '  # typed\n  # more\n' }]);
    assert.notEqual(next, ctx.document.file);
    assert.deepEqual(builders.map((build) => build()), documentSymbols(contextFor(text), { yieldPlainItems: false }));
  });

  test('a symbol that cannot be built is reported and replaced by a bare one, so the answer still goes out', () => {
    const ctx = contextFor(generateModuleText(3));
    const file = ctx.document.file;
    const second = file.body.items[1];
    // A fault the real code does not produce on any input we know of: reading a span inside the second block throws.
    const faulty = new Proxy(file, {
      get: (target, key) =>
        key === 'rangeOf'
          ? (span: { start: number; end: number }) => {
              if (span.start > second.start && span.end <= second.end) throw new Error('unreadable');
              return target.rangeOf(span);
            }
          : Reflect.get(target, key, target),
    });
    const broken = { ...ctx, document: { ...ctx.document, file: faulty } } as typeof ctx;
    const errors: unknown[] = [];
    const symbols = documentSymbolsOneByOne(broken, { yieldPlainItems: false, onError: (e) => errors.push(e) }).map((build) => build());
    assert.equal(errors.length, 1);
    assert.equal(symbols[1].name, '(could not be read)');
    assert.deepEqual(symbols[1].range, file.rangeOf(second));
    assert.deepEqual([symbols[0].name, symbols[2].name], documentSymbols(ctx, { yieldPlainItems: false }).filter((_, i) => i !== 1).map((s) => s.name));
    assert.throws(() => documentSymbolsOneByOne(broken, { yieldPlainItems: false })[1](), /unreadable/, 'without onError the caller gets the error');
  });
});
