import { identitySchema } from '../../knowledge';
import { evaluate } from '../evaluate';
import { didYouMean, replaceFix, suggestion } from './support';
import type { Rule } from './types';
import { importBlocks } from './importBlocks';

const KEYS: string[] = identitySchema.attributes.map((a) => a.name);
const REQUIRED = identitySchema.attributes.filter((a) => a.required).map((a) => a.name);

export const identityKeys: Rule = {
  code: 'CUP607',
  name: 'identity-keys',
  defaultSeverity: 'error',
  category: 'import',
  reads: 'imports',
  doc: {
    summary: 'An import `identity` without `user_pool_id` or `client_id`, or with a key the identity schema does not have.',
    why: 'The awscc identity of this resource has exactly `user_pool_id` and `client_id` (required) plus optional `account_id` and `region`; Terraform checks the object against that schema.',
    fix: 'Renames an unknown key to the one it resembles.',
  },
  check(context) {
    for (const imp of importBlocks(context)) {
      if (!imp.ours || !imp.identity) continue;
      const value = evaluate(imp.identity.value, context.ctx.module);
      if (value?.kind !== 'object') continue;
      for (const entry of value.entries) {
        if (KEYS.includes(entry.key)) continue;
        const better = didYouMean(entry.key, KEYS, { pool_id: 'user_pool_id', userpoolid: 'user_pool_id', app_client_id: 'client_id', account: 'account_id' });
        context.report(
          entry.keySpan,
          `\`${entry.key}\` is not an identity key of awscc_cognito_user_pool_client (keys: ${KEYS.map((k) => `\`${k}\``).join(', ')}).${suggestion(better)}`,
          better && value.direct ? [replaceFix(`Rename to \`${better}\``, entry.keySpan, better)] : undefined,
        );
      }
      const missing = REQUIRED.filter((k) => !value.entries.some((e) => e.key === k));
      if (missing.length > 0) {
        context.report(imp.identity.name, `The identity needs ${missing.map((m) => `\`${m}\``).join(' and ')}.`);
      }
    }
  },
};
