// A large document is opened a block at a time (server/src/parser/lazyFile.ts): what the server publishes
// for it must be what the whole parse gives, also when a block has a syntax error (the server then parses
// the text whole and checks it again before publishing) and after edits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic, Position } from 'vscode-languageserver-types';
import { computeDiagnostics } from '../../server/src/features/diagnostics';
import { Workspace } from '../../server/src/model';
import { nodeFileSystem } from '../../server/src/model/fileSystem';
import { OPEN_LAZILY_FROM } from '../../server/src/parser/lazyFile';
import { generateModuleText, withIndentedHeader } from '../support/generate';
import { fileUri, startServer, type LspSession } from '../support/lspClient';

/** The diagnostics of `text` as `path`, parsed whole: a full-text change is never opened lazily. */
function wholeParseDiagnostics(path: string, text: string): Diagnostic[] {
  const workspace = new Workspace(nodeFileSystem);
  workspace.openDocument(fileUri(path), 1, '');
  workspace.changeDocument(fileUri(path), 2, [{ text }]);
  return computeDiagnostics(workspace.contextFor(fileUri(path))!);
}

const codes = (list: Diagnostic[]) => list.map((d) => d.code);

function positionAt(text: string, offset: number): Position {
  return { line: text.slice(0, offset).split('\n').length - 1, character: offset - text.lastIndexOf('\n', offset - 1) - 1 };
}

/** `text` as main.tf of a fresh folder, a server started on it, and the folder removed afterwards. */
async function withServerOn(text: string, run: (server: LspSession, path: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'awscc-lazy-'));
  const path = join(dir, 'main.tf');
  writeFileSync(path, text);
  const server = await startServer({ rootDir: dir });
  try {
    await run(server, path);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function open(server: LspSession, path: string, text: string): Promise<void> {
  return server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: fileUri(path), languageId: 'terraform', version: 1, text } });
}

function change(server: LspSession, path: string, at: Position, removed: number, text: string): Promise<void> {
  return server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: fileUri(path), version: 2 },
    contentChanges: [{ range: { start: at, end: { line: at.line, character: at.character + removed } }, text }],
  });
}

test('a large document with a syntax error inside a block publishes what the whole parse gives', async () => {
  const valid = generateModuleText(80, 5);
  assert.ok(valid.length >= OPEN_LAZILY_FROM, `${valid.length} characters`);
  // In the middle of the module: the blocks before and after it are cut right, this one is not clean.
  const at = valid.indexOf('generate_secret = ', valid.length >> 1) + 'generate_secret = '.length;
  const broken = valid.slice(0, at) + '= ' + valid.slice(at);
  await withServerOn(broken, async (server, path) => {
    const published = server.nextDiagnostics(fileUri(path), 1);
    await open(server, path, broken);
    const got = await published;
    const expected = wholeParseDiagnostics(path, broken);
    assert.ok(codes(expected).includes('CUP001'), 'the oracle has the syntax error');
    assert.ok(expected.length > 50, `${expected.length} diagnostics: the other blocks' findings too`);
    assert.deepStrictEqual(got, expected);

    // The document goes on from the whole parse: an edit that mends the error gives the valid text's findings.
    const mended = server.nextDiagnostics(fileUri(path), 2);
    await change(server, path, positionAt(broken, at), 2, '');
    const after = await mended;
    assert.ok(!codes(after).includes('CUP001'), 'the syntax error is gone');
    assert.deepStrictEqual(after, wholeParseDiagnostics(path, valid));
  });
});

