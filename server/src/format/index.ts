// `terraform fmt` without a terraform binary: hclwrite's layout (see layout.ts) plus terraform's own
// rewrites (see rewrites.ts). Used by the editor's "Format Document" and by the import renderer.
//
// Decisions, where terraform leaves room or where an editor needs something else:
//   - A document with syntax errors is not formatted at all (terraform fmt refuses too): laying out tokens
//     the parser could not place risks moving text somewhere the user did not mean.
//   - Line breaks are written back exactly as they were. terraform fmt also keeps CRLF as CRLF, and editors
//     on Windows expect their line endings to survive formatting.
//   - The result always ends with a line break (terraform appends one); it is CRLF when the document's first
//     line break is CRLF, where terraform would append LF.
//   - Spaces and tabs after the last line break are dropped. terraform keeps them (its end-of-file token
//     keeps its leading spaces) and then appends a line break, leaving a line of blanks; we don't.
//   - Blank lines are kept (neither hclwrite nor terraform collapse them); comments are kept byte for byte,
//     trailing spaces inside a comment included, as terraform does.
//   - A leading byte-order mark is dropped, as terraform does.
import { parse, tokenize, type HclFile } from '../parser';
import { layout } from './layout';
import { escapeString, terraformRewrites, type Replacement } from './rewrites';

export interface FormatOptions {
  /**
   * Apply terraform fmt's rewrites on top of the layout (unwrapping `"${x}"`, quoting bare labels, 0.11
   * type keywords). Default true. With false the result is exactly what hclwrite's formatter produces.
   */
  terraformRewrites?: boolean;
}

export type FormatResult = { text: string } | { error: string };

/** An edit in offsets of the original text (end exclusive). */
export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

export type FormatEditsResult = { edits: OffsetEdit[] } | { error: string };

/** Formats a whole document; `{ error }` (and no text) when the document has syntax errors. */
export function format(text: string, options: FormatOptions = {}): FormatResult {
  const result = formatEdits(parse(text), options);
  if ('error' in result) return result;
  return { text: applyEdits(text, result.edits) };
}

/**
 * The edits that format `file`: one edit per changed run of whitespace when only spacing changes, or one
 * edit spanning the changed region when terraform's rewrites changed tokens too. Empty when the file is
 * already formatted.
 */
export function formatEdits(file: HclFile, options: FormatOptions = {}): FormatEditsResult {
  const refusal = syntaxRefusal(file);
  if (refusal) return { error: refusal };
  const source = file.text;
  let text = source;
  const sourceTokens = tokenize(source);
  if (options.terraformRewrites !== false) {
    const replacements = terraformRewrites(file, sourceTokens);
    if (replacements.length > 0) {
      const rewritten = applyEdits(source, replacements);
      // A rewrite must never turn a valid document into an invalid one; if it would, lay out the original.
      if (!parse(rewritten).diagnostics.some((d) => d.severity === 'error')) text = rewritten;
    }
  }
  const laid = layout(text === source ? sourceTokens : tokenize(text));
  if (!laid) return { error: 'Not formatted: the document contains characters that are not valid HCL.' };
  const ending = /\r\n|\n|\r/.exec(text)?.[0] === '\r\n' ? '\r\n' : '\n';
  const tail = laid.endsWithLineBreak ? '' : ending;

  if (text !== source) return { edits: singleEdit(source, laid.text() + tail) };
  // Same tokens as the source: replace only the whitespace runs that differ.
  const edits: OffsetEdit[] = [];
  let prevEnd = 0;
  for (let i = 0; i < laid.tokenStarts.length; i++) {
    const start = laid.tokenStarts[i];
    const want = ' '.repeat(laid.spacesBefore[i]);
    if (source.slice(prevEnd, start) !== want) edits.push({ start: prevEnd, end: start, text: want });
    prevEnd = laid.tokenEnds[i];
  }
  if (source.slice(prevEnd) !== tail) edits.push({ start: prevEnd, end: source.length, text: tail });
  return { edits };
}

/** Why a document is left alone, or undefined when it can be formatted. */
function syntaxRefusal(file: HclFile): string | undefined {
  const first = file.diagnostics.find((d) => d.severity === 'error');
  if (!first) return undefined;
  const line = file.lines.positionAt(first.start).line + 1;
  return `Not formatted: the document has a syntax error (line ${line}: ${first.message}). Fix it first, so formatting cannot move text to the wrong place.`;
}

/** One edit covering everything between the common prefix and the common suffix. */
function singleEdit(before: string, after: string): OffsetEdit[] {
  if (before === after) return [];
  let p = 0;
  const max = Math.min(before.length, after.length);
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  // Never cut a surrogate pair in half: an edit boundary inside one would be invalid UTF-16 on its own.
  if (p > 0 && isHighSurrogate(before.charCodeAt(p - 1))) p--;
  if (s > 0 && isHighSurrogate(before.charCodeAt(before.length - 1 - s))) s--;
  return [{ start: p, end: before.length - s, text: after.slice(p, after.length - s) }];
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** Applies non-overlapping edits given in ascending order of offsets of `text`. */
export function applyEdits(text: string, edits: readonly (OffsetEdit | Replacement)[]): string {
  const parts: string[] = [];
  let pos = 0;
  for (const edit of edits) {
    parts.push(text.slice(pos, edit.start), edit.text);
    pos = edit.end;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}

/** `value` as an HCL quoted string, escaped the way hclwrite writes strings. */
export function quoteString(value: string): string {
  return `"${escapeString(value)}"`;
}
