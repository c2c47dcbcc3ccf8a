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

export function importBlocks(context: RuleContext): OurImport[] {
  let found = context.index.memo.importBlocks;
  if (found) return found;
  found = context.index.imports.map((block) => {
    const get = (name: string) => block.body.items.find((i): i is Attribute => i.kind === 'Attribute' && i.name.name === name);
    const target = importTarget(block);
    return { block, to: get('to'), id: get('id'), identity: get('identity'), forEach: get('for_each'), target, ours: target?.resourceType === RESOURCE_TYPE };
  });
  context.index.memo.importBlocks = found;
  return found;
}
