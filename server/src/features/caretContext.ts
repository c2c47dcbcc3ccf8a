// Where is the caret? Small, shared answers about a caret offset in a syntax tree: which top-level block it
// is in, which attribute of a body it runs through, which branch of a conditional, and — for completion,
// which must work in half-typed code — which "slot" of a body or object it sits in (a name being typed, or a
// value after `=`). Hover and completion both read these so they agree on what the caret points at.
import type { Attribute, Block, Body, Expression, HclFile, Node, ObjectExpr, ObjectItem, Span, StringLiteral, TextSource, Tuple } from '../parser';
import { firstItemEndingFrom, nodePathAt, staticString } from '../parser';

/** `span` contains `offset`, end inclusive (a caret right after a token is still "in" it). */
export const within = (span: Span, offset: number): boolean => span.start <= offset && offset <= span.end;

/** The top-level block of a node path (path[0] is the file body). */
export function topLevelBlock(path: readonly Node[]): Block | undefined {
  const top = path[1];
  return top?.kind === 'Block' ? top : undefined;
}

/** The attribute of `block`'s own body that the path runs through (not one in a nested block). */
export function directAttribute(block: Block, path: readonly Node[]): Attribute | undefined {
  const at = path.indexOf(block.body);
  const next = at >= 0 ? path[at + 1] : undefined;
  return next?.kind === 'Attribute' ? next : undefined;
}

/** Unwraps expressions that merely choose between values: `(x)`, `cond ? a : b`. */
export function branchAt(expr: Expression, offset: number): Expression {
  if (expr.kind === 'Parens' && within(expr.expression, offset)) return branchAt(expr.expression, offset);
  if (expr.kind === 'Conditional') {
    if (within(expr.trueResult, offset)) return branchAt(expr.trueResult, offset);
    if (within(expr.falseResult, offset)) return branchAt(expr.falseResult, offset);
  }
  return expr;
}

/** A bare or quoted object key as text. */
export function objectKeyName(key: Expression): string | undefined {
  if (key.kind === 'Variable') return key.name;
  return staticString(key);
}

/** The caret is between a block's braces (an unclosed block runs to the end of the file). */
export function insideBraces(block: Block, offset: number): boolean {
  return block.openBrace >= 0 && offset > block.openBrace && (block.closeBrace < 0 || offset <= block.closeBrace);
}

// ----- unclosed blocks: the caret after the last thing typed ---------------------------------------------
//
// A block, object or list whose closing brace is not typed yet ends (in the tree) at its last token: the
// parser stopped at the next top-level header or the end of the file and cannot know where the author meant
// it to end. For features, the blank space after that last token still belongs to it, as it would once the
// brace is typed. Syntax diagnostics keep reporting the missing brace; this is recovery for features only.

/** The node was left open: its closing brace or bracket is missing, so nothing after it can have closed it. */
export function leftOpen(node: Node): boolean {
  switch (node.kind) {
    case 'Block':
      return node.openBrace >= 0 && node.closeBrace < 0;
    case 'Object':
    case 'Tuple':
      return !node.closed;
    case 'Attribute':
    case 'ObjectItem':
      return leftOpen(node.value);
    default:
      return false;
  }
}

/** The open child that the blank space after `node`'s last token belongs to. */
function openTail(node: Node): Node | undefined {
  let tail: Node | undefined;
  switch (node.kind) {
    case 'Block':
      return leftOpen(node) ? node.body : undefined;
    case 'Body':
    case 'Object':
    case 'Tuple':
      tail = node.items[node.items.length - 1];
      break;
    case 'Attribute':
    case 'ObjectItem':
      tail = node.value;
      break;
    default:
      return undefined;
  }
  return tail && leftOpen(tail) ? tail : undefined;
}

/** Only white space and comments between `from` and `to`. */
export function blankBetween(text: TextSource, from: number, to: number): boolean {
  let i = from;
  while (i < to) {
    const c = text.charAt(i);
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
    else if (c === '#' || (c === '/' && text.charAt(i + 1) === '/')) {
      while (i < to && text.charAt(i) !== '\n') i++;
    } else if (c === '/' && text.charAt(i + 1) === '*') {
      i += 2;
      while (i < to && !(text.charAt(i) === '*' && text.charAt(i + 1) === '/')) i++;
      i += 2;
    } else return false;
  }
  return true;
}

