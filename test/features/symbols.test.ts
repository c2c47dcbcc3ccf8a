import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { documentSymbols } from '../../server/src/features/symbols';
import { parse } from '../../server/src/parser';
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
});
