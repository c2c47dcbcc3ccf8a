// The top-level scanner of a skim (see skimText in file.ts): finds each top-level block's header and the `}`
// that closes it by walking the characters once, without a token per word. For a 15 MB module file that is
// the difference between lexing ~3 million tokens into ~30 MB of arrays and one pass over the text.
//
// It follows the lexer's modes exactly where they decide what a brace is (quoted strings with their
// escapes, `${`/`%{` sequences with their own brace counts, heredocs with their closing markers, comments),
// and it answers only when the token skim would have given the same blocks: any lexer problem (an invalid
// character, a lone CR, an unclosed comment), a header stop inside a body, an unclosed block, anything but
// a block at a line start at the top level, or a header it does not read plainly (comments, escapes or
// templates in labels) and it answers undefined, so the caller skims on tokens (which parses in full where
// it must). Being unsure costs time, never a different tree. The bodies' braces are matched in braceMatch.ts.
import type { BodyItem, Identifier, Label } from './ast';
import { BlockNode } from './blockNode';
import { END, HEADER_WORDS, headerWord, IDENT_TABLE as IDENTS, lineEnd, matchBrace, Modes } from './braceMatch';
import { RegionBody } from './regionBody';

// A local copy: under the test runner's per-file transform, imported bindings are getters (slow in loops).
const IDENT_TABLE = IDENTS;

/** Where a header's labels are collected (see blockAt). */
const LABELS: Label[] = [];

/**
 * The top-level blocks of `text` with their bodies deferred (parsed from the text on first read), exactly
 * as the token skim finds them; undefined where that is not certain.
 */
export function scanTopLevel(text: string): BodyItem[] | undefined {
  const items: BodyItem[] = [];
  return scanItems(text, items, true, 0) < 0 ? undefined : items;
}

/**
 * Scans `text`, the part of a file that starts at offset `base`, appending its top-level blocks to `items`
 * (offsets in the file). With `final` the text runs to the file's end: the answer is its length, or -1 when
 * unsure. Without, the text is a piece of a file read in pieces: the answer is how far it is done, at the
 * line break after the last whole block (the rest comes again at the front of the next piece, with more
 * after it), or -1 when unsure whatever follows. Everything decided inside a piece is decided as on the whole
 * text: a look past the end (`\r` then what?) never completes a block, it only runs into the end.
 */
export function scanItems(text: string, items: BodyItem[], final: boolean, base: number): number {
  const n = text.length;
  const bom = base === 0 && n > 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const modes = new Modes();
  let done = 0;
  let pos = bom;
  for (;;) {
    pos = skipBetweenItems(text, pos);
    if (pos === END) return final ? -1 : done;
    if (pos < 0) return -1;
    if (pos >= n) return final ? n : done;
    // A header stop: at a line start (the lexer's column 0; after a BOM the full parse reads the first block
    // the same way, flagged or not).
    if (!((base === 0 && pos === bom) || text.charCodeAt(pos - 1) === 0x0a)) return -1;
    const block = blockAt(text, pos, modes, base);
    if (block === END) return final ? -1 : done;
    if (block === undefined) return -1;
    pos = afterBlock(text, block.end - base);
    if (pos === END || (pos >= n && !final)) return final ? -1 : done;
    if (pos < 0) return -1;
    items.push(block);
    done = pos;
  }
}

/** Spaces, line breaks and comments before a top-level item: the position after them, -1 on a problem. */
function skipBetweenItems(text: string, pos: number): number {
  const n = text.length;
  while (pos < n) {
    const c = text.charCodeAt(pos);
    if (c === 0x20 || c === 0x09 || c === 0x0a) pos++;
    else if (c === 0x0d) {
      if (pos + 1 >= n) return END;
      if (text.charCodeAt(pos + 1) === 0x0a) pos += 2;
      else return -1;
    } else {
      const after = pastComment(text, pos, c);
      if (after === NOT_A_COMMENT) return pos;
      if (after === END) return END;
      pos = after;
    }
  }
  return pos;
}

// Apart from END (-2) and from every position.
const NOT_A_COMMENT = -3;

/**
 * At `pos` (holding `c`): the position past a comment that starts there, END when the text ends inside it
 * (or on a lone `/`), NOT_A_COMMENT when none starts there.
 */
function pastComment(text: string, pos: number, c: number): number {
  if (c === 0x23 || (c === 0x2f && text.charCodeAt(pos + 1) === 0x2f)) return lineEnd(text, pos);
  if (c !== 0x2f) return NOT_A_COMMENT;
  if (pos + 1 >= text.length) return END;
  if (text.charCodeAt(pos + 1) !== 0x2a) return NOT_A_COMMENT;
  const close = text.indexOf('*/', pos + 2);
  return close < 0 ? END : close + 2;
}

