// Quoted strings, heredocs and their template parts (`${ }` interpolations, `%{ }` directives).
// The template internals read raw token kinds: line breaks inside a heredoc are literal text, and an
// unterminated quoted string is detected by the line break that follows it.
import type { Expression, Identifier, Label, StringLiteral, Template, TemplateDirective, TemplateInterpolation, TemplatePart } from './ast';
import type { Parser } from './parser';
import { FLAG_ESCAPES as ESCAPES, T as Kinds } from './tokens';
import { parseExpression } from './expressions';

// A local alias: under the test runner's per-file transform, imported bindings are getters.
const T = Kinds;
const FLAG_ESCAPES = ESCAPES;

/** A quoted string: a lean `String` node when it has no interpolation or directive, else a `Template`. */
export function quotedTemplate(p: Parser): StringLiteral | Template {
  const kinds = p.kinds;
  const start = p.start();
  let i = p.p + 1;
  const lit = kinds[i] === T.QuotedLit ? i++ : -1;
  const after = kinds[i];
  if (after === T.CQuote || after === T.Newline || after === T.EOF) {
    // Most strings have no escapes (the lexer flags those that do): their value is the raw text.
    const value = lit < 0 ? '' : (p.flags[lit] & FLAG_ESCAPES) === 0 ? p.text.slice(p.starts[lit], p.ends[lit]) : decodeQuoted(p, p.starts[lit], p.ends[lit]);
    const closed = after === T.CQuote;
    const end = closed ? p.ends[i] : lit >= 0 ? p.ends[lit] : start + 1;
    p.p = i;
    if (closed) p.advance();
    else unterminated(p, start, after);
    return { kind: 'String', start, end, value, closed };
  }
  p.advance();
  const parts: TemplatePart[] = [];
  templateParts(p, false, parts, undefined);
  const k = kinds[p.p];
  const node: Template = { kind: 'Template', start, end: p.prevEnd(), parts, heredoc: undefined, closed: k === T.CQuote };
  if (node.closed) {
    node.end = p.end();
    p.advance();
  } else unterminated(p, start, k);
  return node;
}

function unterminated(p: Parser, start: number, k: number): void {
  if (k === T.EOF) p.sawEof = true;
  p.error(start, start + 1, 'Unterminated string');
}

/** `<<EOT` / `<<-EOT` ... `EOT`. */
export function heredocTemplate(p: Parser): Template {
  const start = p.start();
  const openerEnd = p.end();
  const indented = p.text.charCodeAt(start + 2) === 0x2d;
  const markerStart = start + (indented ? 3 : 2);
  let markerEnd = markerStart;
  while (markerEnd < openerEnd && p.text.charCodeAt(markerEnd) !== 0x0a && p.text.charCodeAt(markerEnd) !== 0x0d) markerEnd++;
  const marker = p.text.slice(markerStart, markerEnd);
  p.advance();
  const parts: TemplatePart[] = [];
  templateParts(p, true, parts, undefined);
  const closed = p.kinds[p.p] === T.CHeredoc;
  const node: Template = { kind: 'Template', start, end: p.prevEnd(), parts, heredoc: { marker, indented }, closed };
  if (closed) {
    if (indented) stripIndentation(p.text, openerEnd, p.start(), parts);
    node.end = p.end();
    p.advance();
  } else {
    if (p.kinds[p.p] === T.EOF) p.sawEof = true;
    p.error(start, openerEnd, 'Unterminated heredoc');
  }
  return node;
}

/** Block label: a quoted string (templates are not allowed there). */
export function quotedLabel(p: Parser): Label {
  const expr = quotedTemplate(p);
  if (expr.kind === 'String') return { kind: 'Label', start: expr.start, end: expr.end, value: expr.value, quoted: true, closed: expr.closed };
  p.error(expr.start, expr.end, 'Invalid block label: templates are not allowed here');
  return { kind: 'Label', start: expr.start, end: expr.end, value: p.text.slice(expr.start + 1, expr.closed ? expr.end - 1 : expr.end), quoted: true, closed: expr.closed };
}

type Terminator = 'end' | 'else' | 'endif' | 'endfor';

/**
 * Parts up to the end of the template or a directive clause keyword (`else`, `endif`, `endfor`), which is
 * returned without being consumed.
 */
