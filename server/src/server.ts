// The LSP adapter: translates between the protocol and the language-service core. It holds no rules.
// `node dist/server.js --stdio` serves any LSP client; the VS Code client starts it with IPC.
import {
  createConnection,
  DidChangeWatchedFilesNotification,
  StreamMessageReader,
  StreamMessageWriter,
  FileChangeType,
  ProposedFeatures,
  TextDocumentSyncKind,
  type InitializeResult,
  type Diagnostic,
  type TextDocumentContentChangeEvent,
  type NotificationMessage,
} from 'vscode-languageserver/node';
import { Workspace, callsFolder, normalizeUri, type ModuleDocument } from './model';
import { computeDiagnostics } from './features/diagnostics';
import { defaultsOf } from './features/defaultSites';
import { HashicorpTerraformNotification, ServerInfoRequest, StatusNotification } from './protocol';
import { BusyStatus, LARGE_EDIT_CHARS } from './busyStatus';
import { OutwardFacts } from './outwardFacts';
import { defaultSettings, readSettings, type ServerSettings } from './settings';
import { registerFeatures } from './serverFeatures';
import { encodeMessage, sliceEncoder } from './messageEncoder';
import { collectGarbage, LARGE_TEXT } from './memory';

const VERSION = typeof __VERSION__ !== 'undefined' ? __VERSION__ : 'dev';

const connection = openConnection();
const workspace = new Workspace();
let settings: ServerSettings = defaultSettings;
let hashicorpActive = false;
let supportsConfiguration = false;
let supportsWatchRegistration = false;
let resolvesCodeActionEdits = false;

/**
 * The URI string the client used for each open document, by our normalized key. Publications and edits go
 * out under the client's spelling: a client that compares URIs as strings would otherwise keep stale
 * diagnostics (a folder `a%40b` comes back from a path round trip as `a@b`).
 */
const clientUris = new Map<string, string>();
const clientUri = (key: string): string => clientUris.get(key) ?? key;

const pending = new Map<string, ReturnType<typeof setTimeout>>();
const busy = new BusyStatus((params) => void connection.sendNotification(StatusNotification, params));
/** Per open document, what the other documents of its folder can see of it. */
const outward = new OutwardFacts();

connection.onInitialize((params): InitializeResult => {
  const options = (params.initializationOptions ?? {}) as Record<string, unknown>;
  hashicorpActive = options.hashicorpTerraformActive === true;
  settings = readSettings(options.settings);
  supportsConfiguration = params.capabilities.workspace?.configuration === true;
  supportsWatchRegistration = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  resolvesCodeActionEdits = params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
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
      watchers: [{ globPattern: '**/*.tf' }, { globPattern: '**/*.tf.json' }, { globPattern: '**/*.tfvars' }, { globPattern: '**/*.tfvars.json' }],
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
  const doc = workspace.openDocument(textDocument.uri, textDocument.version, textDocument.text);
  clientUris.set(doc.uri, textDocument.uri);
  outward.changed(doc.uri, doc.file);
  busy.forget(doc.uri);
  if (textDocument.text.length >= LARGE_TEXT) collectGarbage();
  // The debounce is for typing: a document just opened is checked at once (the others of its folder wait).
  scheduleModule(doc.uri, true, true, 0);
});

connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
  const started = performance.now();
  const key = normalizeUri(textDocument.uri);
  for (const change of contentChanges) applyChange(key, textDocument.version, change);
  const doc = workspace.getDocument(key);
  if (doc) scheduleModule(key, seenByOthers(doc));
  changeWorkMs.set(key, (changeWorkMs.get(key) ?? 0) + performance.now() - started);
});

/** Whether an edit changed what the other open documents of the folder see of `doc` (false without any). */
function seenByOthers(doc: ModuleDocument): boolean {
  const dir = dirOf(doc.uri);
  if (!workspace.openDocuments().some((d) => d.uri !== doc.uri && dirOf(d.uri) === dir)) {
    // Nobody to tell: skip the comparison, and drop the record so that the next one counts as news.
    outward.forget(doc.uri);
    return false;
  }
  return outward.changed(doc.uri, doc.file);
}

/**
 * Server work per document between a change's arrival and the publication of its diagnostics, without the
 * debounce wait: the change handling, the diagnostics run and the encoding of the publication. With
 * AWSCC_COGNITO_TIMINGS=1 each publication logs them (see `logDiagnosticsTiming`; the diagnostics benchmark
 * reads it). This map holds the change handling since the document's last publication.
 */
const changeWorkMs = new Map<string, number>();
const logTimings = process.env.AWSCC_COGNITO_TIMINGS === '1';

function applyChange(uri: string, version: number, change: TextDocumentContentChangeEvent): void {
  if (!('range' in change)) {
    busy.forget(uri);
    workspace.changeDocument(uri, version, [{ text: change.text }]);
    return;
  }
  const current = workspace.getDocument(uri);
  if (!current) return;
  const lines = current.file.lines;
  const start = lines.offsetAt(change.range.start);
  const end = lines.offsetAt(change.range.end);
  if (change.text.length >= LARGE_EDIT_CHARS || end - start >= LARGE_EDIT_CHARS) busy.forget(uri);
  workspace.changeDocument(uri, version, [{ start, end, text: change.text }]);
}

connection.onDidCloseTextDocument(({ textDocument }) => {
  const uri = normalizeUri(textDocument.uri);
  clearTimeout(pending.get(uri));
  pending.delete(uri);
  workspace.closeDocument(uri);
  clientUris.delete(uri);
  outward.forget(uri);
  busy.forget(uri);
  void connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] });
  scheduleModule(uri);
  busy.settled(pending.size);
});

