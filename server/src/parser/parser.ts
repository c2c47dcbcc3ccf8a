// The parser state and the structural grammar (bodies, blocks, attributes). Expressions are in
// expressions.ts, templates in templates.ts.
//
// Recovery strategy: a broken item is skipped to the end of its line; an unclosed block body ends at the
// next column-0 top-level block header (the lexer flags those tokens) so the rest of the file survives.
import type { Attribute, Block, Body, BodyItem, Identifier, Invalid, Label, SyntaxDiagnostic } from './ast';
import { FLAG_HEADER as HEADER, FLAG_IN_TEMPLATE as IN_TEMPLATE, T as Kinds } from './tokens';
import type { TokenBuffer } from './lexer';
import { parseExpression } from './expressions';
import { quotedLabel } from './templates';
import { BlockNode } from './blockNode';
import type { PackStore } from './packFormat';
import { packBody } from './packWriter';
import { skimmedBlock } from './regionBody';

// Local aliases: under the test runner's per-file transform, imported bindings are getters (slow in hot loops).
const T = Kinds;
const FLAG_HEADER = HEADER;
const FLAG_IN_TEMPLATE = IN_TEMPLATE;

/** Deeper nesting than this is reported instead of recursed into (hostile input must not overflow). */
export const MAX_DEPTH = 256;

export class Parser {
  p = 0;
  /** Whether line breaks are significant right now (false inside (), [], ${}, for-expressions). */
  nl = true;
  depth = 0;
  /** Set once "Nesting too deep" was reported for the current top-level item, to avoid a cascade. */
  tooDeep = false;
  /** True when some construct ran into the real end of the text (incremental re-parse must fall back). */
  sawEof = false;
  /** Whether we are inside a top-level item (header tokens then act as a stop). */
  nested = false;
  /**
   * A top-level item started while the lexer was still inside an unclosed template (the parser had
   * recovered but the lexer had not): re-parsing from that item's start would lex differently.
   */
  itemStartsInTemplate = false;
  readonly kinds: Uint8Array;
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  readonly flags: Uint8Array;
  readonly last: number;
  /**
   * A shared stack where lists are collected before being copied out at their exact size: arrays grown
   * by push keep room for 17+ elements, and most lists here have 1-4 (a third of the tree's memory).
   */
  readonly scratch: unknown[] = [];
  /**
   * Copies `scratch[base..]` into an exact-size array and truncates the scratch. Small lists use array
   * literals: V8 can allocate those (unlike `slice` results) directly in the old generation once it sees
   * they survive, so the collector does not copy them.
   */
  takeList<N>(base: number): N[] {
    const s = this.scratch as N[];
    let out: N[];
    switch (s.length - base) {
      case 0: out = []; break;
      case 1: out = [s[base]]; break;
      case 2: out = [s[base], s[base + 1]]; break;
      case 3: out = [s[base], s[base + 1], s[base + 2]]; break;
      case 4: out = [s[base], s[base + 1], s[base + 2], s[base + 3]]; break;
      default: {
        // `new Array(n)` is allocation-site tracked too (a `slice` result is not).
        const n = s.length - base;
        out = new Array<N>(n);
        for (let i = 0; i < n; i++) out[i] = s[base + i];
      }
    }
    s.length = base;
    return out;
  }

  /** A skimmed body could not be matched the way the full parse reads it (a header stop, the end). */
  skimFailed = false;

  /** Reused by the redefinition check of larger bodies. */
  private readonly seenNames = new Set<string>();
  /** Scratch for the redefinition check of usual bodies (cleared after use so it holds no text). */
  private readonly names: string[] = new Array<string>(64).fill('');

  constructor(
    readonly text: string,
    tokens: TokenBuffer,
    readonly diagnostics: SyntaxDiagnostic[],
    /** Where top-level block bodies are packed as they are parsed (full parses); undefined keeps objects. */
    private readonly packInto?: PackStore,
    /**
     * Skim: top-level block bodies are skipped (braces matched on the tokens) and parsed from the text on
     * first read (see `skimText` in file.ts). `skimFailed` is set where that would not give the full parse.
     */
    private readonly skim = false,
  ) {
    this.kinds = tokens.kinds;
    this.starts = tokens.starts;
    this.ends = tokens.ends;
    this.flags = tokens.flags;
    this.last = tokens.count - 1;
  }

