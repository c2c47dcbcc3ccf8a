// Building blocks for completion items: the request every completer receives, text edits over spans,
// snippet escaping and indentation, and insert texts shaped by an attribute's type.
import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  type CompletionItem,
  type Command,
} from 'vscode-languageserver-types';
import type { HclFile, Node, Range, Span, TextSource } from '../../parser';
import type { FeatureContext } from '../../model';
import { tokenValidity, type AttributeSpec, type EnumValue } from '../../knowledge';

export interface CompletionOptions {
  /**
   * True when HashiCorp's Terraform extension is active: leave out the items terraform-ls offers too
   * (plain attribute and key names, meta-arguments, import arguments, type names, booleans, generic
   * references). See docs/coexistence.md.
   */
  yieldPlainItems: boolean;
  /** The character that triggered the request, when it was one. */
  triggerCharacter?: string;
}

export interface CompletionRequest {
  ctx: FeatureContext;
  file: HclFile;
  /** The document text by offset (never joined into one string: see TextSource). */
  text: TextSource;
  offset: number;
  path: readonly Node[];
  options: CompletionOptions;
  /** Set when a long list was cut down to what matches the typed text: the editor must ask again. */
  incomplete?: boolean;
  /** Ranges already computed in this request (most items of a list replace the same span). */
  ranges?: Map<number, Range>;
}

/** Re-opens the suggestion list after inserting, so the next step (a value) is offered right away. */
export const SUGGEST_AGAIN: Command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

function rangeOf(req: CompletionRequest, span: Span): Range {
  const key = span.start * 0x100000 + (span.end - span.start);
  req.ranges ??= new Map();
  let range = req.ranges.get(key);
  if (!range) {
    range = req.file.rangeOf(onCaretLine(req, span));
    req.ranges.set(key, range);
  }
  return range;
}

/**
 * Editors accept only single-line replace ranges on the caret's line. In broken code a node (a key that
 * swallowed a half-typed block, say) can span lines: keep only the part on the caret's line.
 */
function onCaretLine(req: CompletionRequest, span: Span): Span {
  const lines = req.file.lines;
  const line = lines.positionAt(req.offset).line;
  const lineStart = lines.offsetAt({ line, character: 0 });
  const lineEnd = lines.offsetAt({ line, character: Number.MAX_SAFE_INTEGER });
  if (span.start >= lineStart && span.end <= lineEnd) return span;
  return { start: Math.min(Math.max(span.start, lineStart), req.offset), end: Math.max(Math.min(span.end, lineEnd), req.offset) };
}

/** Lists longer than this are narrowed to what matches the typed text (see `narrow`). */
export const MAX_ITEMS = 100;

/** `typed`'s characters appear in `candidate` in order (both lower-cased), which is how editors filter too. */
function matchesInOrder(candidate: string, typed: string): boolean {
  let at = 0;
  for (let i = 0; i < typed.length; i++) {
    at = candidate.indexOf(typed[i], at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/** Lower-cased keys of long candidate lists, per list and key kind (the lists are memoized per module). */
const loweredKeys = new WeakMap<object, Map<string, string[]>>();

function keysOf<T>(candidates: readonly T[], keyName: string, key: (c: T) => string): string[] {
  let byName = loweredKeys.get(candidates);
  if (!byName) loweredKeys.set(candidates, (byName = new Map()));
  let keys = byName.get(keyName);
  if (!keys) byName.set(keyName, (keys = candidates.map((c) => key(c).toLowerCase())));
  return keys;
}

/**
 * Keeps a long candidate list (thousands of clients in a big module) short: only those matching the text
 * typed so far, at most MAX_ITEMS, and marks the list incomplete so the editor asks again as typing goes on.
 * Short lists are returned whole and the editor filters them. `keyName` names what `key` returns, so the
 * lower-cased keys of a memoized list are computed once.
 */
export function narrow<T>(
  req: CompletionRequest,
  candidates: readonly T[],
  keyName: string,
  key: (c: T) => string,
  typed: Span,
): readonly T[] {
  if (candidates.length <= MAX_ITEMS) return candidates;
  req.incomplete = true;
  const prefix = req.text.slice(typed.start, Math.min(req.offset, typed.end)).toLowerCase();
  if (!prefix) return candidates.slice(0, MAX_ITEMS);
  const keys = keysOf(candidates, keyName, key);
  const out: T[] = [];
  for (let i = 0; i < keys.length && out.length < MAX_ITEMS; i++) if (matchesInOrder(keys[i], prefix)) out.push(candidates[i]);
  return out;
}

/** Text that appears literally inside a snippet: `$`, `}` and `\` would otherwise be snippet syntax. */
export function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, (c) => '\\' + c);
}

/** Inside a `${1|a,b|}` choice, `,` and `|` are special as well. */
function escapeChoice(text: string): string {
  return text.replace(/[$}\\,|]/g, (c) => '\\' + c);
}

