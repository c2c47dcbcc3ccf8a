// Matching a top-level block's braces for the skim scanner (topLevelScan.ts): the lexer's modes (lexer.ts)
// replayed over the characters without making tokens, so that a brace inside a string, a `${ }` sequence, a
// heredoc or a comment is not counted, and a header stop or a lexer problem inside the body is seen.
import { ASCII_IDENT, identPartLength, isIdentStart } from './identifiers';
import { HEADER_FOLLOW } from './lexer';

// Character classes outside strings and heredocs (ASCII): what the lexer does with each.
const INVALID = 0; // no token starts with it: a lexer problem
const PLAIN = 1; // a token (or space) of its own that cannot change the mode or the brace count
const WORD = 2; // starts an identifier (as plain as PLAIN inside a body: see matchBrace)
const SPECIAL = 3; // line breaks, comments, quotes, braces, `~`, `<`, `&`, `|`
const CLASS = new Uint8Array(128);
for (const c of ' \t[](),?+-*%.:=!>0123456789') CLASS[c.charCodeAt(0)] = PLAIN;
for (let c = 0; c < 128; c++) if (ASCII_IDENT[c] === 1) CLASS[c] = WORD;
for (const c of '\n\r#/"{}~<&|') CLASS[c.charCodeAt(0)] = SPECIAL;

// Local copies: under the test runner's per-file transform, imported bindings are getters (slow in loops).
export const IDENT_TABLE = ASCII_IDENT;
const CLASSES = CLASS;

