// The lexer: one pass over the text producing the flat token stream (see tokens.ts).
//
// HCL's lexical grammar depends on context (a `}` may close a block or an interpolation; inside quotes and
// heredocs text is literal), so the lexer keeps a small explicit stack of modes rather than recursing:
// a hostile `"${"${"${...` cannot overflow the call stack. No substrings are taken while lexing.
import { ASCII_IDENT as IDENT_TABLE, identPartLength, isIdentStart } from './identifiers';
import { TokenBuffer } from './tokenBuffer';
import { FLAG_ESCAPES as ESCAPES, FLAG_HEADER as HEADER, FLAG_IN_TEMPLATE as IN_TEMPLATE, T as Kinds } from './tokens';

export { TokenBuffer };

// Local aliases: under the test runner's per-file transform, imported bindings are getters (slow in hot loops).
const T = Kinds;
const FLAG_HEADER = HEADER;
const FLAG_IN_TEMPLATE = IN_TEMPLATE;
const FLAG_ESCAPES = ESCAPES;
const ASCII_IDENT = IDENT_TABLE;

export interface LexProblem {
  start: number;
  end: number;
  message: string;
}

export interface LexResult {
  /** Spans of comments as [start0, end0, start1, end1, ...]. */
  comments: number[];
  problems: LexProblem[];
  /** True when a construct (block comment, string, heredoc, interpolation) ran into the end of the range. */
  hitEnd: boolean;
}

const MODE_QUOTE = 1;
const MODE_HEREDOC = 2;
const MODE_INTERP = 3;

// Header keywords recognised at column 0 for recovery; the value is the character that must follow.
export const HEADER_FOLLOW: Record<string, number> = {
  resource: 0x22, data: 0x22, output: 0x22, variable: 0x22, module: 0x22, provider: 0x22, check: 0x22,
  import: 0x7b, locals: 0x7b, terraform: 0x7b, moved: 0x7b, removed: 0x7b,
};

/**
 * Lexes `text[from, to)` into `out` (after resetting it). `withComments` adds `Comment` tokens to the
 * stream (the formatter wants them; the parser does not).
 */
