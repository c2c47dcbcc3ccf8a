// The outline: every top-level block, named the way Terraform addresses it (`awscc_cognito_user_pool_client.web`,
// `var.region`), with attributes, nested blocks and object keys as children; import blocks are named by
// their `to` address. When HashiCorp's extension is active its outline already lists every block (import
// blocks included), so we return nothing rather than a second entry for each (docs/coexistence.md).
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { readingBody, type Attribute, type Block, type BodyItem, type Expression, type HclFile, type Span } from '../parser';
import type { FeatureContext } from '../model';
import { importTarget } from '../model';
import { RESOURCE_TYPE } from '../knowledge';
import { objectKeyName } from './caretContext';

export interface SymbolOptions {
  yieldPlainItems: boolean;
}

/** Deeper nesting than this is left out of the outline (nothing useful lives there, and it bounds the work). */
const MAX_DEPTH = 6;

export function documentSymbols(ctx: FeatureContext, options: SymbolOptions): DocumentSymbol[] {
  return documentSymbolsOneByOne(ctx, options).map((build) => build());
}

/**
 * The outline as one builder per top-level item, for a caller that turns each symbol into bytes before
 * building the next. A 10,000-block file has ~285,000 symbols (~67 MB of JSON): built all at once they took
 * ~500 MB and ~2.3 s, most of it the collector (docs/performance.md). A block whose body was still records or
 * text before its symbol was built gets it back afterwards, as a diagnostics run leaves it: the symbols keep
 * only names and ranges.
 */
export function documentSymbolsOneByOne(ctx: FeatureContext, options: OneByOneOptions): Array<() => DocumentSymbol> {
  if (options.yieldPlainItems) return [];
  const file = ctx.document.file;
  // By index, not by node: the message may be encoded after an edit was applied (the writer was busy), and an
  // edit moves the nodes after it into the new version. The file itself stays valid (it rebuilds its tree
  // from its own text when read again), so the outline is the one of the version that was asked about.
  return file.body.items.map((_, i) => () => {
    try {
      const item = file.body.items[i];
      // A stray top-level attribute is listed too: it shows where it is.
      if (item.kind !== 'Block') return attributeSymbol(file, item, 1);
      return readingBody(item, (block) => topLevelSymbol(file, block));
    } catch (error) {
      if (!options.onError) throw error;
      options.onError(error);
      return bareSymbol(file, i);
    }
  });
}

export interface OneByOneOptions extends SymbolOptions {
  /**
   * A symbol that cannot be built is reported here and replaced by a bare one for its item. Without it the
   * error is thrown to the caller. For callers that build symbols while encoding the answer, where an
   * exception could no longer become an error response and the answer would never be sent.
   */
  onError?: (error: unknown) => void;
}

function bareSymbol(file: HclFile, index: number): DocumentSymbol {
  let range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  try {
    range = file.rangeOf(file.body.items[index]);
  } catch {
    // Only the item's place is lost: the answer still goes out.
  }
  return { name: '(could not be read)', kind: SymbolKind.Object, range, selectionRange: range, children: [] };
}

const TOP_LEVEL_KIND: Readonly<Record<string, SymbolKind>> = {
  resource: SymbolKind.Class,
  data: SymbolKind.Struct,
  import: SymbolKind.Event,
  variable: SymbolKind.Variable,
  locals: SymbolKind.Namespace,
  output: SymbolKind.Property,
  module: SymbolKind.Module,
  provider: SymbolKind.Package,
  terraform: SymbolKind.Namespace,
};

function labelValues(block: Block): string[] {
  return block.labels.map((l) => l.value).filter((v) => v.length > 0);
}