test('a large valid document publishes what the whole parse gives, and so does an edit inside a block', async () => {
  const text = generateModuleText(80, 6);
  await withServerOn(text, async (server, path) => {
    const published = server.nextDiagnostics(fileUri(path), 1);
    await open(server, path, text);
    const got = await published;
    assert.ok(got.length > 50, `${got.length} diagnostics`);
    assert.deepStrictEqual(got, wholeParseDiagnostics(path, text));

    // An access token validity of 1 becomes 100: the edited block's findings change, the others stay.
    const at = text.indexOf('access_token_validity  = ', text.length >> 1) + 'access_token_validity  = '.length;
    const next = server.nextDiagnostics(fileUri(path), 2);
    await change(server, path, positionAt(text, at), 0, '100');
    assert.deepStrictEqual(await next, wholeParseDiagnostics(path, text.slice(0, at) + '100' + text.slice(at)));
  });
});

test('a block whose header line is indented (no cut is made there) is still checked, from the whole parse', async () => {
  const { text, header } = withIndentedHeader(generateModuleText(80, 7));
  await withServerOn(text, async (server, path) => {
    const published = server.nextDiagnostics(fileUri(path), 1);
    await open(server, path, text);
    const got = await published;
    const expected = wholeParseDiagnostics(path, text);
    const first = positionAt(text, header).line;
    const last = positionAt(text, text.indexOf('\n}', header) + 1).line;
    const inBlock = (list: Diagnostic[]) => list.filter((d) => d.range.start.line > first && d.range.start.line <= last);
    assert.ok(inBlock(expected).length > 0, `the indented block (lines ${first + 1}–${last + 1}) has findings of its own`);
    assert.deepStrictEqual(got, expected);
  });
});

test('a request sent right behind the didOpen of a large document is answered from the whole parse (the check and its settling run first)', async () => {
  const { text, header } = withIndentedHeader(generateModuleText(80, 7));
  // Hover on `generate_secret` in the indented block, which the header scan does not see.
  const at = positionAt(text, text.indexOf('generate_secret', header) + 2);
  await withServerOn(text, async (server, path) => {
    void open(server, path, text);
    const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: fileUri(path) }, position: at })) as { contents: { value: string } } | null;
    assert.ok(hover, 'a hover for the attribute of the indented block');
    assert.match(hover.contents.value, /secret/i);
  });
});

test("after a replacing parse, the folder's other open documents follow later edits of what it declares", async () => {
  const { text, header } = withIndentedHeader(generateModuleText(80, 7));
  const name = /"(client_\d+)"/.exec(text.slice(header))![1];
  const importing = `import {\n  to = awscc_cognito_user_pool_client.${name}\n  id = "us-east-1_AbC123|abcdefghijklmnopqrstuvwxyz"\n}\n`;
  const dir = mkdtempSync(join(tmpdir(), 'awscc-lazy-'));
  const a = join(dir, 'imports.tf');
  const b = join(dir, 'main.tf');
  writeFileSync(a, importing);
  writeFileSync(b, text);
  const server = await startServer({ rootDir: dir });
  const undeclared = (list: Diagnostic[]) => list.filter((d) => d.code === 'CUP610');
  try {
    const first = server.nextDiagnostics(fileUri(a), 1);
    await open(server, a, importing);
    // main.tf is read from disk until it is opened: the indented block declares the target.
    assert.equal(undeclared(await first).length, 0);
    const published = server.nextDiagnostics(fileUri(b), 1);
    const again = server.nextDiagnostics(fileUri(a), 1);
    await open(server, b, text);
    await published;
    assert.equal(undeclared(await again).length, 0, 'the opened main.tf, once parsed whole, declares the target');

    // Deleting the indented block must reach imports.tf: what main.tf declares changed since its whole parse
    // (its record from the guessed blocks, which lacked the indented one, would have said it did not).
    const end = text.indexOf('\n}', header) + 3;
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: fileUri(b), version: 2 },
      contentChanges: [{ range: { start: positionAt(text, header), end: positionAt(text, end) }, text: '' }],
    });
    // imports.tf may be published again for earlier reasons first; it must come to report the target.
    for (;;) if (undeclared(await server.nextDiagnostics(fileUri(a), 1, 5000)).length === 1) break;
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
