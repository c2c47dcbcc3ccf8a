import type { Rule } from './types';
import { valueAt } from './values';

const BY_ID = ['application_id', 'role_arn', 'external_id'] as const;

export const analyticsPairing: Rule = {
  code: 'CUP411',
  name: 'analytics-pairing',
  defaultSeverity: 'information',
  category: 'cross-field',
  reads: 'clients',
  doc: {
    summary: '`analytics_configuration` that is neither `application_arn` alone nor `application_id` with `role_arn` and `external_id`.',
    why: 'That is how hashicorp/aws validates the same settings; the AWS API documentation does not state the rule, so whether Cognito refuses other combinations is UNCONFIRMED, hence information.',
  },
  check(context) {
    for (const client of context.index.clients) {
      if (client.kind !== 'resource') continue;
      const analytics = valueAt(context, client, 'analytics_configuration');
      if (analytics?.kind !== 'object') continue;
      // Keys set to null count as absent, as Terraform treats them; a reference (value unknown) counts as set.
      const present = new Map(analytics.entries.filter((e) => e.value?.kind !== 'null').map((e) => [e.key, e]));
      const arn = present.get('application_arn');
      const why = 'give either `application_arn` alone, or `application_id` with `role_arn` and `external_id` (as hashicorp/aws requires; whether AWS refuses other combinations is UNCONFIRMED).';
      if (arn) {
        for (const key of BY_ID) {
          const extra = present.get(key);
          if (extra) context.report(extra.keySpan, `\`${key}\` next to \`application_arn\`: ${why}`);
        }
        continue;
      }
      const id = present.get('application_id');
      if (id) {
        const missing = BY_ID.filter((k) => k !== 'application_id' && !present.has(k));
        if (missing.length > 0) context.report(id.keySpan, `\`application_id\` without ${missing.map((m) => `\`${m}\``).join(' and ')}: ${why}`);
        continue;
      }
      const node = client.attributes.get('analytics_configuration');
      if (node) context.report(node.name, `\`analytics_configuration\` names no Amazon Pinpoint project: ${why}`);
    }
  },
};
