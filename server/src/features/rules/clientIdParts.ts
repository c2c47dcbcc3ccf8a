// Which part of a client's identifier an expression yields: a small abstract interpretation over HCL
// expressions. The awscc resource's `id` is `<user_pool_id>|<client_id>`; people cut the client ID out of it
// with `split("|", x.id)[1]`, `element(split(...), 1)`, `trimprefix(x.id, "${pool}|")`, `regex("[^|]+$", x.id)`
// and the like. Rules ask "can the whole id (or only the pool part) reach this place?" and get an answer that
// follows those functions, conditionals, for expressions, templates and locals.
//
// An abstract value is a list of alternatives (a conditional may yield either branch); an empty list means
// "nothing we know about a client identifier", which no rule ever reports. Functions we do not model yield
// the empty list, so the analysis can miss a mistake but never invents one.
import type { Expression, Span, Traversal, TraversalStep } from '../../parser';
import { staticString } from '../../parser';
import type { TerraformModule } from '../../model';
import { RESOURCE_TYPE } from '../../knowledge';

export type IdPart = 'whole' | 'client' | 'pool';

/** A local the value passed through, with the reference to it in the expression that used it. */
export interface IdVia {
  name: string;
  span: Span;
}

export interface IdOrigin {
  /** `awscc_cognito_user_pool_client.web` (or `data.awscc_cognito_user_pool_client.web`). */
  resource: string;
  /** The attribute step (`id`, `client_id`, `user_pool_id`) of the reference, in the document it is written in. */
  attribute: Span;
  /** Locals the value came through, the one referenced by the analysed expression first; empty when written there. */
  via: readonly IdVia[];
}

export type IdShape =
  /** The id, its client part or its pool part (or a string that contains the whole id, like `"${x.id}"`). */
  | { kind: 'part'; part: IdPart; origin: IdOrigin }
  /** A list whose items are known in order: `split("|", x.id)` (split = true) or a list literal. */
  | { kind: 'items'; items: IdValue[]; split: boolean }
  /** A collection whose every element is `of` (splat, for expression, values()). */
  | { kind: 'each'; of: IdValue }
  /** A client resource object itself (`awscc_cognito_user_pool_client.web`, an element of `values(...)`). */
  | { kind: 'client'; resource: string; via: readonly IdVia[] };

export type IdValue = readonly IdShape[];

const NOTHING: IdValue = [];
const MAX_DEPTH = 12;

// Values a regex or replace() is run on to see which part it keeps. Real client IDs are 26 lowercase letters
// and digits, pool IDs `<region>_<alphanumerics>`.
const SAMPLE_POOL = 'us-east-1_Ex4mpLe9';
const SAMPLE_CLIENT = '4example0client7id2abcdefg';
const SAMPLE_WHOLE = `${SAMPLE_POOL}|${SAMPLE_CLIENT}`;

interface Env {
  module?: TerraformModule;
  /** for-expression variables in scope. */
  vars: ReadonlyMap<string, IdValue>;
  via: readonly IdVia[];
  /** Locals being evaluated (a cycle yields nothing). */
  visiting: ReadonlySet<string>;
  depth: number;
}

/** What `expr` yields of a client's identifier, following `local.*` through `module` when given. */
export function idPartsOf(expr: Expression, module?: TerraformModule): IdValue {
  return valueOf(expr, { module, vars: new Map(), via: [], visiting: new Set(), depth: 0 });
}

/** Every part that can end up in the value, looking inside lists and collections (not inside an unindexed split). */
export function reachingParts(value: IdValue): { part: IdPart; origin: IdOrigin }[] {
  const out: { part: IdPart; origin: IdOrigin }[] = [];
  const visit = (v: IdValue) => {
    for (const s of v) {
      if (s.kind === 'part') out.push(s);
      else if (s.kind === 'each') visit(s.of);
      else if (s.kind === 'items' && !s.split) for (const i of s.items) visit(i);
    }
  };
  visit(value);
  return out;
}

function valueOf(expr: Expression, env: Env): IdValue {
  if (env.depth > MAX_DEPTH) return NOTHING;
  const inner = { ...env, depth: env.depth + 1 };
  switch (expr.kind) {
    case 'Parens':
      return valueOf(expr.expression, inner);
    case 'Conditional':
      return [...valueOf(expr.trueResult, inner), ...valueOf(expr.falseResult, inner)];
    case 'Traversal':
      return traversal(expr, inner);
    case 'Variable':
      return env.vars.get(expr.name) ?? NOTHING;
    case 'Template':
      return template(expr, inner);
    case 'Tuple': {
      const items = expr.items.map((i) => valueOf(i, inner));
      return items.some((i) => i.length > 0) ? [{ kind: 'items', items, split: false }] : NOTHING;
    }
    case 'For': {
      const element = elementOf(valueOf(expr.collection, inner));
      if (element.length === 0) return NOTHING;
      const vars = new Map(env.vars);
      vars.set(expr.valueVar.name, element);
      if (expr.keyVar) vars.set(expr.keyVar.name, NOTHING);
      const of = valueOf(expr.valueExpr, { ...inner, vars });
      return of.length > 0 ? [{ kind: 'each', of }] : NOTHING;
    }
    case 'FunctionCall':
      return call(expr.name.name, expr.args, inner);
    default:
      return NOTHING;
  }
}

