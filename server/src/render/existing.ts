// What the module already says about app clients and user pools, as far as literal values prove it:
//   - which client IDs an `import` block already imports (literal `id = "pool|client"`, an `identity`
//     object with literal `client_id`, or a literal `for_each` map/list feeding `id = each.value`);
//   - which `awscc_cognito_user_pool_client` resources already declare a client (same literal
//     `client_name` and the same pool, as a literal or through a pool reference we can resolve);
//   - which user pool IDs a declared pool resource stands for, so `user_pool_id` can be a reference.
// Anything computed (variables, function calls) proves nothing and is ignored: a wrong "already there"
// would silently drop a client from the output.
import type { Attribute, Block, Expression } from '../parser';
import { staticString } from '../parser';
import type { TerraformModule } from '../model';
import { staticAddress } from '../model';
import { RESOURCE_TYPE, splitImportId } from '../knowledge';

export interface ExistingImport {
  clientId: string;
  userPoolId?: string;
  /** The import's `to` address as written (`awscc_cognito_user_pool_client.web`). */
  target?: string;
}

export interface DeclaredClient {
  name: string;
  address: string;
  clientName: string;
  /** Literal pool ID, or the pool reference text (`awscc_cognito_user_pool.main.user_pool_id`). */
  userPool: string;
}

export interface ModuleFacts {
  imports: ExistingImport[];
  declaredClients: DeclaredClient[];
  /** Pool ID → reference expression text for a pool resource the module declares and imports by that ID. */
  poolReferences: Map<string, string>;
  /** Names of every `awscc_cognito_user_pool_client` resource or import target (taken names). */
  clientResourceNames: Set<string>;
}

const POOL_TYPES: Record<string, string> = {
  awscc_cognito_user_pool: 'user_pool_id',
  aws_cognito_user_pool: 'id',
};

export function moduleFacts(module: TerraformModule | undefined): ModuleFacts {
  const facts: ModuleFacts = { imports: [], declaredClients: [], poolReferences: new Map(), clientResourceNames: new Set() };
  if (!module) return facts;
  for (const imp of module.imports()) {
    const type = imp.to?.resourceType;
    if (type && POOL_TYPES[type] && imp.to?.resourceName && !imp.to.address?.startsWith('module.')) {
      const poolId = literalAttribute(imp.block, 'id') ?? identityKey(imp.block, 'user_pool_id');
      if (poolId && module.findResource(type, imp.to.resourceName)) {
        facts.poolReferences.set(poolId, `${type}.${imp.to.resourceName}.${POOL_TYPES[type]}`);
      }
      continue;
    }
    if (type !== undefined && type !== RESOURCE_TYPE) continue;
    // An import may target a resource block that is not written yet: its name is taken all the same.
    if (imp.to?.resourceName && !imp.to.address?.startsWith('module.')) facts.clientResourceNames.add(imp.to.resourceName);
    for (const found of importedClients(imp.block)) facts.imports.push({ ...found, target: imp.to?.address });
  }
  for (const decl of module.resources(RESOURCE_TYPE)) {
    facts.clientResourceNames.add(decl.name);
    const block = decl.node?.kind === 'Block' ? decl.node : undefined;
    if (!block) continue;
    const clientName = literalAttribute(block, 'client_name');
    const pool = attribute(block, 'user_pool_id');
    if (clientName === undefined || !pool) continue;
    const userPool = staticString(pool.value) ?? referenceText(pool.value);
    if (userPool) facts.declaredClients.push({ name: decl.name, address: decl.address, clientName, userPool });
  }
  return facts;
}

function attribute(block: Block, name: string): Attribute | undefined {
  for (const item of block.body.items) if (item.kind === 'Attribute' && item.name.name === name) return item;
  return undefined;
}

function literalAttribute(block: Block, name: string): string | undefined {
  const attr = attribute(block, name);
  return attr ? staticString(attr.value) : undefined;
}

function identityKey(block: Block, key: string): string | undefined {
  const identity = attribute(block, 'identity');
  if (!identity || identity.value.kind !== 'Object') return undefined;
  for (const item of identity.value.items) {
    const name = item.key.kind === 'Variable' ? item.key.name : staticString(item.key);
    if (name === key) return staticString(item.value);
  }
  return undefined;
}

function referenceText(expr: Expression): string | undefined {
  return staticAddress(expr);
}

function importedClients(block: Block): Omit<ExistingImport, 'target'>[] {
  const id = attribute(block, 'id');
  if (id) {
    const literal = staticString(id.value);
    if (literal !== undefined) return fromImportId(literal);
    // `for_each = { k = "pool|client" }` with `id = each.value`: every literal value is imported.
    if (staticAddress(id.value) === 'each.value') return forEachValues(block).flatMap(fromImportId);
    return [];
  }
  const clientId = identityKey(block, 'client_id');
  return clientId ? [{ clientId, userPoolId: identityKey(block, 'user_pool_id') }] : [];
}

function fromImportId(text: string): Omit<ExistingImport, 'target'>[] {
  const split = splitImportId(text);
  return split && split.separator === '|' ? [{ clientId: split.clientId, userPoolId: split.userPoolId }] : [];
}

function forEachValues(block: Block): string[] {
  const forEach = attribute(block, 'for_each');
  if (!forEach) return [];
  const value = forEach.value;
  const items = value.kind === 'Object' ? value.items.map((i) => i.value) : value.kind === 'Tuple' ? value.items : [];
  return items.map((e) => staticString(e)).filter((s): s is string => s !== undefined);
}
