// "Convert to awscc_cognito_user_pool_client": the code action's workspace edit, applied to real module
// texts, compared with the text we expect; and what it must not do (report on aws resources, touch moves).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction } from 'vscode-languageserver-types';
import { codeActions } from '../../../server/src/features/codeActions';
import { computeDiagnostics } from '../../../server/src/features/diagnostics';
import { contextFor } from '../../support/context';
import { applyEdits } from '../rules/helpers';

const TITLE = 'Convert to awscc_cognito_user_pool_client';

/** Runs the action with the caret at `^` and returns every changed file's new text. */
function convert(snippet: string, others: Record<string, string> = {}, style?: 'id' | 'identity'): Record<string, string> {
  const at = snippet.indexOf('^');
  const text = snippet.replace('^', '');
  const ctx = contextFor(text, others);
  const position = ctx.document.file.lines.positionAt(at);
  const action = codeActions(ctx, { start: position, end: position }, [], { importStyle: style }).find((a) => a.title === TITLE);
  assert.ok(action, 'the action is offered');
  assert.equal(action.kind, 'refactor.rewrite');
  return applied(action, ctx, { 'main.tf': text, ...others });
}

function applied(action: CodeAction, ctx: ReturnType<typeof contextFor>, texts: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [uri, edits] of Object.entries(action.edit?.changes ?? {})) {
    const name = uri.slice(uri.lastIndexOf('/') + 1);
    const file = ctx.module.documents().find((d) => d.uri === uri)!.file;
    out[name] = applyEdits(texts[name], edits, file.lines.offsetAt.bind(file.lines));
  }
  return out;
}

const HEADER_ID = [
  '# Moved from hashicorp/aws without recreating the app client: Terraform forgets the aws object (removed,',
  '# destroy = false) and imports the same client into awscc.',
  '# Needs Terraform >= 1.7.0 (`removed` blocks: 1.7.0; `import` blocks: 1.5.0).',
  '# Needs the awscc provider (hashicorp/awscc), configured for the same account and region as aws.',
];

