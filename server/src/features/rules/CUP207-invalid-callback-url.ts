import { redirectUrlProblem } from './redirectUrl';
import type { Rule } from './types';
import { knownValues, stringItems, viaText } from './values';

const CHECKED = new Set(['callback_ur_ls', 'default_redirect_uri']);

export const invalidCallbackUrl: Rule = {
  code: 'CUP207',
  name: 'invalid-callback-url',
  defaultSeverity: 'error',
  category: 'values',
  reads: 'clients',
  doc: {
    summary: 'A callback URL (or `default_redirect_uri`) that is relative, has a `#fragment`, or uses plain `http` for a host other than localhost.',
    why: 'The Cognito API reference requires absolute callback URLs without fragments and HTTPS except for `http://localhost`, `http://127.0.0.1` and `http://[::1]`.',
  },
  check(context) {
    for (const known of knownValues(context)) {
      if (!CHECKED.has(known.path)) continue;
      for (const item of stringItems(known)) {
        const problem = item.value === '' ? undefined : redirectUrlProblem(item.value);
        if (problem) context.report(item.span, `\`${item.value}\` is not a valid callback URL${viaText(item)}: ${problem}.`);
      }
    }
  },
};
