// Syntax errors from the parser, as LSP diagnostics with our source and a stable code.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { HclFile } from '../parser';

export const DIAGNOSTIC_SOURCE = 'awscc-cognito';
export const SYNTAX_CODE = 'CUP001';

export function syntaxDiagnostics(file: HclFile): Diagnostic[] {
  return file.diagnostics.map((d) => ({
    range: file.rangeOf(d),
    severity: d.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: SYNTAX_CODE,
    source: DIAGNOSTIC_SOURCE,
    message: d.message,
  }));
}
