// `resource "` and `data "`: this type's name, and a snippet for the whole block with its required argument.
import type { CompletionItem } from 'vscode-languageserver-types';
import type { Block } from '../../parser';
import { RESOURCE_TYPE, dataSourceSchema, describeSchema, resourceSchema } from '../../knowledge';
import { Kind, markdown, snippetItem, textItem, type CompletionRequest } from './items';

/** Undefined when the caret is not inside the first label's quotes. */
export function completeTypeLabel(req: CompletionRequest, block: Block): CompletionItem[] | undefined {
  const label = block.labels[0];
  const offset = req.offset;
  if (!label || !label.quoted) return undefined;
  const inside = offset > label.start && (label.closed ? offset < label.end : offset <= label.end);
  if (!inside) return undefined;
  // terraform-ls completes resource and data source type names itself.
  if (req.options.yieldPlainItems) return [];
  const schema = block.type.name === 'data' ? dataSourceSchema : resourceSchema;
  const kindWord = schema.kind === 'data' ? 'data source' : 'resource';
  const content = { start: label.start + 1, end: label.closed ? label.end - 1 : offset };
  const items: CompletionItem[] = [
    textItem(req, content, {
      label: RESOURCE_TYPE,
      kind: Kind.Class,
      detail: `awscc ${kindWord} — Cognito user pool app client`,
      documentation: markdown(describeSchema(schema)),
      sortText: '0',
      filterText: RESOURCE_TYPE,
      text: RESOURCE_TYPE + (label.closed ? '' : '"'),
    }),
  ];
  // A whole new block is offered only while the user is still writing its header.
  if (block.labels.length === 1 && block.openBrace < 0) {
    const body = schema.kind === 'data' ? 'id = "${2:<user_pool_id>|<client_id>}"' : 'user_pool_id = $2';
    items.push(
      snippetItem(req, { start: label.start + 1, end: label.end }, {
        label: RESOURCE_TYPE,
        labelDetails: { detail: ' "…" { … }', description: `${kindWord} block` },
        kind: Kind.Snippet,
        detail: `${kindWord} block with its required argument`,
        documentation: markdown(describeSchema(schema)),
        sortText: '1',
        filterText: RESOURCE_TYPE,
        snippet: `${RESOURCE_TYPE}" "\${1:name}" {\n  ${body}\n}`,
      }),
    );
  }
  return items;
}