/** The leading blanks of the line that holds `offset`. */
export function lineIndent(text: TextSource, offset: number): string {
  let start = offset;
  while (start > 0 && text.charAt(start - 1) !== '\n') start--;
  let end = start;
  while (end < text.length && (text.charAt(end) === ' ' || text.charAt(end) === '\t')) end++;
  return text.slice(start, end);
}

/** Indents every line after the first by `indent`; items carry InsertTextMode.asIs so editors add nothing. */
export function indentLines(snippet: string, indent: string): string {
  return snippet.replace(/\n/g, '\n' + indent);
}

export function markdown(value: string) {
  return { kind: 'markdown' as const, value };
}

/** A value inserted right after a just-typed `=` (the `=` trigger) gets the space `terraform fmt` puts there. */
function spaced(req: CompletionRequest, replace: Span, text: string): string {
  return replace.start === replace.end && req.text.charAt(replace.start - 1) === '=' ? ' ' + text : text;
}

/** A snippet item that overwrites `replace` with `snippet`. */
export function snippetItem(
  req: CompletionRequest,
  replace: Span,
  fields: Omit<CompletionItem, 'textEdit' | 'insertTextFormat'> & { snippet: string },
): CompletionItem {
  const { snippet, ...rest } = fields;
  return {
    ...rest,
    textEdit: { range: rangeOf(req, replace), newText: spaced(req, replace, snippet) },
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.asIs,
  };
}

/** A plain-text item that overwrites `replace` with `text`. */
export function textItem(req: CompletionRequest, replace: Span, fields: Omit<CompletionItem, 'textEdit'> & { text: string }): CompletionItem {
  const { text, ...rest } = fields;
  return { ...rest, textEdit: { range: rangeOf(req, replace), newText: spaced(req, replace, text) }, insertTextFormat: InsertTextFormat.PlainText };
}

/** The number an inserted number attribute starts with: the AWS default where one is known, else the minimum. */
function defaultNumber(spec: AttributeSpec): number {
  const validity = tokenValidity.find((t) => t.attribute === spec.name);
  if (validity) return validity.defaultValue;
  return spec.range?.min ?? 0;
}

function choice(values: readonly EnumValue[]): string {
  return values
    .filter((v) => !v.legacy && !v.deprecated)
    .map((v) => escapeChoice(v.value))
    .join(',');
}

/**
 * `name = <value>` for an attribute of this type, as a snippet. Attributes usually set to a reference
 * (`user_pool_id`) get no quotes, so the reference suggestions can follow.
 */
export function assignmentSnippet(spec: AttributeSpec, indent: string): { snippet: string; command?: Command } {
  const name = spec.name;
  switch (spec.type) {
    case 'list':
      return { snippet: `${name} = [$1]`, command: spec.enum ? SUGGEST_AGAIN : undefined };
    case 'object':
      return { snippet: `${name} = {\n${indent}  $0\n${indent}}`, command: SUGGEST_AGAIN };
    case 'bool':
      return { snippet: `${name} = \${1|true,false|}` };
    case 'number':
      return { snippet: `${name} = \${1:${defaultNumber(spec)}}` };
    case 'string':
      if (name === 'user_pool_id') return { snippet: `${name} = $1`, command: SUGGEST_AGAIN };
      if (spec.enum?.closed) return { snippet: `${name} = "\${1|${choice(spec.enum.values)}|}"` };
      return { snippet: `${name} = "$1"` };
  }
}

export const Kind = CompletionItemKind;

/** `0_`, `1_`, ... prefixes keep groups in order; the rest of the key keeps the list alphabetical. */
export function sortKey(group: number, name: string): string {
  return `${group}_${name}`;
}
