// `awscc-cognito check [--format text|json|sarif] PATH...`: the same diagnostics the language server
// publishes, for CI and terminals. Exit 0 without errors, 1 with errors (warnings alone give 0), 2 on usage
// or I/O errors.
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { Workspace, nodeFileSystem } from '../model';
import { computeDiagnostics } from '../features/diagnostics';
import { collectTerraformFiles, UsageError } from './collect';
import { formatJson, formatSarif, formatText, type FileDiagnostic, type OutputFormat, type SarifRule } from './output';

export interface CheckOptions {
  format: OutputFormat;
  paths: string[];
}

export interface CheckResult {
  exitCode: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

export function runCheck(options: CheckOptions, version: string, rules: readonly SarifRule[] = []): CheckResult {
  let files: string[];
  try {
    files = collectTerraformFiles(options.paths);
  } catch (e) {
    if (e instanceof UsageError) return { exitCode: 2, stdout: '', stderr: `awscc-cognito: ${e.message}` };
    throw e;
  }
  const workspace = new Workspace(nodeFileSystem);
  const found: FileDiagnostic[] = [];
  const unreadable: string[] = [];
  for (const file of files) {
    const text = nodeFileSystem.readFile(file);
    if (text === undefined) {
      unreadable.push(file);
      continue;
    }
    const uri = pathToFileURL(file).href;
    workspace.openDocument(uri, 0, text);
  }
  for (const file of files) {
    const ctx = workspace.contextFor(pathToFileURL(file).href);
    if (!ctx) continue;
    for (const diagnostic of computeDiagnostics(ctx)) found.push({ file, diagnostic });
  }
  const stdout =
    options.format === 'json' ? formatJson(found) : options.format === 'sarif' ? formatSarif(found, rules, version) : formatText(found);
  const stderr = unreadable.map((f) => `awscc-cognito: cannot read ${f}`).join('\n');
  if (unreadable.length > 0) return { exitCode: 2, stdout, stderr };
  const hasError = found.some((f) => (f.diagnostic.severity ?? DiagnosticSeverity.Error) === DiagnosticSeverity.Error);
  return { exitCode: hasError ? 1 : 0, stdout, stderr };
}
