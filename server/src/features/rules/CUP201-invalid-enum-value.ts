import { changeStringFix, didYouMean, suggestion } from './support';
import type { Rule } from './types';
import { knownValues, stringItems, viaText } from './values';

export const invalidEnumValue: Rule = {
  code: 'CUP201',
  name: 'invalid-enum-value',
  defaultSeverity: 'error',
  category: 'values',
  reads: 'clients',
  doc: {
    summary: 'A value outside a closed set: `explicit_auth_flows`, `allowed_o_auth_flows`, `prevent_user_existence_errors`, the `token_validity_units` keys, `refresh_token_rotation.feature`.',
    why:
      'The provider itself only checks `refresh_token_rotation.feature`; for the others the set comes from the AWS API model, and AWS rejects other values at apply, after the plan looked fine. Values are case-sensitive.',
    fix: 'Replaces the value with the allowed value it most resembles (case or typo).',
  },
  check(context) {
    const report = context.report;
    for (const known of knownValues(context)) {
      const constraint = known.spec.enum;
      if (!constraint?.closed) continue;
      const allowed = allowedValues(constraint);
      for (const item of stringItems(known)) {
        if (allowed.includes(item.value)) continue;
        const better = didYouMean(item.value, allowed);
        const list = allowed.length <= 5 ? ` Allowed: ${allowed.map((a) => `\`${a}\``).join(', ')}.` : '';
        report(
          item.span,
          `\`${item.value}\` is not a valid value of \`${known.path}\`${viaText(item)}.${suggestion(better)}${better ? '' : list}`,
          changeStringFix(item, better),
        );
      }
    }
  },
};

const allowedByConstraint = new WeakMap<object, string[]>();

/** The values of a closed set, listed once per set rather than once per value checked. */
function allowedValues(constraint: { values: readonly { value: string }[] }): string[] {
  let allowed = allowedByConstraint.get(constraint);
  if (!allowed) allowedByConstraint.set(constraint, (allowed = constraint.values.map((v) => v.value)));
  return allowed;
}
