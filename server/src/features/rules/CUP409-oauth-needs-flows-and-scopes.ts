import type { StaticValue } from '../evaluate';
import { boolState, listState } from './clientValues';
import type { Rule } from './types';

export const oauthNeedsFlowsAndScopes: Rule = {
  code: 'CUP409',
  name: 'oauth-needs-flows-and-scopes',
  defaultSeverity: 'warning',
  category: 'cross-field',
  reads: 'clients',
  doc: {
    summary: '`allowed_o_auth_flows_user_pool_client = true` without `allowed_o_auth_flows` or without `allowed_o_auth_scopes`.',
    why: 'The service refuses an OAuth-enabled client without flows and scopes ("AllowedOAuthFlows and AllowedOAuthScopes are required ..."); the evidence is a quoted service message (secondary), hence a warning.',
  },
  check(context) {
    for (const client of context.index.clients) {
      if (client.kind !== 'resource') continue;
      const flag = boolState(context, client, 'allowed_o_auth_flows_user_pool_client');
      if (!flag?.value || !flag.known) continue;
      const missing: string[] = [];
      // The finding rests on the flag and the empty lists, not on the list that is set.
      const basis: (StaticValue | undefined)[] = [flag.known];
      for (const name of ['allowed_o_auth_flows', 'allowed_o_auth_scopes']) {
        const state = listState(context, client, name);
        if (!state?.complete || state.items.length > 0) continue;
        missing.push(name);
        basis.push(state.value);
      }
      if (missing.length === 0) continue;
      context.report(flag.known.span, `An OAuth-enabled client needs ${missing.map((m) => `\`${m}\``).join(' and ')}; ${missing.length === 1 ? 'it is' : 'they are'} missing or empty.`, undefined, basis);
    }
  },
};
