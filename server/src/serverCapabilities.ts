// What the request-style features (serverFeatures.ts) answer, declared apart from them: `initialize` is
// answered from this alone, before the core bundle that implements them is loaded (server.ts).
import type { ServerCapabilities } from 'vscode-languageserver/node';

export const featureCapabilities = {
  hoverProvider: true,
  documentFormattingProvider: true,
  codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.rewrite'], resolveProvider: true },
  // No newline trigger: a new line is where the user starts typing a name, and letters trigger anyway.
  completionProvider: { triggerCharacters: ['"', '.', '=', ' ', '[', ',', '{'] },
  definitionProvider: true,
  referencesProvider: true,
  documentSymbolProvider: true,
} satisfies ServerCapabilities;
