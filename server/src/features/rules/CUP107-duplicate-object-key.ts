import type { Rule } from './types';
import { objectKey } from '../evaluate';

export const duplicateObjectKey: Rule = {
  code: 'CUP107',
  name: 'duplicate-object-key',
  defaultSeverity: 'error',
  category: 'schema',
  reads: 'clients',
  doc: {
    summary: 'The same key twice in one of the object attributes (`token_validity_units = { id_token = ..., id_token = ... }`).',
    why: 'Terraform rejects an object that defines a key more than once; which value was meant is unclear. (An argument repeated in the block itself is a syntax error, CUP001.)',
  },
  check({ index, report }) {
    for (const client of index.clients) {
      for (const item of client.attributes.values()) {
        if (item.value.kind !== 'Object') continue;
        const keys = new Set<string>();
        for (const entry of item.value.items) {
          const key = objectKey(entry.key);
          if (key === undefined) continue;
          if (keys.has(key)) report(entry.key, `\`${key}\` is already set earlier in \`${item.name.name}\`.`);
          keys.add(key);
        }
      }
    }
  },
};
