// The layout pass: the same decisions as HashiCorp's hclwrite formatter (which `terraform fmt` runs), made
// over our token stream. Only the whitespace between tokens changes; every token's text is written back
// byte for byte, so comments, string contents and heredoc bodies are never touched.
//
// hclwrite thinks in lines. Each line is split into up to three cells: the "lead" (everything before an
// attribute's `=`), the "assign" (from `=` to the line end, only when the right-hand side closes on the same
// line) and a trailing line comment. Then three passes run:
//   1. indentation: two spaces per still-open bracket level, tracked per line (a line that opens three
//      brackets adds one level, and the line that closes them removes it again);
//   2. spacing between neighbouring tokens inside a cell (`spaceAfter` below);
//   3. alignment: consecutive lines that have an assign cell line their `=` up, and consecutive lines with a
//      trailing comment line those up.
import { TokenKind as T, type Tokens } from '../parser';

/** Token kinds plus one of ours: a line comment together with the line break that ends it (as hclsyntax lexes it). */
const LINE_COMMENT = 250;

/** The tokens to lay out: kinds, source spans, and the spaces to write before each token. */
interface LayoutTokens {
  readonly text: string;
  readonly count: number;
  readonly kinds: Uint8Array;
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  readonly spaces: Int32Array;
}

export interface LayoutResult {
  /**
   * The laid-out text, without anything after the last token (the caller decides how the file ends). Built
   * when asked: an editor's formatting needs only the spaces (a 10,000-block file's text is ~3 million
   * pieces joined, ~200 ms and a large part of the formatter's memory).
   */
  text(): string;
  /** Whether that text ends with a line break (a newline token or a line comment is the last token). */
  endsWithLineBreak: boolean;
  /** For each token of the layout (EOF excluded): its offset in the source and the spaces written before it. */
  tokenStarts: Uint32Array;
  tokenEnds: Uint32Array;
  spacesBefore: Int32Array;
}

/**
 * Lays out a token stream. Returns undefined when something other than spaces and tabs sits between two
 * tokens (that would be text the formatter could lose), which only happens for input the parser rejects.
 */
export function layout(tokens: Tokens): LayoutResult | undefined {
  const t = mergeLineComments(tokens);
  if (!gapsAreBlank(t)) return undefined;
  const lines = splitLines(t);
  indent(t, lines);
  space(t, lines);
  align(t, lines);
  const last = t.count > 0 ? t.text.charCodeAt(t.ends[t.count - 1] - 1) : 0;
  return {
    text: () => laidText(t),
    endsWithLineBreak: last === 0x0a || last === 0x0d,
    tokenStarts: t.starts.subarray(0, t.count),
    tokenEnds: t.ends.subarray(0, t.count),
    spacesBefore: t.spaces.subarray(0, t.count),
  };
}

function laidText(t: LayoutTokens): string {
  const parts: string[] = [];
  for (let i = 0; i < t.count; i++) {
    if (t.spaces[i] > 0) parts.push(' '.repeat(t.spaces[i]));
    parts.push(t.text.slice(t.starts[i], t.ends[i]));
  }
  return parts.join('');
}

/**
 * hclsyntax lexes a `#`/`//` comment together with its line break, and hclwrite relies on that (such a
 * comment ends the line and can be a trailing-comment cell). Our lexer keeps them apart; join them here.
 * The EOF token is dropped: it has no text and belongs to no line.
 */
function mergeLineComments(tokens: Tokens): LayoutTokens {
  const n = tokens.count - 1; // without EOF
  const kinds = new Uint8Array(n);
  const starts = new Uint32Array(n);
  const ends = new Uint32Array(n);
  const text = tokens.text;
  let count = 0;
  for (let i = 0; i < n; i++) {
    let kind = tokens.kinds[i];
    const start = tokens.starts[i];
    let end = tokens.ends[i];
    if (kind === T.Comment && isLineComment(text, start)) {
      if (i + 1 < n && tokens.kinds[i + 1] === T.Newline && tokens.starts[i + 1] === end) {
        end = tokens.ends[++i];
        kind = LINE_COMMENT;
      }
    }
    kinds[count] = kind;
    starts[count] = start;
    ends[count] = end;
    count++;
  }
  return { text, count, kinds, starts, ends, spaces: new Int32Array(count) };
}

function isLineComment(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c === 0x23 || (c === 0x2f && text.charCodeAt(at + 1) === 0x2f);
}

/** Whitespace between tokens must be spaces and tabs only (a leading byte-order mark is dropped, as terraform does). */
function gapsAreBlank(t: LayoutTokens): boolean {
  let pos = t.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let i = 0; i < t.count; i++) {
    for (let p = pos; p < t.starts[i]; p++) {
      const c = t.text.charCodeAt(p);
      if (c !== 0x20 && c !== 0x09) return false;
    }
    pos = t.ends[i];
  }
  for (let p = pos; p < t.text.length; p++) {
    const c = t.text.charCodeAt(p);
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return true;
}

// ----- lines and cells -------------------------------------------------------------------------------------

