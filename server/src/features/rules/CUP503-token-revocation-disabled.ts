import { boolState } from './clientValues';
import type { Rule } from './types';

export const tokenRevocationDisabled: Rule = {
  code: 'CUP503',
  name: 'token-revocation-disabled',
  defaultSeverity: 'information',
  category: 'advice',
  reads: 'clients',
  doc: {
    summary: '`enable_token_revocation = false`.',
    why: 'Without revocation a leaked refresh token stays usable until it expires; sign-out cannot invalidate it.',
  },
  check(context) {
    for (const client of context.index.clients) {
      if (client.kind !== 'resource') continue;
      const state = boolState(context, client, 'enable_token_revocation');
      if (state && !state.absent && !state.value && state.known) {
        context.report(state.known.span, 'Token revocation is off: refresh tokens cannot be revoked before they expire.');
      }
    }
  },
};
