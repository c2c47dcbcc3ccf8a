// Static evaluation of the few expressions whose value is known without Terraform: literals, lists and
// objects of literals, and references to `local.x` or to a variable (its value in an automatically loaded
// tfvars file, else its literal default) in the same module. Anything else (other references, function
// calls, conditionals, interpolated templates, for expressions) evaluates to undefined, so no rule ever
// guesses. Every value says where it came from (`origin`): a value only a variable's default supplies is
// not the value AWS will see when a caller passes another one, and the rule runner judges it by that.
import type { Expression, Span } from '../parser';
import { staticString } from '../parser';
import type { CallerArgument, Declaration, TerraformModule, TfvarsValue } from '../model';

/**
 * Where a value came from. Absent: written in place or in a local of literals (both certain). Unknown
 * values have no StaticValue at all.
 */
export type Origin =
  | { kind: 'default'; variable: string; declaration: Declaration; /** The default's expression. */ at: Span; text: string; caller?: CallerOrigin }
  | { kind: 'tfvars'; variable: string; value: TfvarsValue; caller?: CallerOrigin }
  | CallerOrigin;

/**
 * A value a module call gives a child's variable (its argument, or the child's default when the call
 * passes none): certain for that call, and reported on the call (features/moduleCalls.ts).
 */
export interface CallerOrigin {
  kind: 'caller';
  variable: string;
  argument: CallerArgument;
}

interface Common {
  /** Where to report a problem with this value: the literal itself, or the reference it came through. */
  span: Span;
  /** False when the value came through `local.x`/`var.x`: the span is the reference, and no edit may rewrite it. */
  direct: boolean;
  /** `local.x` / `var.x` when the value came through one (for messages). */
  via?: string;
  /** A variable's default or a tfvars file, when the value came from one. */
  origin?: Origin;
}

export type StaticValue =
  | (Common & { kind: 'string'; value: string })
  | (Common & { kind: 'number'; value: number })
  | (Common & { kind: 'bool'; value: boolean })
  | (Common & { kind: 'null' })
  /** Items that cannot be evaluated are undefined; the list itself is still known to be a list. */
  | (Common & { kind: 'list'; items: (StaticValue | undefined)[] })
  | (Common & { kind: 'object'; entries: StaticEntry[] });

export interface StaticEntry {
  key: string;
  keySpan: Span;
  value: StaticValue | undefined;
}

const MAX_DEPTH = 8;

interface Through {
  span: Span;
  name: string;
  origin?: Origin;
}

/**
 * Origins by the span of the reference a value came through: a finding is reported at a value's span, so
 * the rule runner can tell where the value it is about came from without each rule passing it on.
 */
const originBySpan = new WeakMap<Span, Origin>();

/** The origin of the value a finding at `span` is about, when it came from a default or a tfvars file. */
export function originOfSpan(span: Span): Origin | undefined {
  return originBySpan.get(span);
}

/** The static value of an expression, resolving `local.*` and `var.*` defaults through `module` when given. */
export function evaluate(expr: Expression, module?: TerraformModule): StaticValue | undefined {
  return evaluateAt(expr, module, undefined, 0);
}

/** The kind an expression certainly has even when its value is unknown (`[for ...]` is a list, `"${x}"` a string). */
export function shapeOf(expr: Expression): 'string' | 'list' | 'object' | undefined {
  switch (expr.kind) {
    case 'String':
    case 'Template':
      return 'string';
    case 'Tuple':
      return 'list';
    case 'Object':
      return 'object';
    case 'For':
      return expr.object ? 'object' : 'list';
    default:
      return undefined;
  }
}

function evaluateAt(expr: Expression, module: TerraformModule | undefined, via: Through | undefined, depth: number): StaticValue | undefined {
  if (depth > MAX_DEPTH) return undefined;
  // The common fields are written out in each literal: spreading a shared object was a quarter of a first
  // diagnostics run (V8 copies spread properties on a slow path).
  const span = via ? via.span : expr;
  const direct = via === undefined;
  const name = via?.name;
  const origin = via?.origin;
  switch (expr.kind) {
    case 'Literal':
      if (expr.value === null) return { span, direct, via: name, origin, kind: 'null' };
      if (typeof expr.value === 'number') return { span, direct, via: name, origin, kind: 'number', value: expr.value };
      return { span, direct, via: name, origin, kind: 'bool', value: expr.value };
    case 'String':
      return { span, direct, via: name, origin, kind: 'string', value: expr.value };
    case 'Template': {
      const text = staticString(expr);
      return text === undefined ? undefined : { span, direct, via: name, origin, kind: 'string', value: text };
    }
    case 'Unary': {
      if (expr.operator !== '-') return undefined;
      const inner = evaluateAt(expr.operand, module, via, depth + 1);
      return inner?.kind === 'number' ? { span, direct, via: name, origin, kind: 'number', value: -inner.value } : undefined;
    }
    case 'Parens':
      return evaluateAt(expr.expression, module, via, depth + 1);
    case 'Tuple': {
      if (!expr.closed) return undefined;
      const items = new Array<StaticValue | undefined>(expr.items.length);
      for (let i = 0; i < items.length; i++) items[i] = evaluateAt(expr.items[i], module, via, depth + 1);
      return { span, direct, via: name, origin, kind: 'list', items };
    }
    case 'Object': {
      if (!expr.closed) return undefined;
      const entries: StaticEntry[] = [];
      for (const item of expr.items) {
        const key = objectKey(item.key);
        // A computed key makes the whole object's key set unknown.
        if (key === undefined) return undefined;
        entries.push({ key, keySpan: via ? via.span : item.key, value: evaluateAt(item.value, module, via, depth + 1) });
      }
      return { span, direct, via: name, origin, kind: 'object', entries };
    }
    case 'Traversal':
      return module ? resolveReference(expr, module, via, depth) : undefined;
    default:
      return undefined;
  }
}

