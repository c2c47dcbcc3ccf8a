// Builds a packed block body's objects (format: packFormat.ts).
import type { Attribute, Body, BodyItem, Expression, Identifier, Label, Literal, TemplatePart, TraversalStep } from './ast';
import { BlockNode } from './blockNode';
import { BINARY_OPERATORS, CODE, NONE, type PackStore } from './packFormat';

// Local copies: under the test runner's per-file transform, imported bindings are getters.
const { BODY, ATTRIBUTE, BLOCK, LABEL, IDENTIFIER, LITERAL, STRING, TEMPLATE_LITERAL, INTERPOLATION, DIRECTIVE_IF } = CODE;
const { DIRECTIVE_FOR, TEMPLATE, TUPLE, OBJECT, OBJECT_ITEM, FUNCTION_CALL, VARIABLE, TRAVERSAL, GET_ATTR, INDEX } = CODE;
const { LEGACY_INDEX, SPLAT, CONDITIONAL, BINARY, UNARY, PARENS, FOR, INVALID } = CODE;
const OPERATORS = BINARY_OPERATORS;
const ABSENT = NONE;

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
    return x === ABSENT ? -1 : x + this.b;
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
        const operator = OPERATORS[this.int()];
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