// Runs skipped in native code (the regular expression engine compiles these at once; a character loop
// runs in the interpreter until the JIT has compiled it, which is most of a single scan): characters that
// neither change the mode nor end a string.
// A line break is plain too unless a word starts the next line (a possible header stop: see matchBrace).
const PLAIN_RUN = /(?:[ \t[\](),?+\-*%.:=!>0-9A-Za-z_]|\r?\n(?![A-Za-z_]))*/y;
const QUOTED_RUN = /[^"\n\r\\$%]*/y;

const QUOTE = 1;
const HEREDOC = 2;
const INTERP = 3;

/** A scan ran into the end of its text: the end of a piece is no answer yet (the next piece says more). */
export const END = -2;
/** The line break ending a line comment at `pos` (not consumed), or the end of the text. */
export function lineEnd(text: string, pos: number): number {
  const e = text.indexOf('\n', pos);
  return e < 0 ? text.length : e;
}

// The lexer's header words, as a list: a lookup by a fresh substring would hash (and intern) a string per
// header, most of a block's cost in a scan.
export const HEADER_WORDS = Object.entries(HEADER_FOLLOW);

/** The index in HEADER_WORDS of the word `text[start, end)`, or -1 for no header word. */
export function headerWord(text: string, start: number, end: number): number {
  const len = end - start;
  if (len < 4 || len > 9) return -1;
  for (let i = 0; i < HEADER_WORDS.length; i++) {
    const word = HEADER_WORDS[i][0];
    if (word.length === len && text.startsWith(word, start)) return i;
  }
  return -1;
}

/** Whether the identifier `text[start, end)` at a line start is a header stop for the lexer (FLAG_HEADER). */
function isHeader(text: string, start: number, end: number): boolean {
  const word = headerWord(text, start, end);
  if (word < 0) return false;
  const follow = HEADER_WORDS[word][1];
  let p = end;
  while (p < text.length && (text.charCodeAt(p) === 0x20 || text.charCodeAt(p) === 0x09)) p++;
  return p < text.length && text.charCodeAt(p) === follow;
}

/**
 * From just after a top-level `{`: the offset of the `}` that closes it as the token skim counts braces, -1
 * when the lexer would report a problem or a header stop comes first, END when the text ends first. The mode stack is the
 * lexer's (lexer.ts): a `}` closes the innermost `${`/`%{` when that has no open brace of its own.
 */
export function matchBrace(text: string, from: number, s: Modes): number {
  const n = text.length;
  let depth = 1;
  // No closures over the loop's variables (V8 would keep them in a context object, a load per character);
  // one mode stack for every block of the file.
  s.reset();
  const modes = s.modes;
  const counts = s.counts;
  let pos = from;
  while (pos < n) {
    const mode = modes.length === 0 ? 0 : modes[modes.length - 1];
    if (mode === QUOTE) {
      // As lexQuoted: a string ends at `"`, or (unterminated) before a line break; `${`/`%{` open a sequence.
      let sequence = false;
      for (;;) {
        QUOTED_RUN.lastIndex = pos;
        QUOTED_RUN.test(text);
        pos = QUOTED_RUN.lastIndex;
        if (pos >= n) return END;
        const c = text.charCodeAt(pos);
        if (c === 0x22) {
          pos++;
          break;
        }
        if (c === 0x0a) break;
        if (c === 0x0d) {
          if (pos + 1 >= n) return END;
          if (text.charCodeAt(pos + 1) === 0x0a) break;
          return -1;
        }
        if (c === 0x5c) {
          const x = pos + 1 < n ? text.charCodeAt(pos + 1) : 0x0a;
          pos += x === 0x0a || (x === 0x0d && pos + 2 < n && text.charCodeAt(pos + 2) === 0x0a) ? 1 : 2;
          continue;
        }
        if ((c === 0x24 || c === 0x25) && pos + 1 < n) {
          const x = text.charCodeAt(pos + 1);
          if (x === 0x7b) {
            sequence = true;
            break;
          }
          if (x === c && pos + 2 < n && text.charCodeAt(pos + 2) === 0x7b) {
            pos += 3;
            continue;
          }
        }
        pos++;
      }
      if (sequence) pos = openSequence(s, text, pos);
      else s.pop();
      continue;
    }
    if (mode === HEREDOC) {
      const top = modes.length - 1;
      if (s.lineStart) {
        let q = pos;
        while (q < n && (text.charCodeAt(q) === 0x20 || text.charCodeAt(q) === 0x09)) q++;
        const ms = counts[top];
        const ml = s.markerLens[top];
        if (q + ml <= n && sameText(text, ms, q, ml)) {
          const e = q + ml;
          const after = e < n ? text.charCodeAt(e) : 0x0a;
          if (after === 0x0a || (after === 0x0d && e + 1 < n && text.charCodeAt(e + 1) === 0x0a)) {
            s.pop();
            s.heredocs--;
            pos = e;
            continue;
          }
        }
      }
      let lineStart = false;
      while (pos < n) {
        const c = text.charCodeAt(pos);
        if (c === 0x0a) {
          pos++;
          lineStart = true;
          break;
        }
        if (c === 0x0d && !(pos + 1 < n && text.charCodeAt(pos + 1) === 0x0a)) return pos + 1 >= n ? END : -1;
        if ((c === 0x24 || c === 0x25) && pos + 1 < n) {
          const x = text.charCodeAt(pos + 1);
          if (x === 0x7b) break;
          if (x === c && pos + 2 < n && text.charCodeAt(pos + 2) === 0x7b) {
            pos += 3;
            continue;
          }
        }
        pos++;
      }
      s.lineStart = lineStart;
      if (pos < n && !lineStart) pos = openSequence(s, text, pos);
      continue;
    }
    // Configuration (mode 0) or inside `${ }` / `%{ }` (INTERP). Words need no look of their own: only one
    // at a line start can matter (a header stop), and that is checked after each line break.
    PLAIN_RUN.lastIndex = pos;
    PLAIN_RUN.test(text);
    pos = PLAIN_RUN.lastIndex;
    if (pos >= n) break;
    const c = text.charCodeAt(pos);
    if (c < 128) {
      const k = CLASSES[c];
      if (k !== SPECIAL) return -1;
      switch (c) {
        case 0x0a:
          pos++;
          if (s.heredocs === 0 && headerAt(text, pos)) return -1;
          continue;
        case 0x0d:
          if (pos + 1 < n && text.charCodeAt(pos + 1) === 0x0a) {
            pos += 2;
            if (s.heredocs === 0 && headerAt(text, pos)) return -1;
            continue;
          }
          return pos + 1 >= n ? END : -1;
        case 0x23:
          pos = lineEnd(text, pos);
          continue;
        case 0x2f: {
          const x = pos + 1 < n ? text.charCodeAt(pos + 1) : 0;
          if (x === 0x2f) pos = lineEnd(text, pos);
          else if (x === 0x2a) {
            const close = text.indexOf('*/', pos + 2);
            if (close < 0) return END;
            pos = close + 2;
          } else pos++;
          continue;
        }
        case 0x22:
          s.push(QUOTE, 0, 0);
          pos++;
          continue;
        case 0x7b:
          if (mode === INTERP) counts[counts.length - 1]++;
          else depth++;
          pos++;
          continue;
        case 0x7d:
          if (mode === INTERP) {
            if (counts[counts.length - 1] === 0) s.pop();
            else counts[counts.length - 1]--;
          } else if (--depth === 0) return pos;
          pos++;
          continue;
        case 0x7e:
          if (mode === INTERP && counts[counts.length - 1] === 0 && pos + 1 < n && text.charCodeAt(pos + 1) === 0x7d) {
            s.pop();
            pos += 2;
            continue;
          }
          return pos + 1 >= n ? END : -1;
        case 0x3c:
          if (pos + 1 < n && text.charCodeAt(pos + 1) === 0x3c) {
            const next = heredocStart(s, text, pos);
            if (next > 0) {
              pos = next;
              continue;
            }
          }
          pos++;
          continue;
        case 0x26:
        case 0x7c:
          if (pos + 1 < n && text.charCodeAt(pos + 1) === c) {
            pos += 2;
            continue;
          }
          return pos + 1 >= n ? END : -1;
      }
      return -1;
    }
    // Outside ASCII only a word can start here (one that is not at a line start: see above).
    if (!isIdentStart(c, text, pos)) return -1;
    pos = wordEnd(text, pos + (c >= 0xd800 && c <= 0xdbff ? 2 : 1));
  }
  return END;
}


/** The lexer's mode stack (lexer.ts), for one block. */
export class Modes {
  /** QUOTE, HEREDOC or INTERP, innermost last; empty in configuration. */
  readonly modes: number[] = [];
  /** Per INTERP mode: braces opened inside it; per HEREDOC mode: the marker's start. */
  readonly counts: number[] = [];
  /** Per HEREDOC mode: the marker's length. */
  readonly markerLens: number[] = [];
  /** How many heredocs are open (inside one, no word is a header stop). */
  heredocs = 0;
  /** At the start of a line of the innermost heredoc (as the lexer's `lineStart`). */
  lineStart = false;

  reset(): void {
    this.modes.length = 0;
    this.counts.length = 0;
    this.markerLens.length = 0;
    this.heredocs = 0;
    this.lineStart = false;
  }

  push(mode: number, count: number, markerLen: number): void {
    this.modes.push(mode);
    this.counts.push(count);
    this.markerLens.push(markerLen);
  }

  pop(): void {
    this.modes.pop();
    this.counts.pop();
    this.markerLens.pop();
    // Back in a heredoc from a sequence: mid-line.
    this.lineStart = false;
  }
}

/** `${`, `${~`, `%{`, `%{~` at `p`: the position after it, the sequence entered. */
function openSequence(s: Modes, text: string, p: number): number {
  s.push(INTERP, 0, 0);
  return p + 2 < text.length && text.charCodeAt(p + 2) === 0x7e ? p + 3 : p + 2;
}

/** `<<EOT` / `<<-EOT` and a line break at `p`: the position after them (the heredoc entered), or -1. */
function heredocStart(s: Modes, text: string, p: number): number {
  const n = text.length;
  let q = p + 2;
  if (q < n && text.charCodeAt(q) === 0x2d) q++;
  const ms = q;
  if (!(q < n && isIdentStart(text.charCodeAt(q), text, q))) return -1;
  let l: number;
  while (q < n && (l = identPartLength(text.charCodeAt(q), text, q)) > 0) q += l;
  const me = q;
  const c = q < n ? text.charCodeAt(q) : 0;
  if (c === 0x0a) q++;
  else if (c === 0x0d && q + 1 < n && text.charCodeAt(q + 1) === 0x0a) q += 2;
  else return -1;
  s.push(HEREDOC, ms, me - ms);
  s.heredocs++;
  s.lineStart = true;
  return q;
}

/** Whether a word at `pos` (a line start) is a header stop for the lexer. */
function headerAt(text: string, pos: number): boolean {
  const c = text.charCodeAt(pos);
  // Header words are ASCII; any other first character makes a word that is none.
  if (!(c < 128 && IDENT_TABLE[c] === 1)) return false;
  return isHeader(text, pos, wordEnd(text, pos + 1));
}

/** The end of an identifier whose first character ends just before `pos` (the lexer's identifier loop). */
function wordEnd(text: string, pos: number): number {
  const n = text.length;
  while (pos < n) {
    const d = text.charCodeAt(pos);
    if (d < 128) {
      if (IDENT_TABLE[d] === 0) break;
      pos++;
    } else {
      const l = identPartLength(d, text, pos);
      if (l === 0) break;
      pos += l;
    }
  }
  return pos;
}

function sameText(text: string, a: number, b: number, len: number): boolean {
  for (let i = 0; i < len; i++) if (text.charCodeAt(a + i) !== text.charCodeAt(b + i)) return false;
  return true;
}
