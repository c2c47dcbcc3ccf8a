// CUP8xx: a client's scopes, identity providers and custom attributes checked against the resource
// servers, identity providers and schema the module declares for the same user pool, in both providers'
// resource types and in both the block and the attribute syntax of nested objects.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectAt, expectNone, reported } from './helpers';

const AWSCC_POOL = `resource "awscc_cognito_user_pool" "main" {
  user_pool_name = "shop"
  schema = [
    { name = "tenant_id", attribute_data_type = "String", mutable = true },
    { name = "plan", attribute_data_type = "String", mutable = false },
  ]
}
`;

const AWS_POOL = `resource "aws_cognito_user_pool" "main" {
  name = "shop"
  schema {
    name                = "tenant_id"
    attribute_data_type = "String"
  }
}
`;

const AWSCC_SERVER = `resource "awscc_cognito_user_pool_resource_server" "orders" {
  user_pool_id = awscc_cognito_user_pool.main.user_pool_id
  identifier   = "https://orders.example.com"
  name         = "orders"
  scopes = [
    { scope_name = "read", scope_description = "Read orders" },
    { scope_name = "write", scope_description = "Change orders" },
  ]
}
`;

const AWS_SERVER = `resource "aws_cognito_resource_server" "orders" {
  user_pool_id = aws_cognito_user_pool.main.id
  identifier   = "orders"
  name         = "orders"
  scope {
    scope_name        = "read"
    scope_description = "Read orders"
  }
}
`;

function awsccClient(body: string, pool = 'awscc_cognito_user_pool.main.user_pool_id'): string {
  return `resource "awscc_cognito_user_pool_client" "app" {\n  user_pool_id = ${pool}\n${body}\n}\n`;
}

