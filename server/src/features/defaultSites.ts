// A finding that holds only while a variable keeps its default is also shown on that default: that is
// where the author of a reusable module decides whether the placeholder is meant to be used. The findings
// come from the module's client blocks in any file, so a `variables.tf` shows what `main.tf` would report.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { FeatureContext } from '../model';
import type { Attribute, Block } from '../parser';
import { RESOURCE_TYPE } from '../knowledge';

/** What a diagnostic that rests on defaults carries in `data`. */
export interface DefaultsData {
  defaults: { variables: string[]; message: string };
}

export function defaultsOf(d: Diagnostic): DefaultsData['defaults'] | undefined {
  return (d.data as DefaultsData | undefined)?.defaults;
}

/**
 * Diagnostics on the defaults declared in this document, from `own` (this document's findings) and from
 * the findings `diagnose` gives for the module's other documents that hold client blocks.
 */
export function defaultSiteDiagnostics(ctx: FeatureContext, own: readonly Diagnostic[], diagnose: (other: FeatureContext) => readonly Diagnostic[]): Diagnostic[] {
  const uri = ctx.document.uri;
  const declared = ctx.module.variables().filter((v) => v.uri === uri && !v.override && v.node?.kind === 'Block' && defaultOf(v.node) !== undefined);
  if (declared.length === 0) return [];
  const sources: { diagnostics: readonly Diagnostic[]; where: string }[] = [{ diagnostics: own, where: '' }];
  const withClients = new Set(ctx.module.resources(RESOURCE_TYPE).map((r) => r.uri));
  for (const doc of ctx.module.documents()) {
    if (doc.uri === uri || !withClients.has(doc.uri)) continue;
    sources.push({ diagnostics: diagnose({ document: doc, module: ctx.module }), where: ` in ${doc.uri.slice(doc.uri.lastIndexOf('/') + 1)}` });
  }
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const { diagnostics, where } of sources) {
    for (const d of diagnostics) {
      const defaults = defaultsOf(d);
      if (!defaults) continue;
      for (const name of defaults.variables) {
        const decl = declared.find((v) => v.name === name);
        const dflt = decl?.node?.kind === 'Block' ? defaultOf(decl.node) : undefined;
        if (!dflt) continue;
        const message = `With this default, ${d.code} reports${where} (line ${d.range.start.line + 1}): ${defaults.message} Callers that pass their own value are not affected; to be sure they do, remove the default, or make it a valid value.`;
        const key = `${name}\u0000${d.code}\u0000${defaults.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ range: ctx.document.file.rangeOf(dflt.value), severity: DiagnosticSeverity.Information, code: d.code, source: d.source, message });
      }
    }
  }
  return out;
}

function defaultOf(block: Block): Attribute | undefined {
  for (const item of block.body.items) if (item.kind === 'Attribute' && item.name.name === 'default') return item;
  return undefined;
}
