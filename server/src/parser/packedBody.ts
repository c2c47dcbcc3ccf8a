// Packed block bodies: a full parse stores each top-level block's body as a run of int32 records
// instead of keeping its ~110 node objects, and `BlockNode.body` unpacks it into the same objects the
// first time anyone reads it.
//
// Why: a 10,000-block file is ~1 million nodes (~100 MB). Objects that survive are copied by V8's young
// generation collector (or allocated pretenured at a similar cost), which made a full parse at 10,000
// blocks ~12x a bare scan of the text, against ~6.6x at 1,000 blocks. Packed, the parse's nodes die young
// and the records live outside the JS heap. Blocks that nobody reads (most resources of a real module are
// not ours) never become objects at all.
//
// Format (preorder, offsets relative to the block's start so moving a packed block costs nothing):
//   node   = code relStart relEnd fields...        (code 0 stands for an absent optional node)
//   string = a b  : the text at relative offset a, length b; or b = -1: `values[a]` (decoded text)
//   number = tag x: 0 null, 1 false, 2 true, 3 the integer x, 4 `values[x]`
//   offset = relative offset, or NONE for -1
// The field order of each kind mirrors the object literal the parser builds, so unpacked nodes have the
// same keys in the same order (trees are compared as JSON and with deepStrictEqual in the tests).
import type {
  Attribute, BinaryOperator, Block, Body, BodyItem, Expression, Identifier, Label, Literal, Node, TemplatePart, TraversalStep,
} from './ast';
import { BlockNode } from './blockNode';

const NONE = -0x80000000;
const MAX_DEPTH = 1000;

const BODY = 1, ATTRIBUTE = 2, BLOCK = 3, LABEL = 4, IDENTIFIER = 5, LITERAL = 6, STRING = 7, TEMPLATE_LITERAL = 8;
const INTERPOLATION = 9, DIRECTIVE_IF = 10, DIRECTIVE_FOR = 11, TEMPLATE = 12, TUPLE = 13, OBJECT = 14, OBJECT_ITEM = 15;
const FUNCTION_CALL = 16, VARIABLE = 17, TRAVERSAL = 18, GET_ATTR = 19, INDEX = 20, LEGACY_INDEX = 21, SPLAT = 22;
const CONDITIONAL = 23, BINARY = 24, UNARY = 25, PARENS = 26, FOR = 27, INVALID = 28;

const BINARY_OPERATORS: readonly BinaryOperator[] = ['||', '&&', '==', '!=', '<', '>', '<=', '>=', '+', '-', '*', '/', '%'];

/** The records of one parse: shared by all the blocks it packed. */
export class PackStore {
  data: Int32Array;
  length = 0;
  readonly values: unknown[] = [];

  constructor(expectedChars: number) {
    // Typical configuration needs ~0.4 ints per character (dense expressions up to ~0.9): half an int per
    // character avoids regrowing for most files.
    this.data = new Int32Array(Math.max(1024, expectedChars >> 1));
  }
}

class TooDeep extends Error {}

/** Writes one block body; `b` is the block's start offset and `text` the parsed text. */
class Writer {
  private data: Int32Array;
  private n: number;
  private depth = 0;

