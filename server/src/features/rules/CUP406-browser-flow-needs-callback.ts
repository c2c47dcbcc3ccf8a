import { listState } from './clientValues';
import type { Rule } from './types';

export const browserFlowNeedsCallback: Rule = {
  code: 'CUP406',
  name: 'browser-flow-needs-callback',
  defaultSeverity: 'warning',
  category: 'cross-field',
  reads: 'clients',
  doc: {
    summary: '`code` or `implicit` in `allowed_o_auth_flows` without any `callback_ur_ls`.',
    why: 'Both flows redirect the browser to a callback URL; the service rejects them without one ("CallbackUrls can not be empty ..."). Secondary evidence (quoted service messages), hence a warning.',
  },
  check(context) {
    for (const client of context.index.clients) {
      if (client.kind !== 'resource') continue;
      const flows = listState(context, client, 'allowed_o_auth_flows');
      const callbacks = listState(context, client, 'callback_ur_ls');
      if (!flows || !callbacks?.complete || callbacks.items.length > 0) continue;
      for (const item of flows.items) {
        if (item.value !== 'code' && item.value !== 'implicit') continue;
        context.report(item.span, `The \`${item.value}\` flow redirects to a callback URL, but \`callback_ur_ls\` is ${callbacks.absent ? 'not set' : 'empty'}.`);
      }
    }
  },
};
