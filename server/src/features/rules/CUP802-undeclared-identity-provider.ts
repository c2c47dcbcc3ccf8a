import { changeStringFix, didYouMean, suggestion } from './support';
import { namedValues, poolOfClient } from './poolFacts';
import { poolGraphOf } from '../../model';
import type { Rule } from './types';
import { stringItems, viaText } from './values';

/** Always present in every pool: the pool's own user directory. */
const BUILT_IN = 'COGNITO';

export const undeclaredIdentityProvider: Rule = {
  code: 'CUP802',
  name: 'undeclared-identity-provider',
  defaultSeverity: 'warning',
  category: 'module',
  reads: 'clients',
  doc: {
    summary:
      'A name in `supported_identity_providers` that no identity provider of the same user pool declares, in a module that declares identity providers for that pool.',
    why:
      'Every name but `COGNITO` must be an identity provider configured in the pool (social ones such as `Google` included). The API reference implies it; the exact error is not documented, and the provider could be created outside this module, hence a warning. Pools for which the module declares no identity provider, or whose provider names are not written out, are left alone.',
    fix: 'Changes the name to the declared provider it resembles.',
  },
  check(context) {
    const graph = poolGraphOf(context.ctx.module);
    if (graph.unplaced.providers) return;
    for (const known of namedValues(context)) {
      if (known.path !== 'supported_identity_providers') continue;
      const pool = poolOfClient(context, known.client);
      if (!pool || pool.providers.length === 0 || pool.providers.some((p) => !p.providerName)) continue;
      const names = pool.providers.map((p) => p.providerName!.value);
      for (const item of stringItems(known)) {
        if (item.value === BUILT_IN || item.value === '' || names.includes(item.value)) continue;
        const better = didYouMean(item.value, [...names, BUILT_IN]);
        context.report(
          item.span,
          `No identity provider named "${item.value}" is declared for this user pool${viaText(item)}; the module declares ${names.map((n) => `"${n}"`).join(', ')}. Declare it for the pool or remove it from the list.${suggestion(better)}`,
          changeStringFix(item, better),
        );
      }
    }
  },
};
