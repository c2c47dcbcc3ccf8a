// Expressions: conditional > binary (HCL precedence) > unary > postfix traversals > primary terms.
// Every recursive entry goes through `p.enter()` so hostile nesting is reported, not overflowed.
import type {
  BinaryOperator, Expression, FunctionCall, Identifier, ObjectExpr, ObjectItem, Traversal, TraversalStep, Tuple,
} from './ast';
import type { Parser } from './parser';
import { T as Kinds } from './tokens';
import { heredocTemplate, quotedTemplate } from './templates';
import { forExpr } from './forExpr';

// A local alias: under the test runner's per-file transform, imported bindings are getters.
const T = Kinds;

export function parseExpression(p: Parser): Expression {
  if (!p.enter()) return p.invalid(p.start(), p.start());
  const condition = binary(p, 1);
  let result: Expression = condition;
  if (p.kind() === T.Question) {
    p.advance();
    const trueResult = parseExpression(p);
    let falseResult: Expression;
    if (p.kind() === T.Colon) {
      p.advance();
      falseResult = parseExpression(p);
    } else {
      const at = p.prevEnd();
      p.error(at, at, "Missing ':' in conditional expression");
      falseResult = p.invalid(at, at);
    }
    result = { kind: 'Conditional', start: condition.start, end: falseResult.end, condition, trueResult, falseResult };
  }
  p.leave();
  return result;
}

// Binary operator precedence by token kind (0: not a binary operator); higher binds tighter.
const PRECEDENCE = new Uint8Array(64);
const OPERATOR: BinaryOperator[] = [];
for (const [kind, prec, op] of [
  [T.Or, 1, '||'], [T.And, 2, '&&'], [T.EqualOp, 3, '=='], [T.NotEqual, 3, '!='], [T.Lt, 4, '<'], [T.Gt, 4, '>'],
  [T.Lte, 4, '<='], [T.Gte, 4, '>='], [T.Plus, 5, '+'], [T.Minus, 5, '-'], [T.Star, 6, '*'], [T.Slash, 6, '/'],
  [T.Percent, 6, '%'],
] as const) {
  PRECEDENCE[kind] = prec;
  OPERATOR[kind] = op;
}

/** Precedence climbing: operators of precedence >= `min`, left-associative. */
function binary(p: Parser, min: number): Expression {
  let left = unary(p);
  // Each operator puts the chain so far one level deeper in the tree: it counts as nesting, so a hostile
  // `1 + 1 + ...` is reported like deep brackets instead of building a tree too deep for recursive readers.
  let levels = 0;
  for (;;) {
    const k = p.kind();
    const prec = PRECEDENCE[k];
    if (prec === 0 || prec < min || !p.enter()) break;
    levels++;
    p.advance();
    const right = binary(p, prec + 1);
    left = { kind: 'Binary', start: left.start, end: right.end, operator: OPERATOR[k], left, right };
  }
  for (; levels > 0; levels--) p.leave();
  return left;
}

function unary(p: Parser): Expression {
  const k = p.kind();
  if (k !== T.Bang && k !== T.Minus) return postfix(p, primary(p));
  const start = p.start();
  p.advance();
  if (!p.enter()) return p.invalid(start, p.start());
  const operand = unary(p);
  p.leave();
  return { kind: 'Unary', start, end: operand.end, operator: k === T.Bang ? '!' : '-', operand };
}

/** Attribute access, indexes and splats after a term. */
function postfix(p: Parser, source: Expression): Expression {
  const scratch = p.scratch;
  const base = scratch.length;
  let inAttrSplat = false;
  for (;;) {
    const k = p.kind();
    let step: TraversalStep;
    if (k === T.Dot) {
      const dot = p.start();
      p.advance();
      const n = p.kind();
      if (n === T.Ident) {
        const nameStart = p.start();
        step = { kind: 'GetAttr', start: dot, end: p.end(), name: p.text.slice(nameStart, p.end()), nameStart };
        p.advance();
      } else if (n === T.Number) {
        step = { kind: 'LegacyIndex', start: dot, end: p.end(), index: Number(p.tokenText()) };
        p.advance();
        // `.0.1` is lexed by HCL as one number after the dot, which it rejects.
        if (p.kinds[p.p] === T.Dot && p.starts[p.p] === step.end && p.kinds[p.p + 1] === T.Number && p.starts[p.p + 1] === step.end + 1) {
          p.error(step.start, p.ends[p.p + 1], 'Invalid legacy index syntax');
        }
      } else if (n === T.Star) {
        step = { kind: 'SplatStep', start: dot, end: p.end(), full: false };
        // Like HCL: an attribute-only splat's `.name` chain may not contain another `.*`.
        if (inAttrSplat) p.error(step.start, step.end, 'Nested splat expression not allowed');
        inAttrSplat = true;
        p.advance();
      } else {
        // A trailing dot: completion needs the empty step.
        p.error(dot + 1, dot + 1, 'Invalid attribute name');
        scratch.push({ kind: 'GetAttr', start: dot, end: dot + 1, name: '', nameStart: dot + 1 });
        break;
      }
    } else if (k === T.OBrack) {
      step = indexStep(p);
      inAttrSplat = false;
    } else break;
    scratch.push(step);
  }
  if (scratch.length === base) return source;
  const steps = p.takeList<TraversalStep>(base);
  const t: Traversal = { kind: 'Traversal', start: source.start, end: steps[steps.length - 1].end, source, steps };
  return t;
}

