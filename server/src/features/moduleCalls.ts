// Findings a module call causes in its child. Each `module` block of the document whose child module is
// known (a local path, or what `terraform init` recorded) is evaluated on its own: the child's rules run
// with the child's variables bound to what this call passes, and every finding that rests on one of those
// values is reported here, on the argument (or on the call, when the call leaves a variable to a default
// that is wrong), naming the child's attribute, file and line. The child's own files keep showing such
// values only as Information, since there they are placeholders.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Span } from '../parser';
import type { Declaration, FeatureContext } from '../model';
import { BoundModule } from '../model';
import { RESOURCE_TYPE } from '../knowledge';
import { runRules, type Finding, type Rule } from './rules';

/** Calls of calls are not followed (a child's own calls are reported in the child); this bounds the work per keystroke. */
const MAX_CALLS_PER_DOCUMENT = 50;

export function moduleCallDiagnostics(
  ctx: FeatureContext,
  selected: readonly Rule[],
  toDiagnostic: (finding: Finding) => Diagnostic,
  onError?: (rule: Rule, error: unknown) => void,
): Diagnostic[] {
  const uri = ctx.document.uri;
  const module = ctx.module;
  if (!module.childModule) return [];
  const calls = callsIn(ctx);
  const out: Diagnostic[] = [];
  for (const call of calls.slice(0, MAX_CALLS_PER_DOCUMENT)) {
    const child = module.childModule(call);
    if (!child) continue;
    const bound = new BoundModule(child, call, module);
    const seen = new Set<string>();
    for (const doc of child.documents()) {
      if (!doc.file.text.includes(RESOURCE_TYPE)) continue;
      for (const finding of runRules({ document: doc, module: bound }, selected, onError)) {
        const argument = finding.caller?.argument;
        if (!argument || argument.callUri !== uri || argument.call !== call.address) continue;
        const where = `${relativeName(call, doc.uri)} line ${doc.file.rangeOf(finding.span).start.line + 1}`;
        const at: Span = argument.expression ?? callHeader(argument.callBlock);
        const passed = argument.expression ? '' : ` (${call.address} does not set "${finding.caller!.variable}", so the child's default applies)`;
        const message = `In ${call.address} (${where}): ${finding.message}${passed}`;
        const key = `${at.start}:${finding.code}:${message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const diagnostic = toDiagnostic({ code: finding.code, span: at, message, severity: finding.severity });
        out.push(diagnostic);
      }
    }
  }
  return out;
}

function callsIn(ctx: FeatureContext): Declaration[] {
  const out: Declaration[] = [];
  for (const item of ctx.document.file.body.items) {
    if (item.kind !== 'Block' || item.type.name !== 'module' || !item.labels[0]?.value) continue;
    out.push({ kind: 'module', name: item.labels[0].value, address: `module.${item.labels[0].value}`, uri: ctx.document.uri, file: ctx.document.file, node: item, override: false });
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