/** `entry` is the last of its container, left open, and the caret is in the blank space after it. */
function runsOnTo(text: TextSource, entry: Entry, last: boolean, offset: number): boolean {
  return last && offset > entry.node.end && leftOpen(entry.node) && blankBetween(text, entry.node.end, offset);
}

/**
 * The nodes containing the caret, outermost first, like `nodePathAt`, but the blank space after the last
 * token of an unclosed block, object or list (at the end of the file, or before the next top-level block)
 * belongs to it — and to its unclosed last child, and so on down.
 */
export function caretPathAt(file: HclFile, offset: number): Node[] {
  const path = nodePathAt(file, offset);
  const text = file.source;
  if (path.length === 1) {
    const items = file.body.items;
    const before = items[firstItemEndingFrom(items, offset) - 1];
    if (!before || !leftOpen(before) || !blankBetween(text, before.end, offset)) return path;
    path.push(before);
  }
  for (;;) {
    const tail = openTail(path[path.length - 1]);
    if (!tail || tail.end >= offset || !blankBetween(text, tail.end, offset)) return path;
    path.push(tail);
  }
}

// ----- slots: what the caret is about to write -----------------------------------------------------------

/** One `name = value` entry of a block body or an object, seen the same way. */
export interface Entry {
  name: string | undefined;
  nameSpan: Span;
  /** Offset of `=` (or `:` in objects); -1 when only a name has been typed. */
  separator: number;
  /** Undefined for nested blocks. */
  value?: Expression;
  node: Attribute | Block | ObjectItem;
}

export function entriesOfBody(body: Body): Entry[] {
  return body.items.map((item) =>
    item.kind === 'Attribute'
      ? { name: item.name.name, nameSpan: item.name, separator: item.equals, value: item.value, node: item }
      : { name: item.type.name, nameSpan: item.type, separator: -1, node: item },
  );
}

export function entriesOfObject(object: ObjectExpr): Entry[] {
  return object.items.map((item) => ({
    name: objectKeyName(item.key),
    nameSpan: item.key,
    separator: item.separator,
    value: item.value,
    node: item,
  }));
}

/** Where a value is being written. `replace` is what an inserted value should overwrite. */
export type ValueSlot =
  /** Nothing yet after `=`, or a bare word / reference being typed (`tr`, `var.po`). */
  | { kind: 'bare'; replace: Span; expression?: Expression }
  /** Inside the quotes of a string; `replace` is the text between the quotes. */
  | { kind: 'string'; replace: Span; string: StringLiteral; list?: Tuple }
  /**
   * An element position of a list that has no quote yet (`[`, `["a", `, `[AL`). `separator` is what must
   * follow an inserted element because another one comes after the caret (`[|"a"]` needs `, `).
   */
  | { kind: 'listItem'; replace: Span; list: Tuple; separator?: string }
  /** Inside the braces of an object value. */
  | { kind: 'object'; object: ObjectExpr };

export type Slot =
  /** An attribute or key name being typed; `current` is the entry whose name is under the caret. */
  | { kind: 'name'; replace: Span; current?: Entry; entries: Entry[] }
  | { kind: 'value'; entry: Entry; value: ValueSlot; entries: Entry[] };

const isBlank = (c: string) => c === ' ' || c === '\t';

/**
 * The slot of the caret among `entries` of a container (a block body, or an object after its `{`).
 * `openers` are the characters that may precede a name on the same line (`{` for bodies, `{` and `,` for
 * objects). Undefined when the caret is somewhere nothing can be suggested (inside a nested block, between
 * a name and its `=`, after a complete value).
 */
