import type { Tuple } from '../../parser';
import { explicitAuthFlows } from '../../knowledge';
import { listState } from './clientValues';
import { removeTupleItem, replaceFix } from './support';
import type { Fix, Rule } from './types';

const REPLACEMENT = new Map(explicitAuthFlows.filter((f) => f.legacy).map((f) => [f.value, f.replacedBy]));

export const legacyAuthFlowsMixed: Rule = {
  code: 'CUP402',
  name: 'legacy-auth-flows-mixed',
  defaultSeverity: 'error',
  category: 'cross-field',
  reads: 'clients',
  doc: {
    summary: 'Legacy `explicit_auth_flows` values (`ADMIN_NO_SRP_AUTH`, `CUSTOM_AUTH_FLOW_ONLY`, `USER_PASSWORD_AUTH`) mixed with `ALLOW_*` values.',
    why: 'The Cognito API reference says the two styles cannot be combined in one client.',
    fix: 'Replaces the legacy value with its `ALLOW_*` form, or removes it when that form is already in the list.',
  },
  check(context) {
    const file = context.ctx.document.file;
    for (const client of context.index.clients) {
      if (client.kind !== 'resource') continue;
      const flows = listState(context, client, 'explicit_auth_flows');
      if (!flows || !flows.items.some((i) => i.value.startsWith('ALLOW_'))) continue;
      const present = new Set(flows.items.map((i) => i.value));
      const list = flows.value;
      const tuple = list?.direct && 'kind' in list.span && (list.span as Tuple).kind === 'Tuple' ? (list.span as Tuple) : undefined;
      for (const item of flows.items) {
        if (!REPLACEMENT.has(item.value)) continue;
        const allow = REPLACEMENT.get(item.value);
        let fixes: Fix[] | undefined;
        if (allow && item.direct) {
          const index = tuple ? tuple.items.findIndex((e) => e.start === item.span.start) : -1;
          // Its ALLOW_ form is listed already: replacing would repeat it, so the legacy value goes.
          if (present.has(allow)) fixes = tuple && index >= 0 ? [{ title: `Remove "${item.value}" ("${allow}" is already listed)`, edits: [removeTupleItem(file, tuple, index)], preferred: true }] : undefined;
          else fixes = [replaceFix(`Change to "${allow}"`, item.span, `"${allow}"`)];
        }
        const form = allow ? `\`"${allow}"\`` : 'its `ALLOW_*` form';
        context.report(item.span, `\`${item.value}\` is a legacy value and cannot be mixed with \`ALLOW_*\` values; use ${form} instead.`, fixes);
      }
    }
  },
};
