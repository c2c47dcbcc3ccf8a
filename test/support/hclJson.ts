// Converts our syntax tree to the JSON shape that hcl2json / hcl2-parser produce, so the two parsers can be
// compared value by value: every block becomes an array element under its type and labels, literals
// become JSON values, and any other expression becomes "${<its source text>}". Templates keep their
// decoded literal text with "${<source>}" for interpolations and "%{...}" for directives.
import type { Body, Expression, HclFile, TemplatePart } from '../../server/src/parser';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function fileToJson(file: HclFile): { [key: string]: Json } {
  return bodyToJson(file.text, file.body);
}

function bodyToJson(text: string, body: Body): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  for (const item of body.items) {
    if (item.kind === 'Attribute') {
      out[item.name.name] = expressionToJson(text, item.value);
      continue;
    }
    let target = out;
    const keys = [item.type.name, ...item.labels.map((l) => l.value)];
    for (let i = 0; i < keys.length - 1; i++) {
      target[keys[i]] ??= {};
      target = target[keys[i]] as { [key: string]: Json };
    }
    const last = keys[keys.length - 1];
    target[last] ??= [];
    (target[last] as Json[]).push(bodyToJson(text, item.body));
  }
  return out;
}

export function expressionToJson(text: string, e: Expression): Json {
  const source = (x: { start: number; end: number }) => text.slice(x.start, x.end);
  switch (e.kind) {
    case 'Literal':
      return e.value;
    case 'String':
      return e.value;
    case 'Template': {
      // `"${x}"` alone is HCL's template wrap: a literal inside keeps its type.
      const only = e.parts.length === 1 && !e.heredoc ? e.parts[0] : undefined;
      if (only?.kind === 'TemplateInterpolation') return expressionToJson(text, only.expression);
      return partsToString(text, e.parts);
    }
    case 'Tuple':
      return e.items.map((item) => expressionToJson(text, item));
    case 'Object': {
      const out: { [key: string]: Json } = {};
      for (const item of e.items) {
        const key = item.key.kind === 'Variable' ? item.key.name : expressionToJson(text, item.key);
        out[typeof key === 'string' ? key : `\${${source(item.key)}}`] = expressionToJson(text, item.value);
      }
      return out;
    }
    case 'Unary':
      if (e.operand.kind === 'Literal') {
        if (e.operator === '-' && typeof e.operand.value === 'number') return -e.operand.value;
        if (e.operator === '!' && typeof e.operand.value === 'boolean') return !e.operand.value;
      }
      return `\${${source(e)}}`;
    default:
      return `\${${source(e)}}`;
  }
}

/** How hcl2json renders `${inner}` inside a template. */
function interpolationToString(text: string, inner: Expression): string {
  // Nested string templates and literals are flattened into the outer text.
  if (inner.kind === 'String') return inner.value;
  if (inner.kind === 'Literal' && inner.value !== null) return String(inner.value);
  if (inner.kind === 'Template' && !inner.heredoc) return partsToString(text, inner.parts);
  // An interpolated conditional is rendered as an if directive.
  if (inner.kind === 'Conditional') {
    const src = text.slice(inner.condition.start, inner.condition.end);
    return `%{if ${src}}${interpolationToString(text, inner.trueResult)}%{else}${interpolationToString(text, inner.falseResult)}%{endif}`;
  }
  return `\${${text.slice(inner.start, inner.end)}}`;
}

function partsToString(text: string, parts: TemplatePart[]): string {
  let out = '';
  for (const part of parts) {
    if (part.kind === 'TemplateLiteral') out += part.value;
    else if (part.kind === 'TemplateInterpolation') out += interpolationToString(text, part.expression);
    else if (part.directive === 'if') {
      out += `%{if ${text.slice(part.condition!.start, part.condition!.end)}}` + partsToString(text, part.then);
      if (part.else) out += '%{else}' + partsToString(text, part.else);
      out += '%{endif}';
    } else {
      const vars = part.keyVar ? `${part.keyVar.name}, ${part.valueVar!.name}` : part.valueVar!.name;
      out += `%{for ${vars} in ${text.slice(part.collection!.start, part.collection!.end)}}` + partsToString(text, part.then) + '%{endfor}';
    }
  }
  return out;
}

/** hcl2-parser's verdict: [object, error]; the object is empty when the text does not parse. */
export function referenceJson(src: string): { value: unknown; ok: boolean } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const hcl2 = require('hcl2-parser') as { parseToObject(src: string): [unknown, unknown] };
  try {
    const [value, error] = hcl2.parseToObject(src);
    return { value, ok: error === null || error === undefined };
  } catch {
    // Its converter panics on some valid inputs (e.g. blocks of one type with different label counts).
    return { value: undefined, ok: false };
  }
}
