import { RESOURCE_TYPE } from '../../knowledge';
import { isOverrideFile } from '../../model';
import { headerSpan, insertIntoBlock } from './support';
import type { Rule } from './types';

export const missingRequiredAttribute: Rule = {
  code: 'CUP103',
  name: 'missing-required-attribute',
  defaultSeverity: 'error',
  category: 'schema',
  reads: 'clients',
  structural: true,
  doc: {
    summary: '`user_pool_id` (or `id` for the data source) is missing.',
    why: 'The argument is required; Terraform rejects the block at `terraform validate`.',
    fix: "Adds the argument, pointing at the module's only user pool when there is exactly one.",
  },
  check({ ctx, index, report }) {
    // Override files only carry the arguments they change.
    if (isOverrideFile(ctx.document.uri)) return;
    const file = ctx.document.file;
    for (const client of index.clients) {
      // Still being typed: the block is not closed yet.
      if (client.block.closeBrace < 0) continue;
      if (client.blocks.some((b) => b.type.name === 'dynamic')) continue;
      for (const spec of client.schema.attributes) {
        if (spec.mode !== 'required' || client.attributes.has(spec.name)) continue;
        report(headerSpan(client.block), `\`${RESOURCE_TYPE}\` needs \`${spec.name}\`.`, () => {
          const edit = insertIntoBlock(file, client.block, `${spec.name} = ${placeholder(spec.name, ctx.module.resources())}`);
          return edit ? [{ title: `Add \`${spec.name}\``, edits: [edit], preferred: true }] : undefined;
        });
      }
    }
  },
};

function placeholder(name: string, resources: readonly { type?: string; name: string }[]): string {
  if (name !== 'user_pool_id') return '""';
  const pools = resources.filter((r) => r.type === 'awscc_cognito_user_pool' || r.type === 'aws_cognito_user_pool');
  if (pools.length !== 1) return '""';
  const pool = pools[0];
  return pool.type === 'awscc_cognito_user_pool' ? `awscc_cognito_user_pool.${pool.name}.user_pool_id` : `aws_cognito_user_pool.${pool.name}.id`;
}
