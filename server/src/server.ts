// The LSP adapter: translates between the protocol and the language-service core. It holds no rules.
// `node dist/server.js --stdio` serves any LSP client; the VS Code client starts it with IPC.
import {
  createConnection,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocumentSyncKind,
  type InitializeResult,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import { Workspace, normalizeUri } from './model';
import { computeDiagnostics } from './features/diagnostics';
import { HashicorpTerraformNotification, ServerInfoRequest, StatusNotification } from './protocol';
import { defaultSettings, readSettings, type ServerSettings } from './settings';
import { registerFeatures } from './serverFeatures';

const VERSION = typeof __VERSION__ !== 'undefined' ? __VERSION__ : 'dev';

const connection = createConnection(ProposedFeatures.all);
const workspace = new Workspace();
let settings: ServerSettings = defaultSettings;
let hashicorpActive = false;
let supportsConfiguration = false;
let supportsWatchRegistration = false;

const pending = new Map<string, ReturnType<typeof setTimeout>>();
let busy = false;

connection.onInitialize((params): InitializeResult => {
  const options = (params.initializationOptions ?? {}) as Record<string, unknown>;
  hashicorpActive = options.hashicorpTerraformActive === true;
  settings = readSettings(options.settings);
  supportsConfiguration = params.capabilities.workspace?.configuration === true;
  supportsWatchRegistration = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      ...registerFeatures.capabilities,
    },
    serverInfo: { name: 'awscc-cognito', version: VERSION },
  };
});

connection.onInitialized(async () => {
  if (supportsWatchRegistration) {
    await connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*.tf' }, { globPattern: '**/*.tf.json' }],
    });
  }
  await refreshSettings();
});

connection.onDidChangeConfiguration(async (change) => {
  const section = (change.settings as Record<string, unknown> | undefined)?.awsccCognito;
  if (section !== undefined) settings = readSettings(section);
  else await refreshSettings();
  for (const doc of workspace.openDocuments()) schedule(doc.uri);
});

async function refreshSettings(): Promise<void> {
  if (!supportsConfiguration) return;
  try {
    settings = readSettings(await connection.workspace.getConfiguration('awsccCognito'));
  } catch (e) {
    connection.console.warn(`could not read settings, using defaults: ${(e as Error).message}`);
  }
}

connection.onNotification(HashicorpTerraformNotification, (params) => {
  hashicorpActive = params?.active === true;
  for (const doc of workspace.openDocuments()) schedule(doc.uri);
});

connection.onDidOpenTextDocument(({ textDocument }) => {
  workspace.openDocument(textDocument.uri, textDocument.version, textDocument.text);
  scheduleModule(textDocument.uri);
});

connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
  const started = performance.now();
  for (const change of contentChanges) applyChange(textDocument.uri, textDocument.version, change);
  scheduleModule(textDocument.uri);
  const key = normalizeUri(textDocument.uri);
  changeWorkMs.set(key, (changeWorkMs.get(key) ?? 0) + performance.now() - started);
});

/**
 * Server work per document between a change's arrival and the publication of its diagnostics, without the
 * debounce wait: the change handling plus the diagnostics run. With AWSCC_COGNITO_TIMINGS=1 each
 * publication logs `timing diagnostics <ms>` (the diagnostics benchmark reads it).
 */
const changeWorkMs = new Map<string, number>();
const logTimings = process.env.AWSCC_COGNITO_TIMINGS === '1';

function applyChange(uri: string, version: number, change: TextDocumentContentChangeEvent): void {
  if (!('range' in change)) {
    workspace.changeDocument(uri, version, [{ text: change.text }]);
    return;
  }
  const current = workspace.getDocument(uri);
  if (!current) return;
  const lines = current.file.lines;
  const start = lines.offsetAt(change.range.start);
  const end = lines.offsetAt(change.range.end);
  workspace.changeDocument(uri, version, [{ start, end, text: change.text }]);
}

connection.onDidCloseTextDocument(({ textDocument }) => {
  const uri = normalizeUri(textDocument.uri);
  clearTimeout(pending.get(uri));
  pending.delete(uri);
  workspace.closeDocument(uri);
  void connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] });
  scheduleModule(uri);
});

connection.onDidChangeWatchedFiles(({ changes }) => {
  for (const change of changes) {
    const kind = change.type === FileChangeType.Created ? 'created' : change.type === FileChangeType.Deleted ? 'deleted' : 'changed';
    workspace.fileChanged(change.uri, kind);
    scheduleModule(change.uri);
  }
});

connection.onRequest(ServerInfoRequest, () => ({ version: VERSION, awsccProviderVersion: registerFeatures.providerVersion }));

/** A change in one file can change what other open files of the same folder report (imports, references). */
function scheduleModule(uri: string): void {
  const key = normalizeUri(uri);
  const dir = key.slice(0, key.lastIndexOf('/') + 1);
  for (const doc of workspace.openDocuments()) {
    if (doc.uri === key || doc.uri.startsWith(dir)) schedule(doc.uri, doc.uri === key ? settings.debounceMs : settings.debounceMs * 2);
  }
}

function schedule(uri: string, delay = settings.debounceMs): void {
  clearTimeout(pending.get(uri));
  pending.set(uri, setTimeout(() => publish(uri), delay));
  if (!busy) {
    busy = true;
    void connection.sendNotification(StatusNotification, { state: 'busy', detail: 'Checking' });
  }
}

function publish(uri: string): void {
  pending.delete(uri);
  const ctx = workspace.contextFor(uri);
  const doc = workspace.getDocument(uri);
  if (ctx && doc) {
    const started = performance.now();
    try {
      const diagnostics = computeDiagnostics(ctx, {
        severities: settings.severities,
        yieldStructural: yieldsToHashicorp(),
      });
      void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
    } catch (e) {
      // A bug in one rule must not take the server down; say where it happened.
      connection.console.error(`diagnostics failed for ${uri}: ${(e as Error).stack ?? e}`);
    }
    lastValidationMs = performance.now() - started;
    if (logTimings) connection.console.log(`timing diagnostics ${((changeWorkMs.get(doc.uri) ?? 0) + lastValidationMs).toFixed(3)}`);
    changeWorkMs.delete(doc.uri);
  }
  if (pending.size === 0 && busy) {
    busy = false;
    void connection.sendNotification(StatusNotification, { state: 'idle', lastValidationMs });
  }
}
let lastValidationMs = 0;

export function yieldsToHashicorp(): boolean {
  if (settings.coexistence === 'always-yield') return true;
  if (settings.coexistence === 'never-yield') return false;
  return hashicorpActive;
}

registerFeatures(connection, workspace, () => ({ settings, yieldToHashicorp: yieldsToHashicorp() }));

process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e.stack ?? e}`));
connection.listen();
