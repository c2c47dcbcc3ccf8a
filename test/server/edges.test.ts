// The server at the protocol's edges, over real stdio: a frame it cannot read, and URIs that a round trip
// through a file path would spell differently.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVER_PATH, fileUri, startServer } from '../support/lspClient';

function frame(body: object): string {
  const json = JSON.stringify(body);
  return `Content-Length: ${Buffer.byteLength(json, 'utf-8')}\r\n\r\n${json}`;
}

/**
 * Starts the built server on stdio and writes `first` raw; once stdout shows `answered` (when given), writes
 * `then`. Resolves with the exit code and the output.
 */
function feedRaw(first: string, answered?: RegExp, then = '', timeoutMs = 10_000): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d) => (stderr += d));
    let sent = false;
    child.stdout.on('data', (d) => {
      stdout += d;
      if (answered && !sent && answered.test(stdout)) {
        sent = true;
        child.stdin.write(then);
      }
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server was still running ${timeoutMs} ms after an unreadable frame; stderr: ${JSON.stringify(stderr)}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    });
    // Keep stdin open: a client that sent a bad frame has not gone away, so EOF must not be what ends the server.
    child.stdin.write(first);
  });
}

const initialize = frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });

test('a frame whose Content-Length is not a number makes the server say why on stderr and exit non-zero', async () => {
  // First a working session (initialize is answered), then the bad frame, then a good request it can no longer read.
  const result = await feedRaw(initialize, /"id":1/, `Content-Length: abc\r\n\r\n{"jsonrpc":"2.0","id":2,"method":"shutdown"}${frame({ jsonrpc: '2.0', id: 3, method: 'shutdown' })}`);
  assert.notEqual(result.code, 0, `exit code ${result.code}`);
  assert.notEqual(result.code, null);
  assert.match(result.stderr, /Content-Length/);
  assert.match(result.stderr, /abc/);
});

test('a header without Content-Length also ends the server with the reason on stderr', async () => {
  const result = await feedRaw(`Content-Type: application/json\r\n\r\n{}`);
  assert.notEqual(result.code, 0);
  assert.notEqual(result.code, null);
  assert.match(result.stderr, /Content-Length/);
});

test('diagnostics are published under exactly the URI string the client opened, and cleared under it', async () => {
  // A folder whose name a path round trip would re-encode: %40 and %3A come back as @ and :.
  const root = mkdtempSync(join(tmpdir(), 'awscc-uri-'));
  const dir = join(root, 'a@b:c');
  mkdirSync(dir);
  const text = 'resource "awscc_cognito_user_pool_client" "web" {\n  client_name = "web\n}\n';
  writeFileSync(join(dir, 'main.tf'), text);
  const session = await startServer({ rootDir: root });
  try {
    const uri = `${fileUri(root)}/a%40b%3Ac/main.tf`;
    assert.notEqual(uri, fileUri(join(dir, 'main.tf')), 'the fixture must use a spelling that a round trip changes');
    const opened = session.nextDiagnostics(uri, 1);
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'terraform', version: 1, text } });
    const published = await opened;
    assert.ok(published.some((d) => d.code === 'CUP001'), JSON.stringify(published));

    // An edit goes through the same key, and so do requests.
    const fixed = 'resource "awscc_cognito_user_pool_client" "web" {\n  client_name = "web"\n}\n';
    const changed = session.nextDiagnostics(uri, 2);
    await session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: fixed }],
    });
    assert.ok(!(await changed).some((d) => d.code === 'CUP001'));

    const closed = session.nextDiagnostics(uri);
    await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.deepEqual(await closed, []);

    const uris = session.notifications
      .filter((n) => n.method === 'textDocument/publishDiagnostics')
      .map((n) => (n.params as { uri: string }).uri);
    assert.deepEqual([...new Set(uris)], [uri], 'every publication uses the client’s spelling');
  } finally {
    await session.close();
    rmSync(root, { recursive: true, force: true });
  }
});