connection.onDidChangeWatchedFiles(({ changes }) => {
  for (const change of changes) {
    const kind = change.type === FileChangeType.Created ? 'created' : change.type === FileChangeType.Deleted ? 'deleted' : 'changed';
    workspace.fileChanged(change.uri, kind);
    scheduleModule(change.uri);
  }
});

connection.onRequest(ServerInfoRequest, () => ({ version: VERSION, awsccProviderVersion: registerFeatures.providerVersion }));

/**
 * Schedules the document and, when `othersToo` (its declarations, imports or requirements changed, or it
 * came, went or changed on disk), the other open documents of its folder: what they report can depend on
 * it. The others wait twice the debounce; one already waiting is put off again even when `othersToo` is
 * false, so a burst of typing re-checks them once, after it.
 */
function scheduleModule(uri: string, othersToo = true, self = true, ownDelay = settings.debounceMs): void {
  const key = normalizeUri(uri);
  const dir = dirOf(key);
  for (const doc of workspace.openDocuments()) {
    if (doc.uri === key) {
      if (self) schedule(key, ownDelay);
    }
    else if (dirOf(doc.uri) === dir && (othersToo || pending.has(doc.uri))) schedule(doc.uri, settings.debounceMs * 2);
    // A caller's findings come from its children's values too (features/moduleCalls.ts).
    else if (callsFolder(doc.file, dirOf(doc.uri), dir)) schedule(doc.uri, settings.debounceMs * 2);
  }
}

/**
 * The findings of a document that rest on variables' defaults are also shown on those defaults, in the
 * documents that declare them: when that set changes, the folder's other open documents are re-checked.
 */
const restingOnDefaults = new Map<string, string>();

function restsOnDefaultsChanged(uri: string, diagnostics: readonly Diagnostic[]): boolean {
  let key = '';
  for (const d of diagnostics) {
    const defaults = defaultsOf(d);
    if (defaults) key += `${d.code}\u0000${defaults.variables.join(',')}\u0000${defaults.message}\u0000${d.range.start.line}\u0001`;
  }
  const before = restingOnDefaults.get(uri) ?? '';
  if (key === '') restingOnDefaults.delete(uri);
  else restingOnDefaults.set(uri, key);
  return before !== key;
}

const dirOf = (uri: string) => uri.slice(0, uri.lastIndexOf('/') + 1);

function schedule(uri: string, delay = settings.debounceMs): void {
  clearTimeout(pending.get(uri));
  pending.set(uri, setTimeout(() => publish(uri), delay));
  busy.scheduled(uri);
}

function publish(uri: string): void {
  pending.delete(uri);
  const ctx = workspace.contextFor(uri);
  const doc = workspace.getDocument(uri);
  if (!ctx || !doc) return busy.settled(pending.size);
  const changeMs = changeWorkMs.get(doc.uri) ?? 0;
  changeWorkMs.delete(doc.uri);
  const started = performance.now();
  let runMs: number;
  try {
    const params = {
      uri: clientUri(doc.uri),
      version: doc.version,
      diagnostics: computeDiagnostics(ctx, { severities: settings.severities, yieldStructural: yieldsToHashicorp() }),
    };
    runMs = performance.now() - started;
    const written = connection.sendDiagnostics(params);
    if (restsOnDefaultsChanged(doc.uri, params.diagnostics)) scheduleModule(doc.uri, true, false);
    if (logTimings) logDiagnosticsTiming(changeMs, runMs, params, written);
  } catch (e) {
    // A bug in one rule must not take the server down; say where it happened.
    connection.console.error(`diagnostics failed for ${uri}: ${(e as Error).stack ?? e}`);
    runMs = performance.now() - started;
  }
  busy.finished(doc.uri, runMs, pending.size);
}

/**
 * Logs `timing diagnostics <total> change=<ms> run=<ms> encode=<ms>` once the publication is written. The
 * connection encodes the message to JSON after this task, outside any span measured here, so the encoding
 * is measured by doing the same again (messageEncoder.ts, as the stdio writer does) once it has
 * been written: the measurement delays no publication.
 */
function logDiagnosticsTiming(changeMs: number, runMs: number, params: object, written: Promise<void>): void {
  written.then(
    () => {
      const started = performance.now();
      encodeMessage({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params } as NotificationMessage);
      const encodeMs = performance.now() - started;
      const ms = (n: number) => n.toFixed(3);
      connection.console.log(`timing diagnostics ${ms(changeMs + runMs + encodeMs)} change=${ms(changeMs)} run=${ms(runMs)} encode=${ms(encodeMs)}`);
    },
    () => undefined, // not written (the connection closed): nothing to measure
  );
}

export function yieldsToHashicorp(): boolean {
  if (settings.coexistence === 'always-yield') return true;
  if (settings.coexistence === 'never-yield') return false;
  return hashicorpActive;
}

registerFeatures(connection, workspace, () => ({ settings, yieldToHashicorp: yieldsToHashicorp(), resolvesCodeActionEdits }), clientUri);

/**
 * On stdio the connection gets its reader from us, to hear about frames it cannot read. After a bad header
 * (`Content-Length: abc`) the reader has lost the frame boundaries and would ignore everything that
 * follows, leaving a server that is alive but deaf. Exiting instead, with the reason on stderr, lets the
 * client see the failure and restart us (vscode-languageclient does). IPC carries whole messages, so there
 * is no framing to lose there.
 */
function openConnection() {
  if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  const reader = new StreamMessageReader(process.stdin);
  reader.onError((error) => {
    process.stderr.write(`awscc-cognito language server: cannot read a message from the client, exiting: ${error.message}\n`);
    process.exit(1);
  });
  return createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: sliceEncoder() }));
}

process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e.stack ?? e}`));
connection.listen();
