// Deliberately mis-formatted variants of a valid document: the same tokens with different whitespace
// (extra/missing spaces, tabs, wrong indentation, CRLF line breaks). Only whitespace that cannot change
// what the document means is touched: never inside strings or heredoc text, never where removing a space
// would glue two tokens into a different one (`a in b` → `ainb`, `/ /` → `//`).
import { parse, tokenize, TokenKind as T } from '../../server/src/parser';
import { seededRandom } from '../support/generate';

const LITERAL_NEIGHBOURS_LEFT = new Set<number>([T.OQuote, T.QuotedLit, T.StringLit, T.OHeredoc, T.TemplateSeqEnd]);
const LITERAL_NEIGHBOURS_RIGHT = new Set<number>([T.CQuote, T.QuotedLit, T.StringLit, T.CHeredoc, T.TemplateInterp, T.TemplateControl]);
const SAFE_TO_GLUE = new Set<number>([T.OBrace, T.CBrace, T.OBrack, T.CBrack, T.OParen, T.CParen, T.Comma, T.Newline]);

export function perturbWhitespace(text: string, seed: number, options: { crlf?: boolean } = {}): string {
  const rand = seededRandom(seed);
  const tokens = tokenize(text);
  const parts: string[] = [];
  let pos = 0;
  for (let i = 0; i < tokens.count - 1; i++) {
    const start = tokens.starts[i];
    const gap = text.slice(pos, start);
    const prev = i > 0 ? tokens.kinds[i - 1] : T.Newline;
    const kind = tokens.kinds[i];
    const insideLiteral = LITERAL_NEIGHBOURS_LEFT.has(prev) || LITERAL_NEIGHBOURS_RIGHT.has(kind);
    // Blanks after a heredoc's closing marker are valid HCL, but our lexer does not accept them yet
    // (reported to the parser); blanks after a line comment would become part of the comment.
    const keep = insideLiteral || (kind === T.Newline && (prev === T.Comment || prev === T.CHeredoc));
    if (keep) parts.push(gap);
    else {
      const r = rand();
      const canGlue = SAFE_TO_GLUE.has(prev) || SAFE_TO_GLUE.has(kind);
      if (r < 0.25 && canGlue) parts.push('');
      else if (r < 0.5) parts.push(gap + ' '.repeat(1 + Math.floor(rand() * 3)));
      else if (r < 0.6) parts.push('\t');
      else parts.push(gap.length === 0 && !canGlue ? ' ' : gap);
    }
    let token = text.slice(start, tokens.ends[i]);
    if (options.crlf && kind === T.Newline) token = '\r\n';
    parts.push(token);
    pos = tokens.ends[i];
  }
  parts.push(text.slice(pos));
  const out = parts.join('');
  // A variant that no longer parses would test nothing; fall back to the original.
  return parse(out).diagnostics.some((d) => d.severity === 'error') ? text : out;
}