  constructor(private readonly store: PackStore, private readonly text: string, private readonly b: number) {
    this.data = store.data;
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
    this.data[this.n++] = x === -1 ? NONE : x - this.b;
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
        this.int(BINARY_OPERATORS.indexOf(node.operator));
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

/** A packed body and what unpacking it needs. */
export class PackedBody {
  constructor(
    private readonly store: PackStore,
    private readonly at: number,
    /** The text the block was parsed from, and the block's start in it. */
    private readonly text: string,
    private readonly textBase: number,
  ) {}

  /** Builds the body's objects for a block that now starts at `base`. */
  unpack(base: number): Body {
    return new Reader(this.store, this.at, this.text, this.textBase, base).body();
  }
}

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

class Reader {
  private readonly d: Int32Array;
  private readonly values: unknown[];

  constructor(store: PackStore, private i: number, private readonly text: string, private readonly textBase: number, private readonly b: number) {
    this.d = store.data;
    this.values = store.values;
  }

  private int(): number {
    return this.d[this.i++];
  }

  private offset(): number {
    const x = this.d[this.i++];
    return x === NONE ? -1 : x + this.b;
  }

  private str(): string {
    const a = this.d[this.i];
    const len = this.d[this.i + 1];
    this.i += 2;
    if (len === -1) return this.values[a] as string;
    const from = this.textBase + a;
    return this.text.slice(from, from + len);
  }

  private num(): number | boolean | null {
    const tag = this.d[this.i];
    const x = this.d[this.i + 1];
    this.i += 2;
    switch (tag) {
      case 0: return null;
      case 1: return false;
      case 2: return true;
      case 3: return x;
      default: return this.values[x] as number;
    }
  }

  private list<N>(): N[] {
    const n = this.d[this.i++];
    const out = new Array<N>(n);
    for (let k = 0; k < n; k++) out[k] = this.node() as N;
    return out;
  }

  private optional<N>(): N | undefined {
    if (this.d[this.i] === 0) {
      this.i++;
      return undefined;
    }
    return this.node() as N;
  }

  body(): Body {
    const d = this.d;
    const start = d[this.i + 1] + this.b;
    const end = d[this.i + 2] + this.b;
    this.i += 3;
    return { kind: 'Body', start, end, items: this.list<BodyItem>() };
  }

  private node(): unknown {
    const d = this.d;
    const code = d[this.i];
    if (code === BODY) return this.body();
    const start = d[this.i + 1] + this.b;
    const end = d[this.i + 2] + this.b;
    this.i += 3;
    switch (code) {
      case ATTRIBUTE: {
        const name = this.node() as Identifier;
        const equals = this.offset();
        return { kind: 'Attribute', start, end, name, equals, value: this.node() as Expression } satisfies Attribute;
      }
      case BLOCK: {
        const type = this.node() as Identifier;
        const labels = this.list<Label>();
        const openBrace = this.offset();
        const closeBrace = this.offset();
        return new BlockNode(start, end, type, labels, openBrace, closeBrace, this.body());
      }
      case LABEL: {
        const value = this.str();
        const flags = this.int();
        return { kind: 'Label', start, end, value, quoted: (flags & 1) !== 0, closed: (flags & 2) !== 0 };
      }
      case IDENTIFIER:
        return { kind: 'Identifier', start, end, name: this.str() };
      case LITERAL:
        return { kind: 'Literal', start, end, value: this.num() } satisfies Literal;
      case STRING: {
        const value = this.str();
        return { kind: 'String', start, end, value, closed: this.int() === 1 };
      }
      case TEMPLATE_LITERAL:
        return { kind: 'TemplateLiteral', start, end, value: this.str() };
      case INTERPOLATION: {
        const expression = this.node() as Expression;
        const flags = this.int();
        return { kind: 'TemplateInterpolation', start, end, expression, stripLeft: (flags & 1) !== 0, stripRight: (flags & 2) !== 0 };
      }
      case DIRECTIVE_IF: {
        const condition = this.optional<Expression>();
        const then = this.list<TemplatePart>();
        let elseParts: TemplatePart[] | undefined;
        if (d[this.i] === -1) this.i++;
        else elseParts = this.list<TemplatePart>();
        return { kind: 'TemplateDirective', start, end, directive: 'if', condition, then, else: elseParts };
      }
      case DIRECTIVE_FOR: {
        const keyVar = this.optional<Identifier>();
        const valueVar = this.optional<Identifier>();
        const collection = this.optional<Expression>();
        return { kind: 'TemplateDirective', start, end, directive: 'for', keyVar, valueVar, collection, then: this.list<TemplatePart>() };
      }
      case TEMPLATE: {
        const parts = this.list<TemplatePart>();
        const heredocKind = this.int();
        const heredoc = heredocKind === 0 ? undefined : { marker: this.str(), indented: heredocKind === 2 };
        return { kind: 'Template', start, end, parts, heredoc, closed: this.int() === 1 };
      }
      case TUPLE: {
        const items = this.list<Expression>();
        return { kind: 'Tuple', start, end, items, closed: this.int() === 1 };
      }
      case OBJECT: {
        const items = this.list<Expression>();
        return { kind: 'Object', start, end, items, closed: this.int() === 1 };
      }
      case OBJECT_ITEM: {
        const key = this.node() as Expression;
        const separator = this.offset();
        return { kind: 'ObjectItem', start, end, key, separator, value: this.node() as Expression };
      }
      case FUNCTION_CALL: {
        const name = this.node() as Identifier;
        const args = this.list<Expression>();
        const flags = this.int();
        return { kind: 'FunctionCall', start, end, name, args, expandFinal: (flags & 1) !== 0, closed: (flags & 2) !== 0 };
      }
      case VARIABLE:
        return { kind: 'Variable', start, end, name: this.str() };
      case TRAVERSAL: {
        const source = this.node() as Expression;
        return { kind: 'Traversal', start, end, source, steps: this.list<TraversalStep>() };
      }
      case GET_ATTR: {
        const name = this.str();
        return { kind: 'GetAttr', start, end, name, nameStart: this.offset() };
      }
      case INDEX: {
        const key = this.node() as Expression;
        return { kind: 'Index', start, end, key, closed: this.int() === 1 };
      }
      case LEGACY_INDEX:
        return { kind: 'LegacyIndex', start, end, index: this.num() as number };
      case SPLAT:
        return { kind: 'SplatStep', start, end, full: this.int() === 1 };
      case CONDITIONAL: {
        const condition = this.node() as Expression;
        const trueResult = this.node() as Expression;
        return { kind: 'Conditional', start, end, condition, trueResult, falseResult: this.node() as Expression };
      }
      case BINARY: {
        const operator = BINARY_OPERATORS[this.int()];
        const left = this.node() as Expression;
        return { kind: 'Binary', start, end, operator, left, right: this.node() as Expression };
      }
      case UNARY: {
        const operator = this.int() === 0 ? '!' : '-';
        return { kind: 'Unary', start, end, operator, operand: this.node() as Expression };
      }
      case PARENS: {
        const expression = this.node() as Expression;
        return { kind: 'Parens', start, end, expression, closed: this.int() === 1 };
      }
      case FOR: {
        const flags = this.int();
        const keyVar = this.optional<Identifier>();
        const valueVar = this.optional<Identifier>() as Identifier;
        const collection = this.optional<Expression>() as Expression;
        const keyExpr = this.optional<Expression>();
        const valueExpr = this.optional<Expression>() as Expression;
        const condition = this.optional<Expression>();
        return {
          kind: 'For', start, end, object: (flags & 1) !== 0, keyVar, valueVar, collection, keyExpr, valueExpr, condition,
          grouping: (flags & 2) !== 0, closed: (flags & 4) !== 0,
        };
      }
      default:
        return { kind: 'Invalid', start, end };
    }
  }
}
