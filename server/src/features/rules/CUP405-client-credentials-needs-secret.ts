import { boolState, listState } from './clientValues';
import type { Rule } from './types';

export const clientCredentialsNeedsSecret: Rule = {
  code: 'CUP405',
  name: 'client-credentials-needs-secret',
  defaultSeverity: 'warning',
  category: 'cross-field',
  reads: 'clients',
  doc: {
    summary: '`client_credentials` on a client without a secret.',
    why: 'The client credentials grant authenticates with the client secret; the service refuses the flow for clients without one. The evidence is a quoted service message and AWS re:Post (secondary), hence a warning.',
  },
  check(context) {
    for (const client of context.index.clients) {
      if (client.kind !== 'resource') continue;
      const cc = listState(context, client, 'allowed_o_auth_flows')?.items.find((i) => i.value === 'client_credentials');
      const secret = boolState(context, client, 'generate_secret');
      if (!cc || !secret || secret.value) continue;
      context.report(cc.span, `\`client_credentials\` needs a client secret; set \`generate_secret = true\` (changing it replaces the client).`);
    }
  },
};