describe('CUP801 undeclared-custom-scope', () => {
  test('a scope its resource server does not declare is an error, with a did-you-mean fix', () => {
    const body = '  allowed_o_auth_scopes = [«"https://orders.example.com/reed"», "https://orders.example.com/write"]\n  depends_on = [awscc_cognito_user_pool_resource_server.orders]';
    const [d] = expectAt(AWSCC_POOL + AWSCC_SERVER + awsccClient(body), 'CUP801', 'error');
    assert.match(d.message, /declares "read", "write"/);
    const fixed = applyFix((AWSCC_POOL + AWSCC_SERVER + awsccClient(body)).replace(/[«»]/g, ''), 'CUP801');
    assert.match(fixed, /"https:\/\/orders\.example\.com\/read", "https/);
  });
  test('hashicorp/aws resource server with scope blocks, in another file of the module', () => {
    const body = '  allowed_o_auth_scopes = [«"orders/write"», "orders/read", "openid"]\n  depends_on = [aws_cognito_resource_server.orders]';
    expectAt(awsccClient(body, 'aws_cognito_user_pool.main.id'), 'CUP801', 'error', { 'pool.tf': AWS_POOL + AWS_SERVER });
  });
  test('declared scopes, other pools, unknown pools and open scope lists are left alone', () => {
    const ok = '  allowed_o_auth_scopes = ["https://orders.example.com/read"]\n  depends_on = [awscc_cognito_user_pool_resource_server.orders]';
    expectNone(AWSCC_POOL + AWSCC_SERVER + awsccClient(ok), 'CUP801');
    const elsewhere = '  allowed_o_auth_scopes = ["https://orders.example.com/nope"]';
    // The client's pool is a literal ID: the module's server belongs to another pool.
    expectNone(AWSCC_POOL + AWSCC_SERVER + awsccClient(elsewhere, '"us-east-1_AbC123"'), 'CUP801');
    expectNone(AWSCC_POOL + AWSCC_SERVER + awsccClient(elsewhere, 'data.aws_cognito_user_pool.x.id'), 'CUP801');
    const dynamicScopes = AWS_SERVER.replace(/  scope \{[\s\S]*?\n  \}\n/, '  dynamic "scope" {\n    for_each = var.scopes\n    content {\n      scope_name        = scope.value\n      scope_description = scope.value\n    }\n  }\n');
    expectNone(AWS_POOL + dynamicScopes + awsccClient('  allowed_o_auth_scopes = ["orders/anything"]', 'aws_cognito_user_pool.main.id'), 'CUP801');
  });
  test('a pool shared through a variable and a local counts as the same pool', () => {
    const server = AWSCC_SERVER.replace('awscc_cognito_user_pool.main.user_pool_id', 'var.pool_id');
    const text = 'locals {\n  pool = var.pool_id\n}\n' + server + awsccClient('  allowed_o_auth_scopes = [«"https://orders.example.com/admin"»]\n  depends_on = [awscc_cognito_user_pool_resource_server.orders]', 'local.pool');
    expectAt(text, 'CUP801', 'error');
  });
});

describe('CUP802 undeclared-identity-provider', () => {
  const providers = `resource "awscc_cognito_user_pool_identity_provider" "okta" {
  user_pool_id  = awscc_cognito_user_pool.main.user_pool_id
  provider_name = "Okta"
  provider_type = "SAML"
}
`;
  test('a provider name no identity provider of the pool declares', () => {
    const body = '  supported_identity_providers = ["COGNITO", «"Google"», awscc_cognito_user_pool_identity_provider.okta.provider_name]';
    const [d] = expectAt(AWSCC_POOL + providers + awsccClient(body), 'CUP802', 'warning');
    assert.match(d.message, /declares "Okta"/);
  });
  test('a misspelt name gets the declared one as its fix', () => {
    const body = '  supported_identity_providers = ["okta"]\n  depends_on = [awscc_cognito_user_pool_identity_provider.okta]';
    assert.match(applyFix(AWSCC_POOL + providers + awsccClient(body), 'CUP802'), /supported_identity_providers = \["Okta"\]/);
  });
  test('no provider declared for the pool, or names not written out: nothing', () => {
    expectNone(AWSCC_POOL + awsccClient('  supported_identity_providers = ["Google"]'), 'CUP802');
    const repeated = providers.replace('provider_name = "Okta"', 'for_each = var.idps\n  provider_name = each.key');
    expectNone(AWSCC_POOL + repeated + awsccClient('  supported_identity_providers = ["Google"]'), 'CUP802');
  });
  test('hashicorp/aws identity providers count too', () => {
    const aws = 'resource "aws_cognito_identity_provider" "google" {\n  user_pool_id  = aws_cognito_user_pool.main.id\n  provider_name = "Google"\n  provider_type = "Google"\n}\n';
    const body = '  supported_identity_providers = [aws_cognito_identity_provider.google.provider_name, «"SignInWithApple"»]';
    expectAt(AWS_POOL + aws + awsccClient(body, 'aws_cognito_user_pool.main.id'), 'CUP802', 'warning');
  });
});

describe('CUP803 undeclared-custom-attribute', () => {
  test('custom attributes missing from the pool schema (attribute syntax)', () => {
    const body = '  read_attributes  = ["email", "custom:tenant_id", «"custom:tenant"»]\n  write_attributes = [«"custom:role"»]';
    expectAt(AWSCC_POOL + awsccClient(body), 'CUP803', 'warning');
    assert.match(applyFix(AWSCC_POOL + awsccClient('  read_attributes = ["custom:tenant"]'), 'CUP803'), /\["custom:tenant_id"\]/);
  });
  test('schema blocks of aws_cognito_user_pool', () => {
    expectAt(AWS_POOL + awsccClient('  read_attributes = ["custom:tenant_id", «"custom:plan"»]', 'aws_cognito_user_pool.main.id'), 'CUP803', 'warning');
  });
  test('a pool outside the module, or a schema from a variable or dynamic blocks: nothing', () => {
    expectNone(awsccClient('  read_attributes = ["custom:anything"]', 'var.pool_id'), 'CUP803');
    expectNone(AWSCC_POOL.replace(/schema = \[[\s\S]*?\n  \]/, 'schema = var.schema') + awsccClient('  read_attributes = ["custom:x"]'), 'CUP803');
    const dynamic = AWS_POOL.replace(/  schema \{[\s\S]*?\n  \}\n/, '  dynamic "schema" {\n    for_each = var.attributes\n    content {\n      name                = schema.key\n      attribute_data_type = "String"\n    }\n  }\n');
    expectNone(dynamic + awsccClient('  read_attributes = ["custom:x"]', 'aws_cognito_user_pool.main.id'), 'CUP803');
  });
});

describe('CUP804 creation-order-race', () => {
  // The pattern behind the cited public bugs: a client names its resource server's scope and the IdP's
  // name as plain strings; the first apply creates the client too early.
  const idp = `resource "aws_cognito_identity_provider" "corp" {
  user_pool_id  = aws_cognito_user_pool.main.id
  provider_name = "CorpSAML"
  provider_type = "SAML"
}
`;
  const racy = awsccClient('  allowed_o_auth_scopes        = [«"orders/read"», "openid"]\n  supported_identity_providers = [«"CorpSAML"»]', 'aws_cognito_user_pool.main.id');
  test('scope and provider strings whose creators are in the module, not ordered', () => {
    expectAt(AWS_POOL + AWS_SERVER + idp + racy, 'CUP804', 'warning');
  });
  test('fix: read the scope from the resource server (the string it yields is the same)', () => {
    const text = (AWS_POOL + AWS_SERVER + idp + racy).replace(/[«»]/g, '');
    const fixed = applyFix(text, 'CUP804', 'Read it from aws_cognito_resource_server.orders');
    assert.match(fixed, /allowed_o_auth_scopes += \["\$\{aws_cognito_resource_server\.orders\.identifier\}\/read", "openid"\]/);
    const both = applyFix(fixed, 'CUP804', 'Read it from aws_cognito_identity_provider.corp');
    assert.match(both, /supported_identity_providers = \[aws_cognito_identity_provider\.corp\.provider_name\]/);
    assert.deepEqual(reported(both, 'CUP804'), []);
  });
  test('fix: add the creator to depends_on (new line, then appended to the list)', () => {
    const text = (AWS_POOL + AWS_SERVER + idp + racy).replace(/[«»]/g, '');
    const once = applyFix(text, 'CUP804', 'Add aws_cognito_resource_server.orders to depends_on');
    assert.match(once, /\n\n  depends_on = \[aws_cognito_resource_server\.orders\]\n\}\n$/);
    const twice = applyFix(once, 'CUP804', 'Add aws_cognito_identity_provider.corp to depends_on');
    assert.match(twice, /depends_on = \[aws_cognito_resource_server\.orders, aws_cognito_identity_provider\.corp\]/);
    assert.deepEqual(reported(twice, 'CUP804'), []);
  });
  test('ordered by depends_on, by a reference in another argument, through a local, or transitively', () => {
    const base = AWS_POOL + AWS_SERVER + idp;
    const scopes = '  allowed_o_auth_scopes = ["orders/read"]\n  supported_identity_providers = ["CorpSAML"]\n';
    expectNone(base + awsccClient(scopes + '  depends_on = [aws_cognito_resource_server.orders, aws_cognito_identity_provider.corp]', 'aws_cognito_user_pool.main.id'), 'CUP804');
    const viaLocal = 'locals {\n  after = [aws_cognito_resource_server.orders.id, aws_cognito_identity_provider.corp.id]\n}\n';
    expectNone(base + viaLocal + awsccClient(scopes + '  depends_on = [local.after]', 'aws_cognito_user_pool.main.id'), 'CUP804');
    const chain = 'resource "terraform_data" "gate" {\n  input = [aws_cognito_resource_server.orders.identifier, aws_cognito_identity_provider.corp.provider_name]\n}\n';
    expectNone(base + chain + awsccClient(scopes + '  depends_on = [terraform_data.gate]', 'aws_cognito_user_pool.main.id'), 'CUP804');
  });
  test('references instead of strings are not a race', () => {
    const body = '  allowed_o_auth_scopes = ["${aws_cognito_resource_server.orders.identifier}/read"]\n  supported_identity_providers = [aws_cognito_identity_provider.corp.provider_name]';
    expectNone(AWS_POOL + AWS_SERVER + idp + awsccClient(body, 'aws_cognito_user_pool.main.id'), 'CUP804');
  });
});

