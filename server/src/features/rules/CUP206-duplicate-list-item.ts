import type { Tuple } from '../../parser';
import { removeTupleItem } from './support';
import type { Fix } from './types';
import type { Rule } from './types';
import { knownValues, viaText } from './values';

export const duplicateListItem: Rule = {
  code: 'CUP206',
  name: 'duplicate-list-item',
  defaultSeverity: 'warning',
  category: 'values',
  doc: {
    summary: 'The same value twice in a list attribute.',
    why: 'A repeated value has no effect and usually hides a typo in what was meant; AWS may reject or silently collapse it.',
    fix: 'Removes the repeated item.',
  },
  check(context) {
    const file = context.ctx.document.file;
    for (const known of knownValues(context)) {
      const v = known.value;
      if (v.kind !== 'list' || known.spec.type !== 'list') continue;
      const seen = new Set<string>();
      v.items.forEach((item, i) => {
        if (item?.kind !== 'string') return;
        if (!seen.has(item.value)) {
          seen.add(item.value);
          return;
        }
        const tuple = v.direct && v.span && 'kind' in v.span ? (v.span as Tuple) : undefined;
        const fixes: Fix[] | undefined =
          tuple?.kind === 'Tuple' ? [{ title: `Remove the repeated "${item.value}"`, edits: [removeTupleItem(file, tuple, i)], preferred: true }] : undefined;
        context.report(item.span, `"${item.value}" is already in \`${known.path}\`${viaText(item)}.`, fixes);
      });
    }
  },
};