export function slotAt(text: TextSource, entries: Entry[], offset: number, openers: string): Slot | undefined {
  let entry: Entry | undefined;
  let index = -1;
  for (const e of entries) {
    if (e.node.start > offset) break;
    entry = e;
    index++;
  }
  if (entry && (offset <= entry.node.end || runsOnTo(text, entry, index === entries.length - 1, offset))) {
    if (within(entry.nameSpan, offset)) {
      if (entry.node.kind === 'Block' && offset > entry.nameSpan.end) return undefined;
      return { kind: 'name', replace: { start: entry.nameSpan.start, end: entry.nameSpan.end }, current: entry, entries };
    }
    if (entry.value && entry.separator >= 0 && offset > entry.separator) {
      const value = valueSlotAt(text, entry.value, offset);
      return value && { kind: 'value', entry, value, entries };
    }
    return undefined;
  }
  // The caret is in blank space after `entry` (or before any entry).
  if (entry?.value && entry.separator >= 0 && entry.value.kind === 'Invalid' && isSameLineBlank(text, entry.node.end, offset)) {
    return { kind: 'value', entry, value: { kind: 'bare', replace: { start: offset, end: offset } }, entries };
  }
  let i = offset;
  while (i > 0 && isBlank(text.charAt(i - 1))) i--;
  const before = i > 0 ? text.charAt(i - 1) : '\n';
  if (before === '\n' || before === '\r' || openers.includes(before)) {
    return { kind: 'name', replace: { start: offset, end: offset }, entries };
  }
  return undefined;
}

function isSameLineBlank(text: TextSource, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isBlank(text.charAt(i))) return false;
  return true;
}

/** The value slot inside `value` (the expression after `=`), if the caret is at a place a value can go. */
export function valueSlotAt(text: TextSource, value: Expression, offset: number): ValueSlot | undefined {
  const expr = branchAt(value, offset);
  switch (expr.kind) {
    case 'Invalid':
      return { kind: 'bare', replace: { start: offset, end: offset } };
    case 'Variable':
    case 'Traversal':
    case 'Literal':
      return within(expr, offset) ? { kind: 'bare', replace: { start: expr.start, end: expr.end }, expression: expr } : undefined;
    case 'String':
      return stringSlot(expr, offset);
    case 'Tuple':
      return listSlot(text, expr, offset);
    case 'Object':
      return offset > expr.start && (!expr.closed || offset < expr.end) ? { kind: 'object', object: expr } : undefined;
    default:
      return undefined;
  }
}

function stringSlot(s: StringLiteral, offset: number, list?: Tuple): ValueSlot | undefined {
  const inside = offset > s.start && (s.closed ? offset < s.end : offset <= s.end);
  if (!inside) return undefined;
  // An unclosed string runs to the line end; only what is left of the caret is the user's word.
  const end = s.closed ? s.end - 1 : offset;
  return { kind: 'string', replace: { start: s.start + 1, end }, string: s, list };
}

function listSlot(text: TextSource, list: Tuple, offset: number): ValueSlot | undefined {
  if (offset <= list.start || (list.closed && offset >= list.end)) return undefined;
  // A caret right before an element (`[|"a"]`) is between elements, not in one.
  const element = list.items.find((e) => within(e, offset) && (offset > e.start || e.kind === 'Invalid'));
  if (element) {
    if (element.kind === 'String') return stringSlot(element, offset, list);
    if (element.kind === 'Variable') return { kind: 'listItem', replace: { start: element.start, end: element.end }, list };
    if (element.kind !== 'Invalid') return undefined;
  }
  let i = offset;
  while (i > list.start && /\s/.test(text.charAt(i - 1))) i--;
  const before = text.charAt(i - 1);
  if (before !== '[' && before !== ',') return undefined;
  const separator = separatorBefore(text, list, offset);
  return { kind: 'listItem', replace: { start: offset, end: offset }, list, ...(separator ? { separator } : {}) };
}

/** `, ` when another element follows right after the caret, `,` when blank space or a line break comes first, else ''. */
function separatorBefore(text: TextSource, list: Tuple, offset: number): string {
  const next = list.items.find((e) => e.start >= offset && e.kind !== 'Invalid');
  if (!next) return '';
  let sameLine = true;
  for (let i = offset; i < next.start; i++) {
    const c = text.charAt(i);
    if (c === ',') return '';
    if (c === '\n') sameLine = false;
  }
  return sameLine && !isBlank(text.charAt(offset)) ? ', ' : ',';
}

/** Static string values of a list's elements other than `except` (to leave out values already chosen). */
export function listValues(list: Tuple | undefined, except?: Span): Set<string> {
  const values = new Set<string>();
  for (const item of list?.items ?? []) {
    if (except && item.start === except.start) continue;
    const v = staticString(item);
    if (v !== undefined) values.add(v);
  }
  return values;
}
