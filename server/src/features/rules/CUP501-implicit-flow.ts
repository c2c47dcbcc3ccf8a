import { listState } from './clientValues';
import type { Rule } from './types';

export const implicitFlow: Rule = {
  code: 'CUP501',
  name: 'implicit-flow',
  defaultSeverity: 'information',
  category: 'advice',
  reads: 'clients',
  doc: {
    summary: 'The OAuth `implicit` flow is allowed.',
    why: 'Implicit returns tokens in the redirect URL, where browser history and logs can catch them. The authorization code flow with PKCE does the same job more safely.',
  },
  check(context) {
    for (const client of context.index.clients) {
      if (client.kind !== 'resource') continue;
      const implicit = listState(context, client, 'allowed_o_auth_flows')?.items.find((i) => i.value === 'implicit');
      if (implicit) context.report(implicit.span, 'The implicit flow puts tokens in the redirect URL; prefer `code` (with PKCE in public clients).');
    }
  },
};