/** Per line, token index ranges: the lead is [start, leadEnd), the assign cell [assign, assignEnd). */
interface Lines {
  count: number;
  start: Int32Array;
  leadEnd: Int32Array;
  /** First token of the assign cell, or -1. The assign cell ends where the comment (or the line) starts. */
  assign: Int32Array;
  /** End of the assign cell (exclusive); meaningful only when `assign >= 0`. */
  assignEnd: Int32Array;
  /** Index of the trailing comment token, or -1. */
  comment: Int32Array;
}

function endsLine(kind: number): boolean {
  return kind === T.Newline || kind === LINE_COMMENT;
}

function bracketChange(kind: number): number {
  switch (kind) {
    case T.OBrace: case T.OBrack: case T.OParen: case T.TemplateInterp: case T.TemplateControl:
      return 1;
    case T.CBrace: case T.CBrack: case T.CParen: case T.TemplateSeqEnd:
      return -1;
    default:
      return 0;
  }
}

function splitLines(t: LayoutTokens): Lines {
  let n = 1;
  for (let i = 0; i < t.count; i++) if (endsLine(t.kinds[i])) n++;
  const lines: Lines = {
    count: n,
    start: new Int32Array(n),
    leadEnd: new Int32Array(n),
    assign: new Int32Array(n).fill(-1),
    assignEnd: new Int32Array(n),
    comment: new Int32Array(n).fill(-1),
  };
  let li = 0;
  let lineStart = 0;
  for (let i = 0; i < t.count; i++) {
    if (endsLine(t.kinds[i])) {
      lines.start[li] = lineStart;
      lines.leadEnd[li] = i + 1;
      lineStart = i + 1;
      li++;
    }
  }
  lines.start[li] = lineStart;
  lines.leadEnd[li] = t.count;

  for (let l = 0; l < n; l++) {
    const s = lines.start[l];
    let e = lines.leadEnd[l];
    if (e === s) continue;
    const lastKind = t.kinds[e - 1];
    if (e - s > 1 && (lastKind === T.Comment || lastKind === LINE_COMMENT)) {
      lines.comment[l] = e - 1;
      e--;
      lines.leadEnd[l] = e;
    }
    for (let i = s + 1; i < e; i++) {
      if (t.kinds[i] !== T.Equal) continue;
      // Only a right-hand side that closes on this line is an alignable assignment; `x = {` opens a
      // multi-line value and stays in the lead.
      let net = 0;
      for (let j = i; j < e; j++) net += bracketChange(t.kinds[j]);
      if (net === 0) {
        lines.assign[l] = i;
        lines.assignEnd[l] = e;
        lines.leadEnd[l] = i;
      }
      break;
    }
  }
  return lines;
}

// ----- pass 1: indentation ---------------------------------------------------------------------------------

function indent(t: LayoutTokens, lines: Lines): void {
  // How many brackets each still-open indent level opened; a level closes once all of them are closed.
  const levels: number[] = [];
  for (let l = 0; l < lines.count; l++) {
    const s = lines.start[l];
    const e = lines.leadEnd[l];
    if (e === s) continue;
    if (t.kinds[s] === T.Newline) {
      t.spaces[s] = 0; // blank lines carry no spaces
      continue;
    }
    let net = 0;
    for (let i = s; i < e; i++) {
      net += bracketChange(t.kinds[i]);
      if (t.kinds[i] === T.OHeredoc) break;
    }
    if (lines.assign[l] >= 0) for (let i = lines.assign[l]; i < lines.assignEnd[l]; i++) net += bracketChange(t.kinds[i]);
    if (net > 0) {
      t.spaces[s] = 2 * levels.length;
      levels.push(net);
    } else {
      let closed = -net;
      while (closed > 0 && levels.length > 0) {
        const top = levels[levels.length - 1];
        if (closed > top) {
          closed -= top;
          levels.pop();
        } else if (closed < top) {
          levels[levels.length - 1] = top - closed;
          closed = 0;
        } else {
          levels.pop();
          closed = 0;
        }
      }
      t.spaces[s] = 2 * levels.length;
    }
  }
}

// ----- pass 2: spaces between tokens -----------------------------------------------------------------------

const NONE = -1;

function space(t: LayoutTokens, lines: Lines): void {
  for (let l = 0; l < lines.count; l++) {
    spaceCell(t, lines.start[l], lines.leadEnd[l]);
    const a = lines.assign[l];
    if (a >= 0) {
      t.spaces[a] = 1;
      spaceCell(t, a, lines.assignEnd[l]);
    }
  }
}

function spaceCell(t: LayoutTokens, from: number, to: number): void {
  for (let i = from; i < to - 1; i++) {
    t.spaces[i + 1] = spaceAfter(t, i, i > from ? i - 1 : NONE, i + 1) ? 1 : 0;
  }
}

function kindOf(t: LayoutTokens, i: number): number {
  return i === NONE ? NONE : t.kinds[i];
}

