import type { Rule } from './types';
import { valueAt } from './values';

export const rotationFeatureMissing: Rule = {
  code: 'CUP410',
  name: 'rotation-feature-missing',
  defaultSeverity: 'warning',
  category: 'cross-field',
  reads: 'clients',
  doc: {
    summary: '`refresh_token_rotation = { ... }` without `feature`.',
    why: 'The AWS API requires `Feature` whenever refresh token rotation settings are sent, although the provider lets it be left out; the resulting apply-time failure is likely but UNCONFIRMED, hence a warning.',
  },
  check(context) {
    for (const client of context.index.clients) {
      if (client.kind !== 'resource') continue;
      const rotation = valueAt(context, client, 'refresh_token_rotation');
      if (rotation?.kind !== 'object' || rotation.entries.some((e) => e.key === 'feature')) continue;
      context.report(client.attributes.get('refresh_token_rotation')!.name, '`refresh_token_rotation` should set `feature` ("ENABLED" or "DISABLED"): the AWS API requires it whenever rotation settings are sent.');
    }
  },
};
