import type { PatternConstraint } from '../../knowledge/types';
import type { Rule } from './types';
import { knownValues, stringItems, viaText } from './values';

// By the knowledge's pattern object: building a string key for each value checked cost more than the test.
const compiled = new WeakMap<PatternConstraint, { unicode?: RegExp; ascii?: RegExp }>();
const ASCII = /^[\x00-\x7F]*$/;

/** Whether `value` has the pattern's shape; an ASCII value is tested without compiling Unicode classes. */
function matches(pattern: PatternConstraint, value: string): boolean {
  let regexes = compiled.get(pattern);
  if (!regexes) compiled.set(pattern, (regexes = {}));
  if (pattern.asciiRegex !== undefined && ASCII.test(value)) return (regexes.ascii ??= new RegExp(pattern.asciiRegex)).test(value);
  return (regexes.unicode ??= new RegExp(pattern.regex, pattern.flags)).test(value);
}

export const stringPattern: Rule = {
  code: 'CUP204',
  name: 'string-pattern',
  defaultSeverity: 'error',
  category: 'values',
  reads: 'clients',
  doc: {
    summary: 'A string that does not match the shape AWS requires: a user pool ID like `us-east-1_AbC123`, a client name, a URL without spaces, a scope, an ARN.',
    why: 'The patterns come from the AWS API model; the provider does not check them, so the mistake would surface only at apply.',
  },
  check(context) {
    for (const known of knownValues(context)) {
      const pattern = known.spec.pattern;
      if (!pattern) continue;
      for (const item of stringItems(known)) {
        // Empty strings are the length rule's business.
        if (item.value === '' || matches(pattern, item.value)) continue;
        context.report(item.span, `\`${item.value}\` is not a valid \`${known.path}\`${viaText(item)}: expected ${pattern.meaning}.`);
      }
    }
  },
};
