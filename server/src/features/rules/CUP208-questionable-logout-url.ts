import { redirectUrlProblem } from './redirectUrl';
import type { Rule } from './types';
import { knownValues, stringItems, viaText } from './values';

export const questionableLogoutUrl: Rule = {
  code: 'CUP208',
  name: 'questionable-logout-url',
  defaultSeverity: 'information',
  category: 'values',
  reads: 'clients',
  doc: {
    summary: 'A logout URL that would break the rules AWS states for callback URLs (relative, `#fragment`, plain `http` off localhost).',
    why: 'AWS documents these rules for callback URLs only; that they apply to logout URLs too is UNCONFIRMED, so this is a hint, not an error.',
  },
  check(context) {
    for (const known of knownValues(context)) {
      if (known.path !== 'logout_ur_ls') continue;
      for (const item of stringItems(known)) {
        const problem = item.value === '' ? undefined : redirectUrlProblem(item.value);
        if (problem) {
          context.report(
            item.span,
            `\`${item.value}\` may be refused as a logout URL${viaText(item)}: ${problem} (rule stated by AWS for callback URLs; for logout URLs UNCONFIRMED).`,
          );
        }
      }
    }
  },
};
