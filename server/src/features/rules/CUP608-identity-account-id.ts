import type { Rule } from './types';
import { importBlocks } from './importBlocks';
import { identityStrings } from './identityValues';

export const identityAccountId: Rule = {
  code: 'CUP608',
  name: 'identity-account-id',
  defaultSeverity: 'warning',
  category: 'import',
  reads: 'imports',
  doc: {
    summary: 'An identity `account_id` that is not 12 digits.',
    why: 'AWS account IDs are 12 digits. The provider does not check the format, but it compares the value with the account of its credentials and fails the import on a mismatch.',
  },
  check(context) {
    for (const imp of importBlocks(context)) {
      if (!imp.ours) continue;
      const account = identityStrings(context, imp).get('account_id');
      if (account && !/^\d{12}$/.test(account.value)) {
        context.report(account.span, `\`${account.value}\` does not look like an AWS account ID (12 digits); the import fails unless it equals the provider's account.`);
      }
    }
  },
};
