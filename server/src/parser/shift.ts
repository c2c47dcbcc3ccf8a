// Moves every offset of a subtree by `delta`, in place (a copy would cost an allocation per node). Reparse
// moves the items after an edit and the freshly parsed region with it; a block only records the move for
// its body (BlockNode), which calls `shiftBody` when the body is next read. One hand-written case per
// node kind; recursion depth is bounded by the parser's nesting limit.
import type { Body, BodyItem, Expression, Identifier, TemplatePart, TraversalStep } from './ast';
import type { BlockNode } from './blockNode';

export function shiftItemInPlace(item: BodyItem, d: number): void {
  if (item.kind === 'Block') {
    // Every block the parser makes is a BlockNode.
    (item as BlockNode).moveBy(d);
  } else {
    item.start += d;
    item.end += d;
    shiftIdent(item.name, d);
    if (item.equals >= 0) item.equals += d;
    shiftExpr(item.value, d);
  }
}

export function shiftBody(n: Body, d: number): void {
  n.start += d;
  n.end += d;
  for (const item of n.items) shiftItemInPlace(item, d);
}

function shiftIdent(n: Identifier | undefined, d: number): void {
  if (!n) return;
  n.start += d;
  n.end += d;
}

function shiftParts(list: TemplatePart[] | undefined, d: number): void {
  if (!list) return;
  for (const p of list) {
    p.start += d;
    p.end += d;
    if (p.kind === 'TemplateInterpolation') shiftExpr(p.expression, d);
    else if (p.kind === 'TemplateDirective') {
      if (p.condition) shiftExpr(p.condition, d);
      shiftIdent(p.keyVar, d);
      shiftIdent(p.valueVar, d);
      if (p.collection) shiftExpr(p.collection, d);
      shiftParts(p.then, d);
      shiftParts(p.else, d);
    }
  }
}

function shiftStep(n: TraversalStep, d: number): void {
  if (n.kind === 'GetAttr') {
    n.start += d;
    n.end += d;
    n.nameStart += d;
  } else if (n.kind === 'Index') {
    n.start += d;
    n.end += d;
    shiftExpr(n.key, d);
  } else {
    n.start += d;
    n.end += d;
  }
}

export function shiftExpr(n: Expression, d: number): void {
  // Each case updates its own node so every property access site sees one node shape (a shared
  // `n.start += d` before the switch would see all of them and be much slower). Commonest kinds first.
  switch (n.kind) {
    case 'String':
    case 'Literal':
    case 'Variable':
    case 'Invalid':
      n.start += d;
      n.end += d;
      return;
    case 'Traversal':
      n.start += d;
      n.end += d;
      shiftExpr(n.source, d);
      for (const s of n.steps) shiftStep(s, d);
      return;
    case 'Tuple':
      n.start += d;
      n.end += d;
      for (const e of n.items) shiftExpr(e, d);
      return;
    case 'Object':
      n.start += d;
      n.end += d;
      for (const item of n.items) {
        item.start += d;
        item.end += d;
        if (item.separator >= 0) item.separator += d;
        shiftExpr(item.key, d);
        shiftExpr(item.value, d);
      }
      return;
    case 'Template':
      n.start += d;
      n.end += d;
      shiftParts(n.parts, d);
      return;
    case 'FunctionCall':
      n.start += d;
      n.end += d;
      shiftIdent(n.name, d);
      for (const e of n.args) shiftExpr(e, d);
      return;
    case 'Conditional':
      n.start += d;
      n.end += d;
      shiftExpr(n.condition, d);
      shiftExpr(n.trueResult, d);
      shiftExpr(n.falseResult, d);
      return;
    case 'Binary':
      n.start += d;
      n.end += d;
      shiftExpr(n.left, d);
      shiftExpr(n.right, d);
      return;
    case 'Unary':
      n.start += d;
      n.end += d;
      shiftExpr(n.operand, d);
      return;
    case 'Parens':
      n.start += d;
      n.end += d;
      shiftExpr(n.expression, d);
      return;
    case 'For':
      n.start += d;
      n.end += d;
      shiftIdent(n.keyVar, d);
      shiftIdent(n.valueVar, d);
      shiftExpr(n.collection, d);
      if (n.keyExpr) shiftExpr(n.keyExpr, d);
      shiftExpr(n.valueExpr, d);
      if (n.condition) shiftExpr(n.condition, d);
      return;
  }
}
