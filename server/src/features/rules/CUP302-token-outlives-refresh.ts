import { inWords, tokenDurations } from './tokenDurations';
import type { Rule } from './types';

export const tokenOutlivesRefresh: Rule = {
  code: 'CUP302',
  name: 'token-outlives-refresh',
  defaultSeverity: 'information',
  category: 'token-validity',
  reads: 'clients',
  doc: {
    summary: 'An access or ID token that lives longer than the refresh token.',
    why: 'That AWS rejects this is UNCONFIRMED (only community sources say so); either way a refresh token expiring before the tokens it renews is rarely intended.',
  },
  check(context) {
    for (const client of context.index.clients) {
      if (client.kind !== 'resource') continue;
      const durations = tokenDurations(context, client);
      const refresh = durations.get('refresh');
      if (!refresh) continue;
      for (const token of ['access', 'id'] as const) {
        const d = durations.get(token);
        if (!d?.value || d.seconds <= refresh.seconds) continue;
        context.report(
          d.value.span,
          `The ${token === 'id' ? 'ID' : 'access'} token lives ${inWords(d.seconds)}, longer than the refresh token (${inWords(refresh.seconds)}); AWS may reject this (UNCONFIRMED).`,
        );
      }
    }
  },
};
