import { RESOURCE_TYPE } from '../../knowledge';
import { removeAttributeLine, replaceFix } from './support';
import type { Rule } from './types';

export const readOnlyAttribute: Rule = {
  code: 'CUP104',
  name: 'read-only-attribute',
  defaultSeverity: 'error',
  category: 'schema',
  reads: 'clients',
  doc: {
    summary: 'A read-only attribute (`client_id`, `client_secret`, `id`, `name`) is set in the configuration.',
    why:
      'These values are computed by AWS; Terraform rejects configuration that sets them. `name` is usually meant as `client_name`, the settable display name.',
    fix: 'For `name`: rename to `client_name`. Otherwise: remove the line.',
  },
  check({ ctx, index, report }) {
    const file = ctx.document.file;
    for (const client of index.clients) {
      for (const spec of client.schema.attributes) {
        if (spec.mode !== 'computed') continue;
        const attribute = client.attributes.get(spec.name);
        if (!attribute) continue;
        const rename = client.kind === 'resource' && spec.name === 'name' && !client.attributes.has('client_name');
        report(
          attribute.name,
          `\`${spec.name}\` is read-only in \`${RESOURCE_TYPE}\`: AWS sets it.${rename ? ' Use `client_name` to name the client.' : ''}`,
          rename
            ? [replaceFix('Rename to `client_name`', attribute.name, 'client_name')]
            : [{ title: `Remove \`${spec.name}\``, edits: [removeAttributeLine(file, attribute)], preferred: true }],
        );
      }
    }
  },
};
