import type { Rule } from './types';
import { objectKey } from '../evaluate';

export const duplicateAttribute: Rule = {
  code: 'CUP107',
  name: 'duplicate-attribute',
  defaultSeverity: 'error',
  category: 'schema',
  structural: true,
  doc: {
    summary: 'The same argument twice in one block, or the same key twice in one of its objects.',
    why: 'Terraform rejects a block or object that defines a name more than once; which value was meant is unclear.',
  },
  check({ index, report }) {
    for (const client of index.clients) {
      const seen = new Set<string>();
      for (const item of client.block.body.items) {
        if (item.kind !== 'Attribute' || !item.name.name) continue;
        if (seen.has(item.name.name)) report(item.name, `\`${item.name.name}\` is already set earlier in this block.`);
        seen.add(item.name.name);
        if (item.value.kind === 'Object') {
          const keys = new Set<string>();
          for (const entry of item.value.items) {
            const key = objectKey(entry.key);
            if (key === undefined) continue;
            if (keys.has(key)) report(entry.key, `\`${key}\` is already set earlier in \`${item.name.name}\`.`);
            keys.add(key);
          }
        }
      }
    }
  },
};
