// Static evaluation of the few expressions whose value is known without Terraform: literals, lists and
// objects of literals, and references to `local.x` or to a variable's literal default in the same module.
// Anything else (other references, function calls, conditionals, interpolated templates, for expressions)
// evaluates to undefined, so no rule ever guesses.
import type { Expression, Span } from '../parser';
import { staticString } from '../parser';
import type { TerraformModule } from '../model';

interface Common {
  /** Where to report a problem with this value: the literal itself, or the reference it came through. */
  span: Span;
  /** False when the value came through `local.x`/`var.x`: the span is the reference, and no edit may rewrite it. */
  direct: boolean;
  /** `local.x` / `var.x` when the value came through one (for messages). */
  via?: string;
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

function evaluateAt(expr: Expression, module: TerraformModule | undefined, via: { span: Span; name: string } | undefined, depth: number): StaticValue | undefined {
  if (depth > MAX_DEPTH) return undefined;
  // The common fields are written out in each literal: spreading a shared object was a quarter of a first
  // diagnostics run (V8 copies spread properties on a slow path).
  const span = via ? via.span : expr;
  const direct = via === undefined;
  const name = via?.name;
  switch (expr.kind) {
    case 'Literal':
      if (expr.value === null) return { span, direct, via: name, kind: 'null' };
      if (typeof expr.value === 'number') return { span, direct, via: name, kind: 'number', value: expr.value };
      return { span, direct, via: name, kind: 'bool', value: expr.value };
    case 'String':
      return { span, direct, via: name, kind: 'string', value: expr.value };
    case 'Template': {
      const text = staticString(expr);
      return text === undefined ? undefined : { span, direct, via: name, kind: 'string', value: text };
    }
    case 'Unary': {
      if (expr.operator !== '-') return undefined;
      const inner = evaluateAt(expr.operand, module, via, depth + 1);
      return inner?.kind === 'number' ? { span, direct, via: name, kind: 'number', value: -inner.value } : undefined;
    }
    case 'Parens':
      return evaluateAt(expr.expression, module, via, depth + 1);
    case 'Tuple': {
      if (!expr.closed) return undefined;
      const items = new Array<StaticValue | undefined>(expr.items.length);
      for (let i = 0; i < items.length; i++) items[i] = evaluateAt(expr.items[i], module, via, depth + 1);
      return { span, direct, via: name, kind: 'list', items };
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
      return { span, direct, via: name, kind: 'object', entries };
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

function resolveReference(expr: Expression & { kind: 'Traversal' }, module: TerraformModule, via: { span: Span; name: string } | undefined, depth: number): StaticValue | undefined {
  if (expr.source.kind !== 'Variable' || expr.steps.length !== 1) return undefined;
  const step = expr.steps[0];
  if (step.kind !== 'GetAttr' || !step.name) return undefined;
  const root = expr.source.name;
  const name = `${root}.${step.name}`;
  const through = via ?? { span: expr, name };
  if (root === 'local') {
    const decl = module.findLocal(step.name);
    if (!decl?.node || decl.node.kind !== 'Attribute' || decl.override) return undefined;
    return evaluateAt(decl.node.value, module, through, depth + 1);
  }
  if (root === 'var') {
    const decl = module.findVariable(step.name);
    if (!decl?.node || decl.node.kind !== 'Block' || decl.override) return undefined;
    const dflt = decl.node.body.items.find((i) => i.kind === 'Attribute' && i.name.name === 'default');
    if (!dflt || dflt.kind !== 'Attribute') return undefined;
    // A null default means "must be set by the caller": nothing is known.
    const value = evaluateAt(dflt.value, module, through, depth + 1);
    return value?.kind === 'null' ? undefined : value;
  }
  return undefined;
}