/**
 * After a block's `}`: the parser wants a line break or the end next (comments are not tokens). The position
 * there (the end of the text included), END when the text ends inside a comment, -1 when something else follows.
 */
function afterBlock(text: string, pos: number): number {
  const n = text.length;
  while (pos < n) {
    const c = text.charCodeAt(pos);
    if (c === 0x20 || c === 0x09) pos++;
    else if (c === 0x0a) return pos;
    else if (c === 0x0d) {
      if (pos + 1 >= n) return END;
      return text.charCodeAt(pos + 1) === 0x0a ? pos : -1;
    } else {
      const after = pastComment(text, pos, c);
      if (after === NOT_A_COMMENT) return -1;
      if (after === END) return END;
      pos = after;
    }
  }
  return pos;
}


/** A top-level block's header: its type, its labels and its `{`, in file offsets. */
export interface Header {
  type: Identifier;
  labels: Label[];
  openBrace: number;
}

/**
 * The block whose header starts at `pos` (offsets in the file are `base` on), its body matched but not
 * parsed; END when the text ends first, undefined when unsure.
 */
function blockAt(text: string, pos: number, modes: Modes, base: number): BlockNode | typeof END | undefined {
  const header = headerAt(text, pos, base);
  if (header === END || header === undefined) return header;
  const openBrace = header.openBrace - base;
  const closeBrace = matchBrace(text, openBrace + 1, modes);
  if (closeBrace === END) return END;
  if (closeBrace < 0) return undefined;
  const block = new BlockNode(base + pos, base + closeBrace + 1, header.type, header.labels, base + openBrace, base + closeBrace, undefined);
  // Parsed from this text when first read, and moved to the block's place in the file.
  block.replaceBodyWith(new RegionBody(text, pos, closeBrace + 1));
  return block;
}

/**
 * The header of a block that starts at `pos` as the lexer reads one (a header word, then plain labels, then
 * `{`); END when the text ends first, undefined when it is not one or not a plain one.
 */
export function headerAt(text: string, pos: number, base: number): Header | typeof END | undefined {
  const n = text.length;
  let p = pos;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (c >= 128 || IDENT_TABLE[c] === 0) break;
    p++;
  }
  if (p >= n) return END;
  if (IDENT_TABLE[text.charCodeAt(pos)] !== 1) return undefined;
  const word = headerWord(text, pos, p);
  if (word < 0) return undefined;
  const follow = HEADER_WORDS[word][1];
  // The list's own string: thousands of blocks share one `resource` instead of a copy each.
  const type: Identifier = { kind: 'Identifier', start: base + pos, end: base + p, name: HEADER_WORDS[word][0] };
  const labels = LABELS;
  labels.length = 0;
  for (;;) {
    while (p < n && (text.charCodeAt(p) === 0x20 || text.charCodeAt(p) === 0x09)) p++;
    if (p >= n) return END;
    const c = text.charCodeAt(p);
    // The lexer's header test: the word, spaces, then `"` (or `{` for blocks without labels).
    if (labels.length === 0 && c !== follow) return undefined;
    if (c === 0x7b) break;
    if (c === 0x22) {
      // A plain quoted label: no escapes, no template sequences, closed on its line.
      let e = p + 1;
      for (; e < n; e++) {
        const d = text.charCodeAt(e);
        if (d === 0x22 || d === 0x0a || d === 0x0d || d === 0x5c) break;
        if ((d === 0x24 || d === 0x25) && e + 1 < n && text.charCodeAt(e + 1) === 0x7b) return undefined;
      }
      if (e + 1 >= n) return END;
      if (text.charCodeAt(e) !== 0x22) return undefined;
      labels.push({ kind: 'Label', start: base + p, end: base + e + 1, value: text.slice(p + 1, e), quoted: true, closed: true });
      p = e + 1;
    } else if (c < 128 && IDENT_TABLE[c] === 1) {
      const s = p;
      while (p < n && text.charCodeAt(p) < 128 && IDENT_TABLE[text.charCodeAt(p)] !== 0) p++;
      if (p >= n) return END;
      if (text.charCodeAt(p) >= 128) return undefined;
      labels.push({ kind: 'Label', start: base + s, end: base + p, value: text.slice(s, p), quoted: false, closed: true });
    } else return undefined;
  }
  // An exact-size copy: an array grown by push keeps room for 17 elements, for every block of the file.
  const kept: Label[] = labels.length === 2 ? [labels[0], labels[1]] : labels.length === 1 ? [labels[0]] : labels.slice();
  labels.length = 0;
  return { type, labels: kept, openBrace: base + p };
}
