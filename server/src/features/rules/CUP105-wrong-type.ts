import type { AttributeSpec } from '../../knowledge';
import { evaluate, shapeOf, type StaticValue } from '../evaluate';
import type { Rule, RuleContext } from './types';
import { knownAt } from './values';

const TYPE_WORDS: Record<AttributeSpec['type'], string> = {
  string: 'a string',
  number: 'a whole number',
  bool: 'true or false',
  list: 'a list of strings',
  object: 'an object `{ ... }`',
};

export const wrongType: Rule = {
  code: 'CUP105',
  name: 'wrong-type',
  defaultSeverity: 'error',
  category: 'schema',
  reads: 'clients',
  doc: {
    summary: 'A value of a type the attribute cannot take (e.g. a list for a string, `"abc"` for a number, a fraction for a whole number).',
    why:
      "Terraform converts between strings, numbers and booleans where it can (`\"5\"` works as a number), and rejects the rest at plan. Only values known without Terraform are checked.",
  },
  check(context) {
    for (const client of context.index.clients) {
      if (client.kind !== 'resource') continue;
      for (const spec of client.schema.attributes) {
        const attribute = client.attributes.get(spec.name);
        if (!attribute || spec.mode === 'computed') continue;
        // The value rules evaluated every attribute already (values.ts keeps what is neither unknown nor null).
        // One that is not there has no value to check, only a shape: null has none, so it passes too.
        const known = knownAt(context, client, spec.name)?.value;
        if (known) checkValue(context, spec, attribute.value, known);
        else {
          const problem = shapeMismatch(spec.type, shapeOf(attribute.value));
          if (problem) context.report(attribute.value, `\`${spec.name}\` takes ${TYPE_WORDS[spec.type]}, not ${problem}.`);
        }
      }
    }
  },
};

function checkValue(context: RuleContext, spec: AttributeSpec, expr: Parameters<typeof evaluate>[0], known: StaticValue | undefined): void {
  const value = known ?? evaluate(expr, context.ctx.module);
  const problem = value ? mismatch(spec.type, value) : shapeMismatch(spec.type, shapeOf(expr));
  if (problem) {
    context.report(value?.span ?? expr, `\`${spec.name}\` takes ${TYPE_WORDS[spec.type]}, not ${problem}${value?.via ? ` (value of ${value.via})` : ''}.`);
    return;
  }
  if (!value) return;
  if (spec.type === 'list' && value.kind === 'list') {
    for (const item of value.items) {
      const itemProblem = item && item.kind !== 'null' ? mismatch('string', item) : undefined;
      if (item && itemProblem) context.report(item.span, `Items of \`${spec.name}\` are strings, not ${itemProblem}.`);
    }
  }
  if (spec.type === 'object' && value.kind === 'object' && spec.attributes) {
    for (const entry of value.entries) {
      const nested = spec.attributes.find((a) => a.name === entry.key);
      if (nested && entry.value) checkValue(context, nested, expr, entry.value);
    }
  }
}

/** What is wrong with a known value for a type, in words, or undefined when Terraform would accept it. */
function mismatch(type: AttributeSpec['type'], value: StaticValue): string | undefined {
  if (value.kind === 'null') return undefined;
  switch (type) {
    case 'string':
      return value.kind === 'list' ? 'a list' : value.kind === 'object' ? 'an object' : undefined;
    case 'number':
      if (value.kind === 'number') return Number.isInteger(value.value) ? undefined : `the fraction ${value.value}`;
      if (value.kind === 'string') {
        const n = Number(value.value.trim());
        if (value.value.trim() === '' || Number.isNaN(n)) return `the string "${value.value}"`;
        return Number.isInteger(n) ? undefined : `the fraction ${value.value}`;
      }
      return describe(value);
    case 'bool':
      if (value.kind === 'bool') return undefined;
      if (value.kind === 'string') return value.value === 'true' || value.value === 'false' ? undefined : `the string "${value.value}"`;
      return describe(value);
    case 'list':
      return value.kind === 'list' ? undefined : describe(value);
    case 'object':
      return value.kind === 'object' ? undefined : describe(value);
  }
}

function describe(value: StaticValue): string {
  switch (value.kind) {
    case 'string':
      return `the string "${value.value}"`;
    case 'number':
      return `the number ${value.value}`;
    case 'bool':
      return `\`${value.value}\``;
    case 'list':
      return 'a list';
    case 'object':
      return 'an object';
    case 'null':
      return 'null';
  }
}

/** Mismatches visible from the expression's form alone (a `[for ...]` is a list even when its items are unknown). */
function shapeMismatch(type: AttributeSpec['type'], shape: ReturnType<typeof shapeOf>): string | undefined {
  if (!shape) return undefined;
  if (type === 'string' && shape !== 'string') return shape === 'list' ? 'a list' : 'an object';
  if ((type === 'list' || type === 'object') && shape === 'string') return 'a string';
  if (type === 'list' && shape === 'object') return 'an object';
  if (type === 'object' && shape === 'list') return 'a list';
  if ((type === 'number' || type === 'bool') && (shape === 'list' || shape === 'object')) return shape === 'list' ? 'a list' : 'an object';
  return undefined;
}
