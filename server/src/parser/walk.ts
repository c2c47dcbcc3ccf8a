// Generic traversal of the syntax tree: children in source order, the node path at an offset, and the
// static value of simple strings.
import type { Expression, HclFile, Node, Span, TemplatePart } from './ast';

/** Calls `visit` for each direct child of `node`, in source order. */
export function forEachChild(node: Node, visit: (child: Node) => void): void {
  switch (node.kind) {
    case 'Body':
      for (const item of node.items) visit(item);
      return;
    case 'Attribute':
      visit(node.name);
      visit(node.value);
      return;
    case 'Block':
      visit(node.type);
      for (const label of node.labels) visit(label);
      visit(node.body);
      return;
    case 'Template':
      for (const part of node.parts) visit(part);
      return;
    case 'TemplateInterpolation':
      visit(node.expression);
      return;
    case 'TemplateDirective':
      if (node.condition) visit(node.condition);
      if (node.keyVar) visit(node.keyVar);
      if (node.valueVar) visit(node.valueVar);
      if (node.collection) visit(node.collection);
      visitParts(node.then, visit);
      if (node.else) visitParts(node.else, visit);
      return;
    case 'Tuple':
      for (const item of node.items) visit(item);
      return;
    case 'Object':
      for (const item of node.items) visit(item);
      return;
    case 'ObjectItem':
      visit(node.key);
      visit(node.value);
      return;
    case 'FunctionCall':
      visit(node.name);
      for (const arg of node.args) visit(arg);
      return;
    case 'Traversal':
      visit(node.source);
      for (const step of node.steps) visit(step);
      return;
    case 'Index':
      visit(node.key);
      return;
    case 'Conditional':
      visit(node.condition);
      visit(node.trueResult);
      visit(node.falseResult);
      return;
    case 'Binary':
      visit(node.left);
      visit(node.right);
      return;
    case 'Unary':
      visit(node.operand);
      return;
    case 'Parens':
      visit(node.expression);
      return;
    case 'For':
      if (node.keyVar) visit(node.keyVar);
      visit(node.valueVar);
      visit(node.collection);
      if (node.keyExpr) visit(node.keyExpr);
      visit(node.valueExpr);
      if (node.condition) visit(node.condition);
      return;
    default:
      // Leaves: Identifier, Label, Literal, String, TemplateLiteral, Variable, GetAttr, LegacyIndex, SplatStep, Invalid.
      return;
  }
}

function visitParts(parts: TemplatePart[], visit: (child: Node) => void): void {
  for (const part of parts) visit(part);
}

/**
 * The nodes containing `offset`, outermost (the file body) first. A node contains the offsets from its start
 * to its end inclusive, so a caret right after a token is in it; when two siblings touch, the one the
 * offset is strictly inside wins, else the one that ends there.
 */
export function nodePathAt(file: HclFile, offset: number): Node[] {
  const path: Node[] = [file.body];
  let current: Node = file.body;
  // Top-level items: binary search (a large file has thousands).
  const items = file.body.items;
  const first = firstItemEndingFrom(items, offset);
  let chosen: Node | undefined;
  for (let i = first; i < items.length && items[i].start <= offset; i++) {
    chosen = items[i];
    if (offset < items[i].end) break;
  }
  if (!chosen) return path;
  current = chosen;
  path.push(current);
  for (;;) {
    let strict: Node | undefined;
    let touching: Node | undefined;
    forEachChild(current, (child) => {
      if (strict || child.start > offset || child.end < offset) return;
      if (offset < child.end || (child.start === offset && child.end === offset)) strict = child;
      else touching = child;
    });
    const next = strict ?? touching;
    if (!next) return path;
    path.push(next);
    current = next;
  }
}

/**
 * The decoded value of a plain quoted string, or of a template (quoted or heredoc) whose parts are all
 * literal text; undefined for anything else.
 */
export function staticString(expr: Expression): string | undefined {
  if (expr.kind === 'String') return expr.value;
  if (expr.kind !== 'Template') return undefined;
  let out = '';
  for (const part of expr.parts) {
    if (part.kind !== 'TemplateLiteral') return undefined;
    out += part.value;
  }
  return out;
}

/** The index of the first of `items` (sorted, not overlapping) that ends at or after `offset`. */
export function firstItemEndingFrom(items: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].end < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