/** The key of an object item when it is static: a bare name or a literal string. */
export function objectKey(key: Expression): string | undefined {
  if (key.kind === 'Variable') return key.name;
  return staticString(key);
}

function resolveReference(expr: Expression & { kind: 'Traversal' }, module: TerraformModule, via: Through | undefined, depth: number): StaticValue | undefined {
  if (expr.source.kind !== 'Variable' || expr.steps.length !== 1) return undefined;
  const step = expr.steps[0];
  if (step.kind !== 'GetAttr' || !step.name) return undefined;
  const root = expr.source.name;
  const name = `${root}.${step.name}`;
  if (root === 'local') {
    const decl = module.findLocal(step.name);
    if (!decl?.node || decl.node.kind !== 'Attribute' || decl.override) return undefined;
    return evaluateAt(decl.node.value, module, via ?? { span: expr, name }, depth + 1);
  }
  if (root === 'var') {
    const decl = module.findVariable(step.name);
    if (!decl?.node || decl.node.kind !== 'Block' || decl.override) return undefined;
    const argument = module.callerArgument?.(step.name);
    if (argument?.expression) {
      const value = evaluateAt(argument.expression, argument.module, through(expr, name, via, { kind: 'caller', variable: step.name, argument }), depth + 1);
      return value?.kind === 'null' ? undefined : value;
    }
    // The value a tfvars file gives wins over the default (`module.tfvarsValue` is read after the
    // declaration so that the item cache records both).
    const set = module.tfvarsValue(step.name);
    if (set) return tfvarsValue(set, step.name, expr, via, depth);
    const dflt = decl.node.body.items.find((i) => i.kind === 'Attribute' && i.name.name === 'default');
    if (!dflt || dflt.kind !== 'Attribute' || !decl.file) return undefined;
    // Through a call that passes nothing for it, the default is the value for certain.
    const origin: Origin = argument
      ? { kind: 'caller', variable: step.name, argument }
      : { kind: 'default', variable: step.name, declaration: decl, at: dflt.value, text: decl.file.slice(dflt.value.start, dflt.value.end) };
    // A null default means "must be set by the caller": nothing is known.
    const value = evaluateAt(dflt.value, module, through(expr, name, via, origin), depth + 1);
    return value?.kind === 'null' ? undefined : value;
  }
  return undefined;
}

/** What a value reached through `var.x` is reported through: a span of its own that knows the origin. */
function through(expr: Span, name: string, via: Through | undefined, inner: Origin): Through {
  const outer = via ?? { span: expr, name };
  // A caller's argument that reads the caller's own variables keeps the call it came through.
  const origin: Origin = via?.origin?.kind === 'caller' && inner.kind !== 'caller' ? { ...inner, caller: via.origin } : inner;
  const span = { start: outer.span.start, end: outer.span.end };
  originBySpan.set(span, origin);
  return { span, name: outer.name, origin };
}

function tfvarsValue(set: TfvarsValue, variable: string, expr: Span, via: Through | undefined, depth: number): StaticValue | undefined {
  const origin: Origin = { kind: 'tfvars', variable, value: set };
  const at = through(expr, `var.${variable}`, via, origin);
  // tfvars values are constants: nothing in them refers to the module.
  const value = set.expression ? evaluateAt(set.expression, undefined, at, depth + 1) : fromJson(set.json?.value, at, 0);
  return value?.kind === 'null' ? undefined : value;
}

function fromJson(value: unknown, at: Through, depth: number): StaticValue | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const common = { span: at.span, direct: false, via: at.name, origin: at.origin };
  if (value === null) return { ...common, kind: 'null' };
  if (typeof value === 'string') return { ...common, kind: 'string', value };
  if (typeof value === 'number') return { ...common, kind: 'number', value };
  if (typeof value === 'boolean') return { ...common, kind: 'bool', value };
  if (Array.isArray(value)) return { ...common, kind: 'list', items: value.map((v) => fromJson(v, at, depth + 1)) };
  if (typeof value === 'object') {
    return { ...common, kind: 'object', entries: Object.entries(value as Record<string, unknown>).map(([key, v]) => ({ key, keySpan: at.span, value: fromJson(v, at, depth + 1) })) };
  }
  return undefined;
}
