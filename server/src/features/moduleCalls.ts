// Findings a module call causes in its child. Each `module` block of the document whose child module is
// known (a local path, or what `terraform init` recorded) is evaluated on its own: the child's rules run
// with the child's variables bound to what this call passes, and every finding that rests on one of those
// values is reported here, on the argument (or on the call, when the call leaves a variable to a default
// that is wrong), naming the child's attribute, file and line. The child's own files keep showing such
// values only as Information, since there they are placeholders.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Block, HclFile, Span } from '../parser';
import type { Declaration, FeatureContext, TerraformModule } from '../model';
import { BoundModule, IDENTITY_PROVIDER_TYPES, POOL_TYPES, RESOURCE_SERVER_TYPES } from '../model';
import { RESOURCE_TYPE } from '../knowledge';
import { rules, runRules, type Finding, type Rule } from './rules';

/** Bounds the work per keystroke in a document with very many calls. */
const MAX_CALLS_PER_DOCUMENT = 50;

export function moduleCallDiagnostics(
  ctx: FeatureContext,
  selected: readonly Rule[],
  toDiagnostic: (finding: Finding) => Diagnostic,
  onError?: (rule: Rule, error: unknown) => void,
): Diagnostic[] {
  const module = ctx.module;
  if (!module.childModule) return [];
  const out: Diagnostic[] = [];
  let deps: readonly unknown[] | undefined;
  const rulesKey = selected.length === rules.length ? '' : selected.map((r) => r.code).join();
  for (const call of callsIn(ctx).slice(0, MAX_CALLS_PER_DOCUMENT)) {
    const block = call.node as Block;
    const child = module.childModule(call);
    if (!child) continue;
    deps ??= callerDependencies(module);
    let entry = cache.get(block);
    if (!entry || entry.child !== child || entry.rulesKey !== rulesKey || !sameItems(entry.deps, deps) || entry.nested.some((n) => n.resolve() !== n.module)) {
      const nested: CallEntry['nested'] = [];
      entry = { child, rulesKey, deps, nested, findings: evaluateCall(call, child, module, selected, nested, onError) };
      cache.set(block, entry);
    }
    // Offsets are kept relative to the call block, which moves when lines above it change.
    for (const f of entry.findings) out.push(toDiagnostic({ ...f, span: { start: block.start + f.span.start, end: block.start + f.span.end } }));
  }
  return out;
}

interface CallEntry {
  child: TerraformModule;
  /** The selected rules' codes ('' for all). */
  rulesKey: string;
  deps: readonly unknown[];
  /** The modules the child calls in turn, each with how to find it again (a changed one is a new snapshot). */
  nested: { module: TerraformModule; resolve: () => TerraformModule | undefined }[];
  /** Spans relative to the call block's start. */
  findings: Finding[];
}

/**
 * Results per call block. A keystroke that leaves the call block, the child module and what its
 * arguments can read (the caller's locals, variables, tfvars values and Cognito resources) untouched
 * reuses them: a re-parse hands untouched blocks on as the same objects.
 */
const cache = new WeakMap<Block, CallEntry>();

function callerDependencies(module: TerraformModule): unknown[] {
  const deps: unknown[] = [];
  for (const d of module.locals()) deps.push(d.node);
  for (const d of module.variables()) deps.push(d.node, module.tfvarsValue(d.name)?.text);
  for (const type of [...POOL_TYPES, ...RESOURCE_SERVER_TYPES, ...IDENTITY_PROVIDER_TYPES]) for (const d of module.resources(type)) deps.push(d.node);
  return deps;
}

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function evaluateCall(
  call: Declaration,
  child: TerraformModule,
  caller: TerraformModule,
  selected: readonly Rule[],
  nested: CallEntry['nested'],
  onError?: (rule: Rule, error: unknown) => void,
): Finding[] {
  const block = call.node as Block;
  const seen = new Set<string>();
  const out: Finding[] = [];
  const folders = new Set<string>([caller.dir]);
  // The child, then the modules it calls in turn (bounded, and never a folder twice): a grandchild's
  // finding that rests on this call's arguments is this call's finding too.
  const visit = (module: TerraformModule, bound: BoundModule, trail: string, depth: number) => {
    folders.add(module.dir);
    for (const doc of module.documents()) {
      if (doc.file.text.includes(RESOURCE_TYPE)) {
        for (const finding of runRules({ document: doc, module: bound }, selected, onError)) {
          const argument = finding.caller?.argument;
          if (!argument || argument.callUri !== call.uri || argument.callBlock !== block) continue;
          const where = `${relativeName(call, doc.uri)} line ${doc.file.rangeOf(finding.span).start.line + 1}`;
          const at: Span = argument.expression ?? callHeader(block);
          const passed = argument.expression ? '' : ` (${call.address} does not set "${finding.caller!.variable}", so the child's default applies)`;
          const message = `In ${trail} (${where}): ${finding.message}${passed}`;
          const key = `${at.start}:${finding.code}:${message}`;
          if (seen.has(key)) continue;
          seen.add(key);
          out.push({ code: finding.code, span: { start: at.start - block.start, end: at.end - block.start }, message, severity: finding.severity });
        }
      }
      if (depth >= MAX_NESTING) continue;
      for (const inner of callsInFile(doc.uri, doc.file)) {
        const grandchild = module.childModule?.(inner);
        if (!grandchild || folders.has(grandchild.dir)) continue;
        nested.push({ module: grandchild, resolve: () => module.childModule?.(inner) });
        visit(grandchild, new BoundModule(grandchild, inner, bound), `${trail} → ${inner.address}`, depth + 1);
      }
    }
  };
  visit(child, new BoundModule(child, call, caller), call.address, 1);
  return out;
}

/** How many levels of local module calls one call is followed through. */
const MAX_NESTING = 4;

function callsIn(ctx: FeatureContext): Declaration[] {
  return callsInFile(ctx.document.uri, ctx.document.file);
}

function callsInFile(uri: string, file: HclFile): Declaration[] {
  const out: Declaration[] = [];
  for (const item of file.body.items) {
    if (item.kind !== 'Block' || item.type.name !== 'module' || !item.labels[0]?.value) continue;
    out.push({ kind: 'module', name: item.labels[0].value, address: `module.${item.labels[0].value}`, uri, file, node: item, override: false });
  }
  return out;
}

function callHeader(block: { type: Span; labels: Span[] }): Span {
  const last = block.labels[block.labels.length - 1];
  return { start: block.type.start, end: last ? last.end : block.type.end };
}

/** The child file's path relative to the caller's folder (`modules/app-client/client.tf`). */
function relativeName(call: Declaration, childUri: string): string {
  const base = call.uri.slice(0, call.uri.lastIndexOf('/') + 1);
  const name = childUri.startsWith(base) ? childUri.slice(base.length) : childUri.slice(childUri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