  /** Kind of the current token, skipping line breaks when they are insignificant; EOF at a recovery stop. */
  kind(): number {
    let k = this.kinds[this.p];
    if (k === T.Newline && !this.nl) {
      do this.p++;
      while (this.kinds[this.p] === T.Newline);
      k = this.kinds[this.p];
    }
    if (k === T.EOF) this.sawEof = true;
    else if ((this.flags[this.p] & FLAG_HEADER) !== 0 && this.nested) return T.EOF;
    return k;
  }

  /** Kind of the token after the current one (line breaks skipped when insignificant). */
  peekKind(): number {
    this.kind();
    let i = this.p + 1;
    if (!this.nl) while (this.kinds[i] === T.Newline) i++;
    return i > this.last ? T.EOF : this.kinds[i];
  }

  start(): number {
    return this.starts[this.p];
  }

  end(): number {
    return this.ends[this.p];
  }

  /** End of the previous token other than a line break (where a missing thing would have been). */
  prevEnd(): number {
    let i = this.p - 1;
    while (i > 0 && this.kinds[i] === T.Newline) i--;
    return i >= 0 ? this.ends[i] : this.starts[0];
  }

  advance(): void {
    if (this.p < this.last) this.p++;
  }

  tokenText(): string {
    return this.text.slice(this.starts[this.p], this.ends[this.p]);
  }

  isKeyword(word: string): boolean {
    return this.kind() === T.Ident && this.ends[this.p] - this.starts[this.p] === word.length && this.text.startsWith(word, this.starts[this.p]);
  }

  /** At `[`/`{`: whether the keyword `for` follows (line breaks allowed), which makes a for expression. */
  isKeywordAfterOpen(word: string): boolean {
    const kinds = this.kinds;
    let i = this.p + 1;
    while (kinds[i] === T.Newline) i++;
    // As in HCL, `{ for = 1 }` is a (broken) for expression, not an object with a key named "for".
    return kinds[i] === T.Ident && this.ends[i] - this.starts[i] === word.length && this.text.startsWith(word, this.starts[i]);
  }

  error(start: number, end: number, message: string): void {
    // After "Nesting too deep" the rest of the item was skipped; what unwinds from it is noise.
    if (!this.tooDeep) this.diagnostics.push({ start, end, message, severity: 'error' });
  }

  /** Reports a missing closing token unless a "Nesting too deep" cascade is in progress. */
  missing(message: string, at: number): void {
    if (!this.tooDeep) this.error(at, at, message);
  }

  /** Enters a nesting level; false (after reporting once and skipping to a stop) when too deep. */
  enter(): boolean {
    if (this.depth >= MAX_DEPTH) {
      if (!this.tooDeep) {
        this.error(this.start(), this.end(), 'Nesting too deep');
        this.tooDeep = true;
      }
      const nl = this.nl;
      this.nl = false;
      while (this.kind() !== T.EOF) this.advance();
      this.nl = nl;
      return false;
    }
    this.depth++;
    return true;
  }

  leave(): void {
    this.depth--;
  }

  invalid(start: number, end: number): Invalid {
    return { kind: 'Invalid', start, end };
  }

  identifier(): Identifier {
    const start = this.starts[this.p];
    const end = this.ends[this.p];
    this.advance();
    return { kind: 'Identifier', start, end, name: this.text.slice(start, end) };
  }

  /**
   * Skips the rest of a broken line: to the next significant line break (not consumed), a `}` that would
   * close the enclosing block (not consumed), or a stop. Brackets opened on the way are balanced.
   */
  skipLine(): void {
    const nl = this.nl;
    let open = 0;
    for (;;) {
      this.nl = open === 0;
      const k = this.kind();
      if (k === T.EOF) break;
      if (open === 0 && (k === T.Newline || k === T.CBrace)) break;
      if (k === T.OBrace || k === T.OBrack || k === T.OParen || k === T.TemplateInterp || k === T.TemplateControl) open++;
      else if ((k === T.CBrace || k === T.CBrack || k === T.CParen || k === T.TemplateSeqEnd) && open > 0) open--;
      this.advance();
    }
    this.nl = nl;
  }

