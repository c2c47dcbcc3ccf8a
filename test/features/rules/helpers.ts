// Test helpers for rules: write the expected ranges into the snippet with « » instead of counting offsets.
//   findings('user_pool_id = «"x"»', 'CUP204') → checks that CUP204 is reported exactly on "x".
import assert from 'node:assert/strict';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { computeDiagnostics, type DiagnosticOptions } from '../../../server/src/features/diagnostics';
import { codeActions } from '../../../server/src/features/codeActions';
import { contextFor } from '../../support/context';

export interface Marked {
  text: string;
  spans: { start: number; end: number }[];
}

export function marked(snippet: string): Marked {
  const spans: { start: number; end: number }[] = [];
  let text = '';
  let open = -1;
  for (const ch of snippet) {
    if (ch === '«') open = text.length;
    else if (ch === '»') {
      spans.push({ start: open, end: text.length });
      open = -1;
    } else text += ch;
  }
  return { text, spans };
}

export function diagnose(text: string, otherFiles: Record<string, string> = {}, options: DiagnosticOptions = {}): Diagnostic[] {
  return computeDiagnostics(contextFor(text, otherFiles), options);
}

const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

/** The text each diagnostic of `code` covers, with its severity: `error "x"`. */
export function reported(text: string, code: string, otherFiles: Record<string, string> = {}): string[] {
  const ctx = contextFor(text, otherFiles);
  const lines = ctx.document.file.lines;
  return computeDiagnostics(ctx)
    .filter((d) => d.code === code)
    .map((d) => `${SEVERITY[d.severity ?? 1]} ${text.slice(lines.offsetAt(d.range.start), lines.offsetAt(d.range.end))}`);
}

/** Asserts that `code` is reported exactly on the « » spans of the snippet, with `severity`. */
/** Our diagnostics always carry plain-text messages. */
export type TextDiagnostic = Diagnostic & { message: string };

export function expectAt(snippet: string, code: string, severity: 'error' | 'warning' | 'information', otherFiles: Record<string, string> = {}): TextDiagnostic[] {
  const { text, spans } = marked(snippet);
  const expected = spans.map((s) => `${severity} ${text.slice(s.start, s.end)}`);
  assert.deepEqual(reported(text, code, otherFiles), expected);
  const all = diagnose(text, otherFiles).filter((d) => d.code === code);
  for (const d of all) assert.equal(typeof d.message, 'string');
  return all as TextDiagnostic[];
}

export function expectNone(text: string, code: string, otherFiles: Record<string, string> = {}): void {
  assert.deepEqual(reported(text, code, otherFiles), []);
}

/** Applies the quick fix titled `title` (for a finding of `code`) and returns the new text. */
export function applyFix(text: string, code: string, title?: string, otherFiles: Record<string, string> = {}): string {
  const ctx = contextFor(text, otherFiles);
  const diagnostics = computeDiagnostics(ctx).filter((d) => d.code === code);
  assert.ok(diagnostics.length > 0, `no ${code} reported`);
  const actions = diagnostics.flatMap((d) => codeActions(ctx, d.range, diagnostics)).filter((a) => a.diagnostics?.[0]?.code === code);
  const action = title ? actions.find((a) => a.title === title) : actions[0];
  assert.ok(action, `no fix${title ? ` titled ${title}` : ''} for ${code}; got ${actions.map((a) => a.title).join(', ') || 'none'}`);
  const edits = action.edit?.changes?.[ctx.document.uri] ?? [];
  return applyEdits(text, edits, ctx.document.file.lines.offsetAt.bind(ctx.document.file.lines));
}

export function applyEdits(text: string, edits: readonly TextEdit[], offsetAt: (p: { line: number; character: number }) => number): string {
  const sorted = [...edits].sort((a, b) => offsetAt(b.range.start) - offsetAt(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offsetAt(e.range.start)) + e.newText + out.slice(offsetAt(e.range.end));
  return out;
}

/** Wraps attribute lines in a resource block of our type with a valid user_pool_id. */
export function client(body: string, name = 'c'): string {
  return `resource "awscc_cognito_user_pool_client" "${name}" {\n  user_pool_id = "us-east-1_AbC123"\n${body}\n}\n`;
}
