// Wires the request-style features (hover, completion, ...) to the connection. Each handler converts the
// LSP position to an offset, asks the pure feature, and converts back; nothing else happens here.
import type { Connection, ServerCapabilities } from 'vscode-languageserver/node';
import type { Workspace, FeatureContext } from './model';
import type { ServerSettings } from './settings';
import { AWSCC_PROVIDER_VERSION } from './knowledge';
import { asLspHover, hover } from './features/hover';
import { codeActions } from './features/codeActions';
import { formatDocument } from './features/formatting';

export interface FeatureEnvironment {
  settings: ServerSettings;
  /** True when HashiCorp's extension is active and plain items/diagnostics should yield to it. */
  yieldToHashicorp: boolean;
}

interface PositionParams {
  textDocument: { uri: string };
  position: { line: number; character: number };
}

function at(workspace: Workspace, params: PositionParams): { ctx: FeatureContext; offset: number } | undefined {
  const ctx = workspace.contextFor(params.textDocument.uri);
  if (!ctx) return undefined;
  return { ctx, offset: ctx.document.file.lines.offsetAt(params.position) };
}

export function registerFeatures(connection: Connection, workspace: Workspace, env: () => FeatureEnvironment): void {
  connection.onCodeAction((params) => {
    const ctx = workspace.contextFor(params.textDocument.uri);
    if (!ctx) return null;
    const actions = codeActions(ctx, params.range, params.context.diagnostics, { severities: env().settings.severities });
    const only = params.context.only;
    return only ? actions.filter((a) => only.some((k) => a.kind === k || a.kind?.startsWith(`${k}.`))) : actions;
  });
  connection.onDocumentFormattingRequest((params) => {
    const ctx = workspace.contextFor(params.textDocument.uri);
    if (!ctx) return null;
    const result = formatDocument(ctx);
    if ('error' in result) {
      connection.console.log(`${params.textDocument.uri}: ${result.error}`);
      return [];
    }
    return result.edits;
  });
  connection.onHover((params) => {
    const found = at(workspace, params);
    const result = found && hover(found.ctx, found.offset);
    return result ? asLspHover(result) : null;
  });
}

registerFeatures.capabilities = {
  hoverProvider: true,
  documentFormattingProvider: true,
  codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.rewrite'] },
} satisfies ServerCapabilities;

registerFeatures.providerVersion = AWSCC_PROVIDER_VERSION;
