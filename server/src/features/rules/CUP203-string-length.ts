import type { Rule } from './types';
import { knownValues, stringItems, viaText } from './values';

export const stringLength: Rule = {
  code: 'CUP203',
  name: 'string-length',
  defaultSeverity: 'error',
  category: 'values',
  reads: 'clients',
  doc: {
    summary: 'A string (or list item) shorter or longer than allowed, e.g. an empty `client_name` or a callback URL over 1024 characters.',
    why: 'Length limits come from the provider (`client_name`) or the AWS API model (the rest); either way the value is rejected.',
  },
  check(context) {
    for (const known of knownValues(context)) {
      const length = known.spec.length;
      if (!length) continue;
      for (const item of stringItems(known)) {
        // Length as AWS counts it: characters, not UTF-16 units.
        const n = codePoints(item.value);
        if (n >= length.min && n <= length.max) continue;
        const what = known.spec.type === 'list' ? `Items of \`${known.path}\`` : `\`${known.path}\``;
        context.report(item.span, `${what} must be ${length.min} to ${length.max} characters long; this one has ${n}${viaText(item)}.`);
      }
    }
  },
};

/** Characters as AWS counts them; spreading every value into an array only for strings with surrogates. */
function codePoints(text: string): number {
  return SURROGATE.test(text) ? [...text].length : text.length;
}

const SURROGATE = /[\uD800-\uDFFF]/;