  // ----- bodies -----------------------------------------------------------------------------------------

  /** The whole file (or an incremental region) as a top-level body. */
  parseFile(from: number, to: number): Body {
    const items: BodyItem[] = [];
    for (;;) {
      const k = this.kinds[this.p];
      if (k === T.EOF) break;
      if (k === T.Newline) {
        this.p++;
        continue;
      }
      if ((this.flags[this.p] & FLAG_IN_TEMPLATE) !== 0) this.itemStartsInTemplate = true;
      // A skim keeps to files made of blocks that start at a header stop (see regionBody.ts): anything else, and
      // it is over (the caller parses the file in full).
      if (this.skim && (this.skimFailed || k !== T.Ident || (this.flags[this.p] & FLAG_HEADER) === 0)) {
        this.skimFailed = true;
        break;
      }
      this.nested = true;
      this.tooDeep = false;
      const before = items.length;
      this.bodyItem(items, true);
      this.nested = false;
      // Packed right away, so the objects die young (cheap for the collector) instead of surviving.
      if (this.packInto !== undefined && items.length > before) this.pack(items[before]);
    }
    this.checkRedefined(items);
    return { kind: 'Body', start: from, end: to, items };
  }

  private pack(item: BodyItem): void {
    if (item.kind !== 'Block') return;
    const packed = packBody(item, this.packInto as PackStore, this.text);
    if (packed !== undefined) (item as BlockNode).replaceBodyWith(packed);
  }

  /** HCL's parser rejects a second attribute of the same name in one body. */
  private checkRedefined(items: BodyItem[]): void {
    const n = items.length;
    if (n < 2) return;
    if (n > 64) {
      const seen = this.seenNames;
      seen.clear();
      for (const item of items) {
        if (item.kind !== 'Attribute' || item.equals < 0) continue;
        if (seen.has(item.name.name)) this.error(item.name.start, item.name.end, 'Attribute redefined');
        else seen.add(item.name.name);
      }
      return;
    }
    // Usual bodies: a pairwise scan over the names collected once. Fresh name strings would each be hashed
    // for a Set; comparing two of different lengths costs one check, and most pairs differ in length.
    const names = this.names;
    let count = 0;
    for (let i = 0; i < n; i++) {
      const item = items[i];
      if (item.kind !== 'Attribute' || item.equals < 0) continue;
      const name = item.name.name;
      const len = name.length;
      for (let j = 0; j < count; j++) {
        const other = names[j];
        if (other.length === len && other === name) {
          this.error(item.name.start, item.name.end, 'Attribute redefined');
          break;
        }
      }
      names[count++] = name;
    }
    names.fill('', 0, count);
  }

  /** A block body after `{`, up to (not including) the closing `}`; stops at EOF or a header stop. */
  private blockBody(start: number): Body {
    const base = this.scratch.length;
    const collected = this.scratch as BodyItem[];
    for (;;) {
      const k = this.kind();
      if (k === T.EOF || k === T.CBrace) break;
      if (k === T.Newline) {
        this.p++;
        continue;
      }
      this.bodyItem(collected, false);
    }
    const items = this.takeList<BodyItem>(base);
    this.checkRedefined(items);
    return { kind: 'Body', start, end: this.start(), items };
  }

  /** One attribute or block (or a skipped broken line). */
  private bodyItem(items: BodyItem[], topLevel: boolean): void {
    // At top level the first token may be a flagged header; read it raw so it is not taken as a stop.
    const k = topLevel ? this.kinds[this.p] : this.kind();
    if (k !== T.Ident) {
      if (k === T.CBrace && topLevel) this.error(this.start(), this.end(), 'Unexpected closing brace');
      else this.error(this.start(), this.end(), 'Argument or block definition required');
      this.advance();
      this.skipLine();
      return;
    }
    const name = this.identifier();
    const next = this.kind();
    if (next === T.Equal) {
      items.push(this.attribute(name, false));
      this.endOfItem('Missing newline after argument', 'An argument definition must end with a newline.');
      return;
    }
    if (next === T.OBrace || next === T.OQuote || next === T.Ident) {
      const block = this.block(name);
      items.push(block);
      if (block.closeBrace >= 0) this.endOfItem('Missing newline after block definition', '');
      return;
    }
    // Only a name so far (`foo`), or something unexpected after it.
    const at = name.end;
    this.error(at, at, "Missing '=' or block body");
    items.push({ kind: 'Attribute', start: name.start, end: name.end, name, equals: -1, value: this.invalid(at, at) });
    if (next !== T.Newline && next !== T.EOF && next !== T.CBrace) this.skipLine();
  }

