// Wires the request-style features (hover, completion, ...) to the connection. Each handler converts the
// LSP position to an offset, asks the pure feature, and converts back; nothing else happens here.
import type { Connection, ServerCapabilities } from 'vscode-languageserver/node';
import type { Workspace, FeatureContext } from './model';
import type { ServerSettings } from './settings';
import { AWSCC_PROVIDER_VERSION } from './knowledge';
import { asLspHover, hover } from './features/hover';
import { codeActionUri, codeActions, resolveCodeAction } from './features/codeActions';
import { formatDocument } from './features/formatting';
import { renderImports } from './render';
import { RenderImportsRequest } from './protocol';
import { complete } from './features/completion';
import { definition } from './features/definition';
import { documentSymbols } from './features/symbols';
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
 * `clientUri` gives the client's own spelling of a document's URI (see server.ts): edits and locations go
 * out under it, so the client finds its document by plain string comparison.
 */
export function registerFeatures(
  connection: Connection,
  workspace: Workspace,
  env: () => FeatureEnvironment,
  clientUri: (key: string) => string = (key) => key,
): void {
  connection.onCodeAction((params) => {
    const ctx = workspace.contextFor(params.textDocument.uri);
    if (!ctx) return null;
    const { settings, resolvesCodeActionEdits } = env();
    const actions = codeActions(ctx, params.range, params.context.diagnostics, { severities: settings.severities, importStyle: settings.importStyle, lazy: resolvesCodeActionEdits });
    for (const action of actions) toClientUris(action, clientUri);
    const only = params.context.only;
    return only ? actions.filter((a) => only.some((k) => a.kind === k || a.kind?.startsWith(`${k}.`))) : actions;
  });
  connection.onCodeActionResolve((action) => {
    const uri = codeActionUri(action);
    return toClientUris(resolveCodeAction(uri ? workspace.contextFor(uri) : undefined, action, { importStyle: env().settings.importStyle }), clientUri);
  });
  connection.onRequest(RenderImportsRequest, (params) => {
    // The module is the folder's files; the file name only locates the folder and need not exist.
    const module = workspace.moduleFor(`${params.moduleUri.replace(/\/+$/, '')}/.awscc-cognito-render.tf`);
    return renderImports(params.clients, module, params.options);
  });
  connection.onDocumentFormatting((params) => {
    const ctx = workspace.contextFor(params.textDocument.uri);
    if (!ctx) return null;
    const result = formatDocument(ctx);
    if ('error' in result) {
      connection.console.log(`${params.textDocument.uri}: ${result.error}`);
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
    return ctx ? documentSymbols(ctx, { yieldPlainItems: env().yieldToHashicorp }) : null;
  });
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

registerFeatures.capabilities = {
  hoverProvider: true,
  documentFormattingProvider: true,
  codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.rewrite'], resolveProvider: true },
  // No newline trigger: a new line is where the user starts typing a name, and letters trigger anyway.
  completionProvider: { triggerCharacters: ['"', '.', '=', ' ', '[', ',', '{'] },
  definitionProvider: true,
  referencesProvider: true,
  documentSymbolProvider: true,
} satisfies ServerCapabilities;

registerFeatures.providerVersion = AWSCC_PROVIDER_VERSION;
