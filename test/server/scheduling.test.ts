// Which documents the built server re-checks after an edit, spoken to over stdio: the other open documents of
// the folder only when what they can see of the edited one changes (its declarations, a local's value, an
// import's target), not on every keystroke.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ServerInfoRequest } from '../../server/src/protocol';
import { startServer, fileUri, type LspSession } from '../support/lspClient';

let session: LspSession;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'awscc-scheduling-'));
  session = await startServer({ rootDir: dir });
});

after(async () => {
  await session.close();
  rmSync(dir, { recursive: true, force: true });
});

const A = [
  'locals {',
  '  mode = "LEGACY"',
  '}',
  '',
  'resource "awscc_cognito_user_pool_client" "web" {',
  '  user_pool_id = "us-east-1_abc"',
  '  client_name  = "web"',
  '}',
  '',
].join('\n');

// Reads a local of a.tf (CUP502 while it is LEGACY) and imports a resource declared in a.tf (CUP610 if not).
const B = [
  'resource "awscc_cognito_user_pool_client" "mobile" {',
  '  user_pool_id                  = "us-east-1_abc"',
  '  prevent_user_existence_errors = local.mode',
  '}',
  '',
  'import {',
  '  to = awscc_cognito_user_pool_client.web',
  '  id = "us-east-1_abc|1example23456789"',
  '}',
  '',
].join('\n');

/** The LSP change that replaces the first `needle` in `text`, and the text after it. */
function replace(text: string, needle: string, replacement: string) {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `text lacks ${needle}`);
  const position = (o: number) => {
    const lines = text.slice(0, o).split('\n');
    return { line: lines.length - 1, character: lines[lines.length - 1].length };
  };
  return {
    change: { range: { start: position(offset), end: position(offset + needle.length) }, text: replacement },
    text: text.slice(0, offset) + replacement + text.slice(offset + needle.length),
  };
}

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code).sort();

function publicationsOf(uri: string): PublishDiagnosticsParams[] {
  return session.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics').map((n) => n.params as PublishDiagnosticsParams).filter((p) => p.uri === uri);
}

/** Edits a document opened at version 1 with `text`; each edit resolves with the publication for its version. */
function editor(uri: string, text: string) {
  let version = 1;
  const edit = async (needle: string, replacement: string) => {
    const next = replace(text, needle, replacement);
    text = next.text;
    version++;
    const published = session.nextDiagnostics(uri, version);
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [next.change] });
    return published;
  };
  return Object.assign(edit, { version: () => version });
}

/** Others are re-checked twice the debounce (300 ms) after an edit: once this has passed, one would have come. */
const longerThanOthersWait = () => new Promise((resolve) => setTimeout(resolve, 450));

test('another open document of the folder is re-checked when a declaration it reads changes, not when a value changes', async () => {
  const a = fileUri(join(dir, 'a.tf'));
  const b = fileUri(join(dir, 'b.tf'));
  const open = (uri: string, text: string) => session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'terraform', version: 1, text } });
  const bOpened = session.nextDiagnostics(b, 1);
  await open(b, B);
  await bOpened;
  // Opening a.tf re-checks b.tf (a.tf declares what b.tf reads); after both publications nothing is pending.
  const aOpened = session.nextDiagnostics(a, 1);
  const bRechecked = session.nextDiagnostics(b, 1);
  await open(a, A);
  await aOpened;
  assert.deepEqual(codes(await bRechecked), ['CUP502'], 'local.mode is LEGACY, the import target is declared');
  const settled = publicationsOf(b).length;

  const edit = editor(a, A);

  // A value of a resource: nothing b.tf can see. Then the resource's name, which b.tf's import targets.
  await edit('client_name  = "web"', 'client_name  = "web-app"');
  await longerThanOthersWait();
  assert.equal(publicationsOf(b).length, settled, 'a value edit in a.tf re-checks nothing else');
  const afterRename = session.nextDiagnostics(b, 1);
  await edit('"web" {', '"webapp" {');
  assert.deepEqual(codes(await afterRename), ['CUP502', 'CUP610'], 'the import target is gone');
  assert.equal(publicationsOf(b).length, settled + 1, 'b.tf was re-checked once: for the rename, not for the value edit');

  // A local's value is what b.tf's rules read through local.mode: a change there re-checks b.tf too.
  const afterLocal = session.nextDiagnostics(b, 1);
  await edit('mode = "LEGACY"', 'mode = "ENABLED"');
  assert.deepEqual(codes(await afterLocal), ['CUP610']);

  const afterRenameBack = session.nextDiagnostics(b, 1);
  await edit('"webapp" {', '"web" {');
  assert.deepEqual(codes(await afterRenameBack), []);
  assert.equal(publicationsOf(b).length, settled + 3);

  // b.tf was opened alone, before a.tf: what a.tf sees of it was recorded when a.tf came, so a value edit in
  // b.tf re-checks nothing else, and a rename re-checks a.tf once.
  const aSettled = publicationsOf(a).length;
  const editB = editor(b, B);
  await editB('"mobile" {', '"mobile" {\n  client_name = "m"');
  await longerThanOthersWait();
  assert.equal(publicationsOf(a).length, aSettled, 'a value edit in b.tf re-checks nothing else');
  const aAfterRename = session.nextDiagnostics(a, edit.version());
  await editB('"mobile" {', '"phone" {');
  await aAfterRename;
  assert.equal(publicationsOf(a).length, aSettled + 1, 'a.tf was re-checked once: for the rename, not for the value edit');
});