export function lex(text: string, from: number, to: number, withComments: boolean, out: TokenBuffer): LexResult {
  out.reset();
  const comments: number[] = [];
  const problems: LexProblem[] = [];
  let hitEnd = false;
  // Mode stack: kind, open-brace count (interp), heredoc marker start/length, indented flag, at-line-start.
  const modes: number[] = [];
  const braces: number[] = [];
  const markerStart: number[] = [];
  const markerLen: number[] = [];
  let lineStart = false; // for the innermost heredoc mode
  let prevKind = -1;
  // `pos` is only ever assigned in this function (helpers take and return positions), so it stays a
  // register instead of a closure slot: that matters in the hottest loop.
  let pos = from;
  let next = 0;
  if (pos === 0 && text.charCodeAt(0) === 0xfeff) pos = 1;

  while (pos < to) {
    const mode = modes.length === 0 ? 0 : modes[modes.length - 1];
    if (mode === MODE_QUOTE) {
      pos = lexQuoted(pos);
      continue;
    }
    if (mode === MODE_HEREDOC) {
      pos = lexHeredoc(pos);
      continue;
    }
    const c = text.charCodeAt(pos);
    const start = pos;
    switch (c) {
      case 0x20: case 0x09: {
        pos++;
        let w = pos < to ? text.charCodeAt(pos) : 0;
        while (w === 0x20 || w === 0x09) w = ++pos < to ? text.charCodeAt(pos) : 0;
        continue;
      }
      case 0x0a:
        emit(T.Newline, start, pos + 1);
        pos++;
        continue;
      case 0x0d:
        // HCL's line breaks are LF and CRLF; a lone CR is not part of the language.
        if (pos + 1 < to && text.charCodeAt(pos + 1) === 0x0a) {
          emit(T.Newline, start, pos + 2);
          pos += 2;
        } else {
          invalidChar(pos);
          pos++;
        }
        continue;
      case 0x23: // #
        pos = lineComment(pos);
        continue;
      case 0x2f: { // /
        const n = pos + 1 < to ? text.charCodeAt(pos + 1) : 0;
        if (n === 0x2f) pos = lineComment(pos);
        else if (n === 0x2a) pos = blockComment(pos);
        else {
          emit(T.Slash, start, pos + 1);
          pos++;
        }
        continue;
      }
      case 0x22: // "
        emit(T.OQuote, start, pos + 1);
        modes.push(MODE_QUOTE);
        braces.push(0);
        markerStart.push(0);
        markerLen.push(0);
        pos++;
        continue;
      case 0x7b: // {
        if (mode === MODE_INTERP) braces[braces.length - 1]++;
        emit(T.OBrace, start, pos + 1);
        pos++;
        continue;
      case 0x7d: // }
        if (mode === MODE_INTERP) {
          if (braces[braces.length - 1] === 0) {
            emit(T.TemplateSeqEnd, start, pos + 1);
            popMode();
            pos++;
            continue;
          }
          braces[braces.length - 1]--;
        }
        emit(T.CBrace, start, pos + 1);
        pos++;
        continue;
      case 0x7e: // ~
        if (mode === MODE_INTERP && braces[braces.length - 1] === 0 && pos + 1 < to && text.charCodeAt(pos + 1) === 0x7d) {
          emit(T.TemplateSeqEnd, start, pos + 2);
          popMode();
          pos += 2;
          continue;
        }
        invalidChar(pos);
        pos++;
        continue;
      case 0x5b: emit(T.OBrack, start, ++pos); continue;
      case 0x5d: emit(T.CBrack, start, ++pos); continue;
      case 0x28: emit(T.OParen, start, ++pos); continue;
      case 0x29: emit(T.CParen, start, ++pos); continue;
      case 0x2c: emit(T.Comma, start, ++pos); continue;
      case 0x3f: emit(T.Question, start, ++pos); continue;
      case 0x2b: emit(T.Plus, start, ++pos); continue;
      case 0x2d: emit(T.Minus, start, ++pos); continue;
      case 0x2a: emit(T.Star, start, ++pos); continue;
      case 0x25: emit(T.Percent, start, ++pos); continue;
      case 0x2e: // .
        if (pos + 2 < to && text.charCodeAt(pos + 1) === 0x2e && text.charCodeAt(pos + 2) === 0x2e) {
          emit(T.Ellipsis, start, pos + 3);
          pos += 3;
        } else emit(T.Dot, start, ++pos);
        continue;
      case 0x3a: // :
        if (pos + 1 < to && text.charCodeAt(pos + 1) === 0x3a) emit(T.DoubleColon, start, (pos += 2));
        else emit(T.Colon, start, ++pos);
        continue;
      case 0x3d: { // =
        const n = pos + 1 < to ? text.charCodeAt(pos + 1) : 0;
        if (n === 0x3d) emit(T.EqualOp, start, (pos += 2));
        else if (n === 0x3e) emit(T.FatArrow, start, (pos += 2));
        else emit(T.Equal, start, ++pos);
        continue;
      }
      case 0x21: // !
        if (pos + 1 < to && text.charCodeAt(pos + 1) === 0x3d) emit(T.NotEqual, start, (pos += 2));
        else emit(T.Bang, start, ++pos);
        continue;
      case 0x3c: { // <
        const n = pos + 1 < to ? text.charCodeAt(pos + 1) : 0;
        if (n === 0x3d) emit(T.Lte, start, (pos += 2));
        else if (n === 0x3c && (next = heredocStart(pos)) > 0) pos = next;
        else emit(T.Lt, start, ++pos);
        continue;
      }
      case 0x3e: // >
        if (pos + 1 < to && text.charCodeAt(pos + 1) === 0x3d) emit(T.Gte, start, (pos += 2));
        else emit(T.Gt, start, ++pos);
        continue;
      case 0x26: // &
        if (pos + 1 < to && text.charCodeAt(pos + 1) === 0x26) emit(T.And, start, (pos += 2));
        else {
          invalidChar(pos);
          pos++;
        }
        continue;
      case 0x7c: // |
        if (pos + 1 < to && text.charCodeAt(pos + 1) === 0x7c) emit(T.Or, start, (pos += 2));
        else {
          invalidChar(pos);
          pos++;
        }
        continue;
    }
    if (c >= 0x30 && c <= 0x39) {
      pos = number(pos);
      continue;
    }
    if (c < 128 ? ASCII_IDENT[c] === 1 : isIdentStart(c, text, pos)) {
      pos += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
      while (pos < to) {
        const d = text.charCodeAt(pos);
        if (d < 128) {
          if (ASCII_IDENT[d] === 0) break;
          pos++;
        } else {
          const n = identPartLength(d, text, pos);
          if (n === 0) break;
          pos += n;
        }
      }
      emit(T.Ident, start, pos);
      if ((start === 0 || text.charCodeAt(start - 1) === 0x0a) && !modes.includes(MODE_HEREDOC)) markHeader(start, pos);
      continue;
    }
    if (pos === 0 && c === 0xfeff) {
      pos++;
      continue;
    }
    invalidChar(pos);
    pos += c >= 0xd800 && c <= 0xdbff && pos + 1 < to ? 2 : 1;
  }
  if (modes.length > 0) hitEnd = true;
  out.push(T.EOF, to, to);
  return { comments, problems, hitEnd };

  function emit(kind: number, start: number, end: number): void {
    let i = out.count;
    if (i === out.kinds.length) out.push(kind, start, end);
    else {
      out.kinds[i] = kind;
      out.starts[i] = start;
      out.ends[i] = end;
      out.flags[i] = 0;
      out.count = ++i;
    }
    if (modes.length > 0) out.flags[out.count - 1] = FLAG_IN_TEMPLATE;
    prevKind = kind;
  }

  function popMode(): void {
    modes.pop();
    braces.pop();
    markerStart.pop();
    markerLen.pop();
    // Returning into a heredoc from an interpolation: we are mid-line.
    lineStart = false;
  }

  function invalidChar(at: number): void {
    const c = text.charCodeAt(at);
    const end = c >= 0xd800 && c <= 0xdbff && at + 1 < to ? at + 2 : at + 1;
    emit(T.Invalid, at, end);
    const last = problems.length > 0 ? problems[problems.length - 1] : undefined;
    if (last && last.end === at && last.message === 'Invalid character') last.end = end;
    else problems.push({ start: at, end, message: 'Invalid character' });
  }

  /** A CR not followed by LF inside a string or heredoc: HCL rejects it (it stays in the literal). */
  function loneCr(at: number): void {
    problems.push({ start: at, end: at + 1, message: 'Invalid character' });
  }

  function markHeader(start: number, end: number): void {
    const len = end - start;
    if (len < 4 || len > 9) return;
    const follow = HEADER_FOLLOW[text.slice(start, end)];
    if (follow === undefined) return;
    let p = end;
    while (p < to && (text.charCodeAt(p) === 0x20 || text.charCodeAt(p) === 0x09)) p++;
    if (p < to && text.charCodeAt(p) === follow) {
      out.flags[out.count - 1] |= FLAG_HEADER;
      // A header at column 0 inside an unclosed interpolation: end the template here (recovery), so the
      // rest of the file is lexed as ordinary configuration again.
      if (modes.length > 0) {
        hitEnd = true;
        while (modes.length > 0) popMode();
      }
    }
  }

  function lineComment(p: number): number {
    const start = p;
    while (p < to && text.charCodeAt(p) !== 0x0a) p++;
    // The CR of a CRLF belongs to the line break, not the comment.
    if (p < to && p > start && text.charCodeAt(p - 1) === 0x0d) p--;
    comments.push(start, p);
    if (withComments) emit(T.Comment, start, p);
    return p;
  }

  function blockComment(p: number): number {
    const start = p;
    const close = text.indexOf('*/', p + 2);
    if (close === -1 || close + 2 > to) {
      p = to;
      problems.push({ start, end: start + 2, message: 'Unclosed comment' });
      hitEnd = true;
    } else p = close + 2;
    comments.push(start, p);
    if (withComments) emit(T.Comment, start, p);
    return p;
  }

  function isCrlf(p: number): boolean {
    return p + 1 < to && text.charCodeAt(p + 1) === 0x0a;
  }

  function number(p: number): number {
    const start = p;
    while (p < to && isDigit(text.charCodeAt(p))) p++;
    // After a dot no fraction: `foo.0.1` is two legacy index steps here (the parser reports the pair, as
    // HCL does). An exponent is still part of the number, as in HCL's scanner: `foo.5E-2` is one step.
    if (prevKind !== T.Dot && p + 1 < to && text.charCodeAt(p) === 0x2e && isDigit(text.charCodeAt(p + 1))) {
      p += 2;
      while (p < to && isDigit(text.charCodeAt(p))) p++;
    }
    const e = p < to ? text.charCodeAt(p) : 0;
    if (e === 0x65 || e === 0x45) {
      let q = p + 1;
      const s = q < to ? text.charCodeAt(q) : 0;
      if (s === 0x2b || s === 0x2d) q++;
      if (q < to && isDigit(text.charCodeAt(q))) {
        p = q;
        while (p < to && isDigit(text.charCodeAt(p))) p++;
      }
    }
    emit(T.Number, start, p);
    return p;
  }

  /** `<<EOT` / `<<-EOT` followed by a line break: the position after it, or -1 (consuming nothing). */
  function heredocStart(p: number): number {
    let q = p + 2;
    const indented = q < to && text.charCodeAt(q) === 0x2d;
    if (indented) q++;
    const ms = q;
    if (!(q < to && isIdentStart(text.charCodeAt(q), text, q))) return -1;
    let n: number;
    while (q < to && (n = identPartLength(text.charCodeAt(q), text, q)) > 0) q += n;
    const me = q;
    const c = q < to ? text.charCodeAt(q) : 0;
    if (c === 0x0a) q++;
    else if (c === 0x0d && q + 1 < to && text.charCodeAt(q + 1) === 0x0a) q += 2;
    else return -1;
    emit(T.OHeredoc, p, q);
    modes.push(MODE_HEREDOC);
    braces.push(indented ? 1 : 0);
    markerStart.push(ms);
    markerLen.push(me - ms);
    lineStart = true;
    return q;
  }

  function lexQuoted(p: number): number {
    const start = p;
    let escapes = false;
    for (;;) {
      if (p >= to) break;
      const c = text.charCodeAt(p);
      if (c === 0x22 || c === 0x0a) break;
      if (c === 0x0d) {
        if (isCrlf(p)) break;
        loneCr(p);
      }
      if (c === 0x5c) {
        // An escape: skip the escaped character unless it is a line break (which ends the string).
        escapes = true;
        const n = p + 1 < to ? text.charCodeAt(p + 1) : 0x0a;
        p += n === 0x0a || (n === 0x0d && isCrlf(p + 1)) ? 1 : 2;
        continue;
      }
      if ((c === 0x24 || c === 0x25) && p + 1 < to) {
        const n = text.charCodeAt(p + 1);
        if (n === 0x7b) break; // ${ or %{
        if (n === c && p + 2 < to && text.charCodeAt(p + 2) === 0x7b) {
          escapes = true;
          p += 3; // $${ and %%{ are literal
          continue;
        }
      }
      p++;
    }
    if (p > start) {
      emit(T.QuotedLit, start, p);
      if (escapes) out.flags[out.count - 1] |= FLAG_ESCAPES;
    }
    if (p >= to) return p;
    const c = text.charCodeAt(p);
    if (c === 0x22) {
      emit(T.CQuote, p, p + 1);
      popMode();
      return p + 1;
    }
    if (c === 0x0a || c === 0x0d) {
      // Unterminated: the string ends at the line end; the parser reports it.
      popMode();
      return p;
    }
    return openSequence(p);
  }

  /** `${`, `${~`, `%{`, `%{~` at `p`. */
  function openSequence(p: number): number {
    const kind = text.charCodeAt(p) === 0x24 ? T.TemplateInterp : T.TemplateControl;
    const end = p + 2 < to && text.charCodeAt(p + 2) === 0x7e ? p + 3 : p + 2;
    emit(kind, p, end);
    modes.push(MODE_INTERP);
    braces.push(0);
    markerStart.push(0);
    markerLen.push(0);
    return end;
  }

  function lexHeredoc(p: number): number {
    const top = modes.length - 1;
    if (lineStart) {
      let q = p;
      while (q < to && (text.charCodeAt(q) === 0x20 || text.charCodeAt(q) === 0x09)) q++;
      const ms = markerStart[top];
      const ml = markerLen[top];
      if (q + ml <= to && text.startsWith(text.slice(ms, ms + ml), q)) {
        const e = q + ml;
        const after = e < to ? text.charCodeAt(e) : 0x0a;
        if (after === 0x0a || (after === 0x0d && isCrlf(e))) {
          emit(T.CHeredoc, p, e);
          popMode();
          return e;
        }
      }
    }
    const start = p;
    lineStart = false;
    while (p < to) {
      const c = text.charCodeAt(p);
      if (c === 0x0a) {
        p++;
        lineStart = true;
        break;
      }
      if (c === 0x0d && !isCrlf(p)) loneCr(p);

      if ((c === 0x24 || c === 0x25) && p + 1 < to) {
        const n = text.charCodeAt(p + 1);
        if (n === 0x7b) break;
        if (n === c && p + 2 < to && text.charCodeAt(p + 2) === 0x7b) {
          p += 3;
          continue;
        }
      }
      p++;
    }
    if (p > start) emit(T.StringLit, start, p);
    if (p < to && !lineStart) return openSequence(p);
    return p;
  }
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
