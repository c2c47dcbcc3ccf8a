// What counts as a change the other documents of a folder can see (and so re-checks them), edit by edit,
// through the model's incremental re-parse as the server drives it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../../server/src/model';
import { OutwardFacts } from '../../server/src/outwardFacts';

const URI = 'file:///module/main.tf';

const TEXT = [
  'terraform {',
  '  required_version = ">= 1.5.0"',
  '}',
  '',
  'variable "pool" {',
  '  default = "us-east-1_abc"',
  '}',
  '',
  'locals {',
  '  mode  = "LEGACY"',
  '  hours = 1',
  '}',
  '',
  'resource "awscc_cognito_user_pool_client" "web" {',
  '  user_pool_id = var.pool',
  '  client_name  = "web"',
  '}',
  '',
  'import {',
  '  to = awscc_cognito_user_pool_client.web',
  '  id = "us-east-1_abc|1example23456789"',
  '}',
  '',
].join('\n');

/** A document opened at TEXT; `edit` replaces the first `needle` and says whether others would be re-checked. */
function session() {
  const workspace = new Workspace({ listFiles: () => [], readFile: () => undefined });
  const facts = new OutwardFacts();
  let doc = workspace.openDocument(URI, 1, TEXT);
  assert.equal(facts.changed(URI, doc.file), true, 'the first record is news');
  return {
    edit(needle: string, replacement: string): boolean {
      const text = doc.file.text;
      const start = text.indexOf(needle);
      assert.ok(start >= 0, `text lacks ${needle}`);
      doc = workspace.changeDocument(URI, doc.version + 1, [{ start, end: start + needle.length, text: replacement }])!;
      return facts.changed(URI, doc.file);
    },
  };
}

test('edits inside resource values, comments and import ids are not seen by the other documents', () => {
  const s = session();
  assert.equal(s.edit('client_name  = "web"', 'client_name  = "web-app"'), false);
  assert.equal(s.edit('user_pool_id = var.pool', 'user_pool_id = var.pool # the shared pool'), false);
  assert.equal(s.edit('1example23456789', '2example23456789'), false);
  assert.equal(s.edit('\n\nimport {', '\n\n# imported from the console\nimport {'), false, 'a line inserted above moves blocks, it changes nothing');
});

test('names, local and variable values, import targets and version constraints are', () => {
  const s = session();
  assert.equal(s.edit('"web" {', '"webapp" {'), true, 'a resource renamed');
  assert.equal(s.edit('"webapp" {', '"web" {'), true, 'and back');
  assert.equal(s.edit('mode  = "LEGACY"', 'mode  = "ENABLED"'), true, "a local's value");
  assert.equal(s.edit('hours = 1', 'hours = 2'), true, 'another local of the same block');
  assert.equal(s.edit('default = "us-east-1_abc"', 'default = "us-east-1_xyz"'), true, "a variable's default");
  assert.equal(s.edit('to = awscc_cognito_user_pool_client.web', 'to = awscc_cognito_user_pool_client.other'), true, 'an import target');
  assert.equal(s.edit('>= 1.5.0', '>= 1.12.0'), true, 'the required Terraform version');
  assert.equal(s.edit('\nlocals {', '\ndata "awscc_cognito_user_pool_client" "x" {\n}\n\nlocals {'), true, 'a declaration added');
});

test('an import target is compared by its text, index keys included', () => {
  const s = session();
  assert.equal(s.edit('to = awscc_cognito_user_pool_client.web', 'to = awscc_cognito_user_pool_client.web["a"]'), true);
  assert.equal(s.edit('["a"]', '["b"]'), true, 'the model drops index keys from addresses; duplicate-import checks do not');
  assert.equal(s.edit('1example23456789', '2example23456789'), false);
  assert.equal(s.edit('  id = ', '  for_each = toset(["a"])\n  id = '), true, 'for_each added');
});

test('the same version asked twice is no change', () => {
  const workspace = new Workspace({ listFiles: () => [], readFile: () => undefined });
  const facts = new OutwardFacts();
  const doc = workspace.openDocument(URI, 1, TEXT);
  facts.changed(URI, doc.file);
  assert.equal(facts.changed(URI, doc.file), false);
  facts.forget(URI);
  assert.equal(facts.changed(URI, doc.file), true, 'after forget, the next record is news again');
});