test('opening a document shows the server busy until its first check is published', async () => {
  // A folder of its own: the documents of the first test are not re-checked along with it.
  mkdirSync(join(dir, 'status'));
  const uri = fileUri(join(dir, 'status', 'main.tf'));
  const from = session.notifications.length;
  const published = session.nextDiagnostics(uri, 1);
  await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'terraform', version: 1, text: A.replace(/web/g, 'status') } });
  await published;
  // The idle notification follows the publication: ask something to be sure it has been written.
  await session.connection.sendRequest(ServerInfoRequest, undefined);
  const states = session.notifications.slice(from).filter((n) => n.method === 'awsccCognito/status').map((n) => (n.params as { state: string }).state);
  assert.deepEqual(states, ['busy', 'idle']);
});

test('a newly opened document is checked at once: the debounce is for changes', async () => {
  // The longest debounce the settings allow (10 s): an open that waited for it would miss the 5 s below.
  const slowDir = mkdtempSync(join(tmpdir(), 'awscc-open-at-once-'));
  const slow = await startServer({ rootDir: slowDir, configuration: { diagnostics: { debounceMs: 10_000 } }, initializationOptions: { settings: { diagnostics: { debounceMs: 10_000 } } } });
  try {
    const uri = fileUri(join(slowDir, 'main.tf'));
    const opened = slow.nextDiagnostics(uri, 1, 5000);
    await slow.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'terraform', version: 1, text: A } });
    assert.deepEqual(codes(await opened), ['CUP502']);
    // A change still waits for the debounce: an open of another folder's document, checked at once, is
    // published while the change is not.
    await slow.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [replace(A, '"LEGACY"', '"ENABLED"').change] });
    mkdirSync(join(slowDir, 'other'));
    const other = fileUri(join(slowDir, 'other', 'main.tf'));
    const otherOpened = slow.nextDiagnostics(other, 1, 5000);
    await slow.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: other, languageId: 'terraform', version: 1, text: B } });
    await otherOpened;
    const versions = slow.notifications
      .filter((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as PublishDiagnosticsParams).uri === uri)
      .map((n) => (n.params as PublishDiagnosticsParams).version);
    assert.deepEqual(versions, [1], 'the change is not checked before its debounce');
  } finally {
    await slow.close();
    rmSync(slowDir, { recursive: true, force: true });
  }
});

test('a finding that rests on a default is shown on the default, and leaves it when the resource stops using it', async () => {
  mkdirSync(join(dir, 'defaults'));
  const vars = fileUri(join(dir, 'defaults', 'variables.tf'));
  const main = fileUri(join(dir, 'defaults', 'main.tf'));
  const VARS = 'variable "client_name" {\n  default = ""\n}\n';
  const MAIN = 'resource "awscc_cognito_user_pool_client" "web" {\n  user_pool_id                  = "us-east-1_abc"\n  client_name                   = var.client_name\n  prevent_user_existence_errors = "ENABLED"\n}\n';
  const open = (uri: string, text: string) => session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'terraform', version: 1, text } });
  const varsOpened = session.nextDiagnostics(vars, 1);
  await open(vars, VARS);
  await varsOpened;
  const mainOpened = session.nextDiagnostics(main, 1);
  const varsRechecked = session.nextDiagnostics(vars, 1);
  await open(main, MAIN);
  const [onResource, onDefault] = [await mainOpened, await varsRechecked];
  assert.deepEqual(onResource.map((d) => `${d.code} ${d.severity}`), ['CUP203 3']);
  assert.deepEqual(onDefault.map((d) => `${d.code} ${d.severity} ${d.range.start.line}`), ['CUP203 3 1']);

  // The re-checks that opening main.tf set off may still be arriving: count from the edit on.
  const next = replace(MAIN, 'var.client_name', '"web"');
  const mainEdited = session.nextDiagnostics(main, 2);
  await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri: main, version: 2 }, contentChanges: [next.change] });
  assert.deepEqual(await mainEdited, []);
  const deadline = Date.now() + 5_000;
  while (publicationsOf(vars).at(-1)?.diagnostics.length !== 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(publicationsOf(vars).at(-1)?.diagnostics, [], 'the finding left the default');
});
