// `user_pool_id = ` in the resource: user pools declared in the module (by hashicorp/aws or awscc, resources
// and data sources), each with the attribute that holds the pool ID, then variables.
import type { CompletionItem } from 'vscode-languageserver-types';
import type { ValueSlot } from '../caretContext';
import { Kind, markdown, narrow, textItem, type CompletionRequest } from './items';
import { moduleFacts } from './moduleFacts';

export function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

export function poolIdItems(req: CompletionRequest, slot: ValueSlot): CompletionItem[] {
  if (slot.kind !== 'bare') return [];
  const expr = slot.expression;
  if (expr && expr.kind !== 'Variable' && expr.kind !== 'Traversal') return [];
  const candidates: { text: string; detail: string; doc: string; sort: string }[] = [];
  const seen = new Set<string>();
  const add = (text: string, detail: string, doc: string, sort: string) => {
    if (seen.has(text)) return;
    seen.add(text);
    candidates.push({ text, detail, doc, sort });
  };
  const facts = moduleFacts(req.ctx.module);
  facts.pools().forEach(({ declaration: d, attribute }, rank) => {
    const where = fileName(d.uri);
    add(
      `${d.address}.${attribute}`,
      `user pool ${d.kind === 'data' ? 'data source' : 'resource'} in ${where}`,
      `The ID of the user pool \`${d.address}\` declared in \`${where}\` (\`${attribute}\` holds the pool ID for \`${d.type}\`).`,
      `0_${String(rank).padStart(6, '0')}`,
    );
  });
  // Variables are generic references terraform-ls offers as well.
  if (!req.options.yieldPlainItems) {
    for (const v of facts.variables()) {
      // Variables whose name mentions a pool are the likely ones; list them first.
      const likely = /pool/i.test(v.name) ? 1 : 2;
      add(`var.${v.name}`, `variable in ${fileName(v.uri)}`, `Input variable \`${v.name}\` declared in \`${fileName(v.uri)}\`.`, `${likely}_${v.name}`);
    }
  }
  return narrow(req, candidates, 'text', (c) => c.text, slot.replace).map((c) =>
    textItem(req, slot.replace, { label: c.text, kind: Kind.Reference, detail: c.detail, documentation: markdown(c.doc), sortText: c.sort, filterText: c.text, text: c.text }),
  );
}
