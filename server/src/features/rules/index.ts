// The rule catalogue. The order here is the order of docs/rules.md and of SARIF's rule list.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { FeatureContext } from '../../model';
import { readingBody, releaseBody, type Span } from '../../parser';
import { buildRunIndex, type RunIndex } from './runIndex';
import { ItemCache, RecordingModule } from './itemCache';
import { judgeProvenance, ReadLog } from './provenance';
import type { Finding, Rule, RuleContext } from './types';
import { unknownAttribute } from './CUP101-unknown-attribute';
import { unknownObjectKey } from './CUP102-unknown-object-key';
import { missingRequiredAttribute } from './CUP103-missing-required-attribute';
import { readOnlyAttribute } from './CUP104-read-only-attribute';
import { wrongType } from './CUP105-wrong-type';
import { objectWrittenAsBlock } from './CUP106-object-written-as-block';
import { duplicateObjectKey } from './CUP107-duplicate-object-key';
import { dynamicBlock } from './CUP108-dynamic-block';
import { invalidEnumValue } from './CUP201-invalid-enum-value';
import { numberOutOfRange } from './CUP202-number-out-of-range';
import { stringLength } from './CUP203-string-length';
import { stringPattern } from './CUP204-string-pattern';
import { listTooLong } from './CUP205-list-too-long';
import { duplicateListItem } from './CUP206-duplicate-list-item';
import { invalidCallbackUrl } from './CUP207-invalid-callback-url';
import { questionableLogoutUrl } from './CUP208-questionable-logout-url';
import { unknownUserAttribute } from './CUP209-unknown-user-attribute';
import { unknownOAuthScope } from './CUP210-unknown-oauth-scope';
import { tokenValidityWindow } from './CUP301-token-validity-window';
import { tokenOutlivesRefresh } from './CUP302-token-outlives-refresh';
import { clientCredentialsNotAlone } from './CUP401-client-credentials-not-alone';
import { legacyAuthFlowsMixed } from './CUP402-legacy-auth-flows-mixed';
import { defaultRedirectNotInCallbacks } from './CUP403-default-redirect-not-in-callbacks';
import { contextDataNeedsSecret } from './CUP404-context-data-needs-secret';
import { clientCredentialsNeedsSecret } from './CUP405-client-credentials-needs-secret';
import { browserFlowNeedsCallback } from './CUP406-browser-flow-needs-callback';
import { oauthSettingsIgnored } from './CUP407-oauth-settings-ignored';
import { rotationWithRefreshTokenAuth } from './CUP408-rotation-with-refresh-token-auth';
import { oauthNeedsFlowsAndScopes } from './CUP409-oauth-needs-flows-and-scopes';
import { rotationFeatureMissing } from './CUP410-rotation-feature-missing';
import { analyticsPairing } from './CUP411-analytics-pairing';
import { clientCredentialsOpenIdScopes } from './CUP412-client-credentials-openid-scopes';
import { implicitFlow } from './CUP501-implicit-flow';
import { userExistenceErrors } from './CUP502-user-existence-errors';
import { tokenRevocationDisabled } from './CUP503-token-revocation-disabled';
import { unknownImportArgument } from './CUP601-unknown-import-argument';
import { importMissingTo } from './CUP602-import-missing-to';
import { importToNotAResource } from './CUP603-import-to-not-a-resource';
import { importIdOrIdentity } from './CUP604-import-id-or-identity';
import { importIdFormat } from './CUP605-import-id-format';
import { importIdSlashSeparator } from './CUP606-import-id-slash-separator';
import { identityKeys } from './CUP607-identity-keys';
import { identityAccountId } from './CUP608-identity-account-id';
import { identityRegionMismatch } from './CUP609-identity-region-mismatch';
import { importTargetNotDeclared } from './CUP610-import-target-not-declared';
import { duplicateImportTarget } from './CUP611-duplicate-import-target';
import { importVersionRequirements } from './CUP612-import-version-requirements';
import { importPlaceholder } from './CUP613-import-placeholder';
import { idUsedAsClientId } from './CUP701-id-used-as-client-id';
import { unknownAttributeReference } from './CUP702-unknown-attribute-reference';
import { secretOutputNotSensitive } from './CUP703-secret-output-not-sensitive';
import { undeclaredCustomScope } from './CUP801-undeclared-custom-scope';
import { undeclaredIdentityProvider } from './CUP802-undeclared-identity-provider';
import { undeclaredCustomAttribute } from './CUP803-undeclared-custom-attribute';
import { creationOrderRace } from './CUP804-creation-order-race';
import { plainMessage } from './plainMessage';

export type { Rule, RuleContext, Finding, Fix, FixEdit, RuleSeverity, RuleCategory } from './types';

