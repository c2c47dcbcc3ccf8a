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
import { awsClientBlocks, planMigration, type MigrateStyle } from './migrate';

const LEVELS = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information } as const;

export interface CodeActionOptions extends Pick<DiagnosticOptions, 'severities'> {
  /** `awsccCognito.import.style`: how the aws → awscc conversion writes its import blocks. */
  importStyle?: MigrateStyle;
  /**
   * The client resolves code actions (`codeAction/resolve` with `edit`): the conversion then leaves its edit
   * for `resolveCodeAction`, because planning it costs a module walk and a format, and editors ask for
   * code actions on every caret move.
   */
  lazy?: boolean;
}

export function codeActions(ctx: FeatureContext, range: Range, diagnostics: readonly Diagnostic[] = [], options: CodeActionOptions = {}): CodeAction[] {
  const file = ctx.document.file;
  const start = file.lines.offsetAt(range.start);
  const end = file.lines.offsetAt(range.end);
  const active = rules.filter((r) => options.severities?.[r.code] !== 'off');
  const actions: CodeAction[] = [];
  const sent = diagnosticIndex(diagnostics);
  for (const finding of runRules(ctx, active, undefined, { start, end })) {
    if (!finding.fixes?.length || finding.span.end < start || finding.span.start > end) continue;
    const diagnostic = sent.get(keyOf(finding.code, ctx.document.file.rangeOf(finding.span))) ?? toDiagnostic(finding, ctx);
    for (const fix of finding.fixes) actions.push(toAction(fix, 'quickfix', ctx, [diagnostic]));
  }
  actions.push(...importRewrites(ctx, start));
  actions.push(...conversions(ctx, start, end, options));
  return actions;
}

/**
 * The client's diagnostics by code and range, the first of equal ones kept: a fix carries the diagnostic the
 * editor already shows. An index, because an editor sends every diagnostic in the range: over a whole large
 * document, tens of thousands of findings each searching tens of thousands of diagnostics.
 */
function diagnosticIndex(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic> {
  const index = new Map<string, Diagnostic>();
  for (const d of diagnostics) {
    if (!d?.range?.start || !d.range.end) continue; // not a diagnostic: the client's mistake, not a reason to fail
    const key = keyOf(d.code, d.range);
    if (!index.has(key)) index.set(key, d);
  }
  return index;
}

function keyOf(code: Diagnostic['code'], r: Range): string {
  return `${typeof code}:${code}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
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

/**
 * "Convert to awscc_cognito_user_pool_client" on a hashicorp/aws client block: one workspace edit with the
 * converted block, its removed and import blocks, and the module's references rewritten. An action only:
 * nothing is reported on aws resources.
 */
const CONVERT_TITLE = `Convert to ${RESOURCE_TYPE}`;

function conversions(ctx: FeatureContext, start: number, end: number, options: CodeActionOptions): CodeAction[] {
  const block = awsClientBlocks(ctx.document.file).find((b) => b.start <= end && b.end >= start);
  if (!block) return [];
  if (options.lazy) {
    const data: ConvertData = { convert: { uri: ctx.document.uri, version: ctx.document.version, blockStart: block.start } };
    return [{ title: CONVERT_TITLE, kind: 'refactor.rewrite', data }];
  }
  const action = conversionAction(ctx, block, options.importStyle ?? 'id');
  return action ? [action] : [];
}

function conversionAction(ctx: FeatureContext, block: Block, style: MigrateStyle): CodeAction | undefined {
  const plan = planMigration(ctx.module, { style }, { uri: ctx.document.uri, block });
  if (plan.edits.length === 0) return undefined;
  return toAction({ title: CONVERT_TITLE, edits: plan.edits }, 'refactor.rewrite', ctx);
}

interface ConvertData {
  convert: { uri: string; version: number; blockStart: number };
}

/**
 * Fills in the edit of a lazily offered action (`codeAction/resolve`). `ctx` is the context of the
 * action's document; an action whose document changed since it was offered resolves to itself unchanged
 * (no edit) rather than to an edit computed for other text.
 */
export function resolveCodeAction(ctx: FeatureContext | undefined, action: CodeAction, options: CodeActionOptions = {}): CodeAction {
  const data = (action.data as Partial<ConvertData> | undefined)?.convert;
  if (!data || !ctx || ctx.document.uri !== data.uri || ctx.document.version !== data.version) return action;
  const block = awsClientBlocks(ctx.document.file).find((b) => b.start === data.blockStart);
  const resolved = block ? conversionAction(ctx, block, options.importStyle ?? 'id') : undefined;
  return resolved ? { ...action, edit: resolved.edit } : action;
}

/** The data of a lazily offered action names its document (for the server to find the context). */
export function codeActionUri(action: CodeAction): string | undefined {
  return (action.data as Partial<ConvertData> | undefined)?.convert?.uri;
}
