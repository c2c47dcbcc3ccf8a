import { standardOAuthScopes } from '../../knowledge';
import { changeStringFix, didYouMean, suggestion } from './support';
import type { Rule } from './types';
import { knownValues, stringItems, viaText } from './values';

const STANDARD = standardOAuthScopes.map((s) => s.value);

export const unknownOAuthScope: Rule = {
  code: 'CUP210',
  name: 'unknown-oauth-scope',
  defaultSeverity: 'warning',
  category: 'values',
  doc: {
    summary: 'A scope that is neither a standard scope (`openid`, `email`, `phone`, `profile`, `aws.cognito.signin.user.admin`) nor a custom `<resource-server>/<scope>`.',
    why: 'AWS refuses scopes it does not know ("Invalid scope requested"); the evidence is secondary, hence a warning. Scopes are case-sensitive.',
    fix: 'Replaces a misspelt standard scope with the one it resembles.',
  },
  check(context) {
    for (const known of knownValues(context)) {
      if (known.path !== 'allowed_o_auth_scopes') continue;
      for (const item of stringItems(known)) {
        const v = item.value;
        if (v === '' || STANDARD.includes(v) || /^[^/]+\/[^/]/.test(v)) continue;
        const better = didYouMean(v, STANDARD);
        context.report(
          item.span,
          `\`${v}\` is not a standard scope, nor a custom scope written \`<resource-server-identifier>/<scope-name>\`${viaText(item)}.${suggestion(better)}`,
          changeStringFix(item, better),
        );
      }
    }
  },
};
