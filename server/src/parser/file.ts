// Full parses and the HclFile object they produce.
import type { Body, BodyItem, HclFile, LineIndex, Range, Span, SyntaxDiagnostic } from './ast';
import { DocumentText } from './documentText';
import { lex, TokenBuffer, type LexResult } from './lexer';
import { TextLineIndex } from './lineIndex';
import { PackStore } from './packFormat';
import { Parser } from './parser';
import type { Tokens } from './tokens';
import { scanTopLevel } from './topLevelScan';

export class ParsedFile implements HclFile {
  readonly lines: TextLineIndex;
  readonly source: DocumentText;
  protected currentBody: Body;
  protected currentDiagnostics: readonly SyntaxDiagnostic[];
  protected currentComments: readonly Span[];
  protected unsafe: boolean;
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
let shared = new TokenBuffer();

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
  shared.reserve(expectedTokens(to - from));
  const lexed: LexResult = lex(text, from, to, false, shared);
  // Most regions (every block of a large opened document is one) have no problem: no closure, no copy.
  const diagnostics: SyntaxDiagnostic[] =
    lexed.problems.length === 0 ? [] : lexed.problems.map((d) => ({ start: d.start, end: d.end, message: d.message, severity: 'error' }));
  const store = pack ? new PackStore(to - from) : undefined;
  const parser = new Parser(text, shared, diagnostics, store);
  const body = parser.parseFile(from, to);
  releaseLargeBuffer();
  sortDiagnostics(diagnostics);
  const comments: Span[] = [];
  const c = lexed.comments;
  for (let i = 0; i < c.length; i += 2) comments.push({ start: c[i], end: c[i + 1] });
  return { body, diagnostics, comments, touchedEnd: parser.sawEof || lexed.hitEnd, itemStartsInTemplate: parser.itemStartsInTemplate };
}

export function sortDiagnostics(diagnostics: SyntaxDiagnostic[]): void {
  // Array.prototype.sort is stable: equal starts keep lexer-then-parser order.
  if (diagnostics.length > 1) diagnostics.sort((a, b) => a.start - b.start);
}

/**
 * The top-level structure of `text` for a file that is only read for what it declares (a module's file that
 * is not open): each block's body is parsed from the text the first time it is read, the file's diagnostics
 * and comments by a full parse the first time they are read. Where the skim cannot match the blocks as the
 * full parse does (a lexer problem, a syntax error outside the bodies, an unclosed block, a top-level item
 * that is not a block at a header stop), it is that full parse.
 *
 * For text without syntax errors the tree is the full parse's. A body with a syntax error can end earlier
 * in the full parse than its braces say; the skim keeps the braces' extent. The top-level blocks at header
 * stops (every declaration a module reads) are the same either way: neither parse crosses a header stop.
 *
 * The blocks are found by a scan of the characters (topLevelScan.ts); where that is unsure, on the tokens.
 */
export function skimText(text: string): HclFile {
  const items = scanTopLevel(text);
  if (items !== undefined) return new SkimmedFile(text, { kind: 'Body', start: 0, end: text.length, items });
  return skimTokens(text);
}

/** The skim on the lexer's tokens (see skimText): exported for the tests that hold the scanner to it. */
export function skimTokens(text: string): HclFile {
  shared.reserve(expectedTokens(text.length));
  const lexed = lex(text, 0, text.length, false, shared);
  if (lexed.problems.length > 0) return parseText(text);
  const diagnostics: SyntaxDiagnostic[] = [];
  const parser = new Parser(text, shared, diagnostics, undefined, true);
  const body = parser.parseFile(0, text.length);
  releaseLargeBuffer();
  if (parser.skimFailed || diagnostics.length > 0 || parser.itemStartsInTemplate) return parseText(text);
  return new SkimmedFile(text, body);
}

export class SkimmedFile extends ParsedFile {
  private full?: RegionParse;

  constructor(text: string | DocumentText, body: Body) {
    super(text, body, [], []);
  }

  override get diagnostics(): readonly SyntaxDiagnostic[] {
    return this.fullParse().diagnostics;
  }

  override get comments(): readonly Span[] {
    return this.fullParse().comments;
  }

  private fullParse(): RegionParse {
    this.full ??= parseRegion(this.text, 0, this.text.length, true);
    return this.full;
  }
}

/**
 * The shared token buffer grows to the largest text parsed (~10 bytes per token, ~30 MB for a 15 MB file);
 * keystrokes re-parse a few blocks. Past this many tokens it is dropped after the parse: a 15 MB document
 * then costs its allocation once per full parse instead of its memory for the server's lifetime.
 */
const KEEP_TOKENS = 1 << 18;

/** Configuration has ~0.16 (plain resources) to ~0.35 (dense expressions) tokens per character. */
function expectedTokens(chars: number): number {
  return Math.ceil(chars / 5);
}

function releaseLargeBuffer(): void {
  if (shared.kinds.length > KEEP_TOKENS) shared = new TokenBuffer();
}

export function parseText(text: string): HclFile {
  const region = (text.length >= PIECES_FROM ? parseInPieces(text, PIECE) : undefined) ?? parseRegion(text, 0, text.length, true);
  return new ParsedFile(text, region.body, region.diagnostics, region.comments, undefined, region.itemStartsInTemplate);
}

/** Texts from this many characters on are parsed in pieces (`parseInPieces`). */
const PIECES_FROM = 2 << 20;
/** About this many characters a piece: ~200,000 tokens, within the buffer kept between parses (KEEP_TOKENS). */
const PIECE = 1 << 20;

/**
 * The full parse of a large text, made a piece at a time: each piece is lexed into the same token buffer,
 * so a 14 MB file needs the tokens of 1 MB (10 bytes each) instead of 22 MB of them, and fresh memory is
 * slow to fault in (docs/performance.md). Pieces end where a line starts after a line that is just `}`.
 * The result is the whole-text parse's as long as every piece parses on its own: undefined (parse the whole
 * text) when a piece has a syntax error, runs into its end, or starts inside a template, or when the text
 * has top-level attributes (their redefinition is checked across the whole body).
 */
export function parseInPieces(text: string, pieceChars: number): RegionParse | undefined {
  const items: BodyItem[] = [];
  const comments: Span[] = [];
  // One buffer for every piece, as large as is kept between parses: a piece a little larger than the one
  // before would otherwise get buffers of its own.
  shared.reserve(KEEP_TOKENS);
  for (let from = 0; from < text.length; ) {
    const to = pieceEnd(text, from + pieceChars);
    const piece = parseRegion(text, from, to, true);
    if (piece.touchedEnd || piece.diagnostics.length > 0 || piece.itemStartsInTemplate) return undefined;
    for (const item of piece.body.items) {
      if (item.kind !== 'Block') return undefined;
      items.push(item);
    }
    for (const comment of piece.comments) comments.push(comment);
    from = to;
  }
  return { body: { kind: 'Body', start: 0, end: text.length, items }, diagnostics: [], comments, touchedEnd: false, itemStartsInTemplate: false };
}

/** The start of the first line from `at` on that follows a line holding just `}`; the text's end if none. */
function pieceEnd(text: string, at: number): number {
  for (let i = Math.max(at - 1, 0); i < text.length; ) {
    const brace = text.indexOf('\n}', i);
    if (brace < 0) break;
    let next = brace + 2;
    if (text.charCodeAt(next) === 0x0d) next++;
    if (text.charCodeAt(next) === 0x0a) return next + 1;
    i = brace + 2;
  }
  return text.length;
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