function indexStep(p: Parser): TraversalStep {
  const start = p.start();
  const nl = p.nl;
  p.nl = false;
  p.advance();
  if (p.kind() === T.Star && p.peekKind() === T.CBrack) {
    p.advance();
    const end = p.end();
    p.advance();
    p.nl = nl;
    return { kind: 'SplatStep', start, end, full: true };
  }
  const key = p.kind() === T.CBrack ? missingExpression(p) : parseExpression(p);
  let closed = false;
  let end: number;
  if (p.kind() === T.CBrack) {
    closed = true;
    end = p.end();
    p.advance();
  } else {
    end = p.prevEnd();
    p.missing('Missing closing bracket', end);
  }
  p.nl = nl;
  return { kind: 'Index', start, end, key, closed };
}

function missingExpression(p: Parser): Expression {
  const at = p.prevEnd();
  p.error(at, at, 'Missing expression');
  return p.invalid(at, at);
}

/** Tokens an invalid term must not swallow: they close or separate an enclosing construct. */
function isStructural(k: number): boolean {
  switch (k) {
    case T.EOF: case T.Newline: case T.CBrace: case T.CBrack: case T.CParen: case T.Comma: case T.Colon:
    case T.CQuote: case T.TemplateSeqEnd: case T.CHeredoc: case T.Equal: case T.FatArrow: case T.Question:
    case T.Ellipsis:
      return true;
  }
  return false;
}

function primary(p: Parser): Expression {
  const k = p.kind();
  const start = p.start();
  switch (k) {
    case T.Number: {
      const end = p.end();
      const value = numberValue(p.text, start, end);
      p.advance();
      return { kind: 'Literal', start, end, value };
    }
    case T.Ident:
      return identifierTerm(p);
    case T.OQuote:
      return quotedTemplate(p);
    case T.OHeredoc:
      return heredocTemplate(p);
    case T.OParen:
      return parens(p);
    case T.OBrack:
      return p.isKeywordAfterOpen('for') ? forExpr(p, false) : tuple(p);
    case T.OBrace:
      return p.isKeywordAfterOpen('for') ? forExpr(p, true) : object(p);
    case T.Invalid: {
      // The lexer already reported the character.
      const end = p.end();
      p.advance();
      return p.invalid(start, end);
    }
  }
  if (isStructural(k)) return missingExpression(p);
  const end = p.end();
  p.error(start, end, 'Invalid expression');
  p.advance();
  return p.invalid(start, end);
}

/** The value of a number token; plain integers are read without taking a substring. */
function numberValue(text: string, start: number, end: number): number {
  let v = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39 || end - start > 15) return Number(text.slice(start, end));
    v = v * 10 + (c - 0x30);
  }
  return v;
}

function identifierTerm(p: Parser): Expression {
  const start = p.start();
  const end = p.end();
  const len = end - start;
  const text = p.text;
  if (len === 4 && text.startsWith('true', start)) return literal(p, true);
  if (len === 5 && text.startsWith('false', start)) return literal(p, false);
  if (len === 4 && text.startsWith('null', start)) return literal(p, null);
  const next = p.peekKind();
  if (next === T.OParen || next === T.DoubleColon) return functionCall(p);
  p.advance();
  return { kind: 'Variable', start, end, name: text.slice(start, end) };
}

function literal(p: Parser, value: boolean | null): Expression {
  const start = p.start();
  const end = p.end();
  p.advance();
  return { kind: 'Literal', start, end, value };
}

