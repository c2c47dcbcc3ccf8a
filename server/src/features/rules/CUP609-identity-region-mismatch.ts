import type { Rule } from './types';
import { importBlocks } from './importBlocks';
import { identityStrings } from './identityValues';

export const identityRegionMismatch: Rule = {
  code: 'CUP609',
  name: 'identity-region-mismatch',
  defaultSeverity: 'warning',
  category: 'import',
  reads: 'imports',
  doc: {
    summary: 'An identity `region` that differs from the region prefix of its `user_pool_id` (`eu-west-1_...`).',
    why: 'A user pool ID starts with the region that holds the pool; a different `region` cannot find it (and must also equal the provider configuration\'s region).',
  },
  check(context) {
    for (const imp of importBlocks(context)) {
      if (!imp.ours) continue;
      const values = identityStrings(context, imp);
      const region = values.get('region');
      const pool = values.get('user_pool_id');
      const prefix = pool?.value.includes('_') ? pool.value.slice(0, pool.value.indexOf('_')) : undefined;
      if (!region || !prefix || !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(prefix) || region.value === prefix) continue;
      context.report(region.span, `\`region\` is \`${region.value}\`, but the user pool \`${pool!.value}\` is in \`${prefix}\`.`);
    }
  },
};
