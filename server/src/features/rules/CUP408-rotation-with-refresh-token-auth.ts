import { listState } from './clientValues';
import { removeTupleItem } from './support';
import type { Rule } from './types';
import { valueAt } from './values';

export const rotationWithRefreshTokenAuth: Rule = {
  code: 'CUP408',
  name: 'rotation-with-refresh-token-auth',
  defaultSeverity: 'information',
  category: 'cross-field',
  reads: 'clients',
  doc: {
    summary: '`refresh_token_rotation.feature = "ENABLED"` together with `ALLOW_REFRESH_TOKEN_AUTH` in `explicit_auth_flows`.',
    why: 'With rotation on, the API reference has apps refresh through GetTokensFromRefreshToken; that ALLOW_REFRESH_TOKEN_AUTH should go is seen only as a quote of the developer guide, and whether AWS rejects the combination when the client is saved is UNCONFIRMED, hence information only.',
    fix: 'Removes `ALLOW_REFRESH_TOKEN_AUTH`.',
  },
  check(context) {
    const file = context.ctx.document.file;
    for (const client of context.index.clients) {
      if (client.kind !== 'resource') continue;
      const feature = valueAt(context, client, 'refresh_token_rotation.feature');
      if (feature?.kind !== 'string' || feature.value !== 'ENABLED') continue;
      const flows = listState(context, client, 'explicit_auth_flows');
      const index = flows?.value?.kind === 'list' ? flows.value.items.findIndex((i) => i?.kind === 'string' && i.value === 'ALLOW_REFRESH_TOKEN_AUTH') : -1;
      if (!flows?.value || flows.value.kind !== 'list' || index < 0) continue;
      const item = flows.value.items[index]!;
      const tuple = flows.value.direct && (flows.value.span as { kind?: string }).kind === 'Tuple' ? (flows.value.span as import('../../parser').Tuple) : undefined;
      context.report(
        item.span,
        "With refresh token rotation enabled, apps refresh through GetTokensFromRefreshToken, and AWS's developer guide (seen only as quoted) says to leave out ALLOW_REFRESH_TOKEN_AUTH. Whether AWS refuses the client with it is UNCONFIRMED.",
        () => (tuple ? [{ title: 'Remove `ALLOW_REFRESH_TOKEN_AUTH`', edits: [removeTupleItem(file, tuple, index)] }] : undefined),
      );
    }
  },
};
