import { explicitAuthFlows } from '../../knowledge';
import { listState } from './clientValues';
import type { Rule } from './types';

const LEGACY = new Set(explicitAuthFlows.filter((f) => f.legacy).map((f) => f.value));

export const legacyAuthFlowsMixed: Rule = {
  code: 'CUP402',
  name: 'legacy-auth-flows-mixed',
  defaultSeverity: 'error',
  category: 'cross-field',
  doc: {
    summary: 'Legacy `explicit_auth_flows` values (`ADMIN_NO_SRP_AUTH`, `CUSTOM_AUTH_FLOW_ONLY`, `USER_PASSWORD_AUTH`) mixed with `ALLOW_*` values.',
    why: 'The Cognito API reference says the two styles cannot be combined in one client.',
  },
  check(context) {
    for (const client of context.index.clients) {
      if (client.kind !== 'resource') continue;
      const flows = listState(context, client, 'explicit_auth_flows');
      if (!flows || !flows.items.some((i) => i.value.startsWith('ALLOW_'))) continue;
      for (const item of flows.items) {
        if (!LEGACY.has(item.value)) continue;
        context.report(item.span, `\`${item.value}\` is a legacy value and cannot be mixed with \`ALLOW_*\` values; use its \`ALLOW_*\` form instead.`);
      }
    }
  },
};
