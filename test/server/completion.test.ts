// Completion, hover, definition and outline through the built server over stdio (run `npm run build`
// first; `npm test` does).
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CompletionList, DocumentSymbol, Hover, LocationLink } from 'vscode-languageserver-types';
import { startServer, fileUri, type LspSession } from '../support/lspClient';
import { generateModuleText } from '../support/generate';
import { contextFor } from '../support/context';
import { documentSymbols } from '../../server/src/features/symbols';
import { parse } from '../../server/src/parser';

const FIXTURES = join(__dirname, '..', 'fixtures', 'completion');
const mainTf = readFileSync(join(FIXTURES, 'main.tf'), 'utf8');
const importsTf = readFileSync(join(FIXTURES, 'imports.tf'), 'utf8');

/** Where the caret sits on the empty `to = ` of the second import block in imports.tf. */
const emptyTo = () => {
  const p = positionAfter(importsTf, '\n  to = \n');
  return { line: p.line - 1, character: '  to = '.length };
};

/** Line and UTF-16 character of the end of the first `needle` in `text`. */
function positionAfter(text: string, needle: string) {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `text lacks ${needle}`);
  const lines = text.slice(0, offset + needle.length).split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

async function open(session: LspSession, uri: string, text: string): Promise<void> {
  await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'terraform', version: 1, text } });
}

async function completion(session: LspSession, uri: string, position: { line: number; character: number }, triggerCharacter?: string) {
  const context = triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 };
  return (await session.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position, context })) as CompletionList;
}

describe('completion over stdio', () => {
  let session: LspSession;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'awscc-completion-'));
    copyFileSync(join(FIXTURES, 'main.tf'), join(dir, 'main.tf')); // on disk only, never opened
    session = await startServer({ rootDir: dir });
  });
  after(async () => {
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the server announces completion with its trigger characters, definition and outline', () => {
    const caps = session.initializeResult.capabilities;
    assert.deepEqual([...(caps.completionProvider?.triggerCharacters ?? [])].sort(), ['"', ' ', ',', '.', '=', '[', '{'].sort());
    assert.equal(caps.definitionProvider, true);
    assert.equal(caps.documentSymbolProvider, true);
  });

  test('typing `explicit_auth_flows = ["` offers all 9 values', async () => {
    // Another folder, so this client does not join the module of the import tests below.
    const uri = fileUri(join(dir, 'other', 'flows.tf'));
    const text = 'resource "awscc_cognito_user_pool_client" "flows" {\n  user_pool_id = "x"\n  explicit_auth_flows = ["\n}\n';
    await open(session, uri, text);
    const list = await completion(session, uri, positionAfter(text, '= ["'), '"');
    assert.equal(list.items.length, 9, JSON.stringify(list.items.map((i) => i.label)));
    assert.ok(list.items.every((i) => i.kind === 20 && i.textEdit));
  });

  test('after `to = ` in imports.tf the resources of main.tf (on disk, not open) are offered', async () => {
    const uri = fileUri(join(dir, 'imports.tf'));
    await open(session, uri, importsTf);
    const list = await completion(session, uri, emptyTo(), ' ');
    // `legacy` is imported by the first block of imports.tf.
    assert.deepEqual(list.items.map((i) => i.label).sort(), ['awscc_cognito_user_pool_client.mobile', 'awscc_cognito_user_pool_client.web']);
  });

  test('go to definition from `to` lands in main.tf; hover on a reference explains `id`', async () => {
    const uri = fileUri(join(dir, 'imports.tf'));
    const links = (await session.connection.sendRequest('textDocument/definition', {
      textDocument: { uri },
      position: positionAfter(importsTf, 'client.leg'),
    })) as LocationLink[];
    assert.equal(links.length, 1);
    assert.equal(links[0].targetUri, fileUri(join(dir, 'main.tf')));
    assert.equal(links[0].targetSelectionRange.start.line, positionAfter(mainTf, 'resource "awscc_cognito_user_pool_client" "legacy"').line);

    const outputs = fileUri(join(dir, 'outputs.tf'));
    const text = 'output "id" {\n  value = awscc_cognito_user_pool_client.web.id\n}\n';
    await open(session, outputs, text);
    const hover = (await session.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: outputs },
      position: positionAfter(text, 'web.i'),
    })) as Hover;
    assert.match((hover.contents as { value: string }).value, /not\*\* the client ID/);
  });

  test('the outline of a large file (written item by item) is the outline built in one piece', async () => {
    const uri = fileUri(join(dir, 'large.tf'));
    // 1,000 clients: past the size opened block by block and the length encoded item by item.
    const text = generateModuleText(1000).replace(/"client_(\d+)"/g, '"large_$1"');
    await open(session, uri, text);
    const symbols = (await session.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    assert.equal(symbols.length, parse(text).body.items.length);
    assert.deepEqual(symbols, documentSymbols(contextFor(text), { yieldPlainItems: false }));
    assert.ok(symbols.every((s) => s.children!.length > 0));
    await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } }); // the later tests' module stays as it was
  });

  test('the outline names import blocks by their target', async () => {
    const uri = fileUri(join(dir, 'imports.tf'));
    const symbols = (await session.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => s.name), ['import → awscc_cognito_user_pool_client.legacy', 'import']);
  });
});

describe('completion over stdio with both files open and HashiCorp\'s extension active', () => {
  let session: LspSession;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'awscc-completion-open-')); // empty: both files exist only in the editor
    session = await startServer({
      rootDir: dir,
      initializationOptions: { hashicorpTerraformActive: true, settings: { diagnostics: { debounceMs: 0 } } },
    });
  });
  after(async () => {
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('`to = ` targets come from the open main.tf; plain attribute names yield, enum values stay', async () => {
    const main = fileUri(join(dir, 'main.tf'));
    const imports = fileUri(join(dir, 'imports.tf'));
    await open(session, main, mainTf);
    await open(session, imports, importsTf);
    const targets = await completion(session, imports, emptyTo(), ' ');
    assert.deepEqual(targets.items.map((i) => i.label).sort(), ['awscc_cognito_user_pool_client.mobile', 'awscc_cognito_user_pool_client.web']);

    const body = 'resource "awscc_cognito_user_pool_client" "x" {\n  \n  prevent_user_existence_errors = ""\n}\n';
    const uri = fileUri(join(dir, 'x.tf'));
    await open(session, uri, body);
    assert.deepEqual((await completion(session, uri, { line: 1, character: 2 })).items, []);
    const values = await completion(session, uri, positionAfter(body, 'errors = "'), '"');
    assert.deepEqual(values.items.map((i) => i.label), ['ENABLED', 'LEGACY']);
    const symbols = await session.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols, []);
  });
});
