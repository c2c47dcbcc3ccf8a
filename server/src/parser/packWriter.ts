// Writes a block body as records (format: packFormat.ts).
import type { Block, Body, Identifier, Node } from './ast';
import { BINARY_OPERATORS, CODE, NONE, type PackStore } from './packFormat';
import { PackedBody } from './packReader';

// Local copies: under the test runner's per-file transform, imported bindings are getters.
const { BODY, ATTRIBUTE, BLOCK, LABEL, IDENTIFIER, LITERAL, STRING, TEMPLATE_LITERAL, INTERPOLATION, DIRECTIVE_IF } = CODE;
const { DIRECTIVE_FOR, TEMPLATE, TUPLE, OBJECT, OBJECT_ITEM, FUNCTION_CALL, VARIABLE, TRAVERSAL, GET_ATTR, INDEX } = CODE;
const { LEGACY_INDEX, SPLAT, CONDITIONAL, BINARY, UNARY, PARENS, FOR, INVALID } = CODE;
const OPERATORS = BINARY_OPERATORS;
const ABSENT = NONE;
/** Deeper than this, a body stays objects (a hostile `1 + 1 + ...` chain must not overflow the stack). */
const MAX_DEPTH = 1000;

/**
 * Packs the body of a top-level block just parsed from `text`. Returns undefined (the caller keeps the
 * objects) for a body nested too deep to walk safely.
 */
export function packBody(block: Block, store: PackStore, text: string): PackedBody | undefined {
  const at = store.length;
  const w = new Writer(store, text, block.start);
  try {
    w.body(block.body);
  } catch (e) {
    if (e instanceof TooDeep) return undefined;
    throw e;
  }
  w.finish();
  return new PackedBody(store, at, text, block.start);
}

class TooDeep extends Error {}

/** Writes one block body; `b` is the block's start offset and `text` the parsed text. */
class Writer {
  private data: Int32Array;
  private n: number;
  private depth = 0;

  constructor(private readonly store: PackStore, private readonly text: string, private readonly b: number) {
    this.data = store.ensureData();
    this.n = store.length;
  }

  finish(): void {
    this.store.data = this.data;
    this.store.length = this.n;
  }

  private room(k: number): void {
    const bigger = new Int32Array(Math.max(this.data.length * 2, this.n + k));
    bigger.set(this.data.subarray(0, this.n));
    this.data = bigger;
  }

  private put3(code: number, start: number, end: number): void {
    if (this.n + 3 > this.data.length) this.room(3);
    const d = this.data;
    d[this.n] = code;
    d[this.n + 1] = start - this.b;
    d[this.n + 2] = end - this.b;
    this.n += 3;
  }

  private int(x: number): void {
    if (this.n + 1 > this.data.length) this.room(1);
    this.data[this.n++] = x;
  }

  private offset(x: number): void {
    if (this.n + 1 > this.data.length) this.room(1);
    this.data[this.n++] = x === -1 ? ABSENT : x - this.b;
  }

  /**
   * A string the parser took from the text at [at, rawEnd), possibly decoded. Decoding (escapes, `$${`,
   * heredoc indentation) always shortens, so an unchanged length means the text itself.
   */
  private str(s: string, at: number, rawEnd: number): void {
    if (this.n + 2 > this.data.length) this.room(2);
    const d = this.data;
    if (s.length === rawEnd - at) {
      d[this.n] = at - this.b;
      d[this.n + 1] = s.length;
    } else {
      d[this.n] = this.store.values.push(s) - 1;
      d[this.n + 1] = -1;
    }
    this.n += 2;
  }

  private num(v: number | boolean | null): void {
    if (this.n + 2 > this.data.length) this.room(2);
    const d = this.data;
    if (v === null) d[this.n] = 0;
    else if (v === false) d[this.n] = 1;
    else if (v === true) d[this.n] = 2;
    else if ((v | 0) === v && !Object.is(v, -0)) {
      d[this.n] = 3;
      d[this.n + 1] = v;
    } else {
      d[this.n] = 4;
      d[this.n + 1] = this.store.values.push(v) - 1;
    }
    this.n += 2;
  }

  private list(nodes: readonly Node[]): void {
    if (this.n + 1 > this.data.length) this.room(1);
    this.data[this.n++] = nodes.length;
    for (let k = 0; k < nodes.length; k++) this.node(nodes[k]);
  }

  private optional(node: Node | undefined): void {
    if (node !== undefined) this.node(node);
    else {
      if (this.n + 1 > this.data.length) this.room(1);
      this.data[this.n++] = 0;
    }
  }

  private identifier(node: Identifier): void {
    this.put3(IDENTIFIER, node.start, node.end);
    this.str(node.name, node.start, node.end);
  }

  body(body: Body): void {
    if (++this.depth > MAX_DEPTH) throw new TooDeep();
    this.put3(BODY, body.start, body.end);
    this.list(body.items);
    this.depth--;
  }

