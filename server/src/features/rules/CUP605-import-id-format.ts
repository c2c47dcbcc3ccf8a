import { PLACEHOLDER_PREFIX, importId, splitImportId } from '../../knowledge';
import { evaluate } from '../evaluate';
import type { Rule } from './types';
import { importBlocks } from './importBlocks';
import { viaText } from './values';

const POOL = new RegExp(importId.poolIdPattern);
const CLIENT = new RegExp(importId.clientIdPattern);

export const importIdFormat: Rule = {
  code: 'CUP605',
  name: 'import-id-format',
  defaultSeverity: 'error',
  category: 'import',
  reads: 'imports',
  doc: {
    summary: 'An import `id` that is not `<user_pool_id>|<client_id>` with a well-formed pool ID (`us-east-1_AbC123`) and client ID.',
    why: 'The provider passes the string to AWS unchecked; a malformed ID only fails at plan, as "Cannot import non-existent remote object".',
  },
  check(context) {
    for (const imp of importBlocks(context)) {
      if (!imp.ours || !imp.id) continue;
      const value = evaluate(imp.id.value, context.ctx.module);
      if (value?.kind !== 'string') continue;
      const split = splitImportId(value.value);
      const via = viaText(value);
      // The hashicorp/aws `/` form has its own rule with a fix.
      if (split?.separator === '/') continue;
      // The conversion's marker has its own rule (CUP613).
      if (value.value.includes(PLACEHOLDER_PREFIX)) continue;
      if (!split) {
        context.report(value.span, `The import ID must be \`${importId.format}\` (e.g. \`${importId.example}\`); \`${value.value}\` has no \`|\`${via}.`);
        continue;
      }
      if (!POOL.test(split.userPoolId) || split.userPoolId.length > importId.poolIdMaxLength) {
        context.report(value.span, `\`${split.userPoolId}\` is not a user pool ID (expected \`<region>_<letters and digits>\`, e.g. \`us-east-1_AbCdEf123\`)${via}.`);
      }
      if (!CLIENT.test(split.clientId) || split.clientId.length > importId.clientIdMaxLength) {
        context.report(value.span, `\`${split.clientId}\` is not an app client ID (letters, digits, \`_\` and \`+\`, up to 128)${via}.`);
      }
    }
  },
};
