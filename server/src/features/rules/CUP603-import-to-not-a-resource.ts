import type { Rule } from './types';
import { importBlocks } from './importBlocks';
import { valueOf } from './runIndex';

export const importToNotAResource: Rule = {
  code: 'CUP603',
  name: 'import-to-not-a-resource',
  defaultSeverity: 'error',
  category: 'import',
  reads: 'imports',
  doc: {
    summary: '`to` is not a managed resource address: a quoted string, a `data.` address, or a bare name.',
    why: 'Terraform only imports into managed resources, and `to` must be written as a reference (`awscc_cognito_user_pool_client.web`), not a string.',
    fix: 'Removes the quotes around a quoted address.',
  },
  check(context) {
    for (const imp of importBlocks(context)) {
      const value = valueOf(imp.to);
      if (!value) continue;
      if (value.kind === 'String') {
        const looksLikeAddress = /^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)+(\[[^\]]*\])?$/.test(value.value);
        context.report(
          value,
          '`to` takes a resource address written as a reference, not a quoted string.',
          looksLikeAddress ? [{ title: 'Remove the quotes', edits: [{ start: value.start, end: value.end, newText: value.value }], preferred: true }] : undefined,
        );
        continue;
      }
      const address = imp.target?.address;
      if (!address) continue;
      const parts = address.split('.');
      let i = 0;
      while (parts[i] === 'module' && parts.length - i > 2) i += 2;
      const rest = parts.slice(i);
      if (rest[0] === 'data') context.report(value, 'Only managed resources can be imported; `to` points at a data source.');
      else if (rest.length < 2 && !['each', 'var', 'local'].includes(rest[0])) context.report(value, '`to` needs a full resource address: `<type>.<name>`.');
    }
  },
};
