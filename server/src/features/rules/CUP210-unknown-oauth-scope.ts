import { standardOAuthScopes } from '../../knowledge';
import { changeStringFix, didYouMean, suggestion } from './support';
import type { Rule } from './types';
import { knownValues, stringItems, viaText } from './values';

const STANDARD = standardOAuthScopes.map((s) => s.value);

// Cognito API reference: a resource server identifier is 1–256 characters of [\x21\x23-\x5B\x5D-\x7E] (slashes
// allowed, so URLs like https://api.example.com are fine); a scope name is 1–256 of the same set without `/`.
// A custom scope is `<identifier>/<scope-name>`, so the name is what follows the last slash.
const IDENTIFIER = /^[\x21\x23-\x5B\x5D-\x7E]{1,256}$/;
const SCOPE_NAME = /^[\x21\x23-\x2E\x30-\x5B\x5D-\x7E]{1,256}$/;
/** A URL with nothing after its host: the resource server identifier alone, without a scope name. */
const BARE_URL = /^[a-z][a-z0-9+.-]*:\/\/[^/]+\/?$/i;

/** Why `value` is not `<identifier>/<scope-name>`, or undefined when it is. */
export function customScopeProblem(value: string): string | undefined {
  const slash = value.lastIndexOf('/');
  if (slash < 0) return 'it has no "/" between a resource server identifier and a scope name';
  if (BARE_URL.test(value)) return 'it looks like a resource server identifier alone: add "/<scope-name>"';
  const identifier = value.slice(0, slash);
  const name = value.slice(slash + 1);
  if (name === '') return 'the scope name after the last "/" is empty';
  if (identifier === '') return 'the resource server identifier before the "/" is empty';
  if (!IDENTIFIER.test(identifier)) return 'the resource server identifier must be 1 to 256 printable ASCII characters without spaces, quotes or backslashes';
  if (!SCOPE_NAME.test(name)) return 'the scope name must be 1 to 256 printable ASCII characters without spaces, quotes, backslashes or "/"';
  return undefined;
}

export const unknownOAuthScope: Rule = {
  code: 'CUP210',
  name: 'unknown-oauth-scope',
  defaultSeverity: 'warning',
  category: 'values',
  reads: 'clients',
  doc: {
    summary: 'A scope that is neither a standard scope (`openid`, `email`, `phone`, `profile`, `aws.cognito.signin.user.admin`) nor a custom `<resource-server-identifier>/<scope-name>`.',
    why: 'AWS refuses scopes it does not know ("Invalid scope requested"); the evidence is secondary, hence a warning. Scopes are case-sensitive. A custom scope is the resource server identifier (1–256 characters; it may be a URL such as `https://api.example.com`), a `/`, and the scope name (1–256 characters, no `/`), as the Cognito API reference defines them.',
    fix: 'Replaces a misspelt standard scope with the one it resembles.',
  },
  check(context) {
    for (const known of knownValues(context)) {
      if (known.path !== 'allowed_o_auth_scopes') continue;
      for (const item of stringItems(known)) {
        const v = item.value;
        // Characters and total length are CUP204's and CUP203's business.
        if (v === '' || STANDARD.includes(v) || v.length > 256 || !IDENTIFIER.test(v)) continue;
        const problem = customScopeProblem(v);
        if (!problem) continue;
        if (!v.includes('/')) {
          const better = didYouMean(v, STANDARD);
          context.report(
            item.span,
            `\`${v}\` is not a standard scope, nor a custom scope written \`<resource-server-identifier>/<scope-name>\`${viaText(item)}.${suggestion(better)}`,
            changeStringFix(item, better),
          );
        } else context.report(item.span, `"${v}" is not a valid custom scope${viaText(item)}: ${problem}.`);
      }
    }
  },
};
