import type { Tuple } from '../../parser';
import type { StaticValue } from '../evaluate';
import { removeTupleItem } from './support';
import type { Rule } from './types';
import { knownValues, viaText } from './values';

export const duplicateListItem: Rule = {
  code: 'CUP206',
  name: 'duplicate-list-item',
  defaultSeverity: 'warning',
  category: 'values',
  reads: 'clients',
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
      const items = v.items;
      // Lists here are short (a handful of flows, scopes or URLs): comparing pairs allocates nothing, which a
      // Set per list on every block of a first run did (~7% of its allocations).
      for (let i = 1; i < items.length; i++) {
        const item = items[i];
        if (item?.kind !== 'string' || !repeatsEarlier(items, i, item.value)) continue;
        const tuple = v.direct && v.span && 'kind' in v.span ? (v.span as Tuple) : undefined;
        context.report(item.span, `"${item.value}" is already in \`${known.path}\`${viaText(item)}.`, () =>
          tuple?.kind === 'Tuple' ? [{ title: `Remove the repeated "${item.value}"`, edits: [removeTupleItem(file, tuple, i)], preferred: true }] : undefined,
        );
      }
    }
  },
};

function repeatsEarlier(items: readonly (StaticValue | undefined)[], i: number, value: string): boolean {
  for (let j = 0; j < i; j++) {
    const earlier = items[j];
    if (earlier?.kind === 'string' && earlier.value === value) return true;
  }
  return false;
}
