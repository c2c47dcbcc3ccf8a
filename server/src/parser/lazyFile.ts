// Large documents opened in the editor, parsed a block at a time as the block is first read.
//
// Why: a full parse builds every body's objects at once, and they cannot all stay (a 10,000-block file is ~1
// million nodes), so it packs each body into records that the first check unpacks again (packFormat.ts).
// Building, packing and unpacking cost ~230 ms at 10,000 blocks, and the records ~21 MB of fresh memory.
// Here one regular expression finds the header lines (the sibling skim's scanner, when the text has a `/*`
// that could hide a header line in a comment), each block is guessed to end at the last `}` line before
// the next header, and each block's stretch of text (a tile) is parsed when its body is first read:
// the first check parses a body, checks it and lets it go while its objects are still young.
//
// Tile i runs from block i's start (the text's start for the first) to block i+1's start (the text's end
// for the last), so the comments and blank lines after a block are its tile's. The cuts are only guesses.
// If every tile parses on its own into exactly its guessed block, with no syntax error and without running
// into its end, the lexer was at the top level at every cut and the whole text's parse is these tiles'
// parses one after another (the reasoning of parseInPieces in file.ts). Whether that holds is known once
// every tile was parsed (`settle`), which reading the file's diagnostics, comments or `incrementalUnsafe`
// does. If it does not (a syntax error in a block, a header the expression does not see), the file answers
// like a skimmed sibling (diagnostics and comments from the whole parse, the blocks as guessed) and hands
// that parse to its owner (`settleOpenedFile`), which must use it instead and check the document again.
import type { Body, BodyItem, Span } from './ast';
import { BlockNode, type DeferredBody } from './blockNode';
import { ParsedFile, parseRegion, parseText, type RegionParse } from './file';
import type { HclFile } from './ast';
import { END, HEADER_WORDS, headerWord, matchBrace, Modes } from './braceMatch';
import { shiftBody } from './shift';
import { headerAt, scanTopLevel, type Header } from './topLevelScan';

/**
 * Texts from this many characters on are opened lazily; below, a full parse takes a few milliseconds and
 * a file's tree is built the same way as in every test fixture.
 */
export const OPEN_LAZILY_FROM = 1 << 16;

const UNPARSED = 0;
const CLEAN = 1;
const UNCLEAN = 2;

/**
 * A document opened in the editor: `parseText`'s tree, the bodies of texts from `lazyFrom` characters on
 * parsed as they are read (the tests open small texts lazily too).
 */
export function parseOpenedText(text: string, lazyFrom = OPEN_LAZILY_FROM): HclFile {
  if (text.length < lazyFrom) return parseText(text);
  // A header line inside a `/* */` comment (a block commented out) would be cut at: with `/*` anywhere in
  // the text, the sibling skim's scanner finds the blocks instead, following the lexer's modes.
  const blocks = text.includes('/*') ? (scanTopLevel(text) as BlockNode[] | undefined) : blocksAtHeaderLines(text);
  if (blocks === undefined || blocks.length === 0) return parseText(text);
  return new LazyParsedFile(text, blocks);
}

/** A line that starts as the lexer's header stops do (a header word, spaces, `"` or `{`). */
const HEADER_SOURCE = `(?:${HEADER_WORDS.map(([word]) => word).join('|')})[ \\t]*["{]`;
const HEADER_LINE = new RegExp(`^${HEADER_SOURCE}|^(?:${HEADER_WORDS.map(([word]) => word).join('|')})[ \\t]+[A-Za-z_]`, 'gm');
/** The same right after a byte order mark, where `^` does not match. */
const HEADER_HERE = new RegExp(HEADER_SOURCE, 'y');

/**
 * The top-level blocks as their header lines say: each block runs from its header to the `}` that ends the
 * last line before the next header that is not blank or a comment. These are guesses the tiles' parses
 * check (a wrong one makes the file need its whole parse); found with one regular expression over the
 * text instead of a scan of every character, which the tiles' lexing does anyway. Undefined when there is
 * no header, or a header the lexer stops at is not a plain one (escapes, templates or comments in labels).
 */
