// `awscc_cognito_user_pool_client.NAME.` (and `data.awscc_cognito_user_pool_client.NAME.`) anywhere in the
// module: the attributes of this type with what each means — read-only ones included, because reading
// `client_id`, `id` and `client_secret` is what references are for. After the type and a dot: the names of
// the declared clients.
import type { CompletionItem } from 'vscode-languageserver-types';
import type { Traversal } from '../../parser';
import { RESOURCE_TYPE, dataSourceSchema, describeAttribute, findAttribute, resourceSchema, typeLabel, type AttributeSpec, type SchemaSpec } from '../../knowledge';
import { Kind, markdown, narrow, textItem, type CompletionRequest } from './items';
import { moduleFacts } from './moduleFacts';
import { fileName } from './poolIds';

/** Undefined when the caret is not in a reference to this type (so other completers may answer). */
export function completeReference(req: CompletionRequest): CompletionItem[] | undefined {
  const traversal = innermostTraversal(req);
  if (!traversal || traversal.source.kind !== 'Variable') return undefined;
  let schema: SchemaSpec;
  let nameIndex: number;
  if (traversal.source.name === RESOURCE_TYPE) {
    schema = resourceSchema;
    nameIndex = 0;
  } else if (traversal.source.name === 'data' && traversal.steps[0]?.kind === 'GetAttr' && traversal.steps[0].name === RESOURCE_TYPE) {
    schema = dataSourceSchema;
    nameIndex = 1;
  } else {
    return undefined;
  }
  const offset = req.offset;
  const k = traversal.steps.findIndex((s) => s.kind === 'GetAttr' && s.nameStart <= offset && offset <= s.end);
  if (k < nameIndex) return [];
  const step = traversal.steps[k];
  if (step.kind !== 'GetAttr') return [];
  const replace = { start: step.nameStart, end: step.end };
  if (k === nameIndex) return nameItems(req, schema, replace);
  // Attribute names after NAME; `[0]`, `["key"]` and splats select instances and are skipped.
  const parents: string[] = [];
  for (const s of traversal.steps.slice(nameIndex + 1, k)) if (s.kind === 'GetAttr') parents.push(s.name);
  const level = parents.length === 0 ? schema.attributes : findAttribute(parents, schema)?.attributes;
  return (level ?? []).map((spec) => attributeItem(req, schema, parents, spec, replace));
}

function innermostTraversal(req: CompletionRequest): Traversal | undefined {
  for (let i = req.path.length - 1; i >= 0; i--) {
    const node = req.path[i];
    if (node.kind === 'Traversal') return node;
  }
  return undefined;
}

function nameItems(req: CompletionRequest, schema: SchemaSpec, replace: { start: number; end: number }): CompletionItem[] {
  // Resource addresses are generic references that terraform-ls completes too.
  if (req.options.yieldPlainItems) return [];
  const facts = moduleFacts(req.ctx.module);
  const unique = schema.kind === 'resource' ? facts.clients() : facts.dataClients();
  const items: CompletionItem[] = [];
  for (const d of narrow(req, unique, 'name', (c) => c.name, replace)) {
    items.push(
      textItem(req, replace, {
        label: d.name,
        kind: Kind.Reference,
        detail: `${d.address} · ${fileName(d.uri)}`,
        documentation: markdown(`\`${d.address}\`, declared in \`${fileName(d.uri)}\`.`),
        sortText: d.name,
        filterText: d.name,
        text: d.name,
      }),
    );
  }
  return items;
}

/** What a reference to each attribute yields, in one line; `id` is the classic mix-up. */
const REFERENCE_DETAIL: Readonly<Record<string, string>> = {
  id: 'string — "<user_pool_id>|<client_id>", NOT the client ID (use client_id)',
  client_id: 'string — the app client ID AWS assigned (what apps need)',
  client_secret: 'string — the secret; stored in state in plain text',
};

function attributeItem(
  req: CompletionRequest,
  schema: SchemaSpec,
  parents: readonly string[],
  spec: AttributeSpec,
  replace: { start: number; end: number },
): CompletionItem {
  const path = [...parents, spec.name].join('.');
  const readOnly = spec.mode === 'computed';
  const detail = REFERENCE_DETAIL[spec.name] ?? `${typeLabel(spec.type)}${readOnly ? ', read-only' : ''} — ${spec.summary.replace(/`/g, '')}`;
  return textItem(req, replace, {
    label: spec.name,
    kind: readOnly ? Kind.Value : Kind.Property,
    detail: parents.length === 0 ? detail : `${path}: ${detail}`,
    documentation: markdown(describeAttribute(spec, { path, docUrl: schema.docUrl })),
    // What a reference usually wants first: the values AWS computes (client_id, id, ...), then the rest.
    sortText: `${readOnly || spec.name === 'id' ? 0 : 1}_${spec.name === 'client_id' ? '' : spec.name}`,
    filterText: spec.name,
    text: spec.name,
  });
}
