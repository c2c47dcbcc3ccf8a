// How the server starts (server.ts): `initialize` is answered by a small bundle, and the language service
// (dist/serverCore.js) is loaded after the answer, or before any other message is handled. These tests pin
// what a client sees of that: the same answer over stdio and over IPC (the VS Code client's transport), an
// answer that does not depend on the language service at all, and no message lost when a client sends more
// before the answer arrives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fork, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import type { InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { SERVER_PATH, fileUri, startServer } from '../support/lspClient';

/** What `initialize` answers, in full: a change here is a change every client sees. */
const expectedCapabilities = {
  textDocumentSync: { openClose: true, change: 2 },
  hoverProvider: true,
  documentFormattingProvider: true,
  codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.rewrite'], resolveProvider: true },
  completionProvider: { triggerCharacters: ['"', '.', '=', ' ', '[', ',', '{'] },
  definitionProvider: true,
  referencesProvider: true,
  documentSymbolProvider: true,
};

const TEXT = 'resource "awscc_cognito_user_pool_client" "web" {\n  user_pool_id                  = "us-east-1_abc"\n  prevent_user_existence_errors = "LEGACY"\n  client_name = "web\n}\n';

function frame(body: object): string {
  const json = JSON.stringify(body);
  return `Content-Length: ${Buffer.byteLength(json, 'utf-8')}\r\n\r\n${json}`;
}

/** Reads LSP frames from a byte stream, calling `onMessage` for each. */
function frames(onMessage: (message: Record<string, unknown>) => void): (chunk: Buffer) => void {
  let buffer = Buffer.alloc(0);
  return (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString())?.[1]);
      if (buffer.length < end + 4 + length) return;
      onMessage(JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString()));
      buffer = buffer.subarray(end + 4 + length);
    }
  };
}

test('initialize answers the full capabilities over stdio', async () => {
  const session = await startServer();
  try {
    assert.deepEqual(session.initializeResult.capabilities, expectedCapabilities);
    assert.equal(session.initializeResult.serverInfo?.name, 'awscc-cognito');
  } finally {
    await session.close();
  }
});

test('over IPC, as the VS Code client starts it, the server answers the same and checks the first document', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'awscc-ipc-'));
  const child = fork(SERVER_PATH, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], execArgv: [] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  try {
    const uri = fileUri(join(dir, 'main.tf'));
    const published = new Promise<PublishDiagnosticsParams>((resolve) =>
      connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
        if (params.uri === uri) resolve(params);
      }),
    );
    const logged: { type: number; message: string }[] = [];
    const ready = new Promise<{ type: number; message: string }>((resolve) =>
      connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
        logged.push(params);
        if (params.message.includes(`ready (process ${child.pid})`)) resolve(params);
      }),
    );
    connection.listen();
    const result = (await connection.sendRequest('initialize', { processId: process.pid, rootUri: fileUri(dir), capabilities: {} })) as InitializeResult;
    assert.deepEqual(result.capabilities, expectedCapabilities);
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'terraform', version: 1, text: TEXT } });
    const codes = (await published).diagnostics.map((d) => d.code);
    assert.ok(codes.includes('CUP502') && codes.includes('CUP001'), `${codes}; stderr: ${stderr}`);
    // The outline's symbols are stand-ins built when serialised (serverFeatures.ts): IPC serialises them too.
    const outline = (await connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as { name: string; children?: unknown[] }[];
    assert.ok(outline.length > 0 && outline.every((s) => typeof s.name === 'string' && Array.isArray(s.children)), JSON.stringify(outline));
    // The log line that names the process (the e2e crash scenario waits for it after each restart).
    const line = await Promise.race([ready, new Promise<undefined>((r) => setTimeout(() => r(undefined), 10_000))]);
    assert.equal(line?.type, 3, `an Info line naming process ${child.pid}; logged: ${JSON.stringify(logged)}`);
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
  } finally {
    connection.dispose();
    if (child.exitCode === null) child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('initialize is answered without the language service: a core bundle that cannot load does not change the answer', async () => {
  // A copy of the built server whose core throws when loaded; the answer must not have needed it.
  const copy = mkdtempSync(join(tmpdir(), 'awscc-no-core-'));
  try {
    for (const f of ['server.js', 'serverMain.js']) copyFileSync(join(dirname(SERVER_PATH), f), join(copy, f));
    writeFileSync(join(copy, 'serverCore.js'), "throw new Error('this core cannot load');\n");
    const child = spawn(process.execPath, [join(copy, 'server.js'), '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, AWSCC_COGNITO_CODE_CACHE: 'off' },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const answer = await new Promise<Record<string, unknown>>((resolve, reject) => {
      child.stdout.on('data', frames((m) => m.id === 1 && resolve(m)));
      child.once('exit', (code) => reject(new Error(`exited ${code} before answering; stderr: ${stderr}`)));
      child.stdin.write(frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
    });
    assert.deepEqual((answer.result as InitializeResult).capabilities, expectedCapabilities);
    // The core is loaded after the answer; its failure is said on stderr.
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no report of the core's failure; stderr: ${stderr}`)), 10_000);
      const check = () => {
        if (!/this core cannot load/.test(stderr)) return;
        clearTimeout(timer);
        resolve();
      };
      child.stderr.on('data', check);
      check();
    });
    child.kill();
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});

test('a client that sends initialized and didOpen before the answer arrives loses nothing, and its settings apply', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'awscc-eager-'));
  const uri = fileUri(join(dir, 'main.tf'));
  const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  try {
    const messages: Record<string, unknown>[] = [];
    const published = new Promise<PublishDiagnosticsParams>((resolve, reject) => {
      child.stdout.on(
        'data',
        frames((m) => {
          messages.push(m);
          if (m.method === 'textDocument/publishDiagnostics' && (m.params as PublishDiagnosticsParams).uri === uri) resolve(m.params as PublishDiagnosticsParams);
        }),
      );
      child.once('exit', (code) => reject(new Error(`exited ${code}; stderr: ${stderr}`)));
    });
    // All three in one write, so that they arrive together, before anything is answered.
    child.stdin.write(
      frame({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { processId: null, rootUri: fileUri(dir), capabilities: {}, initializationOptions: { settings: { diagnostics: { severity: { CUP502: 'off' } } } } },
      }) +
        frame({ jsonrpc: '2.0', method: 'initialized', params: {} }) +
        frame({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'terraform', version: 1, text: TEXT } } }),
    );
    const codes = (await published).diagnostics.map((d) => d.code);
    assert.ok(codes.includes('CUP001'), `the document was checked: ${codes}`);
    assert.ok(!codes.includes('CUP502'), `the settings sent with initialize were applied: ${codes}`);
    assert.ok(messages.findIndex((m) => m.id === 1) < messages.findIndex((m) => m.method === 'textDocument/publishDiagnostics'), 'initialize answered first');
  } finally {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});