function functionCall(p: Parser): Expression {
  const start = p.start();
  let nameEnd = p.end();
  p.advance();
  // provider::namespace::function
  while (p.kind() === T.DoubleColon) {
    p.advance();
    if (p.kind() !== T.Ident) {
      const at = p.prevEnd();
      p.error(at, at, 'Missing function name');
      break;
    }
    nameEnd = p.end();
    p.advance();
  }
  const name: Identifier = { kind: 'Identifier', start, end: nameEnd, name: p.text.slice(start, nameEnd) };
  const call: FunctionCall = { kind: 'FunctionCall', start, end: nameEnd, name, args: [], expandFinal: false, closed: false };
  if (p.kind() !== T.OParen) {
    p.error(nameEnd, nameEnd, "Missing '(' of the function call");
    return call;
  }
  if (!p.enter()) return call;
  const nl = p.nl;
  p.nl = false;
  p.advance();
  const base = p.scratch.length;
  for (;;) {
    const k = p.kind();
    if (k === T.CParen || k === T.EOF) break;
    p.scratch.push(parseExpression(p));
    if (p.kind() === T.Ellipsis) {
      call.expandFinal = true;
      p.advance();
      if (p.kind() !== T.CParen) p.error(p.start(), p.end(), "Missing ')' after the expanded argument");
      break;
    }
    if (p.kind() === T.Comma) p.advance();
    else break;
  }
  if (p.scratch.length > base) call.args = p.takeList<Expression>(base);
  finishClose(p, call, T.CParen, 'Missing closing parenthesis');
  p.nl = nl;
  p.leave();
  return call;
}

/** Consumes the closing token of a bracketed construct, or reports it missing. */
export function finishClose(p: Parser, node: { end: number; closed: boolean }, closer: number, message: string): void {
  if (p.kind() === closer) {
    node.closed = true;
    node.end = p.end();
    p.advance();
  } else {
    node.end = Math.max(node.end, p.prevEnd());
    p.missing(message, p.prevEnd());
  }
}

function parens(p: Parser): Expression {
  const start = p.start();
  if (!p.enter()) return p.invalid(start, p.start());
  const nl = p.nl;
  p.nl = false;
  p.advance();
  const expression = p.kind() === T.CParen ? missingExpression(p) : parseExpression(p);
  const node = { kind: 'Parens' as const, start, end: expression.end, expression, closed: false };
  finishClose(p, node, T.CParen, 'Missing closing parenthesis');
  p.nl = nl;
  p.leave();
  return node;
}

function tuple(p: Parser): Expression {
  const start = p.start();
  if (!p.enter()) return p.invalid(start, p.start());
  const nl = p.nl;
  p.nl = false;
  p.advance();
  const node: Tuple = { kind: 'Tuple', start, end: start + 1, items: [], closed: false };
  const scratch = p.scratch;
  const base = scratch.length;
  for (;;) {
    const k = p.kind();
    if (k === T.CBrack || k === T.EOF) break;
    scratch.push(parseExpression(p));
    if (p.kind() === T.Comma) p.advance();
    else break;
  }
  if (scratch.length > base) node.items = p.takeList<Expression>(base);
  finishClose(p, node, T.CBrack, 'Missing closing bracket');
  p.nl = nl;
  p.leave();
  return node;
}

function object(p: Parser): Expression {
  const start = p.start();
  if (!p.enter()) return p.invalid(start, p.start());
  const nl = p.nl;
  p.nl = true; // items are separated by commas or line breaks
  p.advance();
  const node: ObjectExpr = { kind: 'Object', start, end: start + 1, items: [], closed: false };
  const base = p.scratch.length;
  for (;;) {
    let k = p.kind();
    while (k === T.Newline) {
      p.advance();
      k = p.kind();
    }
    if (k === T.CBrace || k === T.EOF) break;
    const before = p.p;
    p.scratch.push(objectItem(p));
    k = p.kind();
    if (k === T.Comma || k === T.Newline) p.advance();
    else if (k !== T.CBrace && k !== T.EOF) {
      p.error(p.start(), p.end(), 'Missing item separator');
      if (p.p === before) p.advance();
    }
  }
  if (p.scratch.length > base) node.items = p.takeList<ObjectItem>(base);
  finishClose(p, node, T.CBrace, 'Missing closing brace');
  p.nl = nl;
  p.leave();
  return node;
}

function objectItem(p: Parser): ObjectItem {
  const key = parseExpression(p);
  let separator = -1;
  let value: Expression;
  const k = p.kind();
  if (k === T.Equal || k === T.Colon) {
    separator = p.start();
    p.advance();
    value = parseExpression(p);
  } else {
    const at = p.prevEnd();
    p.error(at, at, "Missing '=' after the object key");
    value = p.invalid(at, at);
  }
  return { kind: 'ObjectItem', start: key.start, end: Math.max(value.end, separator + 1, key.end), key, separator, value };
}

export function expectIdent(p: Parser, message: string, quiet = false): Identifier {
  if (p.kind() === T.Ident) return p.identifier();
  const at = p.prevEnd();
  if (!quiet) p.error(at, at, message);
  return { kind: 'Identifier', start: at, end: at, name: '' };
}

export function missingPart(p: Parser, message: string, quiet = false): Expression {
  const at = p.prevEnd();
  if (!quiet) p.error(at, at, message);
  return p.invalid(at, at);
}
