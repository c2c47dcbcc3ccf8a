import { importBlockSchema } from '../../knowledge';
import { didYouMean, replaceFix, suggestion } from './support';
import type { Rule } from './types';

const NAMES: string[] = importBlockSchema.arguments.map((a) => a.name);

export const unknownImportArgument: Rule = {
  code: 'CUP601',
  name: 'unknown-import-argument',
  defaultSeverity: 'error',
  category: 'import',
  reads: 'imports',
  structural: true,
  doc: {
    summary: 'An argument or nested block in an `import` block other than `to`, `id`, `identity`, `for_each` and `provider`.',
    why: 'Terraform accepts exactly these five arguments in an import block and no nested blocks.',
    fix: 'Rename to the suggested argument.',
  },
  check({ index, report }) {
    for (const block of index.imports) {
      for (const item of block.body.items) {
        if (item.kind === 'Attribute') {
          if (!item.name.name || NAMES.includes(item.name.name)) continue;
          const better = didYouMean(item.name.name, NAMES, { import_id: 'id', target: 'to', address: 'to' });
          report(
            item.name,
            `\`${item.name.name}\` is not an argument of an import block (allowed: ${NAMES.map((n) => `\`${n}\``).join(', ')}).${suggestion(better)}`,
            better ? [replaceFix(`Rename to \`${better}\``, item.name, better)] : undefined,
          );
        } else {
          const hint = item.type.name === 'identity' ? ' Write `identity = { ... }` with `=`.' : '';
          report(
            item.type,
            `Import blocks take no nested blocks.${hint}`,
            hint && item.labels.length === 0 && item.openBrace >= 0
              ? [{ title: 'Write `identity = { ... }`', edits: [{ start: item.type.end, end: item.openBrace, newText: ' = ' }], preferred: true }]
              : undefined,
          );
        }
      }
    }
  },
};
