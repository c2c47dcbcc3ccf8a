// The language service behind the LSP connection: documents, scheduling and publishing diagnostics, and the
// request-style features (serverFeatures.ts). server.ts answers `initialize` without it and loads this file,
// a bundle of its own (dist/serverCore.js), right after the answer is written: the rules, the knowledge
// tables, the formatter and the rest cost nothing before `initialize` is answered (issue #14).
//
// Only types come from vscode-languageserver here: what needs its values (protocol message types, file change
// kinds) stays in server.ts and reaches this file through `ShellPorts`, so this bundle carries no second copy
// of the LSP library.
import { setFlagsFromString } from 'node:v8';
import type { Connection, Diagnostic, InitializeParams, NotificationMessage, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { Workspace, callsFolder, normalizeUri, type ModuleDocument } from './model';
import { computeDiagnostics, settleItemCaches } from './features/diagnostics';
import { defaultsOf } from './features/defaultSites';
import { renderImports } from './render';
import type { RenderImportsParams, RenderImportsResult, StatusParams } from './protocol';
import { BusyStatus, LARGE_EDIT_CHARS } from './busyStatus';
import { OutwardFacts } from './outwardFacts';
import { readSettings, type ServerSettings } from './settings';
import { registerFeatures } from './serverFeatures';
import { encodeMessage } from './messageEncoder';
import { collectGarbage, LARGE_TEXT } from './memory';
import { CORE_WARM_EVENT } from './codeCacheEvents';
import { setV8Flags } from './features/v8Flags';

setV8Flags(setFlagsFromString);

/**
 * Milliseconds for measuring spans. Not performance.now(): its first use loads perf_hooks (~2-6 ms, in the
 * first publication's path); hrtime is there from Node's start.
 */
const now = (): number => Number(process.hrtime.bigint()) / 1e6;

/** What server.ts lends the core: the messages whose types live in the LSP library. */
export interface ShellPorts {
  sendStatus(params: StatusParams): void;
  showWarning(message: string): void;
  /** How long the stdio writer took to encode the message with these params, when it measured it. */
  writerEncodeMs?(params: object): number | undefined;
}

/** What server.ts forwards to the core from the handlers it registers itself. */
export interface Core {
  initialized(): Promise<void>;
  hashicorpChanged(active: boolean): void;
  filesChanged(changes: { uri: string; kind: 'created' | 'changed' | 'deleted' }[]): void;
  renderImports(params: RenderImportsParams): RenderImportsResult;
}

/** Registers the core's handlers on the connection; `init` is what the client sent with `initialize`. */
export function startCore(connection: Connection, init: InitializeParams | undefined, ports: ShellPorts): Core {
  const options = (init?.initializationOptions ?? {}) as Record<string, unknown>;
  let hashicorpActive = options.hashicorpTerraformActive === true;
  let settings: ServerSettings = readSettings(options.settings);
  const supportsConfiguration = init?.capabilities.workspace?.configuration === true;
  const resolvesCodeActionEdits = init?.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
  const workspace = new Workspace();

  /**
   * The URI string the client used for each open document, by our normalized key. Publications and edits go
   * out under the client's spelling: a client that compares URIs as strings would otherwise keep stale
   * diagnostics (a folder `a%40b` comes back from a path round trip as `a@b`).
   */
  const clientUris = new Map<string, string>();
  const clientUri = (key: string): string => clientUris.get(key) ?? key;

  /** Scheduled checks by document, each as the function that cancels it. */
  const pending = new Map<string, () => void>();
  const busy = new BusyStatus(ports.sendStatus);
  /** Per open document, what the other documents of its folder can see of it. */
  const outward = new OutwardFacts();

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

  connection.onDidOpenTextDocument(({ textDocument }) => {
    const doc = workspace.openDocument(textDocument.uri, textDocument.version, textDocument.text);
    clientUris.set(doc.uri, textDocument.uri);
    recordOutward(doc);
    busy.forget(doc.uri);
    if (textDocument.text.length >= LARGE_TEXT) collectGarbage();
    // The debounce is for typing: a document just opened is checked at once (the others of its folder wait).
    scheduleModule(doc.uri, true, true, 0);
  });

  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    const started = now();
    const key = normalizeUri(textDocument.uri);
    for (const change of contentChanges) applyChange(key, textDocument.version, change);
    const doc = workspace.getDocument(key);
    if (doc) scheduleModule(key, seenByOthers(doc));
    changeWorkMs.set(key, (changeWorkMs.get(key) ?? 0) + now() - started);
  });

  /**
   * Records what the folder's other open documents see of a newly opened one, and of those that were alone
   * until now, for their next edits to be compared with. A document alone in its folder has nobody to tell:
   * nothing is computed (at 10,000 blocks that was ~20 ms before the first check).
   */
  function recordOutward(doc: ModuleDocument): void {
    const dir = dirOf(doc.uri);
    const others = workspace.openDocuments().filter((d) => d.uri !== doc.uri && dirOf(d.uri) === dir);
    if (others.length === 0) return outward.forget(doc.uri);
    outward.changed(doc.uri, doc.file);
    for (const other of others) if (!outward.has(other.uri)) outward.changed(other.uri, other.file);
  }

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
    pending.get(uri)?.();
    pending.delete(uri);
    workspace.closeDocument(uri);
    clientUris.delete(uri);
    outward.forget(uri);
    busy.forget(uri);
    void connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] });
    scheduleModule(uri);
    busy.settled(pending.size);
  });

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
    pending.get(uri)?.();
    // Without a delay, right after the message at hand: a zero timer waits for the next turn of the event
    // loop, and at least a millisecond (~3 ms between a didOpen and its check, measured).
    if (delay <= 0) {
      const immediate = setImmediate(() => publish(uri));
      pending.set(uri, () => clearImmediate(immediate));
    } else {
      const timer = setTimeout(() => publish(uri), delay);
      pending.set(uri, () => clearTimeout(timer));
    }
    busy.scheduled(uri);
  }

  /** Set by the first diagnostics run (serverLoader.ts then writes the core's code cache). */
  let warm = false;

  /**
   * Completes the block-by-block parse of an open document (see parseOpened in the parser). When its text
   * needed the whole parse instead, the document now has it, and the folder's other open documents are
   * told if what they see of it changed. True in that case.
   */
  function settleOpened(uri: string): boolean {
    if (!workspace.settleDocument(uri)) return false;
    const doc = workspace.getDocument(uri)!;
    if (outward.has(doc.uri) && seenByOthers(doc)) scheduleModule(doc.uri, true, false);
    return true;
  }

  function publish(uri: string): void {
    pending.delete(uri);
    // This check may read what the folder's other open documents declare: one opened block by block and
    // not checked yet (a check due at the same moment, or a timer that fired first) is settled before.
    const key = normalizeUri(uri);
    try {
      for (const other of workspace.openDocuments()) if (other.uri !== key && dirOf(other.uri) === dirOf(key)) settleOpened(other.uri);
    } catch (e) {
      connection.console.error(`settling the documents beside ${uri} failed: ${(e as Error).stack ?? e}`);
    }
    const ctx = workspace.contextFor(uri);
    const doc = workspace.getDocument(uri);
    if (!ctx || !doc) return busy.settled(pending.size);
    const changeMs = changeWorkMs.get(doc.uri) ?? 0;
    changeWorkMs.delete(doc.uri);
    const started = now();
    let runMs: number;
    try {
      const options = { severities: settings.severities, yieldStructural: yieldsToHashicorp() };
      let diagnostics = computeDiagnostics(ctx, options);
      // A large document opened with a syntax error inside a block is parsed whole and checked again.
      if (settleOpened(doc.uri)) diagnostics = computeDiagnostics(workspace.contextFor(uri)!, options);
      const params = { uri: clientUri(doc.uri), version: doc.version, diagnostics };
      runMs = now() - started;
      const written = connection.sendDiagnostics(params);
      // Bookkeeping the publication did not need waits until it is written and nothing else is queued.
      void written.then(() => setImmediate(settleItemCaches), () => undefined);
      if (!warm) {
        warm = true;
        (process as NodeJS.EventEmitter).emit(CORE_WARM_EVENT);
      }
      if (restsOnDefaultsChanged(doc.uri, params.diagnostics)) scheduleModule(doc.uri, true, false);
      if (logTimings) logDiagnosticsTiming(changeMs, runMs, params, written);
    } catch (e) {
      // A bug in one rule must not take the server down; say where it happened.
      connection.console.error(`diagnostics failed for ${uri}: ${(e as Error).stack ?? e}`);
      runMs = now() - started;
    }
    busy.finished(doc.uri, runMs, pending.size);
  }

  /**
   * Logs `timing diagnostics <total> change=<ms> run=<ms> encode=<ms>` once the publication is written. The
   * connection encodes the message to JSON after this task, outside any span measured here: on stdio the
   * writer's encoder says how long it took; elsewhere (IPC) it is measured by encoding the same again once
   * written. Either way the measurement delays no publication.
   */
  function logDiagnosticsTiming(changeMs: number, runMs: number, params: object, written: Promise<void>): void {
    written.then(
      () => {
        let encodeMs = ports.writerEncodeMs?.(params);
        if (encodeMs === undefined) {
          const started = now();
          encodeMessage({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params } as NotificationMessage);
          encodeMs = now() - started;
        }
        const ms = (n: number) => n.toFixed(3);
        connection.console.log(`timing diagnostics ${ms(changeMs + runMs + encodeMs)} change=${ms(changeMs)} run=${ms(runMs)} encode=${ms(encodeMs)}`);
      },
      () => undefined, // not written (the connection closed): nothing to measure
    );
  }

  function yieldsToHashicorp(): boolean {
    if (settings.coexistence === 'always-yield') return true;
    if (settings.coexistence === 'never-yield') return false;
    return hashicorpActive;
  }

  registerFeatures(connection, workspace, () => ({ settings, yieldToHashicorp: yieldsToHashicorp(), resolvesCodeActionEdits }), clientUri, ports.showWarning);

  return {
    async initialized() {
      await refreshSettings();
    },
    hashicorpChanged(active) {
      hashicorpActive = active;
      for (const doc of workspace.openDocuments()) schedule(doc.uri);
    },
    filesChanged(changes) {
      for (const change of changes) {
        workspace.fileChanged(change.uri, change.kind);
        scheduleModule(change.uri);
      }
    },
    renderImports(params) {
      // The module is the folder's files; the file name only locates the folder and need not exist.
      const module = workspace.moduleFor(`${params.moduleUri.replace(/\/+$/, '')}/.awscc-cognito-render.tf`);
      return renderImports(params.clients, module, params.options);
    },
  };
}
