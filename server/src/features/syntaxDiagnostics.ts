// Syntax errors from the parser, as LSP diagnostics with our source and a stable code.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { HclFile } from '../parser';

export const DIAGNOSTIC_SOURCE = 'awscc-cognito';
export const SYNTAX_CODE = 'CUP001';

/**
 * Beyond this many syntax errors in one document the rest are summed up in one more diagnostic. A file of
 * random bytes has an error on nearly every line: 2 MB of it gave 136,000 diagnostics, 23 MB of JSON
 * published again on every keystroke.
 */
export const MAX_SYNTAX_DIAGNOSTICS = 1000;

export function syntaxDiagnostics(file: HclFile): Diagnostic[] {
  const all = file.diagnostics;
  const shown = all.length > MAX_SYNTAX_DIAGNOSTICS ? all.slice(0, MAX_SYNTAX_DIAGNOSTICS) : all;
  const out: Diagnostic[] = shown.map((d) => ({
    range: file.rangeOf(d),
    severity: d.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: SYNTAX_CODE,
    source: DIAGNOSTIC_SOURCE,
    message: d.message,
  }));
  if (all.length > shown.length) {
    const next = all[shown.length];
    const more = all.length - shown.length;
    out.push({
      range: file.rangeOf({ start: next.start, end: next.start }),
      severity: DiagnosticSeverity.Error,
      code: SYNTAX_CODE,
      source: DIAGNOSTIC_SOURCE,
      message: `${more.toLocaleString('en-US')} more syntax error${more === 1 ? '' : 's'} from here on are not listed (only the first ${MAX_SYNTAX_DIAGNOSTICS.toLocaleString('en-US')} are).`,
    });
  }
  return out;
}