/** What one element of a collection value is. */
function elementOf(value: IdValue): IdValue {
  const out: IdShape[] = [];
  for (const s of value) {
    if (s.kind === 'each') out.push(...s.of);
    else if (s.kind === 'items') for (const i of s.items) out.push(...i);
    // `for c in awscc_cognito_user_pool_client.web` (count/for_each): each element is a client object.
    else if (s.kind === 'client') out.push(s);
  }
  return out;
}

function traversal(t: Traversal, env: Env): IdValue {
  let base: IdValue;
  let steps: readonly TraversalStep[] = t.steps;
  const source = t.source;
  if (source.kind === 'Variable') {
    const first = steps[0];
    if (source.name === RESOURCE_TYPE || (source.name === 'data' && first?.kind === 'GetAttr' && first.name === RESOURCE_TYPE)) {
      const data = source.name === 'data';
      if (data) steps = steps.slice(1);
      const name = steps[0];
      if (name?.kind !== 'GetAttr' || !name.name) return NOTHING;
      base = [{ kind: 'client', resource: `${data ? 'data.' : ''}${RESOURCE_TYPE}.${name.name}`, via: env.via }];
      steps = steps.slice(1);
    } else if (source.name === 'local') {
      if (first?.kind !== 'GetAttr' || !first.name) return NOTHING;
      base = local(first.name, { start: t.start, end: first.end }, env);
      steps = steps.slice(1);
    } else {
      const bound = env.vars.get(source.name);
      if (!bound) return NOTHING;
      base = bound;
    }
  } else base = valueOf(source, env);
  return applySteps(base, steps);
}

function local(name: string, span: Span, env: Env): IdValue {
  if (!env.module || env.visiting.has(name)) return NOTHING;
  const decl = env.module.findLocal(name);
  if (!decl?.node || decl.node.kind !== 'Attribute' || decl.override) return NOTHING;
  const visiting = new Set(env.visiting).add(name);
  // Spans inside the local belong to its own document; only the first `via` (here) is in the analysed one.
  return valueOf(decl.node.value, { ...env, vars: new Map(), visiting, via: [...env.via, { name: `local.${name}`, span }] });
}

function applySteps(value: IdValue, steps: readonly TraversalStep[]): IdValue {
  let current = value;
  for (let i = 0; i < steps.length && current.length > 0; i++) {
    const step = steps[i];
    if (step.kind === 'SplatStep') {
      // `x[*].id`: the rest applies to each element; a client object splats to itself (count or for_each).
      const element = current.flatMap((s): IdShape[] => (s.kind === 'client' ? [s] : [...elementOf([s])]));
      const of = applySteps(element, steps.slice(i + 1));
      return of.length > 0 ? [{ kind: 'each', of }] : NOTHING;
    }
    current = current.flatMap((s) => stepOne(s, step));
  }
  return current;
}

function stepOne(shape: IdShape, step: TraversalStep): IdShape[] {
  if (step.kind === 'GetAttr') {
    if (shape.kind !== 'client') return [];
    const part: IdPart | undefined = step.name === 'id' ? 'whole' : step.name === 'client_id' ? 'client' : step.name === 'user_pool_id' ? 'pool' : undefined;
    return part ? [{ kind: 'part', part, origin: { resource: shape.resource, attribute: { start: step.nameStart, end: step.end }, via: shape.via } }] : [];
  }
  // `[0]`, `["key"]`, `.0`: an instance of a client with count/for_each is still a client object.
  if (shape.kind === 'client') return [shape];
  const index = step.kind === 'LegacyIndex' ? step.index : step.kind === 'Index' ? staticNumber(step.key) : undefined;
  if (shape.kind === 'each') return [...shape.of];
  if (shape.kind === 'items' && index !== undefined && index >= 0 && index < shape.items.length) return [...shape.items[index]];
  return [];
}

function staticNumber(expr: Expression): number | undefined {
  if (expr.kind === 'Literal' && typeof expr.value === 'number' && Number.isInteger(expr.value)) return expr.value;
  const s = staticString(expr);
  return s !== undefined && /^\d+$/.test(s) ? Number(s) : undefined;
}

