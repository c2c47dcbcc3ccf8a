// Hover for awscc_cognito_user_pool_client: block type labels, attribute names (top level and nested object
// keys), enum values, import block arguments and identity keys, import ID strings, and references such as
// `awscc_cognito_user_pool_client.web.client_id`. Returns undefined for everything we do not model, because
// HashiCorp's terraform-ls answers hovers in the same files and two answers for one thing is noise.
import type { Attribute, Block, Expression, Node, Range, Span, Traversal } from '../parser';
import { nodePathAt } from '../parser';
import type { FeatureContext } from '../model';
import { importTarget } from '../model';
import {
  RESOURCE_TYPE,
  dataSourceSchema,
  describeAttribute,
  describeImportArgument,
  describeSchema,
  findAttribute,
  importBlockSchema,
  resourceSchema,
  schemaFor,
  type SchemaSpec,
} from '../knowledge';
import { hoverAttributeValue, hoverIdentityObject, hoverImportId, type HoverText } from './hoverValues';
import { directAttribute, within } from './caretContext';
import { hoverPoolName } from './poolNames';

export interface HoverResult {
  /** Markdown. */
  contents: string;
  range: Range;
}

/** The LSP `Hover` shape of a result (the server adapter sends this). */
export function asLspHover(result: HoverResult): { contents: { kind: 'markdown'; value: string }; range: Range } {
  return { contents: { kind: 'markdown', value: result.contents }, range: result.range };
}

export function hover(ctx: FeatureContext, offset: number): HoverResult | undefined {
  const file = ctx.document.file;
  const path = nodePathAt(file, offset);
  const found = hoverReference(path, offset) ?? hoverPoolName(ctx, offset) ?? hoverBlock(path, offset);
  return found && { contents: found.markdown, range: file.rangeOf(found.span) };
}

export { within } from './caretContext';

// ----- blocks ----------------------------------------------------------------------------------------------

function hoverBlock(path: readonly Node[], offset: number): HoverText | undefined {
  const block = path.find((n): n is Block => n.kind === 'Block');
  if (!block) return undefined;
  const kind = block.type.name;
  if (kind === 'resource' || kind === 'data') {
    const schema = schemaFor(kind, block.labels[0]?.value ?? '');
    if (!schema) return undefined;
    const label = block.labels[0];
    if (within(label, offset)) return { markdown: describeSchema(schema), span: label };
    const attribute = directAttribute(block, path);
    if (attribute) return hoverSchemaAttribute(schema, attribute, offset);
    return kind === 'resource' ? hoverIgnoreChanges(block, path, offset) : undefined;
  }
  if (kind === 'import') return hoverImportBlock(block, path, offset);
  return undefined;
}

function hoverSchemaAttribute(schema: SchemaSpec, attribute: Attribute, offset: number): HoverText | undefined {
  const spec = findAttribute([attribute.name.name], schema);
  if (!spec) return undefined;
  if (within(attribute.name, offset)) {
    return { markdown: describeAttribute(spec, { docUrl: schema.docUrl }), span: attribute.name };
  }
  if (!within(attribute.value, offset)) return undefined;
  if (schema.kind === 'data' && spec.name === 'id') return hoverImportId(attribute.value, offset);
  return hoverAttributeValue(schema, [spec.name], attribute.value, offset);
}

/** Attribute names listed in `lifecycle { ignore_changes = [client_name, token_validity_units.access_token] }`. */
function hoverIgnoreChanges(block: Block, path: readonly Node[], offset: number): HoverText | undefined {
  const lifecycle = path[path.indexOf(block.body) + 1];
  if (lifecycle?.kind !== 'Block' || lifecycle.type.name !== 'lifecycle') return undefined;
  const attribute = directAttribute(lifecycle, path);
  if (attribute?.name.name !== 'ignore_changes' || attribute.value.kind !== 'Tuple') return undefined;
  const item = attribute.value.items.find((e) => within(e, offset));
  if (!item) return undefined;
  const parts: { name: string; span: Span }[] = [];
  if (item.kind === 'Variable') parts.push({ name: item.name, span: item });
  else if (item.kind === 'Traversal' && item.source.kind === 'Variable') {
    parts.push({ name: item.source.name, span: item.source });
    for (const step of item.steps) {
      if (step.kind === 'GetAttr') parts.push({ name: step.name, span: { start: step.nameStart, end: step.end } });
    }
  }
  const at = parts.findIndex((p) => within(p.span, offset));
  if (at < 0) return undefined;
  const names = parts.slice(0, at + 1).map((p) => p.name);
  const spec = findAttribute(names, resourceSchema);
  return spec && { markdown: describeAttribute(spec, { path: names.join('.') }), span: parts[at].span };
}

function hoverImportBlock(block: Block, path: readonly Node[], offset: number): HoverText | undefined {
  if (importTarget(block)?.resourceType !== RESOURCE_TYPE) return undefined;
  const attribute = directAttribute(block, path);
  if (!attribute) return undefined;
  const name = attribute.name.name;
  if (within(attribute.name, offset)) {
    const arg = importBlockSchema.arguments.find((a) => a.name === name);
    return arg && { markdown: describeImportArgument(arg), span: attribute.name };
  }
  if (!within(attribute.value, offset)) return undefined;
  if (name === 'id') return hoverImportId(attribute.value, offset);
  if (name === 'identity') return hoverIdentityObject(attribute.value, offset);
  return undefined;
}

// ----- references ------------------------------------------------------------------------------------------

/**
 * `awscc_cognito_user_pool_client.NAME.attr[.nested]` and `data.awscc_cognito_user_pool_client.NAME.attr`,
 * with any index or splat steps after NAME ignored.
 */
function hoverReference(path: readonly Node[], offset: number): HoverText | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const node = path[i];
    if (node.kind !== 'Traversal') continue;
    const result = hoverTraversal(node, offset);
    if (result) return result;
  }
  return undefined;
}

function hoverTraversal(traversal: Traversal, offset: number): HoverText | undefined {
  const source: Expression = traversal.source;
  if (source.kind !== 'Variable') return undefined;
  let schema: SchemaSpec;
  let typeSpan: Span;
  let nameIndex: number;
  if (source.name === RESOURCE_TYPE) {
    schema = resourceSchema;
    typeSpan = source;
    nameIndex = 0;
  } else if (source.name === 'data') {
    const typeStep = traversal.steps[0];
    if (typeStep?.kind !== 'GetAttr' || typeStep.name !== RESOURCE_TYPE) return undefined;
    schema = dataSourceSchema;
    typeSpan = { start: typeStep.nameStart, end: typeStep.end };
    nameIndex = 1;
  } else {
    return undefined;
  }
  if (within(typeSpan, offset)) return { markdown: describeSchema(schema), span: typeSpan };
  const names: string[] = [];
  for (const step of traversal.steps.slice(nameIndex + 1)) {
    if (step.kind !== 'GetAttr') continue; // `[0]`, `["key"]`, `.*`: instance selection, not attributes
    names.push(step.name);
    const nameSpan = { start: step.nameStart, end: step.end };
    if (!within(nameSpan, offset)) continue;
    const spec = step.name ? findAttribute(names, schema) : undefined;
    return spec && { markdown: describeAttribute(spec, { path: names.join('.'), docUrl: schema.docUrl }), span: nameSpan };
  }
  return undefined;
}
