// Small helpers the rules share: did-you-mean, edits that keep the file's layout, and spans for messages.
import type { Attribute, Block, Expression, HclFile, Span, Tuple } from '../../parser';
import type { Fix, FixEdit } from './types';

/** Names other providers (hashicorp/aws, CloudFormation) use for our attributes. */
export const OTHER_PROVIDER_NAMES: Readonly<Record<string, string>> = {
  callback_urls: 'callback_ur_ls',
  logout_urls: 'logout_ur_ls',
  allowed_oauth_flows: 'allowed_o_auth_flows',
  allowed_oauth_scopes: 'allowed_o_auth_scopes',
  allowed_oauth_flows_user_pool_client: 'allowed_o_auth_flows_user_pool_client',
  secret: 'client_secret',
};

/** Edit distance with adjacent transpositions (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > 3) return Math.abs(m - n);
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => [i, ...new Array<number>(n).fill(0)]);
  for (let j = 1; j <= n; j++) d[0][j] = j;
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[m][n];
}

/**
 * The candidate the user most likely meant: a known other-provider spelling, a case-insensitive or
 * separator-insensitive match, else the closest name within a small edit distance.
 */
export function didYouMean(name: string, candidates: readonly string[], aliases: Readonly<Record<string, string>> = {}): string | undefined {
  const lower = name.toLowerCase();
  const alias = aliases[lower];
  if (alias && candidates.includes(alias)) return alias;
  const squash = (s: string) => s.toLowerCase().replace(/[_\-\s]/g, '');
  const exactish = candidates.find((c) => squash(c) === squash(name));
  if (exactish) return exactish;
  const limit = Math.max(1, Math.min(3, Math.floor(name.length / 4)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const c of candidates) {
    const dist = editDistance(lower, c.toLowerCase());
    if (dist < bestDistance) {
      best = c;
      bestDistance = dist;
    }
  }
  return best;
}

export function suggestion(name: string | undefined): string {
  return name ? ` Did you mean \`${name}\`?` : '';
}

/** The file's line break, judged by its first line (CRLF files are CRLF throughout in practice). */
export function lineBreakOf(file: HclFile): string {
  if (file.lines.lineCount < 2) return '\n';
  const second = file.lines.offsetAt({ line: 1, character: 0 });
  return file.slice(second - 2, second) === '\r\n' ? '\r\n' : '\n';
}

/** Start of the line holding `offset`. */
export function lineStartOf(file: HclFile, offset: number): number {
  return file.lines.offsetAt({ line: file.lines.positionAt(offset).line, character: 0 });
}

/** Start of the line after the one holding `offset`, or -1 on the last line. */
export function nextLineStart(file: HclFile, offset: number): number {
  const line = file.lines.positionAt(offset).line + 1;
  return line < file.lines.lineCount ? file.lines.offsetAt({ line, character: 0 }) : -1;
}

/** The spaces and tabs that open the line holding `offset`. */
export function indentAt(file: HclFile, offset: number): string {
  const start = lineStartOf(file, offset);
  const source = file.source;
  let end = start;
  while (end < source.length && (source.charAt(end) === ' ' || source.charAt(end) === '\t')) end++;
  return file.slice(start, end);
}

/** An edit that adds `text` (one line, no indentation) as the first item of a block body. */
export function insertIntoBlock(file: HclFile, block: Block, line: string): FixEdit | undefined {
  if (block.openBrace < 0) return undefined;
  const eol = lineBreakOf(file);
  const firstItem = block.body.items[0];
  const blockIndent = indentAt(file, block.start);
  const indent = firstItem ? indentAt(file, firstItem.start) : blockIndent + '  ';
  const next = nextLineStart(file, block.openBrace);
  const close = block.closeBrace >= 0 ? block.closeBrace : file.source.length;
  if (next > 0 && next - 1 < close) return { start: next, end: next, newText: `${indent}${line}${eol}` };
  // `resource "t" "n" {}` on one line.
  return { start: block.openBrace + 1, end: block.openBrace + 1, newText: `${eol}${indent}${line}${eol}${blockIndent}` };
}

/** An edit that adds `line` as the last item of a block body (first, when the `}` does not start its line). */
export function appendToBlock(file: HclFile, block: Block, line: string): FixEdit | undefined {
  if (block.closeBrace < 0) return undefined;
  const start = lineStartOf(file, block.closeBrace);
  if (file.slice(start, block.closeBrace).trim() !== '' || start <= block.openBrace) return insertIntoBlock(file, block, line);
  const last = block.body.items[block.body.items.length - 1];
  const indent = last ? indentAt(file, last.start) : indentAt(file, block.start) + '  ';
  return { start, end: start, newText: `${indent}${line}${lineBreakOf(file)}` };
}

/** An edit that removes an attribute with its whole line (and a trailing comment on it). */
export function removeAttributeLine(file: HclFile, attribute: Attribute): FixEdit {
  const start = lineStartOf(file, attribute.start);
  const next = nextLineStart(file, attribute.end);
  const end = next < 0 ? file.source.length : next;
  const onlyThis = file.slice(start, attribute.start).trim() === '' && !/[^\s#/]/.test(file.slice(attribute.end, end).replace(/(#|\/\/).*$/s, ''));
  return onlyThis ? { start, end, newText: '' } : { start: attribute.start, end: attribute.end, newText: '' };
}

/** An edit removing item `i` of a tuple together with the comma that separates it. */
export function removeTupleItem(file: HclFile, tuple: Tuple, i: number): FixEdit {
  const item = tuple.items[i];
  const next = tuple.items[i + 1];
  if (next) {
    // Keep the following item where it is: remove from this item to the start of the next.
    return { start: removalStart(file, item), end: removalStart(file, next), newText: '' };
  }
  const prev = tuple.items[i - 1];
  if (prev) return { start: prev.end, end: item.end + trailingComma(file, item.end), newText: '' };
  return { start: item.start, end: item.end + trailingComma(file, item.end), newText: '' };
}

function removalStart(file: HclFile, span: Span): number {
  // For items on their own line, remove the line's indentation too so the layout stays tidy.
  const start = lineStartOf(file, span.start);
  return file.slice(start, span.start).trim() === '' ? start : span.start;
}

function trailingComma(file: HclFile, end: number): number {
  const source = file.source;
  let i = end;
  while (source.charAt(i) === ' ' || source.charAt(i) === '\t') i++;
  return source.charAt(i) === ',' ? i + 1 - end : 0;
}

/**
 * The "Change to" fix for a misspelt string item: offered only when the string is written in place (a
 * value reached through a variable or local must be fixed where it is defined).
 */
export function changeStringFix(item: { span: Span; direct: boolean }, better: string | undefined): Fix[] | undefined {
  return better && item.direct ? [replaceFix(`Change to "${better}"`, item.span, hclString(better))] : undefined;
}

/** A fix replacing one span with new text. */
export function replaceFix(title: string, span: Span, newText: string, preferred = true): Fix {
  return { title, edits: [{ start: span.start, end: span.end, newText }], preferred };
}

/** Source text of a span. */
export function textOf(file: HclFile, span: Span): string {
  return file.slice(span.start, span.end);
}

/** The span from a block's type keyword to its last label: where "missing attribute" problems go. */
export function headerSpan(block: Block): Span {
  const last = block.labels[block.labels.length - 1];
  return { start: block.type.start, end: last ? last.end : block.type.end };
}

/** A quoted HCL string for `value`. */
export function hclString(value: string): string {
  return JSON.stringify(value).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
}

export function isStringLiteral(expr: Expression | undefined): expr is Expression & { kind: 'String' } {
  return expr?.kind === 'String';
}
