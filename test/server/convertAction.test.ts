// "Convert to awscc_cognito_user_pool_client" over JSON-RPC with the built server: offered without its edit
// to a client that resolves edits (the edit comes from codeAction/resolve), with it to one that does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeAction } from 'vscode-languageserver-types';
import { fileUri, startServer } from '../support/lspClient';
import { parse } from '../../server/src/parser';
import { applyEdits } from '../features/rules/helpers';

const TEXT = 'resource "aws_cognito_user_pool_client" "c" {\n  name         = "x"\n  user_pool_id = "us-east-1_Abc123"\n}\n';
const TITLE = 'Convert to awscc_cognito_user_pool_client';

async function withServer(resolve: boolean, run: (s: Awaited<ReturnType<typeof startServer>>, uri: string) => Promise<void>) {
  const dir = mkdtempSync(join(tmpdir(), 'awscc-convert-lsp-'));
  const path = join(dir, 'main.tf');
  writeFileSync(path, TEXT);
  const session = await startServer({
    rootDir: dir,
    textDocumentCapabilities: resolve ? { codeAction: { resolveSupport: { properties: ['edit'] } } } : {},
  });
  try {
    const uri = fileUri(path);
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'terraform', version: 1, text: TEXT } });
    await session.nextDiagnostics(uri, 1);
    await run(session, uri);
  } finally {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function actionsAt(session: Awaited<ReturnType<typeof startServer>>, uri: string, only?: string[]): Promise<CodeAction[]> {
  return session.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 1, character: 3 }, end: { line: 1, character: 3 } },
    context: { diagnostics: [], ...(only ? { only } : {}) },
  }) as Promise<CodeAction[]>;
}

test('a client that resolves edits gets the action without its edit, then the edit from codeAction/resolve', async () => {
  await withServer(true, async (session, uri) => {
    assert.equal((session.initializeResult.capabilities.codeActionProvider as { resolveProvider?: boolean }).resolveProvider, true);
    const action = (await actionsAt(session, uri)).find((a) => a.title === TITLE);
    assert.ok(action && action.edit === undefined, 'offered lazily');
    const resolved = (await session.connection.sendRequest('codeAction/resolve', action)) as CodeAction;
    const edits = resolved.edit?.changes?.[uri] ?? [];
    assert.equal(edits.length, 1);
    const lines = parse(TEXT).lines;
    const after = applyEdits(TEXT, edits, lines.offsetAt.bind(lines));
    assert.match(after, /^resource "awscc_cognito_user_pool_client" "c" \{\n  client_name  = "x"\n/);
    assert.match(after, /\nremoved \{\n  from = aws_cognito_user_pool_client\.c\n/);

    // After an edit to the document the old action no longer applies: it resolves without an edit.
    await session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# note\n' }],
    });
    await session.nextDiagnostics(uri, 2);
    const stale = (await session.connection.sendRequest('codeAction/resolve', action)) as CodeAction;
    assert.equal(stale.edit, undefined);
  });
});

test('a client that cannot resolve edits gets the edit with the action', async () => {
  await withServer(false, async (session, uri) => {
    const action = (await actionsAt(session, uri)).find((a) => a.title === TITLE);
    assert.ok(action?.edit?.changes?.[uri]?.length === 1);
  });
});

test('context.only: the kinds asked for, their parents included; kinds we never offer get nothing', async () => {
  await withServer(false, async (session, uri) => {
    const titles = async (only?: string[]) => (await actionsAt(session, uri, only)).map((a) => `${a.kind}: ${a.title}`);
    const all = await titles();
    assert.ok(all.includes(`refactor.rewrite: ${TITLE}`), all.join('; '));
    assert.deepEqual(await titles(['refactor']), all.filter((t) => t.startsWith('refactor.rewrite: ')));
    assert.deepEqual(await titles(['refactor.rewrite', 'quickfix']), all);
    assert.deepEqual(await titles(['quickfix']), all.filter((t) => t.startsWith('quickfix: ')));
    assert.deepEqual(await titles(['source.fixAll']), []);
    assert.deepEqual(await titles(['source', 'refactor.extract']), []);
  });
});
