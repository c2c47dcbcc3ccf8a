import { appendToBlock, replaceFix } from './support';
import type { Rule } from './types';
import { valueAt } from './values';

const ENABLED = 'Set prevent_user_existence_errors = "ENABLED"';

export const userExistenceErrors: Rule = {
  code: 'CUP502',
  name: 'user-existence-errors',
  defaultSeverity: 'information',
  category: 'advice',
  reads: 'clients',
  doc: {
    summary: '`prevent_user_existence_errors` is `LEGACY` (set, or left at the API default).',
    why: 'In `LEGACY` mode sign-in and password-recovery errors can tell a caller that a username does not exist, which helps account enumeration. `ENABLED` answers generically.',
    fix: 'Sets `prevent_user_existence_errors = "ENABLED"` (replacing `LEGACY`, or adding the argument).',
  },
  check(context) {
    for (const client of context.index.clients) {
      if (client.kind !== 'resource') continue;
      const attribute = client.attributes.get('prevent_user_existence_errors');
      const value = valueAt(context, client, 'prevent_user_existence_errors');
      if (attribute && value?.kind === 'string' && value.value === 'LEGACY') {
        context.report(value.span, '`LEGACY` lets sign-in errors reveal whether a user exists; `ENABLED` hides it.', value.direct ? [replaceFix(ENABLED, value.span, '"ENABLED"')] : undefined);
      } else if (!attribute && client.block.closeBrace >= 0) {
        const label = client.block.labels[1] ?? client.block.labels[0];
        context.report(
          label,
          '`prevent_user_existence_errors` is not set, so the API default `LEGACY` applies to new clients; set it to `"ENABLED"` to keep errors from revealing whether a user exists.',
          () => {
            const edit = appendToBlock(context.ctx.document.file, client.block, 'prevent_user_existence_errors = "ENABLED"');
            return edit ? [{ title: ENABLED, edits: [edit], preferred: true }] : undefined;
          },
        );
      }
    }
  },
};
