import { RESOURCE_TYPE } from '../../knowledge';
import { isOverrideFile } from '../../model';
import type { Block, HclFile } from '../../parser';
import { headerSpan, insertIntoBlock } from './support';
import type { Rule, RuleContext } from './types';

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
        reportMissing(report, ctx, file, client.block, spec.name);
      }
    }
  },
};

// Out of the loop above: a closure in the loop body made V8 allocate a scope for `spec` on every turn,
// reported or not (~12 MB over a 10,000-block first check).
function reportMissing(report: RuleContext['report'], ctx: RuleContext['ctx'], file: HclFile, block: Block, name: string): void {
  report(headerSpan(block), `\`${RESOURCE_TYPE}\` needs \`${name}\`.`, () => {
    const edit = insertIntoBlock(file, block, `${name} = ${placeholder(name, ctx.module.resources())}`);
    return edit ? [{ title: `Add \`${name}\``, edits: [edit], preferred: true }] : undefined;
  });
}

function placeholder(name: string, resources: readonly { type?: string; name: string }[]): string {
  if (name !== 'user_pool_id') return '""';
  const pools = resources.filter((r) => r.type === 'awscc_cognito_user_pool' || r.type === 'aws_cognito_user_pool');
  if (pools.length !== 1) return '""';
  const pool = pools[0];
  return pool.type === 'awscc_cognito_user_pool' ? `awscc_cognito_user_pool.${pool.name}.user_pool_id` : `aws_cognito_user_pool.${pool.name}.id`;
}