export const rules: readonly Rule[] = [
  unknownAttribute,
  unknownObjectKey,
  missingRequiredAttribute,
  readOnlyAttribute,
  wrongType,
  objectWrittenAsBlock,
  duplicateObjectKey,
  dynamicBlock,
  invalidEnumValue,
  numberOutOfRange,
  stringLength,
  stringPattern,
  listTooLong,
  duplicateListItem,
  invalidCallbackUrl,
  questionableLogoutUrl,
  unknownUserAttribute,
  unknownOAuthScope,
  tokenValidityWindow,
  tokenOutlivesRefresh,
  clientCredentialsNotAlone,
  legacyAuthFlowsMixed,
  defaultRedirectNotInCallbacks,
  contextDataNeedsSecret,
  clientCredentialsNeedsSecret,
  browserFlowNeedsCallback,
  oauthSettingsIgnored,
  rotationWithRefreshTokenAuth,
  oauthNeedsFlowsAndScopes,
  rotationFeatureMissing,
  analyticsPairing,
  clientCredentialsOpenIdScopes,
  implicitFlow,
  userExistenceErrors,
  tokenRevocationDisabled,
  unknownImportArgument,
  importMissingTo,
  importToNotAResource,
  importIdOrIdentity,
  importIdFormat,
  importIdSlashSeparator,
  identityKeys,
  identityAccountId,
  identityRegionMismatch,
  importTargetNotDeclared,
  duplicateImportTarget,
  importVersionRequirements,
  importPlaceholder,
  idUsedAsClientId,
  unknownAttributeReference,
  secretOutputNotSensitive,
  undeclaredCustomScope,
  undeclaredIdentityProvider,
  undeclaredCustomAttribute,
  creationOrderRace,
];

export const rulesByCode: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.code, r]));

/**
 * Runs rules over one document. A rule that throws loses only its own findings (the error goes to
 * `onError`), so one bug cannot hide every other diagnostic.
 */
export function runRules(ctx: FeatureContext, selected: readonly Rule[] = rules, onError?: OnRuleError, within?: Span): Finding[] {
  const findings: Finding[] = [];
  const file = ctx.document.file;
  // Item-scoped rules only need the blocks that touch `within` (code actions ask about one place).
  const items = within ? file.body.items.filter((i) => i.end >= within.start && i.start <= within.end) : file.body.items;
  const itemRules = selected.filter((r) => r.scope !== 'module');
  // One item at a time, as a diagnostics run does, so that a body built for this run goes back to what it
  // was built from before the next: quick fixes over a whole 10,000-block document otherwise held every body.
  for (const item of items) {
    const run = () => runEach(itemRules, ctx, buildRunIndex(file, [item], file.slice(item.start, item.end)), findings, true, onError);
    if (item.kind === 'Block') readingBody(item, run);
    else run();
  }
  findings.push(...runModuleRules(ctx, selected, true, onError));
  return findings;
}

type OnRuleError = (rule: Rule, error: unknown) => void;

/**
 * Runs `rules` in turn with one shared context whose `report` files findings under the running rule's
 * code (rules are synchronous). Returns false when some rule threw. Fixes are built only `withFixes`.
 */
function runEach(rules: readonly Rule[], ctx: FeatureContext, index: RunIndex, into: Finding[], withFixes: boolean, onError?: OnRuleError): boolean {
  // One context per call, not one per rule: copying the context for each of ~45 rules on each of
  // thousands of blocks was a tenth of a first diagnostics run.
  let code = '';
  const reads = new ReadLog();
  const context: RuleContext = {
    ctx,
    index,
    report: (span, message, lazyFixes, basis) => {
      const fixes = !withFixes || lazyFixes === undefined ? undefined : typeof lazyFixes === 'function' ? lazyFixes() : lazyFixes;
      const finding: Finding = { code, span: { start: span.start, end: span.end }, message: plainMessage(message), fixes };
      judgeProvenance(finding, reads.originsBehind(span, index, basis));
      const caller = ctx.module.callerArgument && reads.callerBehind(span, index);
      if (caller) finding.caller = caller;
      into.push(finding);
    },
    noteRead: reads.note,
  };
  let complete = true;
  const applicable = rulesReading(rules, index.clients.length > 0, index.imports.length > 0);
  for (let i = 0; i < applicable.length; i++) {
    const rule = applicable[i];
    code = rule.code;
    reads.clear();
    try {
      rule.check(context);
    } catch (e) {
      onError?.(rule, e);
      complete = false;
    }
  }
  return complete;
}

/**
 * The rules of `rules` that apply to an index with (or without) clients and import blocks: those that read
 * nothing in particular, and those whose part the index has. Kept per list and combination: checking each
 * rule's `reads` on each block was a keyed load per rule per block, in code that runs mostly unoptimised.
 */
function rulesReading(rules: readonly Rule[], clients: boolean, imports: boolean): readonly Rule[] {
  let byCombination = applicableRules.get(rules);
  if (byCombination === undefined) applicableRules.set(rules, (byCombination = [undefined, undefined, undefined, undefined]));
  const k = (clients ? 1 : 0) | (imports ? 2 : 0);
  return (byCombination[k] ??= rules.filter((r) => r.reads === undefined || (r.reads === 'clients' ? clients : imports)));
}

