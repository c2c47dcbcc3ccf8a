// The rewrites `terraform fmt` makes on top of hclwrite's layout, as text replacements on the source:
//   - an attribute whose whole value is one interpolation, `"${var.x}"`, becomes `var.x` (a multi-line
//     inner expression is wrapped in parentheses so it still parses);
//   - in a `variable` block, `type = "string"` / `"list"` / `"map"` (Terraform 0.11 quoting) become
//     `string` / `list(string)` / `map(string)`, and a bare `list` / `map` / `set` becomes `list(any)` ...;
//   - block labels are written quoted (`resource aws_x y` → `resource "aws_x" "y"`), with their escapes
//     normalised.
// Only attributes of block bodies are rewritten, never values nested inside objects or function calls,
// because terraform does exactly that much.
import { readingBody, TokenKind as T, type Block, type Body, type HclFile, type Tokens } from '../parser';

export interface Replacement {
  start: number;
  end: number;
  text: string;
}

/** The replacements (sorted, non-overlapping) that turn `file` into what terraform fmt would lay out. */
export function terraformRewrites(file: HclFile, tokens: Tokens): Replacement[] {
  const out: Replacement[] = [];
  rewriteItems(file.body, [], tokens, out, true);
  out.sort((a, b) => a.start - b.start);
  return out;
}

/**
 * `topLevel`: each block's body that was still records or text before this read it goes back to them after
 * (the replacements keep only offsets and text), so formatting a large file does not leave every body built.
 */
function rewriteItems(body: Body, blockPath: string[], tokens: Tokens, out: Replacement[], topLevel = false): void {
  for (const item of body.items) {
    if (item.kind === 'Attribute') {
      if (item.value.kind === 'Invalid') continue;
      const [from, to] = tokenRange(tokens, item.value.start, item.value.end);
      const replacement =
        blockPath.length === 1 && blockPath[0] === 'variable' && item.name.name === 'type'
          ? typeKeyword(tokens, from, to)
          : unwrapInterpolation(tokens, from, to);
      if (replacement !== undefined) out.push({ start: item.value.start, end: item.value.end, text: replacement });
      continue;
    }
    rewriteLabels(item, tokens.text, out);
    const path = [...blockPath, item.type.name];
    if (topLevel) readingBody(item, (block) => rewriteItems(block.body, path, tokens, out));
    else rewriteItems(item.body, path, tokens, out);
  }
}

/** Token indexes [from, to) of the tokens inside [start, end). */
function tokenRange(tokens: Tokens, start: number, end: number): [number, number] {
  let lo = 0;
  let hi = tokens.count - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens.starts[mid] < start) lo = mid + 1;
    else hi = mid;
  }
  let to = lo;
  while (to < tokens.count - 1 && tokens.ends[to] <= end) to++;
  return [lo, to];
}

function slice(tokens: Tokens, from: number, to: number): string {
  return tokens.text.slice(tokens.starts[from], tokens.ends[to - 1]);
}

/** `"${ expr }"` → `expr`, when the quotes hold exactly one interpolation and nothing else. */
function unwrapInterpolation(tokens: Tokens, from: number, to: number): string | undefined {
  const k = tokens.kinds;
  if (to - from < 5) return undefined;
  if (k[from] !== T.OQuote || k[from + 1] !== T.TemplateInterp || k[to - 2] !== T.TemplateSeqEnd || k[to - 1] !== T.CQuote) return undefined;
  let quotes = 0;
  for (let i = from + 2; i < to - 2; i++) {
    const kind = k[i];
    if (kind === T.OQuote) quotes++;
    else if (kind === T.CQuote) quotes--;
    else if (quotes > 0) continue; // interpolations of a nested string belong to that string
    else if (kind === T.TemplateInterp || kind === T.TemplateSeqEnd || kind === T.QuotedLit) return undefined; // "${a}${b}", "x${a}"
  }
  let s = from + 2;
  let e = to - 2;
  while (s < e && k[s] === T.Newline) s++;
  while (e > s && k[e - 1] === T.Newline) e--;
  if (s === e) return undefined;
  let multiLine = false;
  for (let i = s; i < e; i++) if (k[i] === T.Newline) multiLine = true;
  const inner = slice(tokens, s, e);
  const parenthesised = k[s] === T.OParen && k[e - 1] === T.CParen;
  return multiLine && !parenthesised ? `(${inner})` : inner;
}

/** Terraform 0.11 style type constraints in `variable` blocks, spelled the way 0.12+ expects. */
function typeKeyword(tokens: Tokens, from: number, to: number): string | undefined {
  const k = tokens.kinds;
  if (to - from === 1 && k[from] === T.Ident) {
    const word = slice(tokens, from, to);
    return word === 'list' || word === 'map' || word === 'set' ? `${word}(any)` : undefined;
  }
  if (to - from === 3 && k[from] === T.OQuote && k[from + 1] === T.QuotedLit && k[to - 1] === T.CQuote) {
    switch (slice(tokens, from + 1, from + 2)) {
      case 'string': return 'string';
      case 'list': return 'list(string)';
      case 'map': return 'map(string)';
    }
  }
  return undefined;
}

function rewriteLabels(block: Block, source: string, out: Replacement[]): void {
  for (const label of block.labels) {
    if (!label.closed) continue;
    const text = `"${escapeString(label.value)}"`;
    if (text !== source.slice(label.start, label.end)) out.push({ start: label.start, end: label.end, text });
  }
}

/** How hclwrite writes a string: quotes, backslashes and control characters escaped, `${`/`%{` doubled. */
export function escapeString(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    switch (ch) {
      case '\n': out += '\\n'; continue;
      case '\r': out += '\\r'; continue;
      case '\t': out += '\\t'; continue;
      case '"': out += '\\"'; continue;
      case '\\': out += '\\\\'; continue;
      case '$':
      case '%':
        out += value[i + 1] === '{' ? ch + ch : ch;
        continue;
    }
    const cp = value.codePointAt(i)!;
    if (cp > 0xffff) i++;
    const char = String.fromCodePoint(cp);
    if (PRINTABLE.test(char)) out += char;
    else out += cp < 0x10000 ? `\\u${cp.toString(16).padStart(4, '0')}` : `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return out;
}

// Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const PRINTABLE = /^(?:[\p{L}\p{M}\p{N}\p{P}\p{S}]| )$/u;
