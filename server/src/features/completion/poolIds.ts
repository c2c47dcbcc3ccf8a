// `user_pool_id = ` in the resource: user pools declared in the module (by hashicorp/aws or awscc, resources
// and data sources), each with the attribute that holds the pool ID, then variables.
import type { CompletionItem } from 'vscode-languageserver-types';
import type { Declaration } from '../../model';
import type { ValueSlot } from '../caretContext';
import { Kind, markdown, narrow, textItem, type CompletionRequest } from './items';

/** Pool types and the attribute of each that is the user pool ID. */
const POOL_SOURCES: readonly { kind: 'resource' | 'data'; type: string; attribute: string }[] = [
  { kind: 'resource', type: 'aws_cognito_user_pool', attribute: 'id' },
  { kind: 'resource', type: 'awscc_cognito_user_pool', attribute: 'user_pool_id' },
  { kind: 'data', type: 'aws_cognito_user_pool', attribute: 'id' },
  { kind: 'data', type: 'awscc_cognito_user_pool', attribute: 'user_pool_id' },
];

export function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

export function poolIdItems(req: CompletionRequest, slot: ValueSlot): CompletionItem[] {
  if (slot.kind !== 'bare') return [];
  const expr = slot.expression;
  if (expr && expr.kind !== 'Variable' && expr.kind !== 'Traversal') return [];
  const module = req.ctx.module;
  const candidates: { text: string; detail: string; doc: string; sort: string }[] = [];
  const seen = new Set<string>();
  const add = (text: string, detail: string, doc: string, sort: string) => {
    if (seen.has(text)) return;
    seen.add(text);
    candidates.push({ text, detail, doc, sort });
  };
  let rank = 0;
  for (const source of POOL_SOURCES) {
    const declared: readonly Declaration[] = source.kind === 'resource' ? module.resources(source.type) : module.dataSources(source.type);
    for (const d of declared) {
      const where = fileName(d.uri);
      add(
        `${d.address}.${source.attribute}`,
        `user pool ${source.kind === 'data' ? 'data source' : 'resource'} in ${where}`,
        `The ID of the user pool \`${d.address}\` declared in \`${where}\` (\`${source.attribute}\` holds the pool ID for \`${source.type}\`).`,
        `0_${String(rank++).padStart(5, '0')}`,
      );
    }
  }
  // Variables are generic references terraform-ls offers as well.
  if (!req.options.yieldPlainItems) {
    for (const v of module.variables()) {
      // Variables whose name mentions a pool are the likely ones; list them first.
      const likely = /pool/i.test(v.name) ? 1 : 2;
      add(`var.${v.name}`, `variable in ${fileName(v.uri)}`, `Input variable \`${v.name}\` declared in \`${fileName(v.uri)}\`.`, `${likely}_${v.name}`);
    }
  }
  return narrow(req, candidates, (c) => c.text, slot.replace).map((c) =>
    textItem(req, slot.replace, { label: c.text, kind: Kind.Reference, detail: c.detail, documentation: markdown(c.doc), sortText: c.sort, filterText: c.text, text: c.text }),
  );
}
