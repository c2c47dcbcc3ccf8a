// Completion for awscc_cognito_user_pool_client and the import blocks that target it. Works on half-typed
// code: the parser is tolerant, and the slot logic (caretContext.ts) reads unclosed blocks, brackets and
// quotes. Each kind of place has its own completer under ./completion/; this file only dispatches.
import type { CompletionList } from 'vscode-languageserver-types';
import type { FeatureContext } from '../model';
import { schemaFor } from '../knowledge';
import { caretPathAt, insideBraces, topLevelBlock } from './caretContext';
import { completeTopLevel } from './completion/blockSnippets';
import { completeImport } from './completion/importBlock';
import type { CompletionOptions, CompletionRequest } from './completion/items';
import { completeReference } from './completion/references';
import { completeSchemaBlock } from './completion/schemaBody';
import { completeTypeLabel } from './completion/typeLabel';

export type { CompletionOptions } from './completion/items';

/** Inside a comment nothing is offered (a line comment runs to the line end, so its end counts as inside). */
function inComment(req: CompletionRequest): boolean {
  const comments = req.file.comments;
  let lo = 0;
  let hi = comments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (comments[mid].end < req.offset) lo = mid + 1;
    else hi = mid;
  }
  const c = comments[lo];
  if (!c || c.start >= req.offset) return false;
  return req.offset < c.end || !req.text.startsWith('/*', c.start);
}

export function complete(ctx: FeatureContext, offset: number, options: CompletionOptions): CompletionList {
  const file = ctx.document.file;
  const req: CompletionRequest = { ctx, file, text: file.source, offset, path: caretPathAt(file, offset), options };
  const items = completeAt(req);
  return { isIncomplete: req.incomplete === true, items };
}

function completeAt(req: CompletionRequest) {
  if (inComment(req)) return [];
  const block = topLevelBlock(req.path);
  if (!block) return completeTopLevel(req);
  const kind = block.type.name;
  if (kind === 'resource' || kind === 'data') {
    const labelItems = completeTypeLabel(req, block);
    if (labelItems) return labelItems;
  }
  if (!insideBraces(block, req.offset)) return [];
  if (kind === 'import') {
    // `to = awscc_cognito_user_pool_client.` is answered with whole addresses, before plain references.
    const items = completeImport(req, block);
    if (items.length > 0) return items;
  }
  // References to this type are offered in any block: outputs, locals, other resources.
  const references = completeReference(req);
  if (references) return references;
  if (kind === 'resource' || kind === 'data') {
    // Blocks of types we do not model get nothing: terraform-ls knows their schema, we do not.
    const schema = schemaFor(kind, block.labels[0]?.value ?? '');
    return schema ? completeSchemaBlock(req, block, schema) : [];
  }
  return [];
}
