import type { Rule } from './types';
import { knownValues, viaText } from './values';

export const listTooLong: Rule = {
  code: 'CUP205',
  name: 'list-too-long',
  defaultSeverity: 'error',
  category: 'values',
  reads: 'clients',
  doc: {
    summary: 'More items than AWS allows: `allowed_o_auth_flows` 3, `allowed_o_auth_scopes` 50, `callback_ur_ls` and `logout_ur_ls` 100.',
    why: 'The limits come from the AWS API model; the provider does not check them.',
  },
  check(context) {
    for (const known of knownValues(context)) {
      const size = known.spec.listSize;
      const v = known.value;
      if (!size || v.kind !== 'list' || v.items.length <= size.max) continue;
      const first = v.direct ? v.items[size.max] : undefined;
      context.report(
        first?.span ?? v.span,
        `\`${known.path}\` takes at most ${size.max} items; it has ${v.items.length}${viaText(v)}.`,
      );
    }
  },
};
