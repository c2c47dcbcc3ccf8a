// Custom scopes with URL identifiers (CUP210) and OpenID scopes on client_credentials clients (CUP412).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, client, diagnose, expectAt, expectNone } from './helpers';

describe('CUP210 custom scopes written <identifier>/<scope-name>', () => {
  test('URL resource-server identifiers are accepted, as AWS examples name them', () => {
    expectNone(
      client('  allowed_o_auth_scopes = ["https://api.example.com/orders.read", "https://api.example.com/v1/orders/write", "urn:example:api/admin", "orders/read"]'),
      'CUP210',
    );
  });
  test('an identifier alone, or an empty scope name or identifier, is reported', () => {
    const [bare, emptyName, emptyId] = expectAt(
      client('  allowed_o_auth_scopes = [«"https://api.example.com"», «"orders/"», «"/read"», «"https://api.example.com/"»]'),
      'CUP210',
      'warning',
    );
    assert.match(bare.message, /resource server identifier alone/);
    assert.match(emptyName.message, /scope name after the last "\/" is empty/);
    assert.match(emptyId.message, /identifier before the "\/" is empty/);
  });
  test('the scope name may not be longer than 256 characters; the whole scope is the length rule’s', () => {
    // A scope over 256 characters is CUP203's finding, not CUP210's.
    const long = `orders/${'r'.repeat(260)}`;
    expectNone(client(`  allowed_o_auth_scopes = ["${long}"]`), 'CUP210');
    assert.ok(diagnose(client(`  allowed_o_auth_scopes = ["${long}"]`)).some((d) => d.code === 'CUP203'));
  });
  test('a trailing slash on a URL identifier and a URL path are still custom scopes', () => {
    expectNone(client('  allowed_o_auth_scopes = ["https://api.example.com//read"]'), 'CUP210');
  });
});

const CC = '  generate_secret = true\n  allowed_o_auth_flows_user_pool_client = true\n  allowed_o_auth_flows = ["client_credentials"]\n';

describe('CUP412 client-credentials-openid-scopes', () => {
  test('each OpenID or user scope on a client_credentials client is a warning', () => {
    const [d] = expectAt(
      client(CC + '  allowed_o_auth_scopes = [«"openid"», "https://api.example.com/orders.read", «"email"», «"aws.cognito.signin.user.admin"»]'),
      'CUP412',
      'warning',
    );
    assert.match(d.message, /^"openid" is a user scope.*AWS refuses such a client \(InvalidOAuthFlowException/);
  });
  test('custom scopes only, or OpenID scopes on a code-flow client, pass', () => {
    expectNone(client(CC + '  allowed_o_auth_scopes = ["orders/read"]'), 'CUP412');
    expectNone(client('  allowed_o_auth_flows = ["code"]\n  callback_ur_ls = ["https://a.example/cb"]\n  allowed_o_auth_scopes = ["openid", "email"]'), 'CUP412');
    // Flows not known statically: nothing is guessed.
    expectNone(client('  allowed_o_auth_flows = var.flows\n  allowed_o_auth_scopes = ["openid"]'), 'CUP412');
  });
  test('the fix removes them and keeps the rest of a one-line list', () => {
    const before = client(CC + '  allowed_o_auth_scopes = ["openid", "orders/read", "email", "orders/write", "profile"]');
    assert.equal(applyFix(before, 'CUP412'), client(CC + '  allowed_o_auth_scopes = ["orders/read", "orders/write"]'));
  });
  test('the fix keeps one item per line and the trailing comma', () => {
    const list = (items: string[]) => `  allowed_o_auth_scopes = [\n${items.map((i) => `    "${i}",\n`).join('')}  ]`;
    const before = client(CC + list(['orders/read', 'openid', 'orders/write', 'email', 'phone']));
    assert.equal(applyFix(before, 'CUP412'), client(CC + list(['orders/read', 'orders/write'])));
    assert.equal(applyFix(client(CC + list(['openid', 'orders/read'])), 'CUP412'), client(CC + list(['orders/read'])));
  });
  test('a list of only OpenID scopes becomes empty', () => {
    assert.equal(applyFix(client(CC + '  allowed_o_auth_scopes = ["openid", "email"]'), 'CUP412'), client(CC + '  allowed_o_auth_scopes = []'));
  });
  test('scopes from a local are reported on the reference and fixed in the local', () => {
    const locals = 'locals {\n  scopes = ["openid", "https://api.example.com/orders.read"]\n}\n';
    const text = client(CC + '  allowed_o_auth_scopes = «local.scopes»') + locals;
    const [d] = expectAt(text, 'CUP412', 'warning');
    assert.match(d.message, /value of local\.scopes/);
    const plain = text.replace(/[«»]/g, '');
    assert.equal(applyFix(plain, 'CUP412'), plain.replace('["openid", ', '['));
  });
  test('flows from a local count too', () => {
    const text = client('  generate_secret = true\n  allowed_o_auth_flows = local.m2m\n  allowed_o_auth_scopes = [«"profile"»]') + 'locals {\n  m2m = ["client_credentials"]\n}\n';
    const [d] = expectAt(text, 'CUP412', 'warning');
    // The refusal is seen quoted for openid and email only: for the other user scopes the message says so.
    assert.match(d.message, /refuses "openid" and "email" .* most likely this too/);
  });
});

describe('CUP412 fix in another file', () => {
  test('scopes from a local in locals.tf: the fix edits locals.tf, not the client', async () => {
    const { contextFor } = await import('../../support/context');
    const { computeDiagnostics } = await import('../../../server/src/features/diagnostics');
    const { codeActions } = await import('../../../server/src/features/codeActions');
    const localsText = 'locals {\n  m2m_scopes = [\n    "https://api.example.com/orders.read",\n    "openid",\n  ]\n}\n';
    const ctx = contextFor(client(CC + '  allowed_o_auth_scopes = local.m2m_scopes'), { 'locals.tf': localsText });
    const diagnostics = computeDiagnostics(ctx).filter((d) => d.code === 'CUP412');
    assert.equal(diagnostics.length, 1);
    const [action] = codeActions(ctx, diagnostics[0].range, diagnostics).filter((a) => a.diagnostics?.[0]?.code === 'CUP412');
    assert.ok(action, 'a fix is offered');
    assert.equal(action.title, 'Remove "openid" from local.m2m_scopes');
    const changes = action.edit?.changes ?? {};
    assert.deepEqual(Object.keys(changes).map((u) => u.split('/').pop()), ['locals.tf']);
    const locals = ctx.module.documents().find((d) => d.uri.endsWith('locals.tf'))!.file;
    const edits = changes[Object.keys(changes)[0]];
    const { applyEdits } = await import('./helpers');
    assert.equal(applyEdits(localsText, edits, locals.lines.offsetAt.bind(locals.lines)), 'locals {\n  m2m_scopes = [\n    "https://api.example.com/orders.read",\n  ]\n}\n');
  });
});
