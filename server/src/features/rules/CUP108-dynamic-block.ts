import { RESOURCE_TYPE } from '../../knowledge';
import { dynamicAsAttribute } from '../dynamicBlocks';
import { indentAt, lineBreakOf } from './support';
import type { Fix, Rule } from './types';

export const dynamicBlock: Rule = {
  code: 'CUP108',
  name: 'dynamic-block',
  defaultSeverity: 'error',
  category: 'schema',
  reads: 'clients',
  doc: {
    summary: `A \`dynamic\` block inside \`${RESOURCE_TYPE}\`.`,
    why:
      'A `dynamic` block generates nested blocks, and the awscc resource has none: `token_validity_units`, `analytics_configuration` and `refresh_token_rotation` are object attributes. Terraform rejects the block ("Unsupported block type"). Modules converted from hashicorp/aws, where these are blocks, often keep their `dynamic` form.',
    fix:
      'Rewrites `dynamic "x" { for_each = C ... content { ... } }` as `x = one([for v in C : { ... }])`, reading `it.value`/`it.key` (or the custom `iterator`) as the loop variables and keeping comments. Zero elements give null (not set), one element gives that object, as the block did.',
  },
  check({ index, report, ctx }) {
    const file = ctx.document.file;
    for (const client of index.clients) {
      for (const block of client.blocks) {
        if (block.type.name !== 'dynamic') continue;
        const label = block.labels[0]?.value;
        const spec = label === undefined ? undefined : client.schema.attributes.find((a) => a.name === label);
        const isObject = spec?.type === 'object' && spec.mode !== 'computed';
        let fixes: Fix[] | undefined;
        if (isObject && client.kind === 'resource') {
          const indent = indentAt(file, block.start);
          const rewrite = dynamicAsAttribute(file, block, spec.name, indent);
          if (rewrite) {
            const eol = lineBreakOf(file);
            const lead = rewrite.comments.map((c) => `${c}${eol}${indent}`).join('');
            fixes = [{ title: `Write \`${spec.name} = one([for ...])\``, edits: [{ start: block.start, end: block.end, newText: lead + rewrite.text }], preferred: true }];
          }
        }
        const what = label === undefined ? 'nested blocks' : `\`${label}\` blocks`;
        const instead = isObject
          ? ` \`${label}\` is an object attribute: write \`${label} = one([for it in <for_each> : { ... }])\`.`
          : spec
            ? ` \`${label}\` is an attribute: set it with \`${label} = ...\`.`
            : ` \`${RESOURCE_TYPE}\` has no \`${label ?? ''}\`; remove the block.`;
        report(block.type, `Terraform rejects this \`dynamic\` block: it generates ${what}, and \`${RESOURCE_TYPE}\` has no nested blocks.${instead}`, fixes);
      }
    }
  },
};
