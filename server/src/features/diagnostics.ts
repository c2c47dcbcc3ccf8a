// The one entry point for diagnostics, shared by the language server and the CLI so both report the same.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { FeatureContext } from '../model';
import { DIAGNOSTIC_SOURCE, SYNTAX_CODE, syntaxDiagnostics } from './syntaxDiagnostics';
import { byPosition, presized, rules, runRulesCached, type Finding, type Rule } from './rules';
export { settleItemCaches } from './rules/itemCache';
import { isSuppressed, suppressedLines } from './suppressions';
import { defaultsOf, defaultSiteDiagnostics } from './defaultSites';
import { moduleCallDiagnostics } from './moduleCalls';

export interface DiagnosticOptions {
  /** Per-code severity override, or 'off'. Keys are rule codes (CUP123). */
  severities?: Record<string, 'error' | 'warning' | 'information' | 'hint' | 'off'>;
  /**
   * True when HashiCorp's Terraform extension is active and the user lets our syntax and plain structural
   * diagnostics yield to its own (so nothing is reported twice).
   */
  yieldStructural?: boolean;
  /** Called when a rule throws (the server logs it); the other rules still report. */
  onRuleError?: (code: string, error: unknown) => void;
}

const LEVELS = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint } as const;

export function computeDiagnostics(ctx: FeatureContext, options: DiagnosticOptions = {}): Diagnostic[] {
  // Modules that `terraform init` downloaded are not the user's to edit: nothing is reported in them.
  if (isUnderDotTerraform(ctx.document.uri)) return [];
  const file = ctx.document.file;
  const onError = (rule: Rule, e: unknown) => {
    // Never silent: a broken rule must be visible, but it must not hide the other rules' findings.
    if (options.onRuleError) options.onRuleError(rule.code, e);
    else console.error(`awscc-cognito: rule ${rule.code} failed: ${(e as Error)?.stack ?? e}`);
  };
  const diagnosticsOf = (f: Finding, on = file): Diagnostic => {
    const d: Diagnostic = {
      range: f.range ?? on.rangeOf(f.span),
      severity: LEVELS[f.severity ?? rulesByCodeLocal.get(f.code)?.defaultSeverity ?? 'error'],
      code: f.code,
      source: DIAGNOSTIC_SOURCE,
      message: f.message,
    };
    if (f.defaults) d.data = { defaults: f.defaults };
    return d;
  };
  const selected = activeRules(options);
  const { items, module } = runRulesCached(ctx, selected, (f) => diagnosticsOf(f), onError);
  const onDefaults = defaultSiteDiagnostics(ctx, items, (other) => runRulesCached(other, selected, (f) => diagnosticsOf(f, other.document.file), onError).items);
  // Item diagnostics arrive in source order; the few others are merged in.
  const calls = moduleCallDiagnostics(ctx, selected, (f) => diagnosticsOf(f), onError);
  const others = [...(options.yieldStructural ? [] : syntaxDiagnostics(file)), ...module, ...onDefaults, ...calls].sort(byPosition);
  const all = others.length === 0 ? items : merge(items, others);
  return applySuppressions(applySeverities(all, options), ctx);
}

function merge(a: Diagnostic[], b: Diagnostic[]): Diagnostic[] {
  const out = presized<Diagnostic>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = byPosition(a[i], b[j]) <= 0 ? a[i++] : b[j++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

const rulesByCodeLocal = new Map(rules.map((r) => [r.code, r]));

/** The rules that run under these options: not switched off, and not structural when yielding. */
export function activeRules(options: DiagnosticOptions): Rule[] {
  return rules.filter((r) => options.severities?.[r.code] !== 'off' && !(options.yieldStructural && r.structural));
}

function applySeverities(diagnostics: Diagnostic[], options: DiagnosticOptions): Diagnostic[] {
  const overrides = options.severities;
  // The server always passes its settings' object, usually empty: then there is nothing to copy.
  if (!overrides || !hasKeys(overrides)) return diagnostics;
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const o = typeof d.code === 'string' ? overrides[d.code] : undefined;
    if (o === 'off') continue;
    // A finding that rests on a default stays Information at most, whatever the rule is raised to.
    const level = o && defaultsOf(d) ? Math.max(LEVELS[o], DiagnosticSeverity.Information) : o ? LEVELS[o] : undefined;
    out.push(level !== undefined ? { ...d, severity: level as DiagnosticSeverity } : d);
  }
  return out;
}

function hasKeys(o: object): boolean {
  for (const _ in o) return true;
  return false;
}

function applySuppressions(diagnostics: Diagnostic[], ctx: FeatureContext): Diagnostic[] {
  const lines = suppressedLines(ctx.document.file);
  if (lines.size === 0) return diagnostics;
  // Syntax errors are never silenced: the rest of the file's diagnostics depend on the text parsing.
  return diagnostics.filter((d) => d.code === SYNTAX_CODE || !isSuppressed(lines, d.range.start.line, String(d.code)));
}

function isUnderDotTerraform(uri: string): boolean {
  return /\/\.terraform\//.test(uri);
}
