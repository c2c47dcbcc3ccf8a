// `awscc-cognito check [--format text|json|sarif] PATH...`: the same diagnostics the language server
// publishes, for CI and terminals. Exit 0 without errors, 1 with errors (warnings alone give 0), 2 on usage
// or I/O errors.
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { Workspace, nodeFileSystem, readTextFile } from '../model';
import { computeDiagnostics } from '../features/diagnostics';
import { collectTerraformFiles, UsageError } from './collect';
import { terminalField, terminalText } from './terminal';
import { displayPath, formatJson, formatSarif, formatText, type FileDiagnostic, type OutputFormat, type SarifRule } from './output';

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
  let collected;
  try {
    collected = collectTerraformFiles(options.paths);
  } catch (e) {
    if (e instanceof UsageError) return { exitCode: 2, stdout: '', stderr: terminalText(`awscc-cognito: ${e.message}`) };
    throw e;
  }
  const { files } = collected;
  const problems = [...collected.problems];
  const workspace = new Workspace(nodeFileSystem);
  const read: string[] = [];
  for (const file of files) {
    const result = readTextFile(file);
    if ('problem' in result) {
      problems.push(`cannot read ${displayPath(file)}: ${result.problem}`);
      continue;
    }
    read.push(file);
    workspace.openDocument(pathToFileURL(file).href, 0, result.text);
  }
  const checkAll = (): FileDiagnostic[] => {
    const found: FileDiagnostic[] = [];
    for (const file of read) {
      const ctx = workspace.contextFor(pathToFileURL(file).href);
      if (!ctx) continue;
      for (const diagnostic of computeDiagnostics(ctx)) found.push({ file, diagnostic });
    }
    return found;
  };
  let found = checkAll();
  // Large files are parsed a block at a time as they are checked; one with a syntax error inside a block
  // is parsed whole instead, and since every file may read the others, all are checked again.
  let reparsed = false;
  for (const file of read) if (workspace.settleDocument(pathToFileURL(file).href)) reparsed = true;
  if (reparsed) found = checkAll();
  const stdout =
    options.format === 'json' ? formatJson(found) : options.format === 'sarif' ? formatSarif(found, rules, version) : formatText(found);
  // JSON and SARIF carry the same values after this: it only turns raw C1 and bidi characters into \u escapes.
  const safeStdout = terminalText(stdout);
  const stderr = problems.map((p) => `awscc-cognito: ${terminalField(p)}`).join('\n');
  if (problems.length > 0) return { exitCode: 2, stdout: safeStdout, stderr };
  const hasError = found.some((f) => (f.diagnostic.severity ?? DiagnosticSeverity.Error) === DiagnosticSeverity.Error);
  return { exitCode: hasError ? 1 : 0, stdout: safeStdout, stderr };
}
