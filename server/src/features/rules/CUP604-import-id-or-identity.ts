import { headerSpan, removeAttributeLine } from './support';
import type { Rule } from './types';
import { importBlocks } from './importBlocks';

export const importIdOrIdentity: Rule = {
  code: 'CUP604',
  name: 'import-id-or-identity',
  defaultSeverity: 'error',
  category: 'import',
  reads: 'imports',
  doc: {
    summary: 'An import of an `awscc_cognito_user_pool_client` with both `id` and `identity`, or with neither.',
    why: 'Terraform needs exactly one of them to find the existing object.',
    fix: 'Removes `identity` (or `id`) when both are given.',
  },
  check(context) {
    const file = context.ctx.document.file;
    for (const imp of importBlocks(context)) {
      if (!imp.ours || imp.block.closeBrace < 0) continue;
      if (imp.id && imp.identity) {
        context.report(imp.identity.name, 'Give either `id` or `identity`, not both.', [
          { title: 'Remove `identity`', edits: [removeAttributeLine(file, imp.identity)] },
          { title: 'Remove `id`', edits: [removeAttributeLine(file, imp.id)] },
        ]);
      } else if (!imp.id && !imp.identity) {
        context.report(headerSpan(imp.block), 'This import needs `id = "<user_pool_id>|<client_id>"` or `identity = { user_pool_id = ..., client_id = ... }`.');
      }
    }
  },
};