function templateParts(p: Parser, heredoc: boolean, out: TemplatePart[], _inside: 'if' | 'for' | undefined): Terminator {
  const kinds = p.kinds;
  for (;;) {
    const k = kinds[p.p];
    if (k === T.QuotedLit || k === T.StringLit) {
      const start = p.starts[p.p];
      let end = p.ends[p.p];
      p.advance();
      while (kinds[p.p] === k) {
        end = p.ends[p.p];
        p.advance();
      }
      out.push({ kind: 'TemplateLiteral', start, end, value: heredoc ? decodeHeredoc(p.text, start, end) : decodeQuoted(p, start, end) });
    } else if (k === T.TemplateInterp) {
      const part = interpolation(p);
      if (part.stripLeft) stripPrevious(out, heredoc);
      out.push(part);
      if (part.stripRight) stripNext(p, out);
    } else if (k === T.TemplateControl) {
      const word = directiveWord(p);
      if (word === 'else' || word === 'endif' || word === 'endfor') return word;
      // `%{~`: the literal before the directive loses its trailing whitespace, as with `${~`.
      if (opensWithStrip(p)) stripPrevious(out, heredoc);
      directive(p, heredoc, word, out);
    } else return 'end';
  }
}

/** Whether the `${` / `%{` token at the current position is written with a strip marker (`${~`, `%{~`). */
function opensWithStrip(p: Parser): boolean {
  return p.ends[p.p] - p.starts[p.p] === 3;
}

// In a heredoc HCL reads the text line by line, and a strip marker trims only the piece of text next to it:
// the rest of its own line (with the line break), or the whole line before when the marker starts a line.

/** `${~` / `%{~`: trims the end of the literal just before. */
function stripPrevious(out: TemplatePart[], heredoc: boolean): void {
  const prev = out[out.length - 1];
  if (!prev || prev.kind !== 'TemplateLiteral') return;
  const v = prev.value;
  const from = heredoc ? v.lastIndexOf('\n', v.endsWith('\n') ? v.length - 2 : v.length - 1) + 1 : 0;
  prev.value = v.slice(0, from) + v.slice(from).replace(/[ \t\r\n]+$/, '');
}

/** `~}`: parses the literal just after and trims its start. */
function stripNext(p: Parser, out: TemplatePart[]): void {
  const k = p.kinds[p.p];
  if (k !== T.QuotedLit && k !== T.StringLit) return;
  const count = out.length;
  const heredoc = k === T.StringLit;
  templateLiteralOnly(p, heredoc, out);
  if (out.length > count) {
    const lit = out[out.length - 1];
    if (lit.kind !== 'TemplateLiteral') return;
    const v = lit.value;
    const to = heredoc && v.indexOf('\n') >= 0 ? v.indexOf('\n') + 1 : v.length;
    lit.value = v.slice(0, to).replace(/^[ \t\r\n]+/, '') + v.slice(to);
  }
}

function templateLiteralOnly(p: Parser, heredoc: boolean, out: TemplatePart[]): void {
  const k = p.kinds[p.p];
  const start = p.starts[p.p];
  let end = p.ends[p.p];
  p.advance();
  while (p.kinds[p.p] === k) {
    end = p.ends[p.p];
    p.advance();
  }
  out.push({ kind: 'TemplateLiteral', start, end, value: heredoc ? decodeHeredoc(p.text, start, end) : decodeQuoted(p, start, end) });
}

/** The keyword after `%{` (or '' when there is none). */
function directiveWord(p: Parser): string {
  let i = p.p + 1;
  while (p.kinds[i] === T.Newline) i++;
  return p.kinds[i] === T.Ident ? p.text.slice(p.starts[i], p.ends[i]) : '';
}

function interpolation(p: Parser): TemplateInterpolation {
  const start = p.start();
  const stripLeft = p.end() - start === 3;
  if (!p.enter()) return { kind: 'TemplateInterpolation', start, end: p.start(), expression: p.invalid(start, start), stripLeft, stripRight: false };
  const nl = p.nl;
  p.nl = false;
  p.advance();
  let expression: Expression;
  if (p.kind() === T.TemplateSeqEnd) {
    const at = p.prevEnd();
    p.error(at, at, 'Missing expression');
    expression = p.invalid(at, at);
  } else expression = parseExpression(p);
  const close = closeSequence(p);
  p.nl = nl;
  p.leave();
  return { kind: 'TemplateInterpolation', start, end: close.end, expression, stripLeft, stripRight: close.strip };
}

