import type { Rule } from './types';
import { knownValues, viaText } from './values';

export const numberOutOfRange: Rule = {
  code: 'CUP202',
  name: 'number-out-of-range',
  defaultSeverity: 'error',
  category: 'values',
  reads: 'clients',
  doc: {
    summary: 'A number outside its allowed range (`auth_session_validity` 3–15, `retry_grace_period_seconds` 0–60, the raw token validity ranges).',
    why: 'The awscc provider validates these ranges itself, so `terraform plan` fails.',
  },
  check(context) {
    for (const known of knownValues(context)) {
      const range = known.spec.range;
      const v = known.value;
      if (!range || v.kind !== 'number') continue;
      if (v.value >= range.min && v.value <= range.max) continue;
      context.report(
        v.span,
        `\`${known.path}\` must be between ${range.min} and ${range.max}${range.unit ? ` ${range.unit}` : ''}; ${v.value} is out of range${viaText(v)}.`,
      );
    }
  },
};
