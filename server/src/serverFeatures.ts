// Wires the request-style features (hover, completion, ...) to the connection. Each handler converts the
// LSP position to an offset, asks the pure feature, and converts back; nothing else happens here. Part of
// the core bundle (serverCore.ts): only types come from the LSP library; the capabilities these handlers
// answer are declared in serverCapabilities.ts, which `initialize` reads without loading any of this.
import type { Connection } from 'vscode-languageserver/node';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import type { Workspace, FeatureContext } from './model';
import type { ServerSettings } from './settings';
import { asLspHover, hover } from './features/hover';
import { codeActionUri, codeActions, resolveCodeAction } from './features/codeActions';
import { formatDocument } from './features/formatting';
import { complete } from './features/completion';
import { definition } from './features/definition';
import { documentSymbolsOneByOne } from './features/symbols';
import { featureCapabilities } from './serverCapabilities';
import { poolNameReferences } from './features/poolNames';

export interface FeatureEnvironment {
  settings: ServerSettings;
  /** True when HashiCorp's extension is active and plain items/diagnostics should yield to it. */
  yieldToHashicorp: boolean;
  /** The client can resolve a code action's `edit` later (`codeAction/resolve`). */
  resolvesCodeActionEdits: boolean;
}

interface PositionParams {
  textDocument: { uri: string };
  position: { line: number; character: number };
}

/** Edits name documents by the workspace's keys; the client gets back the URIs it used. */
function toClientUris<T extends { edit?: { changes?: Record<string, unknown[]> } }>(action: T, clientUri: (key: string) => string): T {
  const changes = action.edit?.changes;
  if (changes) action.edit = { changes: Object.fromEntries(Object.entries(changes).map(([uri, edits]) => [clientUri(uri), edits])) };
  return action;
}

function at(workspace: Workspace, params: PositionParams): { ctx: FeatureContext; offset: number } | undefined {
  const ctx = workspace.contextFor(params.textDocument.uri);
  if (!ctx) return undefined;
  return { ctx, offset: ctx.document.file.lines.offsetAt(params.position) };
}

/**
 * `clientUri` gives the client's own spelling of a document's URI (see serverCore.ts): edits and locations go
 * out under it, so the client finds its document by plain string comparison. `showWarning` shows a message
 * (a `window/showMessage` notification, sent by server.ts).
 */
export function registerFeatures(
  connection: Connection,
  workspace: Workspace,
  env: () => FeatureEnvironment,
  clientUri: (key: string) => string,
  showWarning: (message: string) => void,
): void {
  connection.onCodeAction((params) => {
    const ctx = workspace.contextFor(params.textDocument.uri);
    if (!ctx) return null;
    const only = params.context.only;
    const wanted = (kind: string | undefined) => !only || only.some((k) => kind === k || kind?.startsWith(`${k}.`));
    // Asked only for kinds we never offer (`source.fixAll` on save, `source.organizeImports`): nothing to
    // compute. Over a whole 10,000-block document that was ~1.4 s of quick fixes thrown away.
    if (!featureCapabilities.codeActionProvider.codeActionKinds.some(wanted)) return [];
    const { settings, resolvesCodeActionEdits } = env();
    const actions = codeActions(ctx, params.range, params.context.diagnostics, { severities: settings.severities, importStyle: settings.importStyle, lazy: resolvesCodeActionEdits });
    for (const action of actions) toClientUris(action, clientUri);
    return only ? actions.filter((a) => wanted(a.kind)) : actions;
  });
  connection.onCodeActionResolve((action) => {
    const uri = codeActionUri(action);
    return toClientUris(resolveCodeAction(uri ? workspace.contextFor(uri) : undefined, action, { importStyle: env().settings.importStyle }), clientUri);
  });
  // Format on save asks on every save: the reason is shown once per document version, not on each request.
  let lastRefusal = '';
  connection.onDocumentFormatting((params) => {
    const ctx = workspace.contextFor(params.textDocument.uri);
    if (!ctx) return null;
    const result = formatDocument(ctx);
    if ('error' in result) {
      connection.console.log(`${params.textDocument.uri}: ${result.error}`);
      // An empty edit list looks like "already formatted" in the editor; say why nothing changed.
      const key = `${params.textDocument.uri}@${ctx.document.version}`;
      if (key !== lastRefusal) {
        lastRefusal = key;
        showWarning(result.error);
      }
      return [];
    }
    return result.edits;
  });
  connection.onHover(
    timed(connection, 'hover', (params: PositionParams) => {
      const found = at(workspace, params);
      const result = found && hover(found.ctx, found.offset);
      return result ? asLspHover(result) : null;
    }),
  );
  connection.onCompletion(
    timed(connection, 'completion', (params: PositionParams & { context?: { triggerCharacter?: string } }) => {
      const found = at(workspace, params);
      if (!found) return null;
      const triggerCharacter = params.context?.triggerCharacter;
      return complete(found.ctx, found.offset, { yieldPlainItems: env().yieldToHashicorp, triggerCharacter });
    }),
  );
  connection.onDefinition((params: PositionParams) => {
    const found = at(workspace, params);
    return found ? definition(found.ctx, found.offset).map((link) => ({ ...link, targetUri: clientUri(link.targetUri) })) : null;
  });
  connection.onReferences((params: PositionParams & { context?: { includeDeclaration?: boolean } }) => {
    const found = at(workspace, params);
    return (found && poolNameReferences(found.ctx, found.offset, params.context?.includeDeclaration ?? true)) ?? null;
  });
  connection.onDocumentSymbol((params: { textDocument: { uri: string } }) => {
    const ctx = workspace.contextFor(params.textDocument.uri);
    // Each symbol is built when the message encoder reaches it (JSON.stringify calls toJSON), so that a large
    // file's outline is never all in memory as objects at once (messageEncoder.ts writes long results item by item).
    if (!ctx) return null;
    const onError = (error: unknown) => connection.console.error(`outline of ${params.textDocument.uri}: ${(error as Error)?.stack ?? String(error)}`);
    return documentSymbolsOneByOne(ctx, { yieldPlainItems: env().yieldToHashicorp, onError }).map(builtWhenEncoded);
  });
}

/** A symbol's stand-in in a message: JSON.stringify writes what `toJSON` returns in its place. */
function builtWhenEncoded(build: () => DocumentSymbol): DocumentSymbol {
  return { toJSON: build } as unknown as DocumentSymbol;
}

/**
 * With AWSCC_COGNITO_TIMINGS=1 in the server's environment, logs how long each request took from receipt
 * to response (`timing completion 0.412`), for the feature benchmark.
 */
function timed<P, R>(connection: Connection, name: string, handler: (params: P) => R): (params: P) => R {
  if (process.env.AWSCC_COGNITO_TIMINGS !== '1') return handler;
  return (params) => {
    const started = performance.now();
    try {
      return handler(params);
    } finally {
      connection.console.log(`timing ${name} ${(performance.now() - started).toFixed(3)}`);
    }
  };
}