function template(expr: Expression & { kind: 'Template' }, env: Env): IdValue {
  const pieces = expr.parts.filter((p) => !(p.kind === 'TemplateLiteral' && p.value === ''));
  if (pieces.length === 1 && pieces[0].kind === 'TemplateInterpolation') return valueOf(pieces[0].expression, env);
  // A longer text that embeds the whole id still carries `<pool>|<client>`; parts mixed into text say nothing.
  const out: IdShape[] = [];
  for (const p of pieces) {
    if (p.kind !== 'TemplateInterpolation') continue;
    for (const s of valueOf(p.expression, env)) if (s.kind === 'part' && s.part === 'whole') out.push(s);
  }
  return out;
}

// ----- functions ---------------------------------------------------------------------------------------------

/** Functions that return their (string) argument with the `|` and both parts still in it. */
const KEEPS_PARTS = new Set(['lower', 'upper', 'title', 'trimspace', 'chomp', 'tostring', 'nonsensitive', 'sensitive', 'trim']);

function call(name: string, args: readonly Expression[], env: Env): IdValue {
  const arg = (i: number) => (args[i] ? valueOf(args[i], env) : NOTHING);
  if (KEEPS_PARTS.has(name)) return arg(0);
  switch (name) {
    case 'try':
    case 'coalesce':
    case 'coalescelist':
      return args.flatMap((_, i) => arg(i));
    case 'split':
      return staticString(args[0] ?? invalid) === '|' ? mapWhole(arg(1), (w) => ({ kind: 'items', items: [[{ ...w, part: 'pool' }], [{ ...w, part: 'client' }]], split: true })) : NOTHING;
    case 'element': {
      const n = args[1] ? staticNumber(args[1]) : undefined;
      return arg(0).flatMap((s): IdShape[] => {
        if (s.kind === 'each') return [...s.of];
        if (s.kind === 'items' && n !== undefined && s.items.length > 0) return [...s.items[n % s.items.length]];
        return [];
      });
    }
    case 'one':
      return arg(0).flatMap((s): IdShape[] => (s.kind === 'each' ? [...s.of] : s.kind === 'items' && s.items.length === 1 ? [...s.items[0]] : []));
    case 'reverse':
      return arg(0).map((s) => (s.kind === 'items' ? { ...s, items: [...s.items].reverse() } : s));
    case 'slice': {
      const from = args[1] ? staticNumber(args[1]) : undefined;
      const to = args[2] ? staticNumber(args[2]) : undefined;
      return arg(0).flatMap((s): IdShape[] => {
        if (s.kind === 'each') return [s];
        if (s.kind === 'items' && from !== undefined && to !== undefined) return [{ ...s, items: s.items.slice(from, to) }];
        return [];
      });
    }
    case 'tolist':
    case 'toset':
    case 'distinct':
    case 'compact':
    case 'sort':
    case 'flatten':
    case 'values': {
      const of = elementOf(arg(0));
      return of.length > 0 ? [{ kind: 'each', of }] : NOTHING;
    }
    case 'concat': {
      const of = args.flatMap((_, i) => elementOf(arg(i)));
      return of.length > 0 ? [{ kind: 'each', of }] : NOTHING;
    }
    case 'join':
      return join(staticString(args[0] ?? invalid), arg(1));
    case 'format':
      return format(staticString(args[0] ?? invalid), args.slice(1).map((_, i) => arg(i + 1)));
    case 'trimprefix':
      return cut(arg(0), args[1], 'prefix');
    case 'trimsuffix':
      return cut(arg(0), args[1], 'suffix');
    case 'replace': {
      const search = args[1] ? staticString(args[1]) : undefined;
      const replacement = args[2] ? staticString(args[2]) : undefined;
      if (search !== undefined && search.length > 1 && search.startsWith('/') && search.endsWith('/')) {
        return replacement === undefined ? NOTHING : bySample(arg(0), (sample) => replaceByRegex(sample, search.slice(1, -1), replacement));
      }
      // A plain search string works like trimprefix/trimsuffix when it is replaced by nothing.
      if (replacement === '') return cut(arg(0), args[1], 'either');
      return search !== undefined && !search.includes('|') ? arg(0) : NOTHING;
    }
    case 'regex': {
      const pattern = args[0] ? staticString(args[0]) : undefined;
      return pattern === undefined ? NOTHING : regexOnSample(arg(1), pattern);
    }
    default:
      return NOTHING;
  }
}

const invalid: Expression = { kind: 'Invalid', start: 0, end: 0 };

function mapWhole(value: IdValue, f: (whole: IdShape & { kind: 'part' }) => IdShape): IdShape[] {
  const out: IdShape[] = [];
  for (const s of value) {
    if (s.kind === 'part' && s.part === 'whole') out.push(f(s));
    else if (s.kind === 'each') {
      const of = mapWhole(s.of, f);
      if (of.length > 0) out.push({ kind: 'each', of });
    }
  }
  return out;
}

