// Go to definition for this resource type: from an import block's `to` address, and from references such
// as `awscc_cognito_user_pool_client.web.client_id` (or `data.awscc_cognito_user_pool_client.x.id`), to the
// declaring block in whichever file of the module holds it.
import type { LocationLink } from 'vscode-languageserver-types';
import type { Block, Node, Span, Traversal } from '../parser';
import { nodePathAt } from '../parser';
import type { Declaration, FeatureContext } from '../model';
import { importTarget } from '../model';
import { RESOURCE_TYPE } from '../knowledge';
import { directAttribute, topLevelBlock, within } from './caretContext';
import { poolNameDefinition } from './poolNames';

export function definition(ctx: FeatureContext, offset: number): LocationLink[] {
  const named = poolNameDefinition(ctx, offset);
  if (named) return named;
  const file = ctx.document.file;
  const path = nodePathAt(file, offset);
  const found = fromImportTarget(ctx, path, offset) ?? fromReference(ctx, path, offset);
  if (!found) return [];
  const { declaration, origin } = found;
  const target = declaration.node;
  // Declarations from .tf.json files have no syntax tree, so no range to point at.
  if (!declaration.file || !target || target.kind !== 'Block') return [];
  const nameLabel = target.labels[target.labels.length - 1] ?? target.type;
  return [
    {
      originSelectionRange: file.rangeOf(origin),
      targetUri: declaration.uri,
      targetRange: declaration.file.rangeOf(target),
      targetSelectionRange: declaration.file.rangeOf(nameLabel),
    },
  ];
}

interface Found {
  declaration: Declaration;
  origin: Span;
}

function fromImportTarget(ctx: FeatureContext, path: readonly Node[], offset: number): Found | undefined {
  const block: Block | undefined = topLevelBlock(path);
  if (block?.type.name !== 'import') return undefined;
  const to = directAttribute(block, path);
  if (!to || to.name.name !== 'to' || !within(to.value, offset)) return undefined;
  const target = importTarget(block);
  // `module.x.awscc_...` points into another module; only addresses of this module resolve here.
  if (target?.resourceType !== RESOURCE_TYPE || !target.resourceName || target.address?.startsWith('module.')) return undefined;
  const declaration = ctx.module.findResource(RESOURCE_TYPE, target.resourceName);
  return declaration && { declaration, origin: to.value };
}

function fromReference(ctx: FeatureContext, path: readonly Node[], offset: number): Found | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const node = path[i];
    if (node.kind !== 'Traversal') continue;
    const found = resolveTraversal(ctx, node, offset);
    if (found) return found;
  }
  return undefined;
}

function resolveTraversal(ctx: FeatureContext, traversal: Traversal, offset: number): Found | undefined {
  const source = traversal.source;
  if (source.kind !== 'Variable') return undefined;
  const isData = source.name === 'data';
  if (isData) {
    const typeStep = traversal.steps[0];
    if (typeStep?.kind !== 'GetAttr' || typeStep.name !== RESOURCE_TYPE) return undefined;
  } else if (source.name !== RESOURCE_TYPE) {
    return undefined;
  }
  const nameStep = traversal.steps[isData ? 1 : 0];
  if (nameStep?.kind !== 'GetAttr' || !nameStep.name) return undefined;
  if (!within(traversal, offset)) return undefined;
  const declaration = isData
    ? ctx.module.dataSources(RESOURCE_TYPE).find((d) => d.name === nameStep.name && !d.override) ??
      ctx.module.dataSources(RESOURCE_TYPE).find((d) => d.name === nameStep.name)
    : ctx.module.findResource(RESOURCE_TYPE, nameStep.name);
  // The underlined origin is `type.name`, or the whole reference when the caret is on an attribute after it.
  const end = offset > nameStep.end ? traversal.end : nameStep.end;
  return declaration && { declaration, origin: { start: traversal.start, end } };
}
