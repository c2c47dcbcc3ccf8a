import { changeStringFix, didYouMean, suggestion } from './support';
import { namedValues, poolOfClient, serverForScope } from './poolFacts';
import type { Rule } from './types';
import { stringItems, viaText } from './values';

export const undeclaredCustomScope: Rule = {
  code: 'CUP801',
  name: 'undeclared-custom-scope',
  defaultSeverity: 'error',
  category: 'module',
  reads: 'clients',
  doc: {
    summary:
      'A custom scope `<identifier>/<name>` whose resource server the module declares for the same user pool, but without that scope name.',
    why:
      'A pool has one resource server per identifier, so when the module declares it, its scope list is the whole list. CreateUserPoolClient refuses scopes that do not exist (`ScopeDoesNotExistException`, "Invalid scope requested"). Resource servers whose scopes are not written out (dynamic blocks, variables) and pools the module does not name are left alone.',
    fix: 'Changes the scope to the declared one it resembles.',
  },
  check(context) {
    for (const known of namedValues(context)) {
      if (known.path !== 'allowed_o_auth_scopes') continue;
      const pool = poolOfClient(context, known.client);
      if (!pool || pool.servers.length === 0) continue;
      for (const item of stringItems(known)) {
        const found = serverForScope(pool, item.value);
        if (!found?.server.scopes || !found.server.identifier) continue;
        const names = found.server.scopes.map((s) => s.value);
        if (names.includes(found.name)) continue;
        const identifier = found.server.identifier.value;
        const better = didYouMean(found.name, names);
        const declared = names.length > 0 ? `it declares ${names.map((n) => `"${n}"`).join(', ')}` : 'it declares no scopes';
        context.report(
          item.span,
          `"${item.value}" is not a scope of ${found.server.declaration.address} ("${identifier}"): ${declared}${viaText(item)}. Add "${found.name}" to that resource server or use a declared scope.${suggestion(better && `${identifier}/${better}`)}`,
          changeStringFix(item, better && `${identifier}/${better}`),
        );
      }
    }
  },
};