const applicableRules = new WeakMap<readonly Rule[], (readonly Rule[] | undefined)[]>();

function runModuleRules(ctx: FeatureContext, selected: readonly Rule[], withFixes: boolean, onError?: OnRuleError): Finding[] {
  const moduleRules = selected.filter((r) => r.scope === 'module');
  const file = ctx.document.file;
  const imports = file.body.items.filter((i) => i.kind === 'Block' && i.type.name === 'import');
  if (moduleRules.length === 0 || imports.length === 0) return [];
  const findings: Finding[] = [];
  runEach(moduleRules, ctx, buildRunIndex(file, imports, ''), findings, withFixes, onError);
  return findings;
}

/**
 * The diagnostics path: like `runRules`, but item-scoped rules reuse the results of blocks that did not
 * change since the previous run of this document. Returns diagnostics (without fixes: code actions call
 * `runRules`), item diagnostics first in source order, then the module rules' ones.
 */
export function runRulesCached(
  ctx: FeatureContext,
  selected: readonly Rule[],
  toDiagnostic: (finding: Finding) => Diagnostic,
  onError?: OnRuleError,
): { items: Diagnostic[]; module: Diagnostic[] } {
  const file = ctx.document.file;
  // The cache holds the results of every item rule; the selection filters afterwards.
  const itemRules = rules.filter((r) => r.scope !== 'module');
  const wanted = selected.filter((r) => r.scope !== 'module').length === itemRules.length ? undefined : new Set(selected.map((r) => r.code));
  const cache = new ItemCache(ctx.document.uri, file);
  const all = file.body.items;
  const perItem = presized<Diagnostic[]>(all.length);
  let total = 0;
  const recording = new RecordingModule(ctx.module);
  const itemCtx: FeatureContext = { document: ctx.document, module: recording.view };
  for (let index = 0; index < all.length; index++) {
    const item = all[index];
    let found = cache.lookup(item, index, ctx.module);
    if (!found) {
      const deps = new Map<string, string>();
      recording.deps = deps;
      const runIndex = buildRunIndex(file, [item], file.slice(item.start, item.end));
      const findings: Finding[] = [];
      const complete = runEach(itemRules, itemCtx, runIndex, findings, false, onError);
      found = sortedByPosition(findings.map(toDiagnostic));
      if (complete) cache.store(item, index, deps, found);
    }
    perItem[index] = found;
    total += found.length;
    // Checked, its findings kept: a resource's body objects (~100 per block, ~100 MB at 10,000 blocks) go
    // back to what they were built from (the parse's records, or the block's text in a document opened
    // block by block) until a feature reads them. Declarations keep only the block itself.
    if (item.kind === 'Block' && (item.type.name === 'resource' || item.type.name === 'data')) releaseBody(item);
  }
  cache.commit();
  return { items: concatenated(perItem, total, wanted), module: runModuleRules(ctx, selected, false, onError).map(toDiagnostic) };
}

/**
 * The lists in one array, of the codes `wanted` (all when undefined). Made at its final size: pushed one by
 * one, the ~39,000 diagnostics of a 10,000-block file were copied three times over as the array grew, on
 * every keystroke (~1 MB of garbage each time).
 */
function concatenated(lists: readonly Diagnostic[][], total: number, wanted: ReadonlySet<string> | undefined): Diagnostic[] {
  const out = presized<Diagnostic>(total);
  let n = 0;
  // Indexed: this runs once per run, mostly before V8 optimises it, and unoptimised `for … of` makes an
  // object per step.
  for (let i = 0; i < lists.length; i++) {
    const list = lists[i];
    for (let k = 0; k < list.length; k++) if (!wanted || wanted.has(String(list[k].code))) out[n++] = list[k];
  }
  out.length = n;
  return out;
}

/**
 * An array to be filled by index up to `length`: allocated at that size where V8 keeps such an array in
 * fast elements, else grown as it is filled (a larger `new Array(n)` starts as a slow dictionary).
 */
export function presized<T>(length: number): T[] {
  return length <= 65_536 ? new Array<T>(length) : [];
}

/**
 * `list` sorted in place by `byPosition`, stably. A block's few findings are sorted by insertion:
 * `Array.prototype.sort` allocates a work copy on every call (~8 MB over a 10,000-block first check).
 */
function sortedByPosition(list: Diagnostic[]): Diagnostic[] {
  if (list.length > 16) return list.sort(byPosition);
  for (let i = 1; i < list.length; i++) {
    const d = list[i];
    let j = i - 1;
    while (j >= 0 && byPosition(list[j], d) > 0) {
      list[j + 1] = list[j];
      j--;
    }
    list[j + 1] = d;
  }
  return list;
}

export function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** Rule metadata for SARIF and other tool outputs. */
export function ruleSummaries(): { id: string; name: string; shortDescription: string }[] {
  return [
    { id: 'CUP001', name: 'syntax', shortDescription: 'HCL syntax error.' },
    ...rules.map((r) => ({ id: r.code, name: r.name, shortDescription: r.doc.summary })),
  ];
}
