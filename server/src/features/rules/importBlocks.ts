// Import blocks of this document that target our resource type, with their arguments looked up once.
import type { Attribute, Block } from '../../parser';
import { RESOURCE_TYPE } from '../../knowledge';
import { importTarget } from '../../model';
import type { ImportDeclaration } from '../../model';
import type { RuleContext } from './types';

export interface OurImport {
  block: Block;
  to?: Attribute;
  id?: Attribute;
  identity?: Attribute;
  forEach?: Attribute;
  target: ImportDeclaration['to'];
  /** True when `to` is a static address of awscc_cognito_user_pool_client. */
  ours: boolean;
}

/**
 * By block node. The module rules run on every keystroke over all of a document's import blocks, and an edit
 * elsewhere leaves each of them the same node (the incremental parser moves untouched blocks into the new
 * tree, shifting their offsets in place; import bodies are never released): at 1,000 import blocks, looking
 * their arguments up again was ~1.5 MB of garbage per keystroke.
 */
const byBlock = new WeakMap<Block, OurImport>();

export function importBlocks(context: RuleContext): OurImport[] {
  let found = context.index.memo.importBlocks;
  if (found) return found;
  found = context.index.imports.map(ourImport);
  context.index.memo.importBlocks = found;
  return found;
}

function ourImport(block: Block): OurImport {
  let found = byBlock.get(block);
  if (found) return found;
  const get = (name: string) => block.body.items.find((i): i is Attribute => i.kind === 'Attribute' && i.name.name === name);
  const target = importTarget(block);
  found = { block, to: get('to'), id: get('id'), identity: get('identity'), forEach: get('for_each'), target, ours: target?.resourceType === RESOURCE_TYPE };
  byBlock.set(block, found);
  return found;
}