/** `resource "T" "N"` → `T.N`, `variable "x"` → `var.x`, `import { to = A }` → `A`. */
function topLevelName(file: HclFile, block: Block): { name: string; detail?: string } {
  const labels = labelValues(block);
  const kind = block.type.name;
  switch (kind) {
    case 'resource':
      return { name: labels.join('.') || kind, detail: labels[0] === RESOURCE_TYPE ? 'resource · Cognito app client' : 'resource' };
    case 'data':
      return { name: ['data', ...labels].join('.'), detail: 'data source' };
    case 'variable':
      return { name: labels[0] ? `var.${labels[0]}` : kind, detail: 'variable' };
    case 'output':
    case 'module':
    case 'provider':
      return { name: labels[0] ? `${kind === 'provider' ? 'provider' : kind}.${labels[0]}` : kind, detail: kind };
    case 'import': {
      const to = importTarget(block);
      const text = to ? file.slice(to.expression.start, to.expression.end).trim() : '';
      return { name: text ? `import → ${text}` : 'import', detail: 'import' };
    }
    default:
      return { name: [kind, ...labels.map((l) => `"${l}"`)].join(' ') };
  }
}

function topLevelSymbol(file: HclFile, block: Block): DocumentSymbol {
  const { name, detail } = topLevelName(file, block);
  const selection: Span = block.labels[block.labels.length - 1] ?? block.type;
  const children = block.type.name === 'locals' ? localSymbols(file, block) : bodySymbols(file, block.body.items, 1);
  return {
    name: nonEmpty(name),
    detail,
    kind: TOP_LEVEL_KIND[block.type.name] ?? SymbolKind.Object,
    range: file.rangeOf(block),
    selectionRange: file.rangeOf(selection),
    children,
  };
}

function localSymbols(file: HclFile, block: Block): DocumentSymbol[] {
  return block.body.items.map((item) =>
    item.kind === 'Attribute'
      ? { ...attributeSymbol(file, item, 1), name: nonEmpty(`local.${item.name.name}`), kind: SymbolKind.Variable }
      : nestedBlockSymbol(file, item, 1),
  );
}

function bodySymbols(file: HclFile, items: readonly BodyItem[], depth: number): DocumentSymbol[] {
  if (depth > MAX_DEPTH) return [];
  return items.map((item) => (item.kind === 'Attribute' ? attributeSymbol(file, item, depth) : nestedBlockSymbol(file, item, depth)));
}

function nestedBlockSymbol(file: HclFile, block: Block, depth: number): DocumentSymbol {
  const labels = labelValues(block);
  return {
    name: nonEmpty([block.type.name, ...labels.map((l) => `"${l}"`)].join(' ')),
    kind: SymbolKind.Object,
    range: file.rangeOf(block),
    selectionRange: file.rangeOf(block.type),
    children: bodySymbols(file, block.body.items, depth + 1),
  };
}

function attributeSymbol(file: HclFile, attribute: Attribute, depth: number): DocumentSymbol {
  return {
    name: nonEmpty(attribute.name.name),
    kind: SymbolKind.Field,
    range: file.rangeOf(attribute),
    selectionRange: file.rangeOf(attribute.name),
    children: objectKeySymbols(file, attribute.value, depth + 1),
  };
}

/** Keys of an object value (`token_validity_units = { access_token = ... }`) as children. */
function objectKeySymbols(file: HclFile, value: Expression, depth: number): DocumentSymbol[] {
  if (value.kind !== 'Object' || depth > MAX_DEPTH) return [];
  const out: DocumentSymbol[] = [];
  for (const item of value.items) {
    const key = objectKeyName(item.key);
    if (key === undefined) continue;
    out.push({
      name: nonEmpty(key),
      kind: SymbolKind.Key,
      range: file.rangeOf(item),
      selectionRange: file.rangeOf(item.key),
      children: objectKeySymbols(file, item.value, depth + 1),
    });
  }
  return out;
}

/** Editors reject symbols with an empty name (half-typed code has them). */
function nonEmpty(name: string): string {
  return name.trim().length > 0 ? name : '(unnamed)';
}
