// Completion, hover, go-to-definition and find-references for the names a client shares with its module's
// resource servers, identity providers and pool schema.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { accept, completeSnippet, labels, pick } from '../support/completion';
import { contextFor } from '../support/context';
import { hover } from '../../server/src/features/hover';
import { definition } from '../../server/src/features/definition';
import { poolNameReferences } from '../../server/src/features/poolNames';

const MODULE = `resource "awscc_cognito_user_pool" "main" {
  user_pool_name = "shop"
  schema = [{ name = "tenant_id", attribute_data_type = "String" }]
}

resource "aws_cognito_resource_server" "orders" {
  user_pool_id = awscc_cognito_user_pool.main.user_pool_id
  identifier   = "https://orders.example.com"
  name         = "orders"
  scope {
    scope_name        = "read"
    scope_description = "Read the orders of the signed-in user"
  }
}

resource "awscc_cognito_user_pool_identity_provider" "okta" {
  user_pool_id  = awscc_cognito_user_pool.main.user_pool_id
  provider_name = "Okta"
  provider_type = "SAML"
}
`;

const client = (body: string, name = 'app') =>
  `resource "awscc_cognito_user_pool_client" "${name}" {\n  user_pool_id = awscc_cognito_user_pool.main.user_pool_id\n${body}\n}\n`;

describe('completion of module names', () => {
  test('custom scopes of the pool come first, with their description, next to the standard scopes', () => {
    const { list } = completeSnippet(client('  allowed_o_auth_scopes = ["|"]'), { otherFiles: { 'cognito.tf': MODULE } });
    const names = labels(list);
    assert.equal(names[0], 'https://orders.example.com/read');
    assert.ok(names.includes('openid'));
    const doc = (pick(list, 'https://orders.example.com/read').documentation as { value: string }).value;
    assert.match(doc, /aws_cognito_resource_server\.orders/);
    assert.match(doc, /Read the orders of the signed-in user/);
    assert.equal(
      accept(client('  allowed_o_auth_scopes = ["openid", "|"]'), 'https://orders.example.com/read', { otherFiles: { 'cognito.tf': MODULE } }),
      client('  allowed_o_auth_scopes = ["openid", "https://orders.example.com/read"]'),
    );
  });
  test('declared identity providers and custom attributes', () => {
    const providers = labels(completeSnippet(client('  supported_identity_providers = ["|"]'), { otherFiles: { 'cognito.tf': MODULE } }).list);
    assert.ok(providers.includes('Okta') && providers.includes('COGNITO'));
    assert.equal(
      accept(client('  read_attributes = ["email", "|"]'), 'custom:tenant_id', { otherFiles: { 'cognito.tf': MODULE } }),
      client('  read_attributes = ["email", "custom:tenant_id"]'),
    );
  });
  test('a client of another pool gets only the standard values', () => {
    const other = client('  allowed_o_auth_scopes = ["|"]').replace('awscc_cognito_user_pool.main.user_pool_id', '"us-east-1_Other1"');
    assert.ok(!labels(completeSnippet(other, { otherFiles: { 'cognito.tf': MODULE } }).list).includes('https://orders.example.com/read'));
  });
});

function caret(text: string, needle: string, delta = 2): number {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, needle);
  return at + delta;
}

describe('hover, definition and references', () => {
  const text = client('  allowed_o_auth_scopes        = ["https://orders.example.com/read"]\n  supported_identity_providers = ["Okta"]');
  test('hover names the declaring resource, its file and line, and the scope description', () => {
    const ctx = contextFor(text, { 'cognito.tf': MODULE });
    const h = hover(ctx, caret(text, '"https://orders'));
    assert.ok(h);
    assert.match(h.contents, /custom OAuth scope/);
    assert.match(h.contents, /aws_cognito_resource_server\.orders.*cognito\.tf, line 11/);
    assert.match(h.contents, /Read the orders/);
    const p = hover(ctx, caret(text, '"Okta"'));
    assert.match(p!.contents, /identity provider[\s\S]*awscc_cognito_user_pool_identity_provider\.okta/);
  });
  test('go to definition jumps to the scope name in the other file', () => {
    const ctx = contextFor(text, { 'cognito.tf': MODULE });
    const [link] = definition(ctx, caret(text, '"https://orders'));
    assert.ok(link.targetUri.endsWith('/cognito.tf'));
    assert.deepEqual(link.targetSelectionRange.start, { line: 10, character: 24 });
  });
  test('find references from the resource server scope lists every client that uses it', () => {
    const second = client('  allowed_o_auth_scopes = ["openid", "https://orders.example.com/read"]', 'admin');
    const ctx = contextFor(MODULE, { 'app.tf': text, 'admin.tf': second }, 'cognito.tf');
    const refs = poolNameReferences(ctx, caret(MODULE, '"read"'), false)!;
    assert.deepEqual(refs.map((r) => r.uri.slice(r.uri.lastIndexOf('/') + 1)).sort(), ['admin.tf', 'app.tf']);
    const withDeclaration = poolNameReferences(ctx, caret(MODULE, '"read"'), true)!;
    assert.equal(withDeclaration.length, 3);
    const fromProvider = poolNameReferences(ctx, caret(MODULE, '"Okta"'), false)!;
    assert.deepEqual(fromProvider.map((r) => r.uri.slice(r.uri.lastIndexOf('/') + 1)), ['app.tf']);
  });
});
