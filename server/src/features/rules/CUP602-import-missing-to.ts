import { headerSpan } from './support';
import type { Rule } from './types';
import { importBlocks } from './importBlocks';

export const importMissingTo: Rule = {
  code: 'CUP602',
  name: 'import-missing-to',
  defaultSeverity: 'error',
  category: 'import',
  reads: 'imports',
  structural: true,
  doc: {
    summary: 'An `import` block without `to`.',
    why: '`to` is required: it names the resource address the existing object is imported into.',
  },
  check(context) {
    for (const imp of importBlocks(context)) {
      if (!imp.to && imp.block.closeBrace >= 0) context.report(headerSpan(imp.block), 'An import block needs `to`, the address of the resource to import into.');
    }
  },
};
