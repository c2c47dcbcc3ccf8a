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
  doc: {
    summary: 'OAuth flows, scopes or redirect URLs are set while `allowed_o_auth_flows_user_pool_client` is not `true`.',
    why: 'Per the Cognito API reference these settings only take effect when the client may use OAuth; otherwise AWS accepts and silently ignores them, and managed login does not work.',
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
        `${present.map((p) => `\`${p}\``).join(', ')} ${present.length === 1 ? 'has' : 'have'} no effect unless \`${FLAG} = true\`${flag.absent ? ' (not set; AWS defaults to false)' : ''}; AWS ignores ${present.length === 1 ? 'it' : 'them'} silently.`,
        fix ? [fix] : undefined,
      );
    }
  },
};