function join(separator: string | undefined, list: IdValue): IdValue {
  const out: IdShape[] = [];
  for (const s of list) {
    const items = s.kind === 'items' ? s.items.map((i) => i.filter((x): x is IdShape & { kind: 'part' } => x.kind === 'part')) : [];
    // `join("|", split("|", x.id))` puts the id back together.
    if (separator === '|' && items.length === 2 && items[0][0]?.part === 'pool' && items[1][0]?.part === 'client') out.push({ ...items[1][0], part: 'whole' });
    else if (items.length === 1) out.push(...items[0]);
    for (const part of reachingParts([s])) if (part.part === 'whole') out.push({ kind: 'part', ...part });
  }
  return out;
}

function format(spec: string | undefined, args: IdValue[]): IdValue {
  if (spec === undefined) return NOTHING;
  if ((spec === '%s' || spec === '%v') && args[0]) return args[0];
  const parts = args.flatMap((a) => a.filter((s): s is IdShape & { kind: 'part' } => s.kind === 'part'));
  const whole = parts.filter((p) => p.part === 'whole');
  if (whole.length > 0) return whole;
  const pool = parts.find((p) => p.part === 'pool');
  const client = parts.find((p) => p.part === 'client');
  return /%[sv]\|%[sv]/.test(spec) && pool && client ? [{ ...client, part: 'whole' }] : NOTHING;
}

/**
 * trimprefix/trimsuffix (and replace with "") of the id: a prefix that ends in `|` leaves the client part (it
 * names the pool, whatever expression gives it), a suffix that starts with `|` leaves the pool part. A static
 * affix without `|` leaves the id whole.
 */
function cut(value: IdValue, affix: Expression | undefined, side: 'prefix' | 'suffix' | 'either'): IdValue {
  if (!affix) return NOTHING;
  const text = staticString(affix);
  const literals = affix.kind === 'Template' ? affix.parts.filter((p) => p.kind === 'TemplateLiteral').map((p) => (p as { value: string }).value) : [];
  const last = affix.kind === 'Template' ? affix.parts[affix.parts.length - 1] : undefined;
  const first = affix.kind === 'Template' ? affix.parts[0] : undefined;
  const endsWithPipe = text !== undefined ? text.endsWith('|') : last?.kind === 'TemplateLiteral' && last.value.endsWith('|');
  const startsWithPipe = text !== undefined ? text.startsWith('|') : first?.kind === 'TemplateLiteral' && first.value.startsWith('|');
  if (text !== undefined && !text.includes('|')) return value;
  if (text === undefined && !literals.some((l) => l.includes('|'))) return NOTHING;
  if ((side === 'prefix' || side === 'either') && endsWithPipe) return mapWhole(value, (w) => ({ ...w, part: 'client' }));
  if ((side === 'suffix' || side === 'either') && startsWithPipe) return mapWhole(value, (w) => ({ ...w, part: 'pool' }));
  return NOTHING;
}

/** Runs a string function on a sample id and reads which part survives. */
function bySample(value: IdValue, f: (sample: string) => string | undefined): IdValue {
  let result: string | undefined;
  try {
    result = f(SAMPLE_WHOLE);
  } catch {
    return NOTHING;
  }
  const part = result === undefined ? undefined : classify(result);
  return part ? mapWhole(value, (w) => ({ ...w, part })) : NOTHING;
}

function classify(text: string): IdPart | undefined {
  if (text === SAMPLE_CLIENT) return 'client';
  if (text === SAMPLE_POOL) return 'pool';
  return text.includes(SAMPLE_WHOLE) ? 'whole' : undefined;
}

/** Terraform's replace() with a `/regex/` search. */
function replaceByRegex(text: string, pattern: string, replacement: string): string | undefined {
  const re = toJsRegex(pattern, 'g');
  return re ? text.replace(re, replacement.replace(/\$\{(\w+)\}/g, '$<$1>')) : undefined;
}

function regexOnSample(value: IdValue, pattern: string): IdValue {
  const re = toJsRegex(pattern, '');
  const match = re?.exec(SAMPLE_WHOLE);
  if (!re || !match) return NOTHING;
  if (match.groups) return NOTHING; // named groups make an object
  if (match.length === 1) return bySample(value, () => match[0]);
  // Unnamed groups make a list of the captures.
  const captures = match.slice(1).map((c) => (c === undefined ? undefined : classify(c)));
  const shapes = mapWhole(value, (w) => ({ kind: 'items', split: true, items: captures.map((p) => (p ? [{ ...w, part: p }] : [])) }));
  return shapes;
}

/** RE2 syntax as Terraform takes it, in JavaScript; undefined for what JavaScript cannot read. */
function toJsRegex(source: string, flags: string): RegExp | undefined {
  try {
    return new RegExp(source.replace(/\(\?P</g, '(?<'), flags);
  } catch {
    return undefined;
  }
}
