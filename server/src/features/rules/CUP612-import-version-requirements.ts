import { identitySchema, importBlockSchema } from '../../knowledge';
import { allowsAtLeast } from '../versionConstraint';
import type { Attribute } from '../../parser';
import type { Fix, Rule, RuleContext } from './types';
import { importBlocks } from './importBlocks';
import { identityToIdFix } from './importConversion';

const FOR_EACH_SINCE = importBlockSchema.arguments.find((a) => a.name === 'for_each')?.sinceTerraform ?? '1.7.0';

export const importVersionRequirements: Rule = {
  code: 'CUP612',
  name: 'import-version-requirements',
  defaultSeverity: 'warning',
  category: 'import',
  scope: 'module',
  doc: {
    summary: `\`identity\` in an import block while the module's constraints exclude Terraform >= ${identitySchema.sinceTerraform} or awscc >= ${identitySchema.sinceAwscc}; \`for_each\` in an import block while they exclude Terraform >= ${FOR_EACH_SINCE}.`,
    why: 'Import by identity arrived in Terraform 1.12 and needs a provider with identity support (awscc 1.56); `for_each` on import blocks arrived in Terraform 1.7. Older versions reject the block.',
  },
  check(context) {
    const versions = context.ctx.module.requiredVersions();
    const awscc = context.ctx.module.requiredProviders().filter((p) => p.name === 'awscc' || p.source?.toLowerCase() === 'hashicorp/awscc');
    for (const imp of importBlocks(context)) {
      if (imp.forEach && imp.block) {
        const blocking = versions.find((v) => allowsAtLeast(v, FOR_EACH_SINCE) === false);
        if (blocking) report(context, imp.forEach, `\`for_each\` in import blocks needs Terraform ${FOR_EACH_SINCE} or later, but \`required_version = "${blocking}"\` excludes it.`);
      }
      if (!imp.ours || !imp.identity) continue;
      const tf = versions.find((v) => allowsAtLeast(v, identitySchema.sinceTerraform) === false);
      const fix = identityToIdFix(context.ctx.document.file, imp.identity, context.ctx.module);
      if (tf) report(context, imp.identity, `Import by \`identity\` needs Terraform ${identitySchema.sinceTerraform} or later, but \`required_version = "${tf}"\` excludes it; use \`id\` instead.`, fix);
      const provider = awscc.find((p) => p.version !== undefined && allowsAtLeast(p.version, identitySchema.sinceAwscc) === false);
      if (provider) report(context, imp.identity, `Import by \`identity\` needs awscc ${identitySchema.sinceAwscc} or later, but the awscc version constraint "${provider.version}" excludes it; use \`id\` instead.`, fix);
    }
  },
};

function report(context: RuleContext, attribute: Attribute, message: string, fix?: Fix): void {
  context.report(attribute.name, message, fix ? [fix] : undefined);
}
