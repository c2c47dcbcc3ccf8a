// textDocument/references and the CUP8xx diagnostics over real stdio: a resource server's scope in one
// open document, the clients that use it in another.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, fileUri, type LspSession } from '../support/lspClient';

let session: LspSession;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'awscc-pool-'));
  session = await startServer({ rootDir: dir });
});

after(async () => {
  await session.close();
  rmSync(dir, { recursive: true, force: true });
});

const SERVER = `resource "awscc_cognito_user_pool_resource_server" "api" {
  user_pool_id = var.pool_id
  identifier   = "api"
  name         = "api"
  scopes       = [{ scope_name = "read", scope_description = "Read" }]
}
`;
const CLIENT = `resource "awscc_cognito_user_pool_client" "app" {
  user_pool_id          = var.pool_id
  client_name           = "app"
  allowed_o_auth_scopes = ["api/read", "api/write"]
}
`;

test('references from a declared scope reach the client in another document; the client gets CUP801 and CUP804', async () => {
  assert.equal(session.initializeResult.capabilities.referencesProvider, true);
  const serverUri = fileUri(join(dir, 'api.tf'));
  const clientUri = fileUri(join(dir, 'app.tf'));
  const published = session.nextDiagnostics(clientUri, 1);
  await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: serverUri, languageId: 'terraform', version: 1, text: SERVER } });
  await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: clientUri, languageId: 'terraform', version: 1, text: CLIENT } });
  const codes = (await published).map((d: { code?: unknown }) => d.code);
  assert.ok(codes.includes('CUP801'), `got ${codes.join(', ')}`);
  assert.ok(codes.includes('CUP804'), `got ${codes.join(', ')}`);
  const refs = (await session.connection.sendRequest('textDocument/references', {
    textDocument: { uri: serverUri },
    position: { line: 4, character: 36 },
    context: { includeDeclaration: false },
  })) as { uri: string; range: { start: { line: number; character: number } } }[];
  assert.deepEqual(refs.map((r) => [r.uri, r.range.start]), [[clientUri, { line: 3, character: 27 }]]);
});

test('a caller is re-checked when its local child module changes', async () => {
  const { mkdirSync } = await import('node:fs');
  mkdirSync(join(dir, 'child'), { recursive: true });
  const rootUri = fileUri(join(dir, 'root.tf'));
  const childUri = fileUri(join(dir, 'child', 'main.tf'));
  const root = 'module "c" {\n  source      = "./child"\n  client_name = ""\n}\n';
  const child = 'variable "client_name" {\n  type = string\n}\n\nresource "awscc_cognito_user_pool_client" "this" {\n  user_pool_id = "us-east-1_AbC123"\n  client_name  = "fixed"\n}\n';
  await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: childUri, languageId: 'terraform', version: 1, text: child } });
  const first = session.nextDiagnostics(rootUri, 1);
  await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: rootUri, languageId: 'terraform', version: 1, text: root } });
  assert.deepEqual((await first).map((d: { code?: unknown }) => d.code), []);
  // The child now reads the variable: the caller's "" is refused, and the caller hears of it.
  const again = session.nextDiagnostics(rootUri, 1);
  const at = child.indexOf('"fixed"');
  await session.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: childUri, version: 2 },
    contentChanges: [{ range: { start: { line: 6, character: at - child.lastIndexOf('\n', at) - 1 }, end: { line: 6, character: at - child.lastIndexOf('\n', at) - 1 + 7 } }, text: 'var.client_name' }],
  });
  const codes = (await again).map((d: { code?: unknown }) => d.code);
  assert.deepEqual(codes, ['CUP203']);
});