  node(node: Node): void {
    if (++this.depth > MAX_DEPTH) throw new TooDeep();
    // Ordered by frequency: the kinds are compared one after another.
    switch (node.kind) {
      case 'String':
        this.put3(STRING, node.start, node.end);
        this.str(node.value, node.start + 1, node.closed ? node.end - 1 : node.end);
        this.int(node.closed ? 1 : 0);
        break;
      case 'Identifier':
        this.identifier(node);
        break;
      case 'Attribute':
        this.put3(ATTRIBUTE, node.start, node.end);
        this.identifier(node.name);
        this.offset(node.equals);
        this.node(node.value);
        break;
      case 'Literal':
        this.put3(LITERAL, node.start, node.end);
        this.num(node.value);
        break;
      case 'Tuple':
        this.put3(TUPLE, node.start, node.end);
        this.list(node.items);
        this.int(node.closed ? 1 : 0);
        break;
      case 'Variable':
        this.put3(VARIABLE, node.start, node.end);
        this.str(node.name, node.start, node.end);
        break;
      case 'ObjectItem':
        this.put3(OBJECT_ITEM, node.start, node.end);
        this.node(node.key);
        this.offset(node.separator);
        this.node(node.value);
        break;
      case 'Traversal':
        this.put3(TRAVERSAL, node.start, node.end);
        this.node(node.source);
        this.list(node.steps);
        break;
      case 'GetAttr':
        this.put3(GET_ATTR, node.start, node.end);
        this.str(node.name, node.nameStart, node.end);
        this.offset(node.nameStart);
        break;
      case 'Label':
        this.put3(LABEL, node.start, node.end);
        this.str(node.value, node.quoted ? node.start + 1 : node.start, node.quoted && node.closed ? node.end - 1 : node.end);
        this.int((node.quoted ? 1 : 0) | (node.closed ? 2 : 0));
        break;
      case 'Object':
        this.put3(OBJECT, node.start, node.end);
        this.list(node.items);
        this.int(node.closed ? 1 : 0);
        break;
      case 'Block':
        this.put3(BLOCK, node.start, node.end);
        this.identifier(node.type);
        this.list(node.labels);
        this.offset(node.openBrace);
        this.offset(node.closeBrace);
        this.body(node.body);
        break;
      case 'Template':
        this.put3(TEMPLATE, node.start, node.end);
        this.list(node.parts);
        if (node.heredoc === undefined) this.int(0);
        else {
          this.int(node.heredoc.indented ? 2 : 1);
          const at = node.start + (node.heredoc.indented ? 3 : 2);
          this.str(node.heredoc.marker, at, at + node.heredoc.marker.length);
        }
        this.int(node.closed ? 1 : 0);
        break;
      case 'TemplateLiteral':
        this.put3(TEMPLATE_LITERAL, node.start, node.end);
        this.str(node.value, node.start, node.end);
        break;
      case 'TemplateInterpolation':
        this.put3(INTERPOLATION, node.start, node.end);
        this.node(node.expression);
        this.int((node.stripLeft ? 1 : 0) | (node.stripRight ? 2 : 0));
        break;
      case 'FunctionCall':
        this.put3(FUNCTION_CALL, node.start, node.end);
        this.identifier(node.name);
        this.list(node.args);
        this.int((node.expandFinal ? 1 : 0) | (node.closed ? 2 : 0));
        break;
      case 'Invalid':
        this.put3(INVALID, node.start, node.end);
        break;
      case 'Binary':
        this.put3(BINARY, node.start, node.end);
        this.int(OPERATORS.indexOf(node.operator));
        this.node(node.left);
        this.node(node.right);
        break;
      case 'Conditional':
        this.put3(CONDITIONAL, node.start, node.end);
        this.node(node.condition);
        this.node(node.trueResult);
        this.node(node.falseResult);
        break;
      case 'Index':
        this.put3(INDEX, node.start, node.end);
        this.node(node.key);
        this.int(node.closed ? 1 : 0);
        break;
      case 'Parens':
        this.put3(PARENS, node.start, node.end);
        this.node(node.expression);
        this.int(node.closed ? 1 : 0);
        break;
      case 'Unary':
        this.put3(UNARY, node.start, node.end);
        this.int(node.operator === '!' ? 0 : 1);
        this.node(node.operand);
        break;
      case 'For':
        this.put3(FOR, node.start, node.end);
        this.int((node.object ? 1 : 0) | (node.grouping ? 2 : 0) | (node.closed ? 4 : 0));
        this.optional(node.keyVar);
        this.optional(node.valueVar);
        this.optional(node.collection);
        this.optional(node.keyExpr);
        this.optional(node.valueExpr);
        this.optional(node.condition);
        break;
      case 'SplatStep':
        this.put3(SPLAT, node.start, node.end);
        this.int(node.full ? 1 : 0);
        break;
      case 'LegacyIndex':
        this.put3(LEGACY_INDEX, node.start, node.end);
        this.num(node.index);
        break;
      case 'TemplateDirective':
        if (node.directive === 'if') {
          this.put3(DIRECTIVE_IF, node.start, node.end);
          this.optional(node.condition);
          this.list(node.then);
          if (node.else === undefined) this.int(-1);
          else this.list(node.else);
        } else {
          this.put3(DIRECTIVE_FOR, node.start, node.end);
          this.optional(node.keyVar);
          this.optional(node.valueVar);
          this.optional(node.collection);
          this.list(node.then);
        }
        break;
      case 'Body':
        this.depth--;
        this.body(node);
        break;
    }
    this.depth--;
  }
}
