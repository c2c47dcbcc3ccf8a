// The one entry point for diagnostics, shared by the language server and the CLI so both report the same.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { FeatureContext } from '../model';
import { syntaxDiagnostics } from './syntaxDiagnostics';

export interface DiagnosticOptions {
  /** Per-code severity override, or 'off'. Keys are rule codes (CUP123). */
  severities?: Record<string, 'error' | 'warning' | 'information' | 'hint' | 'off'>;
  /**
   * True when HashiCorp's Terraform extension is active and the user lets our syntax and plain structural
   * diagnostics yield to its own (so nothing is reported twice).
   */
  yieldStructural?: boolean;
}

export function computeDiagnostics(ctx: FeatureContext, options: DiagnosticOptions = {}): Diagnostic[] {
  const result: Diagnostic[] = [];
  if (!options.yieldStructural) result.push(...syntaxDiagnostics(ctx.document.file));
  return applySeverities(result, options);
}

function applySeverities(diagnostics: Diagnostic[], options: DiagnosticOptions): Diagnostic[] {
  const overrides = options.severities;
  if (!overrides) return diagnostics;
  const levels = { error: 1, warning: 2, information: 3, hint: 4 } as const;
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const o = typeof d.code === 'string' ? overrides[d.code] : undefined;
    if (o === 'off') continue;
    out.push(o ? { ...d, severity: levels[o] } : d);
  }
  return out;
}