/** Consumes the `}` / `~}` of an interpolation or directive (reporting and skipping extra tokens). */
function closeSequence(p: Parser): { end: number; strip: boolean } {
  let k = p.kind();
  if (k !== T.TemplateSeqEnd && k !== T.EOF && k !== T.CQuote && k !== T.CHeredoc) {
    p.error(p.start(), p.end(), 'Extra characters in the template sequence');
    while (k !== T.TemplateSeqEnd && k !== T.EOF && k !== T.CQuote && k !== T.CHeredoc) {
      p.advance();
      k = p.kind();
    }
  }
  if (k === T.TemplateSeqEnd) {
    const end = p.end();
    const strip = end - p.start() === 2;
    p.advance();
    return { end, strip };
  }
  const at = p.prevEnd();
  p.missing('Missing closing brace of the template sequence', at);
  return { end: at, strip: false };
}

/**
 * An `if` or `for` directive. Strip markers trim the literals they touch: `~}` after the header or `else`
 * trims the start of the first literal inside, `%{~` of `else`/`endif`/`endfor` trims the end of the last
 * one, and `~}` of the end clause trims the literal after the directive. Appends the directive (and that
 * literal) to `out`.
 */
function directive(p: Parser, heredoc: boolean, word: string, out: TemplatePart[]): void {
  const start = p.start();
  if (!p.enter()) {
    out.push({ kind: 'TemplateInterpolation', start, end: p.start(), expression: p.invalid(start, start), stripLeft: false, stripRight: false });
    return;
  }
  let stripAfter = false;
  const nl = p.nl;
  p.nl = false;
  p.advance(); // %{
  // Line breaks inside a template sequence are insignificant (nl is off): step to the keyword first.
  p.kind();
  let node: TemplatePart;
  if (word === 'if') {
    p.advance();
    const condition = parseExpression(p);
    const header = closeSequence(p);
    p.nl = nl;
    const then: TemplatePart[] = [];
    if (header.strip) stripNext(p, then);
    let term = templateParts(p, heredoc, then, 'if');
    let elseParts: TemplatePart[] | undefined;
    if (term === 'else') {
      if (opensWithStrip(p)) stripPrevious(then, heredoc);
      const clause = simpleClause(p);
      elseParts = [];
      if (clause.strip) stripNext(p, elseParts);
      term = templateParts(p, heredoc, elseParts, 'if');
    }
    if (term !== 'end' && opensWithStrip(p)) stripPrevious(elseParts ?? then, heredoc);
    const d: TemplateDirective = { kind: 'TemplateDirective', start, end: p.prevEnd(), directive: 'if', condition, then, else: elseParts };
    const close = finishDirective(p, term, 'endif', d.end);
    d.end = close.end;
    stripAfter = close.strip;
    node = d;
  } else if (word === 'for') {
    p.advance();
    let keyVar: Identifier | undefined;
    let valueVar = directiveIdent(p);
    if (p.kind() === T.Comma) {
      p.advance();
      keyVar = valueVar;
      valueVar = directiveIdent(p);
    }
    let collection: Expression;
    if (p.isKeyword('in')) {
      p.advance();
      collection = parseExpression(p);
    } else {
      const at = p.prevEnd();
      p.error(at, at, 'Missing "in" keyword');
      collection = p.invalid(at, at);
    }
    const header = closeSequence(p);
    p.nl = nl;
    const then: TemplatePart[] = [];
    if (header.strip) stripNext(p, then);
    const term = templateParts(p, heredoc, then, 'for');
    if (term !== 'end' && opensWithStrip(p)) stripPrevious(then, heredoc);
    const d: TemplateDirective = { kind: 'TemplateDirective', start, end: p.prevEnd(), directive: 'for', keyVar, valueVar, collection, then };
    const close = finishDirective(p, term, 'endfor', d.end);
    d.end = close.end;
    stripAfter = close.strip;
    node = d;
  } else {
    p.error(start, p.end(), 'Invalid template directive');
    const close = closeSequence(p);
    node = { kind: 'TemplateInterpolation', start, end: close.end, expression: p.invalid(start, close.end), stripLeft: false, stripRight: false };
  }
  p.nl = nl;
  p.leave();
  out.push(node);
  if (stripAfter) stripNext(p, out);
}

function directiveIdent(p: Parser): Identifier {
  if (p.kind() === T.Ident) return p.identifier();
  const at = p.prevEnd();
  p.error(at, at, 'Missing variable name');
  return { kind: 'Identifier', start: at, end: at, name: '' };
}