/** Whether a space goes between token `subject` and token `after` (`before` precedes subject in the cell, or NONE). */
function spaceAfter(t: LayoutTokens, subject: number, before: number, after: number): boolean {
  const s = t.kinds[subject];
  const a = t.kinds[after];
  const b = kindOf(t, before);
  if (a === T.Newline) return false;
  if (s === T.Ident && a === T.OParen) return false; // f(x)
  if ((s === T.Ident && a === T.DoubleColon) || (s === T.DoubleColon && a === T.Ident)) return false; // provider::aws::f
  if (s === T.Dot || a === T.Dot) return false; // a.b
  if (a === T.Comma || a === T.Ellipsis) return false;
  if (s === T.Comma) return true;
  // Inside templates, literal text is written exactly as it is.
  if (s === T.QuotedLit || s === T.StringLit || s === T.OQuote || s === T.OHeredoc) return false;
  if (a === T.QuotedLit || a === T.StringLit || a === T.CQuote || a === T.CHeredoc) return false;
  // `[for x in [foo] : x]`: `in` after an identifier is the keyword, not a name being indexed.
  if (s === T.Ident && b === T.Ident && isIn(t, subject)) return true;
  if (a === T.OBrack && (s === T.Ident || s === T.Number || bracketChange(s) < 0)) return false; // a[0], f(x)[0]
  if (s === T.Bang) return false;
  if (s === T.Minus) return !minusIsNegation(b);
  if (s === T.OBrace || a === T.CBrace) return !(s === T.OBrace && a === T.CBrace); // { a = 1 }, but {}
  if ((s === T.TemplateInterp || s === T.TemplateControl) && a === T.OBrace) return true; // "${ {a = 1} }"
  if (s === T.CBrace && a === T.TemplateSeqEnd) return true;
  if (s === T.TemplateSeqEnd && (a === T.TemplateInterp || a === T.TemplateControl)) return false;
  if (bracketChange(s) > 0) return false;
  if (bracketChange(a) < 0) return false;
  return true;
}

function isIn(t: LayoutTokens, i: number): boolean {
  return t.ends[i] - t.starts[i] === 2 && t.text.startsWith('in', t.starts[i]);
}

/** A minus after something that cannot end an operand is a negation (`-1`, `a - -b`), which takes no space. */
function minusIsNegation(before: number): boolean {
  switch (before) {
    case NONE:
    case T.OParen: case T.OBrace: case T.OBrack: case T.Equal: case T.Colon: case T.Comma: case T.Question:
    case T.Plus: case T.Star: case T.Slash: case T.Percent: case T.Minus:
    case T.EqualOp: case T.NotEqual: case T.Gt: case T.Gte: case T.Lt: case T.Lte:
    case T.And: case T.Or: case T.Bang:
      return true;
    default:
      return false;
  }
}

// ----- pass 3: alignment -----------------------------------------------------------------------------------

let segmenter: Intl.Segmenter | undefined;

/** Display width as hclwrite counts it: spaces plus grapheme clusters. */
function columns(t: LayoutTokens, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    n += t.spaces[i];
    const s = t.starts[i];
    const e = t.ends[i];
    let ascii = true;
    for (let p = s; p < e; p++) {
      if (t.text.charCodeAt(p) > 0x7f) {
        ascii = false;
        break;
      }
    }
    if (ascii) n += e - s;
    else {
      segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
      for (const _ of segmenter.segment(t.text.slice(s, e))) n++;
    }
  }
  return n;
}

function align(t: LayoutTokens, lines: Lines): void {
  // `=` of consecutive assignment lines.
  let chainStart = -1;
  let widest = 0;
  const closeAssign = (end: number) => {
    for (let l = chainStart; l < end; l++) t.spaces[lines.assign[l]] = widest - columns(t, lines.start[l], lines.leadEnd[l]) + 1;
    chainStart = -1;
    widest = 0;
  };
  for (let l = 0; l < lines.count; l++) {
    if (lines.assign[l] < 0) {
      if (chainStart !== -1) closeAssign(l);
      continue;
    }
    if (chainStart === -1) chainStart = l;
    widest = Math.max(widest, columns(t, lines.start[l], lines.leadEnd[l]));
  }
  if (chainStart !== -1) closeAssign(lines.count);

  // Trailing comments of consecutive lines (measured after the `=` moved).
  const width = (l: number) =>
    columns(t, lines.start[l], lines.leadEnd[l]) + (lines.assign[l] >= 0 ? columns(t, lines.assign[l], lines.assignEnd[l]) : 0);
  const closeComments = (end: number) => {
    for (let l = chainStart; l < end; l++) t.spaces[lines.comment[l]] = widest - width(l) + 1;
    chainStart = -1;
    widest = 0;
  };
  for (let l = 0; l < lines.count; l++) {
    if (lines.comment[l] < 0) {
      if (chainStart !== -1) closeComments(l);
      continue;
    }
    if (chainStart === -1) chainStart = l;
    widest = Math.max(widest, width(l));
  }
  if (chainStart !== -1) closeComments(lines.count);
}
