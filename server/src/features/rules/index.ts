// The rule catalogue. The order here is the order of docs/rules.md and of SARIF's rule list.
import type { FeatureContext } from '../../model';
import { buildRunIndex } from './runIndex';
import type { Finding, Rule, RuleContext } from './types';
import { unknownAttribute } from './CUP101-unknown-attribute';
import { unknownObjectKey } from './CUP102-unknown-object-key';
import { missingRequiredAttribute } from './CUP103-missing-required-attribute';
import { readOnlyAttribute } from './CUP104-read-only-attribute';
import { wrongType } from './CUP105-wrong-type';
import { objectWrittenAsBlock } from './CUP106-object-written-as-block';
import { duplicateAttribute } from './CUP107-duplicate-attribute';
import { invalidEnumValue } from './CUP201-invalid-enum-value';
import { numberOutOfRange } from './CUP202-number-out-of-range';
import { stringLength } from './CUP203-string-length';
import { stringPattern } from './CUP204-string-pattern';
import { listTooLong } from './CUP205-list-too-long';
import { duplicateListItem } from './CUP206-duplicate-list-item';
import { invalidCallbackUrl } from './CUP207-invalid-callback-url';
import { questionableLogoutUrl } from './CUP208-questionable-logout-url';
import { unknownUserAttribute } from './CUP209-unknown-user-attribute';
import { unknownOAuthScope } from './CUP210-unknown-oauth-scope';
import { tokenValidityWindow } from './CUP301-token-validity-window';
import { tokenOutlivesRefresh } from './CUP302-token-outlives-refresh';

export type { Rule, RuleContext, Finding, Fix, FixEdit, RuleSeverity, RuleCategory } from './types';

export const rules: readonly Rule[] = [
  unknownAttribute,
  unknownObjectKey,
  missingRequiredAttribute,
  readOnlyAttribute,
  wrongType,
  objectWrittenAsBlock,
  duplicateAttribute,
  invalidEnumValue,
  numberOutOfRange,
  stringLength,
  stringPattern,
  listTooLong,
  duplicateListItem,
  invalidCallbackUrl,
  questionableLogoutUrl,
  unknownUserAttribute,
  unknownOAuthScope,
  tokenValidityWindow,
  tokenOutlivesRefresh,
];

export const rulesByCode: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.code, r]));

/**
 * Runs rules over one document. A rule that throws loses only its own findings (the error goes to
 * `onError`), so one bug cannot hide every other diagnostic.
 */
export function runRules(ctx: FeatureContext, selected: readonly Rule[] = rules, onError?: (rule: Rule, error: unknown) => void): Finding[] {
  const findings: Finding[] = [];
  const index = buildRunIndex(ctx.document.file);
  for (const rule of selected) {
    const context: RuleContext = {
      ctx,
      index,
      report(span, message, fixes) {
        findings.push({ code: rule.code, span: { start: span.start, end: span.end }, message, fixes });
      },
    };
    try {
      rule.check(context);
    } catch (e) {
      onError?.(rule, e);
    }
  }
  return findings;
}
