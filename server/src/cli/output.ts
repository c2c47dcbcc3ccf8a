// CLI output formats for diagnostics: text lines, JSON (LSP ranges) and SARIF 2.1.0.
import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
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

/**
 * Where docs/rules.md lives on the web, from package.json's repository URL (`git+https://host/o/r.git`,
 * `git@host:o/r.git`). SARIF wants helpUri to be an absolute URI (2.1.0 §3.49.12): a relative link would not
 * resolve in a code-scanning UI, and a file:// link to an installed copy would not exist on the server that
 * shows the results. Undefined when the repository URL gives no web address.
 */
export function rulesDocUrl(repositoryUrl: string): string | undefined {
  let url = repositoryUrl.trim().replace(/^git\+/, '').replace(/\.git$/, '').replace(/\/+$/, '');
  const scp = /^git@([^:]+):(.+)$/.exec(url);
  if (scp) url = `https://${scp[1]}/${scp[2]}`;
  if (!/^https?:\/\/[^/]+\/.+/.test(url)) return undefined;
  return `${url}/blob/main/docs/rules.md`;
}

/** The SARIF base every relative location is resolved against: the folder check ran in. */
const BASE_ID = 'SRCROOT';

/**
 * A file's artifactLocation: relative to SRCROOT (declared in originalUriBaseIds as the working folder) when it
 * is inside that folder, else an absolute file:// URI. Both are URI references, so each path segment is
 * percent-encoded (a space, `#` or `%` in a name would otherwise change what the URI means).
 */
function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const rel = relative(cwd, file);
  if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)) return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: BASE_ID };
  return { uri: pathToFileURL(file).href };
}

export function formatSarif(items: readonly FileDiagnostic[], rules: readonly SarifRule[], version: string, cwd = process.cwd()): string {
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
        // A directory URI ends with a slash, so that relative locations resolve inside it.
        originalUriBaseIds: { [BASE_ID]: { uri: pathToFileURL(cwd).href.replace(/\/?$/, '/') } },
        results: items.map(({ file, diagnostic: d }) => ({
          ruleId: String(d.code ?? 'CUP000'),
          level: level(d.severity),
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: artifactLocation(file, cwd),
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
