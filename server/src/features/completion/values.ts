// Values of enum-typed attributes (in strings, in lists, after `=`) and booleans. The quote handling is the
// delicate part: inside `"..."` the item inserts the bare value (closing the quote only when the user has
// not), elsewhere it inserts the quoted value.
import { CompletionItemTag, type CompletionItem } from 'vscode-languageserver-types';
import { describeEnumValue, type AttributeSpec } from '../../knowledge';
import { listValues, type ValueSlot } from '../caretContext';
import { Kind, markdown, textItem, type CompletionRequest } from './items';

/** Items for a value of `spec` (whose dotted path is `path`) at `slot`. */
export function valueItems(req: CompletionRequest, spec: AttributeSpec, path: string, slot: ValueSlot): CompletionItem[] {
  if (spec.type === 'bool') return slot.kind === 'bare' && slot.expression?.kind !== 'Traversal' ? booleanItems(req, spec, path, slot.replace) : [];
  if (!spec.enum) return [];
  if (spec.type === 'string' && slot.kind === 'string' && !slot.list) return enumItems(req, spec, path, slot, new Set());
  if (spec.type === 'string' && slot.kind === 'bare' && isWordOrEmpty(slot)) return enumItems(req, spec, path, slot, new Set());
  if (spec.type === 'list' && slot.kind === 'string' && slot.list) {
    return enumItems(req, spec, path, slot, listValues(slot.list, slot.string));
  }
  if (spec.type === 'list' && slot.kind === 'listItem') {
    // A word being replaced is not yet a chosen value; an insertion point replaces nothing.
    const replaced = slot.replace.end > slot.replace.start ? slot.replace : undefined;
    return enumItems(req, spec, path, slot, listValues(slot.list, replaced));
  }
  // `explicit_auth_flows = ` with nothing yet: a one-value list to start from.
  if (spec.type === 'list' && slot.kind === 'bare' && !slot.expression) return enumItems(req, spec, path, slot, new Set(), true);
  return [];
}

/** A bare slot holding nothing or a single word, not a reference like `var.x` (those are not values). */
function isWordOrEmpty(slot: ValueSlot & { kind: 'bare' }): boolean {
  return !slot.expression || slot.expression.kind === 'Variable';
}

function enumItems(
  req: CompletionRequest,
  spec: AttributeSpec,
  path: string,
  slot: ValueSlot,
  taken: ReadonlySet<string>,
  asList = false,
): CompletionItem[] {
  if (slot.kind === 'object') return [];
  const inString = slot.kind === 'string';
  const closeQuote = inString && !slot.string.closed;
  const values = spec.enum!.values.filter((v) => !taken.has(v.value));
  return values.map((v, i) => {
    const quoted = JSON.stringify(v.value);
    const separator = slot.kind === 'listItem' ? (slot.separator ?? '') : '';
    const text = inString ? v.value + (closeQuote ? '"' : '') : asList ? `[${quoted}]` : quoted + separator;
    const legacy = v.legacy || v.deprecated;
    return textItem(req, slot.replace, {
      label: v.value,
      kind: Kind.EnumMember,
      detail: legacy ? `${path} · legacy value` : `${path} value`,
      documentation: markdown(describeEnumValue(spec, v, { path })),
      // Legacy spellings go last and are shown struck through.
      sortText: `${legacy ? 1 : 0}_${String(i).padStart(3, '0')}`,
      filterText: inString ? v.value : asList ? `[${quoted}]` : quoted,
      tags: legacy ? [CompletionItemTag.Deprecated] : undefined,
      text,
    });
  });
}

function booleanItems(req: CompletionRequest, spec: AttributeSpec, path: string, replace: { start: number; end: number }): CompletionItem[] {
  if (req.options.yieldPlainItems) return []; // terraform-ls completes true/false for bool attributes
  return ['true', 'false'].map((b, i) =>
    textItem(req, replace, {
      label: b,
      kind: Kind.Value,
      detail: `${path} (bool)`,
      documentation: markdown(spec.summary),
      sortText: String(i),
      text: b,
    }),
  );
}