/** `%{ else }`, `%{ endif }`, `%{ endfor }`: its end offset, and whether it closes with `~}`. */
function simpleClause(p: Parser): { end: number; strip: boolean } {
  const nl = p.nl;
  p.nl = false;
  p.advance(); // %{
  p.kind(); // over line breaks, which are insignificant inside the sequence
  p.advance(); // keyword
  const close = closeSequence(p);
  p.nl = nl;
  return close;
}

function finishDirective(p: Parser, term: Terminator, expected: 'endif' | 'endfor', end: number): { end: number; strip: boolean } {
  if (term === expected) return simpleClause(p);
  if (term === 'end') {
    p.error(end, end, `Missing %{ ${expected} }`);
    return { end, strip: false };
  }
  // A mismatched clause (e.g. `endfor` closing an `if`): report it and consume it as our end.
  const start = p.start();
  const close = simpleClause(p);
  p.error(start, close.end, `Expected %{ ${expected} }`);
  return close;
}

// ----- decoding ----------------------------------------------------------------------------------------

/** Decodes escapes and `$${` / `%%{` of a quoted-string literal run; reports invalid escapes. */
export function decodeQuoted(p: Parser | undefined, start: number, end: number): string {
  const text = p ? p.text : '';
  let i = start;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c || ((c === 0x24 || c === 0x25) && text.charCodeAt(i + 1) === c)) break;
  }
  if (i === end) return text.slice(start, end);
  let out = text.slice(start, i);
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) {
      const n = text.charCodeAt(i + 1);
      const simple = n === 0x6e ? '\n' : n === 0x74 ? '\t' : n === 0x72 ? '\r' : n === 0x22 ? '"' : n === 0x5c ? '\\' : undefined;
      if (simple !== undefined && i + 1 < end) {
        out += simple;
        i += 2;
        continue;
      }
      if (n === 0x75 || n === 0x55) {
        const len = n === 0x75 ? 4 : 8;
        const hex = text.slice(i + 2, i + 2 + len);
        const cp = /^[0-9a-fA-F]+$/.test(hex) && hex.length === len ? parseInt(hex, 16) : -1;
        if (cp >= 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) {
          out += String.fromCodePoint(cp);
          i += 2 + len;
          continue;
        }
      }
      const bad = Math.min(end, i + 2);
      p?.error(i, bad, 'Invalid escape sequence');
      out += text.slice(i, bad);
      i = bad;
      continue;
    }
    if ((c === 0x24 || c === 0x25) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === 0x7b) {
      out += text[i] + '{';
      i += 3;
      continue;
    }
    out += text[i];
    i++;
  }
  return out;
}

/** Heredoc literals keep backslashes; only `$${` and `%%{` are escapes. */
function decodeHeredoc(text: string, start: number, end: number): string {
  const raw = text.slice(start, end);
  return raw.indexOf('${') === -1 && raw.indexOf('%{') === -1 ? raw : raw.replace(/([$%])\1\{/g, '$1{');
}

/**
 * `<<-` heredocs: removes the smallest indentation of the non-blank content lines from every line
 * (computed over the raw content `text[from, to)`).
 */
function stripIndentation(text: string, from: number, to: number, parts: TemplatePart[]): void {
  let min = Infinity;
  let lineStart = from;
  while (lineStart < to) {
    let i = lineStart;
    while (i < to && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
    const c = i < to ? text.charCodeAt(i) : 0x0a;
    if (c !== 0x0a && c !== 0x0d) min = Math.min(min, i - lineStart);
    while (i < to && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
    if (i < to && text.charCodeAt(i) === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
    lineStart = i + 1;
  }
  if (min === Infinity || min === 0) return;
  const visit = (list: TemplatePart[]): void => {
    for (const part of list) {
      if (part.kind === 'TemplateLiteral') {
        const atLineStart = part.start === from || text.charCodeAt(part.start - 1) === 0x0a || text.charCodeAt(part.start - 1) === 0x0d;
        part.value = dedent(part.value, atLineStart, min);
      } else if (part.kind === 'TemplateDirective') {
        visit(part.then);
        if (part.else) visit(part.else);
      }
    }
  };
  visit(parts);
}

function dedent(value: string, atLineStart: boolean, min: number): string {
  const lines = value.split(/(?<=\n|\r(?!\n))/);
  return lines
    .map((line, i) => {
      if (i === 0 && !atLineStart) return line;
      let n = 0;
      while (n < min && (line.charCodeAt(n) === 0x20 || line.charCodeAt(n) === 0x09)) n++;
      return line.slice(n);
    })
    .join('');
}
