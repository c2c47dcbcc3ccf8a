import { boolState, listState } from './clientValues';
import { insertIntoBlock } from './support';
import type { Fix, Rule } from './types';

const OAUTH_SETTINGS = ['allowed_o_auth_flows', 'allowed_o_auth_scopes', 'callback_ur_ls', 'logout_ur_ls'];
const FLAG = 'allowed_o_auth_flows_user_pool_client';

export const oauthSettingsIgnored: Rule = {
  code: 'CUP407',
  name: 'oauth-settings-ignored',
  defaultSeverity: 'warning',
  category: 'cross-field',
  reads: 'clients',
  doc: {
    summary: 'OAuth flows, scopes or redirect URLs are set while `allowed_o_auth_flows_user_pool_client` is not `true`.',
    why: 'The Cognito API reference says the flag must be true before these settings can be configured, and that while it is false only SDK-based sign-in is permitted. It does not say whether AWS then refuses or ignores them; either way the OAuth sign-in they describe does not work, hence a warning.',
    fix: 'Sets `allowed_o_auth_flows_user_pool_client = true`.',
  },
  check(context) {
    const file = context.ctx.document.file;
    for (const client of context.index.clients) {
      if (client.kind !== 'resource') continue;
      const flag = boolState(context, client, FLAG);
      if (!flag || flag.value) continue;
      const present = OAUTH_SETTINGS.filter((name) => {
        const state = listState(context, client, name);
        return state ? !state.absent && !(state.complete && state.items.length === 0) : client.attributes.has(name);
      });
      if (present.length === 0) continue;
      let fix: Fix | undefined;
      if (flag.absent) {
        const edit = insertIntoBlock(file, client.block, `${FLAG} = true`);
        if (edit) fix = { title: `Add \`${FLAG} = true\``, edits: [edit], preferred: true };
      } else if (flag.known?.direct) {
        fix = { title: `Set \`${FLAG} = true\``, edits: [{ start: flag.known.span.start, end: flag.known.span.end, newText: 'true' }], preferred: true };
      }
      const where = flag.absent ? client.attributes.get(present[0])!.name : flag.known!.span;
      context.report(
        where,
        `${present.join(', ')} can only be configured when ${FLAG} = true${flag.absent ? ' (not set; AWS defaults to false)' : ''}: while it is false, only SDK-based sign-in is permitted (API reference).`,
        fix ? [fix] : undefined,
      );
    }
  },
};
