// Runs inside VS Code's extension host (loaded by @vscode/test-electron as extensionTestsPath).
// The same checks as the browser scenarios in test/e2e, through the extension API instead of the
// screen. Mocha-free: each check is a plain async function; run() rejects when any of them fails.
import * as vscode from 'vscode';
import assert from 'node:assert/strict';

const EXTENSION_ID = 'awscc-cognito.awscc-cognito';
const TIMEOUT_MS = 20_000;

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function open(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(document);
}

/** Resolves once `predicate` holds for the document's diagnostics from this extension. */
function diagnosticsSatisfy(uri: vscode.Uri, predicate: (d: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'awscc-cognito');
  return new Promise((resolve, reject) => {
    if (predicate(ours())) return resolve(ours());
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`timed out waiting for ${what} (have: ${JSON.stringify(ours().map((d) => d.message))})`));
    }, TIMEOUT_MS);
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((u) => u.toString() === uri.toString()) || !predicate(ours())) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(ours());
    });
  });
}

const hasError = (d: vscode.Diagnostic[]) => d.some((x) => x.severity === vscode.DiagnosticSeverity.Error);

const checks: Record<string, () => Promise<void>> = {
  async activation() {
    const editor = await open('main.tf');
    assert.equal(editor.document.languageId, 'terraform');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    await extension.activate();
    assert.ok(extension.isActive);
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('awsccCognito.restartServer'), 'the restart command is registered');
  },

  async languageConfiguration() {
    // Highlighting itself is checked on screen by test/e2e; the API can check the language configuration.
    const editor = await open('highlight.tf');
    editor.selection = new vscode.Selection(2, 0, 2, 0);
    await vscode.commands.executeCommand('editor.action.commentLine');
    assert.match(editor.document.lineAt(2).text, /^\s*# user_pool_id/);
    await vscode.commands.executeCommand('undo');
  },

  async syntaxError() {
    const broken = await open('syntax-error.tf');
    await diagnosticsSatisfy(broken.document.uri, hasError, 'a syntax error in syntax-error.tf');

    const clean = await open('clean.tf');
    await diagnosticsSatisfy(clean.document.uri, (d) => !hasError(d), 'clean.tf to have no errors');
    await clean.edit((edit) => edit.insert(new vscode.Position(1, 16), '='));
    await diagnosticsSatisfy(clean.document.uri, hasError, 'an error after typing a second "="');
    await vscode.commands.executeCommand('undo');
    await diagnosticsSatisfy(clean.document.uri, (d) => !hasError(d), 'the error to clear after undo');
  },
};

export async function run(): Promise<void> {
  const failures: string[] = [];
  for (const [name, check] of Object.entries(checks)) {
    try {
      await check();
      console.log(`PASS ${name}`);
    } catch (error) {
      failures.push(name);
      console.log(`FAIL ${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  }
  console.log(`${Object.keys(checks).length - failures.length} passed, ${failures.length} failed`);
  if (failures.length > 0) throw new Error(`failed: ${failures.join(', ')}`);
}
