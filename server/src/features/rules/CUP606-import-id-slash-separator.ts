import { importId, splitImportId } from '../../knowledge';
import { evaluate } from '../evaluate';
import { hclString } from './support';
import { offsetInString } from './importIdText';
import type { Rule } from './types';
import { importBlocks } from './importBlocks';
import { viaText } from './values';

export const importIdSlashSeparator: Rule = {
  code: 'CUP606',
  name: 'import-id-slash-separator',
  defaultSeverity: 'error',
  category: 'import',
  reads: 'imports',
  doc: {
    summary: 'An import `id` written `<user_pool_id>/<client_id>`, the hashicorp/aws form.',
    why: 'hashicorp/aws separates the two IDs with `/`; awscc joins them with `|`. With `/` the lookup fails at plan.',
    fix: 'Replaces `/` with `|`.',
  },
  check(context) {
    const file = context.ctx.document.file;
    for (const imp of importBlocks(context)) {
      if (!imp.ours || !imp.id) continue;
      const value = evaluate(imp.id.value, context.ctx.module);
      if (value?.kind !== 'string') continue;
      const split = splitImportId(value.value);
      if (split?.separator !== '/') continue;
      const at = split.clientIdStart - 1;
      const offset = value.direct ? offsetInString(file, imp.id.value, at) : undefined;
      const fixed = `${split.userPoolId}|${split.clientId}`;
      const edit =
        offset !== undefined
          ? { start: offset, end: offset + 1, newText: importId.separator }
          : value.direct
            ? { start: value.span.start, end: value.span.end, newText: hclString(fixed) }
            : undefined;
      context.report(
        offset !== undefined ? { start: offset, end: offset + 1 } : value.span,
        `awscc import IDs separate the pool and client IDs with \`|\`, not \`/\` (that is the hashicorp/aws form): \`${fixed}\`${viaText(value)}.`,
        edit ? [{ title: 'Use `|` as the separator', edits: [edit], preferred: true }] : undefined,
      );
    }
  },
};
