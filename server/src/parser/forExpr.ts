// For expressions: `[for k, v in coll : expr if cond]` and `{for k, v in coll : key => value... if cond}`.
import type { Expression, ForExpr, Identifier } from './ast';
import type { Parser } from './parser';
import { T as Kinds } from './tokens';
import { expectIdent, finishClose, missingPart, parseExpression } from './expressions';

// A local alias: under the test runner's per-file transform, imported bindings are getters.
const T = Kinds;

export function forExpr(p: Parser, object: boolean): Expression {
  const start = p.start();
  if (!p.enter()) return p.invalid(start, p.start());
  const nl = p.nl;
  p.nl = false;
  p.advance(); // [ or {
  p.kind(); // skips line breaks before `for`
  p.advance(); // for
  // Only the first problem in a for expression's header is reported; the rest follow from it.
  const before = p.diagnostics.length;
  const quiet = () => p.diagnostics.length > before;
  const first = expectIdent(p, 'Missing variable name after "for"', quiet());
  let keyVar: Identifier | undefined;
  let valueVar = first;
  if (p.kind() === T.Comma) {
    p.advance();
    keyVar = first;
    valueVar = expectIdent(p, 'Missing value variable name', quiet());
  }
  let collection: Expression;
  if (p.isKeyword('in')) {
    p.advance();
    collection = parseExpression(p);
  } else collection = missingPart(p, 'Missing "in" keyword', quiet());
  let keyExpr: Expression | undefined;
  let valueExpr: Expression;
  let grouping = false;
  if (p.kind() === T.Colon) {
    p.advance();
    if (object) {
      keyExpr = parseExpression(p);
      if (p.kind() === T.FatArrow) {
        p.advance();
        valueExpr = parseExpression(p);
        if (p.kind() === T.Ellipsis) {
          grouping = true;
          p.advance();
        }
      } else valueExpr = missingPart(p, "Missing '=>' in the object for expression", quiet());
    } else valueExpr = parseExpression(p);
  } else valueExpr = missingPart(p, "Missing ':' in the for expression", quiet());
  let condition: Expression | undefined;
  if (p.isKeyword('if')) {
    p.advance();
    condition = parseExpression(p);
  }
  const node: ForExpr = {
    kind: 'For', start, end: p.prevEnd(), object, keyVar, valueVar, collection, keyExpr, valueExpr, condition, grouping, closed: false,
  };
  const closer = object ? T.CBrace : T.CBrack;
  if (p.kind() !== closer && p.kind() !== T.EOF) {
    // Recover at the matching closer so one mistake inside does not cascade through the enclosing block.
    if (!quiet()) p.error(p.start(), p.end(), 'Invalid for expression');
    skipToCloser(p, closer);
  }
  finishClose(p, node, closer, object ? 'Missing closing brace' : 'Missing closing bracket');
  p.nl = nl;
  p.leave();
  return node;
}

/** Skips tokens (line breaks ignored) up to the `closer` that matches the current nesting level. */
function skipToCloser(p: Parser, closer: number): void {
  let depth = 0;
  for (;;) {
    const k = p.kind();
    if (k === T.EOF || (depth === 0 && k === closer)) return;
    if (k === T.OBrace || k === T.OBrack || k === T.OParen || k === T.TemplateInterp || k === T.TemplateControl) depth++;
    else if ((k === T.CBrace || k === T.CBrack || k === T.CParen || k === T.TemplateSeqEnd) && depth > 0) depth--;
    p.advance();
  }
}
