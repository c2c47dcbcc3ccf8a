import { listState } from './clientValues';
import type { Rule } from './types';

export const clientCredentialsNotAlone: Rule = {
  code: 'CUP401',
  name: 'client-credentials-not-alone',
  defaultSeverity: 'error',
  category: 'cross-field',
  reads: 'clients',
  doc: {
    summary: '`client_credentials` listed together with `code` or `implicit` in `allowed_o_auth_flows`.',
    why: 'The Cognito API reference and developer guide say machine-to-machine clients use `client_credentials` alone; AWS rejects the mix at apply.',
  },
  check(context) {
    for (const client of context.index.clients) {
      if (client.kind !== 'resource') continue;
      const flows = listState(context, client, 'allowed_o_auth_flows');
      if (!flows) continue;
      const cc = flows.items.find((i) => i.value === 'client_credentials');
      const others = flows.items.filter((i) => i.value === 'code' || i.value === 'implicit').map((i) => `\`${i.value}\``);
      if (cc && others.length > 0) {
        context.report(cc.span, `\`client_credentials\` must be the only OAuth flow of a client; it cannot be combined with ${others.join(' and ')}. Use a separate client for machine-to-machine access.`);
      }
    }
  },
};