describe('Convert to awscc_cognito_user_pool_client', () => {
  test('renames arguments, turns blocks into objects, keeps comments, adds removed and import blocks', () => {
    const text = [
      'terraform {',
      '  required_providers {',
      '    awscc = { source = "hashicorp/awscc" }',
      '  }',
      '}',
      '',
      'resource "aws_cognito_user_pool_client" "web" {',
      '  ^name          = "web" # the SPA',
      '  user_pool_id  = "eu-west-1_AbC123"',
      '  callback_urls = ["https://a.example/cb"]',
      '',
      '  token_validity_units {',
      '    access_token = "minutes"',
      '  }',
      '}',
      '',
    ].join('\n');
    const out = convert(text);
    assert.equal(
      out['main.tf'],
      [
        'terraform {',
        '  required_providers {',
        '    awscc = { source = "hashicorp/awscc" }',
        '  }',
        '}',
        '',
        'resource "awscc_cognito_user_pool_client" "web" {',
        '  client_name    = "web" # the SPA',
        '  user_pool_id   = "eu-west-1_AbC123"',
        '  callback_ur_ls = ["https://a.example/cb"]',
        '',
        '  token_validity_units = {',
        '    access_token = "minutes"',
        '  }',
        '}',
        '',
        ...HEADER_ID,
        'removed {',
        '  from = aws_cognito_user_pool_client.web',
        '',
        '  lifecycle {',
        '    destroy = false',
        '  }',
        '}',
        '',
        'import {',
        '  to = awscc_cognito_user_pool_client.web',
        '  id = "eu-west-1_AbC123|FILL-IN-CLIENT-ID"',
        '}',
        '',
      ].join('\n'),
    );
    // Our rules: the placeholder needs filling (Error), and CUP407 says a true thing about this client's
    // settings (callback URLs without OAuth flows are ignored), as it would have on the aws form.
    const errors = computeDiagnostics(contextFor(out['main.tf'])).filter((d) => d.severity === 1 || d.severity === 2);
    assert.deepEqual(errors.map((d) => `${d.code}:${d.severity}`), ['CUP407:2', 'CUP613:1']);
  });

  test('references in other files: .id → .client_id, former blocks lose [0], secret outputs become sensitive', () => {
    const main = 'resource "aws_cognito_user_pool_client" "api" {\n  ^name         = "api"\n  user_pool_id = var.pool\n}\n';
    const outputs = [
      'output "id" {',
      '  value = aws_cognito_user_pool_client.api.id',
      '}',
      '',
      'output "secret" {',
      '  value = nonsensitive(aws_cognito_user_pool_client.api.client_secret)',
      '}',
      '',
      'output "unit" {',
      '  value = aws_cognito_user_pool_client.api.token_validity_units[0].access_token',
      '}',
      '',
      'locals {',
      '  ids = [aws_cognito_user_pool_client.api.id, aws_cognito_user_pool_client.other.id]',
      '}',
      '',
    ].join('\n');
    const out = convert(main, { 'outputs.tf': outputs });
    assert.equal(
      out['outputs.tf'],
      [
        'output "id" {',
        '  value = awscc_cognito_user_pool_client.api.client_id',
        '}',
        '',
        'output "secret" {',
        '  sensitive = true',
        '  value     = nonsensitive(awscc_cognito_user_pool_client.api.client_secret)',
        '}',
        '',
        'output "unit" {',
        '  value = awscc_cognito_user_pool_client.api.token_validity_units.access_token',
        '}',
        '',
        'locals {',
        '  ids = [awscc_cognito_user_pool_client.api.client_id, aws_cognito_user_pool_client.other.id]',
        '}',
        '',
      ].join('\n'),
    );
    assert.match(out['main.tf'], /id = "\$\{var\.pool\}\|FILL-IN-CLIENT-ID"/, 'the pool part is the expression, Terraform reads it at plan time');
  });

  test('identity style, dynamic blocks, meta-arguments and lifecycle names carry over', () => {
    const text = [
      'resource "aws_cognito_user_pool_client" "c" {',
      '  ^for_each     = { a = "one", b = "two" }',
      '  provider     = aws.eu',
      '  name         = each.value',
      '  user_pool_id = "eu-west-1_AbC123"',
      '',
      '  dynamic "refresh_token_rotation" {',
      '    for_each = var.rotate ? ["ENABLED"] : []',
      '    content {',
      '      feature = refresh_token_rotation.value',
      '    }',
      '  }',
      '',
      '  lifecycle {',
      '    ignore_changes = [logout_urls]',
      '  }',
      '  depends_on = [aws_cognito_user_pool_client.other]',
      '}',
      '',
    ].join('\n');
    const out = convert(text, {}, 'identity')['main.tf'];
    assert.match(out, /resource "awscc_cognito_user_pool_client" "c" \{\n  for_each     = \{ a = "one", b = "two" \}\n  provider     = awscc\.eu\n  client_name  = each\.value\n/);
    assert.match(out, /refresh_token_rotation = one\(\[for refresh_token_rotation in var\.rotate \? \["ENABLED"\] : \[\] : \{\n    feature = refresh_token_rotation\n  \}\]\)/);
    assert.match(out, /ignore_changes = \[logout_ur_ls\]/);
    assert.match(out, /depends_on = \[aws_cognito_user_pool_client\.other\]/, 'an unconverted client is still the aws one');
    assert.match(out, /import \{\n  to = awscc_cognito_user_pool_client\.c\["a"\]\n  identity = \{\n    user_pool_id = "eu-west-1_AbC123"\n    client_id    = "FILL-IN-CLIENT-ID"\n  \}\n\}/);
    assert.match(out, /to = awscc_cognito_user_pool_client\.c\["b"\]/);
    assert.match(out, /# Needs Terraform >= 1\.12\.0/);
    assert.match(out, /# Needs the awscc provider >= 1\.56\.0/);
  });

  test('warns in the text when required_version or the awscc constraint exclude what it needs', () => {
    const versions = 'terraform {\n  required_version = "~> 1.6.0"\n  required_providers {\n    awscc = {\n      source  = "hashicorp/awscc"\n      version = "~> 1.50.0"\n    }\n  }\n}\n';
    const out = convert('resource "aws_cognito_user_pool_client" "c" {\n  ^name = "x"\n  user_pool_id = "eu-west-1_AbC123"\n}\n', { 'versions.tf': versions }, 'identity')['main.tf'];
    assert.match(out, /# WARNING: required_version "~> 1\.6\.0" excludes Terraform 1\.7\.0, which `removed` blocks need/);
    assert.match(out, /# WARNING: required_version "~> 1\.6\.0" excludes Terraform 1\.12\.0/);
    assert.match(out, /# WARNING: the awscc version constraint "~> 1\.50\.0" excludes 1\.56\.0/);
  });

  test('not offered outside aws client blocks, and nothing is reported on aws clients', () => {
    const text = 'resource "aws_cognito_user_pool_client" "c" {\n  callback_urls = ["x"]\n}\n\nresource "awscc_cognito_user_pool_client" "d" {\n  user_pool_id = "eu-west-1_AbC123"\n}\n';
    const ctx = contextFor(text);
    const inside = ctx.document.file.lines.positionAt(text.indexOf('user_pool_id'));
    assert.equal(codeActions(ctx, { start: inside, end: inside }).find((a) => a.title === TITLE), undefined);
    const awsRange = { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } };
    assert.deepEqual(computeDiagnostics(ctx).filter((d) => d.range.start.line < 3), []);
    assert.ok(codeActions(ctx, awsRange).some((a) => a.title === TITLE));
  });

  test('a CRLF file stays CRLF', () => {
    const out = convert('resource "aws_cognito_user_pool_client" "c" {\r\n  ^name         = "x"\r\n  user_pool_id = "eu-west-1_AbC123"\r\n}\r\n')['main.tf'];
    assert.doesNotMatch(out.replace(/\r\n/g, ''), /\n/);
    assert.match(out, /client_name  = "x"\r\n/);
  });
});
