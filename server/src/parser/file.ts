// Full parses and the HclFile object they produce.
import type { Body, HclFile, LineIndex, Range, Span, SyntaxDiagnostic } from './ast';
import { DocumentText } from './documentText';
import { lex, TokenBuffer, type LexResult } from './lexer';
import { TextLineIndex } from './lineIndex';
import { PackStore } from './packFormat';
import { Parser } from './parser';
import type { Tokens } from './tokens';

export class ParsedFile implements HclFile {
  readonly lines: TextLineIndex;
  readonly source: DocumentText;
  private currentBody: Body;
  private currentDiagnostics: readonly SyntaxDiagnostic[];
  private currentComments: readonly Span[];
  private unsafe: boolean;
  /** Set when a reparse moved this version's later nodes into the next version (see `supersede`). */
  private superseded = false;

  constructor(
    text: string | DocumentText,
    body: Body,
    diagnostics: readonly SyntaxDiagnostic[],
    comments: readonly Span[],
    lineStarts?: Int32Array,
    /** Some top-level item starts inside an unclosed template: incremental re-parse must not be used. */
    incrementalUnsafe = false,
  ) {
    this.source = typeof text === 'string' ? DocumentText.of(text) : text;
    this.lines = new TextLineIndex(this.source, lineStarts);
    this.currentBody = body;
    this.currentDiagnostics = diagnostics;
    this.currentComments = comments;
    this.unsafe = incrementalUnsafe;
  }

  get text(): string {
    return this.source.toString();
  }

  slice(start: number, end: number): string {
    return this.source.slice(start, end);
  }

  get body(): Body {
    if (this.superseded) this.rematerialize();
    return this.currentBody;
  }

  get diagnostics(): readonly SyntaxDiagnostic[] {
    if (this.superseded) this.rematerialize();
    return this.currentDiagnostics;
  }

  get comments(): readonly Span[] {
    if (this.superseded) this.rematerialize();
    return this.currentComments;
  }

  get incrementalUnsafe(): boolean {
    if (this.superseded) this.rematerialize();
    return this.unsafe;
  }

  rangeOf(span: Span): Range {
    const lines: LineIndex = this.lines;
    return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
  }

  /**
   * Called by reparse after it moved (shifted in place) this version's nodes behind the edit into the new
   * version. This file stays valid: its tree is rebuilt by a full parse the next time anyone asks for it.
   * Node objects taken from it before the reparse may now carry the new version's offsets.
   */
  supersede(): void {
    this.superseded = true;
  }

  private rematerialize(): void {
    this.superseded = false;
    const region = parseRegion(this.text, 0, this.text.length, true);
    this.currentBody = region.body;
    this.currentDiagnostics = region.diagnostics;
    this.currentComments = region.comments;
    this.unsafe = region.itemStartsInTemplate;
  }
}

// One buffer reused by every parse: parsing is synchronous and the tree keeps no reference to tokens.
const shared = new TokenBuffer();

export interface RegionParse {
  body: Body;
  diagnostics: SyntaxDiagnostic[];
  comments: Span[];
  /** A construct ran into the end of the region (or the lexer did): the region is not self-contained. */
  touchedEnd: boolean;
  /** Some item starts while the lexer is inside an unclosed template. */
  itemStartsInTemplate: boolean;
}

/**
 * Parses `text[from, to)` as a sequence of top-level items. `pack` stores block bodies as records until
 * first read (packFormat.ts): right for whole files, where most bodies may never be read; an incremental
 * region's blocks are read at once, so they stay objects.
 */
export function parseRegion(text: string, from: number, to: number, pack = false): RegionParse {
  const lexed: LexResult = lex(text, from, to, false, shared);
  const diagnostics: SyntaxDiagnostic[] = lexed.problems.map((d) => ({ start: d.start, end: d.end, message: d.message, severity: 'error' }));
  const parser = new Parser(text, shared, diagnostics, pack ? new PackStore(to - from) : undefined);
  const body = parser.parseFile(from, to);
  sortDiagnostics(diagnostics);
  const comments: Span[] = [];
  const c = lexed.comments;
  for (let i = 0; i < c.length; i += 2) comments.push({ start: c[i], end: c[i + 1] });
  return { body, diagnostics, comments, touchedEnd: parser.sawEof || lexed.hitEnd, itemStartsInTemplate: parser.itemStartsInTemplate };
}

export function sortDiagnostics(diagnostics: SyntaxDiagnostic[]): void {
  // Array.prototype.sort is stable: equal starts keep lexer-then-parser order.
  diagnostics.sort((a, b) => a.start - b.start);
}

export function parseText(text: string): HclFile {
  const region = parseRegion(text, 0, text.length, true);
  return new ParsedFile(text, region.body, region.diagnostics, region.comments, undefined, region.itemStartsInTemplate);
}

/** The token stream of `text` including comments (for the formatter); a fresh copy the caller may keep. */
export function tokenizeText(text: string): Tokens {
  const buffer = new TokenBuffer();
  lex(text, 0, text.length, true, buffer);
  const n = buffer.count;
  return {
    text,
    count: n,
    kinds: buffer.kinds.slice(0, n),
    starts: buffer.starts.slice(0, n),
    ends: buffer.ends.slice(0, n),
    flags: buffer.flags.slice(0, n),
  };
}
