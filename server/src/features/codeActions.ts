// Quick fixes: the rules attach fixes to their findings; this turns the findings under the requested range
// into LSP code actions carrying their diagnostic. Rules are re-run here (rather than trusting diagnostic
// data sent back by the editor) so that fixes also exist for diagnostics that yielded to terraform-ls.
import { DiagnosticSeverity, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { FeatureContext } from '../model';
import { nodePathAt, type Attribute, type Block } from '../parser';
import type { DiagnosticOptions } from './diagnostics';
import { rules, runRules, type Finding, type Fix } from './rules';
import { DIAGNOSTIC_SOURCE } from './syntaxDiagnostics';
import { identityToIdFix, idToIdentityFix } from './rules/importConversion';
import { plainMessage } from './rules/plainMessage';
import { RESOURCE_TYPE } from '../knowledge';
import { importTarget } from '../model';

const LEVELS = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information } as const;

export function codeActions(ctx: FeatureContext, range: Range, diagnostics: readonly Diagnostic[] = [], options: Pick<DiagnosticOptions, 'severities'> = {}): CodeAction[] {
  const file = ctx.document.file;
  const start = file.lines.offsetAt(range.start);
  const end = file.lines.offsetAt(range.end);
  const active = rules.filter((r) => options.severities?.[r.code] !== 'off');
  const actions: CodeAction[] = [];
  for (const finding of runRules(ctx, active, undefined, { start, end })) {
    if (!finding.fixes?.length || finding.span.end < start || finding.span.start > end) continue;
    const diagnostic = matching(diagnostics, finding, ctx) ?? toDiagnostic(finding, ctx);
    for (const fix of finding.fixes) actions.push(toAction(fix, 'quickfix', ctx, [diagnostic]));
  }
  actions.push(...importRewrites(ctx, start));
  return actions;
}

function matching(diagnostics: readonly Diagnostic[], finding: Finding, ctx: FeatureContext): Diagnostic | undefined {
  const r = ctx.document.file.rangeOf(finding.span);
  return diagnostics.find(
    (d) =>
      d.code === finding.code &&
      d.range.start.line === r.start.line &&
      d.range.start.character === r.start.character &&
      d.range.end.line === r.end.line &&
      d.range.end.character === r.end.character,
  );
}

function toDiagnostic(finding: Finding, ctx: FeatureContext): Diagnostic {
  const rule = rules.find((r) => r.code === finding.code);
  return {
    range: ctx.document.file.rangeOf(finding.span),
    severity: LEVELS[rule?.defaultSeverity ?? 'error'],
    code: finding.code,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
}

function toAction(fix: Fix, kind: string, ctx: FeatureContext, diagnostics?: Diagnostic[]): CodeAction {
  const changes: Record<string, TextEdit[]> = {};
  for (const edit of fix.edits) {
    const uri = edit.uri ?? ctx.document.uri;
    const target = uri === ctx.document.uri ? ctx.document.file : ctx.module.documents().find((d) => d.uri === uri)?.file;
    if (!target) continue;
    (changes[uri] ??= []).push({ range: target.rangeOf(edit), newText: edit.newText });
  }
  return {
    // Titles are plain text in every editor's menu, like diagnostic messages.
    title: plainMessage(fix.title),
    kind,
    ...(diagnostics ? { diagnostics } : {}),
    ...(fix.preferred ? { isPreferred: true } : {}),
    edit: { changes },
  };
}

/** `id` ⇄ `identity` in an import block of our resource type, offered wherever the caret is on either. */
function importRewrites(ctx: FeatureContext, offset: number): CodeAction[] {
  const path = nodePathAt(ctx.document.file, offset);
  const block = path[1];
  if (block?.kind !== 'Block' || block.type.name !== 'import' || importTarget(block)?.resourceType !== RESOURCE_TYPE) return [];
  // Block → Body → Attribute.
  const attribute = path[3];
  if (attribute?.kind !== 'Attribute') return [];
  const has = (name: string) => (block as Block).body.items.some((i) => i.kind === 'Attribute' && i.name.name === name);
  let fix: Fix | undefined;
  if (attribute.name.name === 'id' && !has('identity')) fix = idToIdentityFix(ctx.document.file, attribute as Attribute, ctx.module);
  if (attribute.name.name === 'identity' && !has('id')) fix = identityToIdFix(ctx.document.file, attribute as Attribute, ctx.module);
  return fix ? [toAction(fix, 'refactor.rewrite', ctx)] : [];
}
