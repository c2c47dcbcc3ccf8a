// CLI output formats for diagnostics: text lines, JSON (LSP ranges) and SARIF 2.1.0.
import { relative } from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { terminalField } from './terminal';

export interface FileDiagnostic {
  /** Absolute path. */
  file: string;
  diagnostic: Diagnostic;
}

export type OutputFormat = 'text' | 'json' | 'sarif';

export function severityName(s: DiagnosticSeverity | undefined): 'error' | 'warning' | 'information' | 'hint' {
  switch (s) {
    case DiagnosticSeverity.Warning:
      return 'warning';
    case DiagnosticSeverity.Information:
      return 'information';
    case DiagnosticSeverity.Hint:
      return 'hint';
    default:
      return 'error';
  }
}

export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

/**
 * `file:line:column: severity code message`, 1-based line and column (column counts UTF-16 units). Each field
 * is escaped on its own, line feeds included, so a file name or value cannot start a line of its own.
 */
export function formatText(items: readonly FileDiagnostic[]): string {
  return items
    .map(({ file, diagnostic: d }) => {
      const { line, character } = d.range.start;
      return `${terminalField(displayPath(file))}:${line + 1}:${character + 1}: ${severityName(d.severity)} ${terminalField(String(d.code ?? ''))} ${terminalField(typeof d.message === 'string' ? d.message : d.message.value)}`;
    })
    .join('\n');
}

export function formatJson(items: readonly FileDiagnostic[]): string {
  return JSON.stringify(
    items.map(({ file, diagnostic: d }) => ({
      file: displayPath(file),
      range: d.range,
      severity: severityName(d.severity),
      code: d.code,
      message: d.message,
    })),
    null,
    2,
  );
}

export interface SarifRule {
  id: string;
  name: string;
  shortDescription: string;
  helpUri?: string;
}

export function formatSarif(items: readonly FileDiagnostic[], rules: readonly SarifRule[], version: string): string {
  const level = (s: DiagnosticSeverity | undefined) =>
    s === DiagnosticSeverity.Error || s === undefined ? 'error' : s === DiagnosticSeverity.Warning ? 'warning' : 'note';
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'awscc-cognito',
            version,
            rules: rules.map((r) => ({
              id: r.id,
              name: r.name,
              shortDescription: { text: r.shortDescription },
              ...(r.helpUri ? { helpUri: r.helpUri } : {}),
            })),
          },
        },
        results: items.map(({ file, diagnostic: d }) => ({
          ruleId: String(d.code ?? 'CUP000'),
          level: level(d.severity),
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: displayPath(file).split('\\').join('/') },
                // SARIF columns are 1-based; we count UTF-16 code units like LSP does.
                region: {
                  startLine: d.range.start.line + 1,
                  startColumn: d.range.start.character + 1,
                  endLine: d.range.end.line + 1,
                  endColumn: d.range.end.character + 1,
                },
              },
            },
          ],
        })),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}
