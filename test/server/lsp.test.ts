// The built server over stdio, spoken to with real JSON-RPC like any editor would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, fileUri, type LspSession } from '../support/lspClient';

let session: LspSession;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'awscc-lsp-'));
  session = await startServer({ rootDir: dir });
});

after(async () => {
  await session.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Line and UTF-16 character of the first occurrence of `needle`, computed independently of the server. */
function positionOf(text: string, needle: string): { line: number; character: number } {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `fixture lacks ${needle}`);
  const before = text.slice(0, offset).split(/\r\n|\n/);
  return { line: before.length - 1, character: before[before.length - 1].length };
}

test('initialize announces incremental sync and names the server', () => {
  const caps = session.initializeResult.capabilities;
  const sync = caps.textDocumentSync as { change: number; openClose: boolean };
  assert.equal(sync.change, 2, 'TextDocumentSyncKind.Incremental');
  assert.equal(sync.openClose, true);
  assert.equal(session.initializeResult.serverInfo?.name, 'awscc-cognito');
});

test('an unterminated string is published as a syntax error at the exact place, with emoji before it', async () => {
  const uri = fileUri(join(dir, 'main.tf'));
  // The emoji is two UTF-16 code units: the character position must count them both.
  const text = [
    'resource "awscc_cognito_user_pool_client" "web" {',
    '  user_pool_id = "us-east-1_abc" # 🔐 pool',
    '  client_name  = "🙂 web',
    '}',
    '',
  ].join('\n');
  const diagnostics = session.nextDiagnostics(uri, 1);
  await session.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'terraform', version: 1, text },
  });
  const published = await diagnostics;
  const syntax = published.filter((d) => d.code === 'CUP001');
  assert.equal(syntax.length, 1, JSON.stringify(published));
  const quote = positionOf(text, '"🙂');
  assert.deepEqual(syntax[0].range.start, quote);
  assert.equal(syntax[0].source, 'awscc-cognito');
  assert.match(syntax[0].message as string, /Unterminated string/);

  // Close the string with an incremental edit right after "web": the error goes away in version 2.
  const end = positionOf(text, ' web\n');
  const insertAt = { line: end.line, character: end.character + 4 };
  const fixed = session.nextDiagnostics(uri, 2);
  await session.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: insertAt, end: insertAt }, text: '"' }],
  });
  assert.deepEqual((await fixed).filter((d) => d.code === 'CUP001'), []);
});

test('a CRLF document with a BOM gets positions on the right lines', async () => {
  const uri = fileUri(join(dir, 'crlf.tf'));
  const text = '\uFEFFlocals {\r\n  a = 1\r\n  b = [1, 2\r\n}\r\n';
  const diagnostics = session.nextDiagnostics(uri, 1);
  await session.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'terraform', version: 1, text },
  });
  const syntax = (await diagnostics).filter((d) => d.code === 'CUP001');
  assert.ok(syntax.length >= 1);
  for (const d of syntax) assert.ok(d.range.start.line >= 2 && d.range.start.line <= 3, JSON.stringify(d.range));
});

test('hover over an attribute answers with its documentation', async () => {
  const uri = fileUri(join(dir, 'hover.tf'));
  const text = 'resource "awscc_cognito_user_pool_client" "web" {\n  user_pool_id        = "us-east-1_abc"\n  explicit_auth_flows = ["ALLOW_USER_SRP_AUTH"]\n}\n';
  await session.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'terraform', version: 1, text },
  });
  const pos = positionOf(text, 'explicit_auth_flows');
  const result = (await session.connection.sendRequest('textDocument/hover', {
    textDocument: { uri },
    position: { line: pos.line, character: pos.character + 3 },
  })) as { contents: { kind: string; value: string }; range: { start: unknown } } | null;
  assert.ok(result, 'a hover');
  assert.equal(result.contents.kind, 'markdown');
  assert.match(result.contents.value, /explicit_auth_flows/);
  assert.match(result.contents.value, /ALLOW_USER_SRP_AUTH/);
  assert.deepEqual(result.range.start, pos);
});

test('garbage (NUL, control characters, lone surrogates, unclosed everything) gets diagnostics, not a crash', async () => {
  const uri = fileUri(join(dir, 'garbage.tf'));
  const diagnostics = session.nextDiagnostics(uri, 1);
  await session.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'terraform', version: 1, text: '\u0000\u0007{{[[(("${%{ \uD800 \n'.repeat(50) },
  });
  assert.ok((await diagnostics).length >= 1);
  assert.equal(session.process.exitCode, null, 'server still running');
});

test('2 MB of random bytes: at most 1,000 syntax errors plus one that counts the other ~68,000', async () => {
  const uri = fileUri(join(dir, 'random.tf'));
  let seed = 42;
  const chars: string[] = [];
  for (let i = 0; i < 2_000_000; i++) chars.push(String.fromCharCode((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 128));
  const diagnostics = session.nextDiagnostics(uri, 1, 60_000);
  await session.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'terraform', version: 1, text: chars.join('') },
  });
  const published = await diagnostics;
  assert.equal(published.length, 1001);
  assert.match(String(published[1000].message), /^[\d,]{6,} more syntax errors from here on are not listed \(only the first 1,000 are\)\.$/);
  assert.equal(session.process.exitCode, null, 'server still running');
});

test('hostile depth (100,000 nested brackets, a 100,000-operator chain) in our resource: "Nesting too deep", and the rules still run', async () => {
  const head = 'resource "awscc_cognito_user_pool_client" "web" {\n  user_pool_id = "us-east-1_abc"\n  bogus_argument = 1\n  callback_urls = ';
  for (const [name, value] of [['brackets', '['.repeat(100_000)], ['chain', '1 + '.repeat(100_000) + '1']]) {
    const uri = fileUri(join(dir, `deep-${name}.tf`));
    const diagnostics = session.nextDiagnostics(uri, 1);
    await session.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'terraform', version: 1, text: `${head}${value}\n}\n` },
    });
    const published = await diagnostics;
    assert.ok(published.some((d) => d.message === 'Nesting too deep'), `${name}: ${published.map((d) => d.message).join(' | ')}`);
    // The unknown argument is reported by a rule: the rules ran over the deep value without overflowing.
    assert.ok(published.some((d) => d.code === 'CUP101'), `${name}: ${published.map((d) => d.code).join(' ')}`);
  }
  assert.equal(session.process.exitCode, null, 'server still running');
});

test('formatting a document with a syntax error changes nothing and tells the user why, once per version', async () => {
  const uri = fileUri(join(dir, 'broken-format.tf'));
  const text = 'resource "awscc_cognito_user_pool_client" "web" {\n  user_pool_id =    "us-east-1_abc"\n  client_name = "web\n}\n';
  const diagnostics = session.nextDiagnostics(uri, 1);
  await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'terraform', version: 1, text } });
  await diagnostics;
  const shown = () => session.notifications.filter((n) => n.method === 'window/showMessage').map((n) => n.params as { type: number; message: string });
  const before = shown().length;
  const request = { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } };
  assert.deepEqual(await session.connection.sendRequest('textDocument/formatting', request), []);
  await waitFor(() => shown().length > before);
  const message = shown()[before];
  assert.equal(message.type, 2, 'a warning');
  assert.match(message.message, /Not formatted: the document has a syntax error \(line 3: Unterminated string\)/);
  // Format on save asks again on every save: the same version does not pop up a second time.
  assert.deepEqual(await session.connection.sendRequest('textDocument/formatting', request), []);
  await session.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
  assert.equal(shown().length, before + 1);
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