  /** After an item: a line break or the end; else report and skip the rest of the line. */
  private endOfItem(message: string, _detail: string): void {
    const k = this.kind();
    if (k === T.Newline || k === T.EOF) return;
    this.error(this.start(), this.end(), message);
    if (k !== T.CBrace) this.skipLine();
  }

  private attribute(name: Identifier, _singleLine: boolean): Attribute {
    const equals = this.start();
    this.advance();
    let value;
    const k = this.kind();
    if (k === T.Newline || k === T.EOF || k === T.CBrace) {
      this.error(this.prevEnd(), this.prevEnd(), 'Missing expression');
      value = this.invalid(this.prevEnd(), this.prevEnd());
    } else value = parseExpression(this);
    return { kind: 'Attribute', start: name.start, end: Math.max(value.end, equals + 1), name, equals, value };
  }

  private block(type: Identifier): Block {
    const base = this.scratch.length;
    for (;;) {
      const k = this.kind();
      if (k === T.OQuote) this.scratch.push(quotedLabel(this));
      else if (k === T.Ident) {
        const id = this.identifier();
        this.scratch.push({ kind: 'Label', start: id.start, end: id.end, value: id.name, quoted: false, closed: true });
      } else break;
    }
    const labels = this.takeList<Label>(base);
    if (this.kind() !== T.OBrace) {
      const at = this.prevEnd();
      this.error(at, at, "Missing '{' to open the block body");
      this.skipLine();
      const body: Body = { kind: 'Body', start: at, end: at, items: [] };
      return new BlockNode(type.start, at, type, labels, -1, -1, body);
    }
    const openBrace = this.start();
    if (this.skim && this.depth === 0) {
      const block = skimmedBlock(this, type, labels, openBrace);
      if (block) return block;
      this.skimFailed = true;
    }
    if (!this.enter()) {
      const body: Body = { kind: 'Body', start: openBrace + 1, end: this.start(), items: [] };
      return new BlockNode(type.start, this.start(), type, labels, openBrace, -1, body);
    }
    this.advance();
    const next = this.kind();
    let body: Body;
    if (next === T.Newline || next === T.EOF || next === T.CBrace) body = this.blockBody(openBrace + 1);
    else body = this.singleLineBody(openBrace + 1);
    this.leave();
    let closeBrace = -1;
    let end: number;
    if (this.kind() === T.CBrace) {
      closeBrace = this.start();
      end = closeBrace + 1;
      this.advance();
    } else {
      end = this.prevEnd();
      if (!this.tooDeep) this.error(openBrace, openBrace + 1, 'Missing closing brace');
    }
    body.end = closeBrace >= 0 ? closeBrace : Math.max(body.start, end);
    return new BlockNode(type.start, end, type, labels, openBrace, closeBrace, body);
  }

  /** `name { attr = value }` on one line: exactly one attribute. */
  private singleLineBody(start: number): Body {
    const items: BodyItem[] = [];
    if (this.kind() === T.Ident && this.peekKind() === T.Equal) {
      const name = this.identifier();
      items.push(this.attribute(name, true));
      const k = this.kind();
      if (k === T.CBrace || k === T.EOF) return { kind: 'Body', start, end: this.start(), items };
      // Like HCL: a block opened with an argument on the same line must close on that line.
      this.error(this.start(), k === T.Newline ? this.start() : this.end(), 'Invalid single-argument block definition');
      if (k !== T.Newline) this.skipLine();
    } else {
      this.error(this.start(), this.end(), 'Invalid single-argument block definition');
      this.skipLine();
    }
    // Tolerate the rest as an ordinary multi-line body.
    const rest = this.blockBody(start);
    rest.items.unshift(...items);
    return rest;
  }
}