function blocksAtHeaderLines(text: string): BlockNode[] | undefined {
  const n = text.length;
  const bom = n > 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const headers: Header[] = [];
  const starts: number[] = [];
  HEADER_HERE.lastIndex = bom;
  HEADER_LINE.lastIndex = 0;
  const first = bom === 1 ? HEADER_HERE.exec(text) : null;
  for (let m = first ?? HEADER_LINE.exec(text); m !== null; m = HEADER_LINE.exec(text)) {
    const pos = m.index;
    // `^` also matches after a lone CR or a Unicode line separator, where the lexer sees no line start.
    if (pos !== bom && (pos === 0 || text.charCodeAt(pos - 1) !== 0x0a)) continue;
    const matchEnd = pos + m[0].length;
    const last = text.charCodeAt(matchEnd - 1);
    // A bare label (`resource aws_instance web {`): the lexer's header stops do not cover it, and no cut
    // would be made there. The whole parse, as the skim's scanner does.
    if (last !== 0x22 && last !== 0x7b) return undefined;
    let wordEnd = pos;
    while (wordEnd < matchEnd && IDENT_START[text.charCodeAt(wordEnd)] === 1) wordEnd++;
    const word = headerWord(text, pos, wordEnd);
    // `locals "x"` is no header stop: the word's own follower decides.
    if (word < 0 || last !== HEADER_WORDS[word][1]) continue;
    const header = headerAt(text, pos, 0);
    if (header === undefined || header === END) return undefined;
    headers.push(header);
    starts.push(pos);
  }
  if (headers.length === 0) return undefined;
  const modes = new Modes();
  const blocks: BlockNode[] = [];
  for (let i = 0; i < headers.length; i++) {
    const { type, labels, openBrace } = headers[i];
    const closeBrace = closingBraceBefore(text, openBrace, i + 1 < starts.length ? starts[i + 1] : n, modes);
    if (closeBrace < 0) return undefined;
    blocks.push(new BlockNode(starts[i], closeBrace + 1, type, labels, openBrace, closeBrace, undefined));
  }
  return blocks;
}

/** Letters and `_`, the characters of the header words (ASCII only: anything else reads as 0). */
const IDENT_START = new Uint8Array(128);
for (let c = 0; c < 128; c++) IDENT_START[c] = /[A-Za-z_]/.test(String.fromCharCode(c)) ? 1 : 0;

/**
 * The `}` closing the block whose `{` is at `openBrace`, the next header being at `next`: the first
 * character of the last line before `next` that is neither blank nor only a comment, when it is a `}`
 * followed by nothing but spaces or a line comment; else the braces matched character by character.
 * -1 when that finds none.
 */