describe('cached findings follow the rest of the module', () => {
  // The CUP8xx findings of a client are cached with the client block; they depend on what the pool graph
  // says and on ordering chains through other blocks, so edits elsewhere must re-check them.
  test('adding the missing scope to the resource server in another file clears CUP801', async () => {
    const { Workspace } = await import('../../../server/src/model');
    const { computeDiagnostics } = await import('../../../server/src/features/diagnostics');
    const ws = new Workspace({ listFiles: () => [], readFile: () => undefined });
    const server = 'file:///m/server.tf';
    const app = 'file:///m/app.tf';
    const serverText = AWSCC_POOL + AWSCC_SERVER;
    ws.openDocument(server, 1, serverText);
    ws.openDocument(app, 1, awsccClient('  allowed_o_auth_scopes = ["https://orders.example.com/admin"]\n  depends_on = [awscc_cognito_user_pool_resource_server.orders]'));
    const codes = () => computeDiagnostics(ws.contextFor(app)!).map((d) => d.code);
    assert.ok(codes().includes('CUP801'));
    const at = serverText.indexOf('{ scope_name = "write"');
    ws.changeDocument(server, 2, [{ start: at, end: at, text: '{ scope_name = "admin" },\n    ' }]);
    assert.ok(!codes().includes('CUP801'));
  });
  test('a chain through another block that stops reaching the creator brings CUP804 back', async () => {
    const { Workspace } = await import('../../../server/src/model');
    const { computeDiagnostics } = await import('../../../server/src/features/diagnostics');
    const ws = new Workspace({ listFiles: () => [], readFile: () => undefined });
    const gate = 'file:///m/gate.tf';
    const app = 'file:///m/app.tf';
    const gateText = 'resource "terraform_data" "gate" {\n  input = awscc_cognito_user_pool_resource_server.orders.identifier\n}\n';
    ws.openDocument(gate, 1, AWSCC_POOL + AWSCC_SERVER + gateText);
    ws.openDocument(app, 1, awsccClient('  allowed_o_auth_scopes = ["https://orders.example.com/read"]\n  depends_on = [terraform_data.gate]'));
    const codes = () => computeDiagnostics(ws.contextFor(app)!).map((d) => d.code);
    assert.ok(!codes().includes('CUP804'));
    const full = AWSCC_POOL + AWSCC_SERVER + gateText;
    const at = full.indexOf('awscc_cognito_user_pool_resource_server.orders.identifier');
    ws.changeDocument(gate, 2, [{ start: at, end: at + 'awscc_cognito_user_pool_resource_server.orders.identifier'.length, text: '"static"' }]);
    assert.ok(codes().includes('CUP804'));
  });
});

describe('lists changed outside Terraform', () => {
  test('a pool that ignores changes to its schema, or a server to its scopes, is not checked against them', () => {
    const pool = AWSCC_POOL.replace(/\n}\n$/, '\n  lifecycle {\n    ignore_changes = [schema]\n  }\n}\n');
    expectNone(pool + awsccClient('  read_attributes = ["custom:added_in_console"]'), 'CUP803');
    const server = AWS_SERVER.replace(/\n}\n$/, '\n  lifecycle {\n    ignore_changes = all\n  }\n}\n');
    expectNone(AWS_POOL + server + awsccClient('  allowed_o_auth_scopes = ["orders/write"]\n  depends_on = [aws_cognito_resource_server.orders]', 'aws_cognito_user_pool.main.id'), 'CUP801');
  });
});
