// Token kinds and the flat token stream.
//
// Tokens live in parallel typed arrays (kind/start/end) instead of one object per token: a 15 MB file has
// millions of tokens, and objects made garbage collection dominate parsing time.

export enum T {
  EOF = 0,
  Newline, // one line break (LF, CRLF or CR) where newlines are significant
  Comment, // `#`, `//` (without the line break) or `/* */`; only in tokenize() output
  Ident,
  Number,
  OBrace, // {
  CBrace, // }
  OBrack, // [
  CBrack, // ]
  OParen, // (
  CParen, // )
  Comma,
  Dot,
  Ellipsis, // ...
  Equal, // =
  Colon, // :
  DoubleColon, // :: (provider function namespaces)
  Question,
  FatArrow, // =>
  Plus,
  Minus,
  Star,
  Slash,
  Percent,
  Bang,
  EqualOp, // ==
  NotEqual,
  Lt,
  Gt,
  Lte,
  Gte,
  And,
  Or,
  OQuote, // opening `"`
  CQuote, // closing `"`
  QuotedLit, // literal run inside a quoted template (escapes still encoded)
  TemplateInterp, // `${` or `${~`
  TemplateControl, // `%{` or `%{~`
  TemplateSeqEnd, // `}` or `~}` closing an interpolation/directive
  OHeredoc, // `<<EOT` or `<<-EOT` including the line break after the marker
  StringLit, // literal run inside a heredoc (up to and including a line break)
  CHeredoc, // the closing marker line (leading whitespace + marker)
  Invalid, // a character that cannot start any token
}

/** Human-readable names, indexed by kind (for tests and debugging). */
export const TOKEN_NAMES: readonly string[] = [
  'EOF', 'Newline', 'Comment', 'Ident', 'Number', 'OBrace', 'CBrace', 'OBrack', 'CBrack', 'OParen', 'CParen',
  'Comma', 'Dot', 'Ellipsis', 'Equal', 'Colon', 'DoubleColon', 'Question', 'FatArrow', 'Plus', 'Minus', 'Star',
  'Slash', 'Percent', 'Bang', 'EqualOp', 'NotEqual', 'Lt', 'Gt', 'Lte', 'Gte', 'And', 'Or', 'OQuote', 'CQuote',
  'QuotedLit', 'TemplateInterp', 'TemplateControl', 'TemplateSeqEnd', 'OHeredoc', 'StringLit', 'CHeredoc', 'Invalid',
];

/**
 * The token stream of a text (see `tokenize`). Token `i` has kind `kinds[i]` and covers
 * `text.slice(starts[i], ends[i])` (UTF-16 offsets, end exclusive). The last token is always `EOF`
 * (zero-width at the end). Whitespace other than line breaks produces no token; every comment is a
 * `Comment` token and every significant line break a `Newline` token. Line breaks inside strings,
 * heredocs and block comments belong to those tokens. `flags[i] & FLAG_HEADER` marks an identifier at
 * column 0 that looks like the start of a top-level block (`resource "`, `locals {`, ...), and
 * `flags[i] & FLAG_IN_TEMPLATE` a token inside a string, heredoc or interpolation.
 */
export interface Tokens {
  readonly text: string;
  readonly count: number;
  readonly kinds: Uint8Array;
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  readonly flags: Uint8Array;
}

export const FLAG_HEADER = 1;
/** The token was lexed inside a quoted template, heredoc or interpolation (lexer mode stack not empty). */
export const FLAG_IN_TEMPLATE = 2;
/** A `QuotedLit` containing a backslash, `$${` or `%%{`: its value needs decoding (else it is the raw text). */
export const FLAG_ESCAPES = 4;