function closingBraceBefore(text: string, openBrace: number, next: number, modes: Modes): number {
  let e = next;
  for (;;) {
    while (e > openBrace && isSpace(text.charCodeAt(e - 1))) e--;
    const lineStart = text.lastIndexOf('\n', e - 1) + 1;
    if (lineStart <= openBrace) break;
    let f = lineStart;
    while (f < e && (text.charCodeAt(f) === 0x20 || text.charCodeAt(f) === 0x09)) f++;
    const c = text.charCodeAt(f);
    if (c === 0x23 || (c === 0x2f && text.charCodeAt(f + 1) === 0x2f)) {
      e = lineStart;
      continue;
    }
    if (c === 0x7d && restIsComment(text, f + 1, e)) return f;
    break;
  }
  const matched = matchBrace(text, openBrace + 1, modes);
  return matched === END ? -1 : matched;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** Whether `text[from, to)` is spaces, then nothing or a line comment. */
function restIsComment(text: string, from: number, to: number): boolean {
  let p = from;
  while (p < to && (text.charCodeAt(p) === 0x20 || text.charCodeAt(p) === 0x09)) p++;
  if (p === to) return true;
  const c = text.charCodeAt(p);
  return c === 0x23 || (c === 0x2f && text.charCodeAt(p + 1) === 0x2f);
}

/**
 * Parses the tiles nobody read yet. Undefined when the file's tree is the whole parse's (and for any other
 * file); else the whole parse, which its owner must use instead.
 */
export function settleOpenedFile(file: HclFile): HclFile | undefined {
  return file instanceof LazyParsedFile && !file.settle() ? file.wholeParse() : undefined;
}

export class LazyParsedFile extends ParsedFile {
  /** Tile i is [tileStarts[i], tileStarts[i + 1]). */
  private readonly tileStarts: Int32Array;
  /** Block i as the scanner found it (reparse moves the block objects themselves into later versions). */
  private readonly blockStarts: Int32Array;
  private readonly blockEnds: Int32Array;
  private readonly openBraces: Int32Array;
  private readonly states: Uint8Array;
  /** Each tile's comments, from its first parse (undefined: none, or not parsed yet). */
  private readonly tileComments: (Span[] | undefined)[];
  private settledAs: boolean | undefined = undefined;
  private readonly flat: string;

  constructor(text: string, blocks: BlockNode[]) {
    super(text, { kind: 'Body', start: 0, end: text.length, items: blocks as BodyItem[] }, [], []);
    this.flat = text;
    const n = blocks.length;
    this.tileStarts = new Int32Array(n + 1);
    for (let i = 1; i < n; i++) this.tileStarts[i] = blocks[i].start;
    this.tileStarts[n] = text.length;
    this.blockStarts = new Int32Array(n);
    this.blockEnds = new Int32Array(n);
    this.openBraces = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      this.blockStarts[i] = blocks[i].start;
      this.blockEnds[i] = blocks[i].end;
      this.openBraces[i] = blocks[i].openBrace;
    }
    this.states = new Uint8Array(n);
    // Filled in place: a larger `new Array(n)` would start as a slow dictionary.
    this.tileComments = [];
    for (let i = 0; i < n; i++) this.tileComments.push(undefined);
    for (let i = 0; i < n; i++) blocks[i].replaceBodyWith(new TileBody(this, i));
  }

  override get diagnostics() {
    this.settle();
    return super.diagnostics;
  }

  override get comments() {
    this.settle();
    return super.comments;
  }

  override get incrementalUnsafe() {
    this.settle();
    return super.incrementalUnsafe;
  }

  /** See `settleOpenedFile`. */
  settle(): boolean {
    if (this.settledAs !== undefined) return this.settledAs;
    for (let i = 0; i < this.states.length; i++) if (this.states[i] === UNPARSED) this.parseTile(i);
    const clean = this.states.every((s) => s === CLEAN);
    if (clean) {
      const comments: Span[] = [];
      for (const list of this.tileComments) if (list !== undefined) for (const c of list) comments.push(c);
      this.currentComments = comments;
    } else {
      const full = parseRegion(this.flat, 0, this.flat.length, true);
      this.whole = full;
      this.currentDiagnostics = full.diagnostics;
      this.currentComments = full.comments;
      this.unsafe = full.itemStartsInTemplate;
    }
    this.settledAs = clean;
    return clean;
  }

  private whole: RegionParse | undefined = undefined;

  /** After `settle` said no: the whole text's parse, as `parseText` gives it. */
  wholeParse(): HclFile {
    const full = this.whole ?? parseRegion(this.flat, 0, this.flat.length, true);
    this.whole = undefined;
    return new ParsedFile(this.flat, full.body, full.diagnostics, full.comments, undefined, full.itemStartsInTemplate);
  }

  /** Where block i started in this file's text. */
  blockStartOf(i: number): number {
    return this.blockStarts[i];
  }

  /** Parses tile i and notes whether it is its block alone, parsed cleanly; returns the block's body. */
  parseTile(i: number): Body {
    const from = this.tileStarts[i];
    const to = this.tileStarts[i + 1];
    const region = parseRegion(this.flat, from, to);
    const items = region.body.items;
    const start = this.blockStarts[i];
    const end = this.blockEnds[i];
    const parsed = items.length === 1 && items[0].kind === 'Block' ? items[0] : undefined;
    const same = parsed !== undefined && parsed.start === start && parsed.end === end && parsed.openBrace === this.openBraces[i];
    if (this.states[i] === UNPARSED) {
      const clean = same && region.diagnostics.length === 0 && !region.touchedEnd && !region.itemStartsInTemplate;
      this.states[i] = clean ? CLEAN : UNCLEAN;
      if (region.comments.length > 0) this.tileComments[i] = region.comments;
    }
    if (same) return parsed.body;
    // Not the scanner's block: the file will be replaced by a full parse; until then, the body as
    // braces-matched text (what a skimmed sibling gives).
    const whole = parseRegion(this.flat, start, end).body.items[0];
    return whole?.kind === 'Block' ? whole.body : { kind: 'Body', start: end - 1, end: end - 1, items: [] };
  }
}

/** A block body kept as its tile of a lazily parsed file until first read. */
class TileBody implements DeferredBody {
  constructor(
    private readonly file: LazyParsedFile,
    private readonly tile: number,
  ) {}

  unpack(blockStart: number): Body {
    const body = this.file.parseTile(this.tile);
    const original = this.file.blockStartOf(this.tile);
    if (blockStart !== original) shiftBody(body, blockStart - original);
    return body;
  }
}
