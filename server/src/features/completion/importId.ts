// The `<user_pool_id>|<client_id>` shape of an import ID (import blocks' `id`, the data source's `id`),
// as a snippet with the two parts as placeholders — or with the pool ID already filled in when the target
// resource sets a literal `user_pool_id`.
import type { CompletionItem } from 'vscode-languageserver-types';
import type { Block } from '../../parser';
import { staticString } from '../../parser';
import type { TerraformModule } from '../../model';
import { RESOURCE_TYPE, importId } from '../../knowledge';
import type { ValueSlot } from '../caretContext';
import { escapeSnippet, Kind, markdown, snippetItem, type CompletionRequest } from './items';

const POOL = '<user_pool_id>';
const CLIENT = '<client_id>';

export function importIdItems(req: CompletionRequest, slot: ValueSlot, knownPoolId: string | undefined): CompletionItem[] {
  if (slot.kind !== 'string' && !(slot.kind === 'bare' && (!slot.expression || slot.expression.kind === 'Variable'))) return [];
  const inString = slot.kind === 'string';
  const open = inString ? '' : '"';
  const close = inString && slot.string.closed ? '' : '"';
  const shapes: { label: string; body: string; doc: string }[] = [];
  if (knownPoolId) {
    shapes.push({
      label: `${knownPoolId}|${CLIENT}`,
      body: `${escapeSnippet(knownPoolId)}|\${1:${CLIENT}}`,
      doc: `The pool ID comes from the target resource's \`user_pool_id\`; fill in the client ID (the \`client_id\` AWS assigned, e.g. from the console or \`aws cognito-idp list-user-pool-clients\`).`,
    });
  }
  shapes.push({
    label: importId.format,
    body: `\${1:${POOL}}|\${2:${CLIENT}}`,
    doc: `The user pool ID and the app client ID joined by \`|\`, e.g. \`${importId.example}\`. awscc does not accept the \`/\` separator of hashicorp/aws.`,
  });
  return shapes.map((shape, i) =>
    snippetItem(req, slot.replace, {
      label: shape.label,
      kind: Kind.Snippet,
      detail: `import ID of ${RESOURCE_TYPE}`,
      documentation: markdown(shape.doc),
      sortText: String(i),
      filterText: inString ? shape.label : `"${shape.label}"`,
      snippet: open + shape.body + close,
    }),
  );
}

/** The literal `user_pool_id` of the resource an import block targets, when it has one. */
export function targetPoolId(module: TerraformModule, resourceName: string | undefined): string | undefined {
  if (!resourceName) return undefined;
  const node = module.findResource(RESOURCE_TYPE, resourceName)?.node;
  if (node?.kind !== 'Block') return undefined;
  return literalAttribute(node, 'user_pool_id');
}

function literalAttribute(block: Block, name: string): string | undefined {
  for (const item of block.body.items) {
    if (item.kind === 'Attribute' && item.name.name === name) {
      const value = staticString(item.value);
      return value ? value : undefined;
    }
  }
  return undefined;
}
