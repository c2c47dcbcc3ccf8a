import type { Rule } from './types';
import { importBlocks } from './importBlocks';

export const importTargetNotDeclared: Rule = {
  code: 'CUP610',
  name: 'import-target-not-declared',
  defaultSeverity: 'warning',
  category: 'import',
  scope: 'module',
  doc: {
    summary: 'An import into an `awscc_cognito_user_pool_client` that no `resource` block of the module declares.',
    why:
      'Plain `terraform plan` fails without a matching resource block, but `terraform plan -generate-config-out=FILE` writes it for you, so this is a warning rather than an error.',
  },
  check(context) {
    const module = context.ctx.module;
    for (const imp of importBlocks(context)) {
      if (!imp.ours || !imp.target?.resourceName || !imp.target.address || imp.target.address.startsWith('module.')) continue;
      if (module.findResource(imp.target.resourceType!, imp.target.resourceName)) continue;
      context.report(
        imp.target.expression,
        `No \`resource "${imp.target.resourceType}" "${imp.target.resourceName}"\` in this module. Add one, or let \`terraform plan -generate-config-out=generated.tf\` write it.`,
      );
    }
  },
};
