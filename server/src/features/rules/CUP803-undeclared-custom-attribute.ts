import { CUSTOM_ATTRIBUTE_PREFIX } from '../../knowledge';
import { changeStringFix, didYouMean, suggestion } from './support';
import { namedValues, poolOfClient } from './poolFacts';
import type { Rule } from './types';
import { stringItems, viaText } from './values';

export const undeclaredCustomAttribute: Rule = {
  code: 'CUP803',
  name: 'undeclared-custom-attribute',
  defaultSeverity: 'warning',
  category: 'module',
  reads: 'clients',
  doc: {
    summary: 'A `custom:<name>` entry of `read_attributes`/`write_attributes` that the schema of the user pool, declared in the module, does not define.',
    why:
      'Custom attributes exist only when the pool schema defines them, and the service refuses client attribute lists with names it does not know ("Invalid read/write attributes specified"; reported in public issue threads, hence a warning). Pools outside the module, and schemas that are not written out, are left alone.',
    fix: 'Changes the name to the schema attribute it resembles.',
  },
  check(context) {
    for (const known of namedValues(context)) {
      if (known.path !== 'read_attributes' && known.path !== 'write_attributes') continue;
      const pool = poolOfClient(context, known.client);
      const schema = pool?.pool?.schema;
      if (!pool?.pool || !schema) continue;
      const defined = schema.map((a) => (a.value.startsWith(CUSTOM_ATTRIBUTE_PREFIX) ? a.value : CUSTOM_ATTRIBUTE_PREFIX + a.value));
      for (const item of stringItems(known)) {
        if (!item.value.startsWith(CUSTOM_ATTRIBUTE_PREFIX) || item.value.length === CUSTOM_ATTRIBUTE_PREFIX.length) continue;
        if (defined.includes(item.value)) continue;
        const better = didYouMean(item.value, defined);
        const name = item.value.slice(CUSTOM_ATTRIBUTE_PREFIX.length);
        context.report(
          item.span,
          `The schema of ${pool.pool.declaration.address} defines no custom attribute "${name}"${viaText(item)}. Add it to the pool's schema or remove "${item.value}" from ${known.path}.${suggestion(better)}`,
          changeStringFix(item, better),
        );
      }
    }
  },
};
