import type { Rule } from './types';

export const objectWrittenAsBlock: Rule = {
  code: 'CUP106',
  name: 'object-written-as-block',
  defaultSeverity: 'error',
  category: 'schema',
  reads: 'clients',
  structural: true,
  doc: {
    summary: '`token_validity_units { ... }` (block syntax) where the provider needs `token_validity_units = { ... }`.',
    why:
      'awscc declares its nested settings as single nested attributes, not blocks, so they need `=`. The hashicorp/aws provider uses blocks for the same settings, which is why this is easy to get wrong.',
    fix: 'Inserts ` =` between the name and the brace.',
  },
  check({ index, report }) {
    for (const client of index.clients) {
      for (const block of client.blocks) {
        const spec = client.schema.attributes.find((a) => a.name === block.type.name);
        if (!spec || spec.type !== 'object' || spec.mode === 'computed') continue;
        const fixable = block.labels.length === 0 && block.openBrace >= 0;
        report(
          block.type,
          `\`${spec.name}\` is an attribute: write \`${spec.name} = { ... }\` (with \`=\`), not a block.`,
          fixable ? [{ title: `Write \`${spec.name} = { ... }\``, edits: [{ start: block.type.end, end: block.openBrace, newText: ' = ' }], preferred: true }] : undefined,
        );
      }
    }
  },
};
