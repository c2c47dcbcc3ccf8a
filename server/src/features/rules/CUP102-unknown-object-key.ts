import { evaluate } from '../evaluate';
import { didYouMean, replaceFix, suggestion } from './support';
import type { Rule } from './types';
import { attributeNames } from './schemaNames';

export const unknownObjectKey: Rule = {
  code: 'CUP102',
  name: 'unknown-object-key',
  defaultSeverity: 'error',
  category: 'schema',
  reads: 'clients',
  doc: {
    summary: 'A key inside `token_validity_units`, `analytics_configuration` or `refresh_token_rotation` that the object does not have.',
    why: 'These are single nested attributes with a fixed set of keys; Terraform rejects an object with any other key.',
    fix: 'Rename to the suggested key.',
  },
  check({ ctx, index, report }) {
    for (const client of index.clients) {
      if (client.kind !== 'resource') continue;
      for (const spec of client.schema.attributes) {
        if (spec.type !== 'object' || !spec.attributes) continue;
        const attribute = client.attributes.get(spec.name);
        if (!attribute) continue;
        const value = evaluate(attribute.value, ctx.module);
        if (value?.kind !== 'object') continue;
        const names = attributeNames(spec.attributes);
        for (const entry of value.entries) {
          if (names.includes(entry.key)) continue;
          const better = didYouMean(entry.key, names);
          report(
            entry.keySpan,
            `\`${spec.name}\` has no key \`${entry.key}\`${value.via ? ` (value of ${value.via})` : ''}; its keys are ${names.map((n) => `\`${n}\``).join(', ')}.${suggestion(better)}`,
            better && value.direct ? [replaceFix(`Rename to \`${better}\``, entry.keySpan, better)] : undefined,
          );
        }
      }
    }
  },
};
