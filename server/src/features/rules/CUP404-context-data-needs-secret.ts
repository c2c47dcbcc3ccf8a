import { boolState } from './clientValues';
import type { Rule } from './types';

export const contextDataNeedsSecret: Rule = {
  code: 'CUP404',
  name: 'context-data-needs-secret',
  defaultSeverity: 'error',
  category: 'cross-field',
  reads: 'clients',
  doc: {
    summary: '`enable_propagate_additional_user_context_data = true` on a client without a secret.',
    why: 'The Cognito API reference allows propagating user context data only for clients that have a client secret (`generate_secret = true`).',
  },
  check(context) {
    for (const client of context.index.clients) {
      if (client.kind !== 'resource') continue;
      const propagate = boolState(context, client, 'enable_propagate_additional_user_context_data');
      const secret = boolState(context, client, 'generate_secret');
      if (!propagate?.value || !propagate.known || !secret || secret.value) continue;
      context.report(
        propagate.known.span,
        `Propagating user context data needs a client secret, but ${secret.absent ? '`generate_secret` is not set (default false)' : '`generate_secret` is false'}.`,
      );
    }
  },
};
