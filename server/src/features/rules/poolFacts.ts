// What the CUP8xx rules share: a client's pool in the module's pool graph, the creator of a custom scope or
// identity provider name, and whether Terraform orders the client after that creator.
import type { Block, Expression, Node } from '../../parser';
import { forEachChild } from '../../parser';
import type { Declaration, TerraformModule } from '../../model';
import { poolGraphOf, recorderOf, type PoolEntry, type IdentityProvider, type ResourceServer } from '../../model';
import type { ClientBlock } from './runIndex';
import type { RuleContext } from './types';
import type { StaticValue } from '../evaluate';
import { knownAt, type KnownValue } from './values';

const NAME_PATHS = ['allowed_o_auth_scopes', 'supported_identity_providers', 'read_attributes', 'write_attributes'];
/**
 * The known values of the four attributes that name things of the pool, for clients whose pool declares
 * something to check them against. The module rules run on every keystroke: evaluating only these (not
 * every attribute of every client) keeps a 200-client module cheap.
 */
export function namedValues(context: RuleContext): KnownValue[] {
  let found = context.index.memo.namedValues;
  if (found) return found;
  found = [];
  for (const client of context.index.clients) {
    const pool = poolOfClient(context, client);
    if (!pool || (pool.servers.length === 0 && pool.providers.length === 0 && !pool.pool?.schema)) continue;
    for (const path of NAME_PATHS) {
      // Evaluated once for every rule (values.ts); unknown and null values are not there.
      const known = knownAt(context, client, path);
      if (known) found.push(known);
    }
  }
  context.index.memo.namedValues = found;
  return found;
}

/** The pool of one of our resource blocks, when the module says which it is. */
export function poolOfClient(context: RuleContext, client: ClientBlock): PoolEntry | undefined {
  if (client.kind !== 'resource') return undefined;
  return poolGraphOf(context.ctx.module).poolOf(client.block);
}

/** `identifier/name` split at the last slash: identifiers may be URLs, scope names have no slash. */
export function splitCustomScope(scope: string): { identifier: string; name: string } | undefined {
  const slash = scope.lastIndexOf('/');
  if (slash <= 0 || slash === scope.length - 1) return undefined;
  return { identifier: scope.slice(0, slash), name: scope.slice(slash + 1) };
}

/** The resource server of the pool whose identifier is the scope's prefix (identifiers are unique per pool). */
export function serverForScope(pool: PoolEntry, scope: string): { server: ResourceServer; name: string } | undefined {
  const parts = splitCustomScope(scope);
  if (!parts) return undefined;
  const server = pool.servers.find((s) => s.identifier?.value === parts.identifier);
  return server && { server, name: parts.name };
}

export function providerNamed(pool: PoolEntry, name: string): IdentityProvider | undefined {
  return pool.providers.find((p) => p.providerName?.value === name);
}

/** True when a value came from a literal written in the client or a local (what AWS will see), not a variable. */
export function isWritten(value: StaticValue): boolean {
  return value.direct || (value.via?.startsWith('local.') ?? false);
}

const NOT_RESOURCES = new Set(['var', 'local', 'module', 'data', 'count', 'each', 'self', 'path', 'terraform']);
const MAX_BLOCKS = 500;

/**
 * Whether Terraform creates `block` after `creator`: some reference of the block (in any argument,
 * `depends_on` included, through locals, and through the resources and data sources it references in turn)
 * reaches the creator's address.
 */
export function orderedAfter(module: TerraformModule, block: Block, creator: Declaration): boolean {
  const recorder = recorderOf(module);
  if (recorder) {
    // A cached finding about ordering stays valid only while the answer does (the chain may run through
    // any other block of the module).
    const result = orderedAfter(recorder.unwrapped, block, creator);
    const client = `${block.labels[0]?.value}.${block.labels[1]?.value}`;
    recorder.recordDependency(`${ORDER_DEPENDENCY}${client}\u0000${creator.address}`, result ? '1' : '0');
    return result;
  }
  if (reaches(module, block, creator)) return true;
  // In a child seen through a call, the call's own references and depends_on order every resource of the
  // child after what they name.
  const call = module.callerArgument?.('');
  return call ? reaches(call.module, call.callBlock, creator) : false;
}

/** Item-cache dependency keys for an ordering answer: `order:<client address>\0<creator address>`. */
export const ORDER_DEPENDENCY = 'order:';

/** The current answer for an ordering dependency, as recorded ('1' or '0'; '' when either block is gone). */
export function orderDependency(module: TerraformModule, key: string): string {
  const [client, creatorAddress] = key.slice(ORDER_DEPENDENCY.length).split('\u0000');
  const dot = client.indexOf('.');
  const node = module.findResource(client.slice(0, dot), client.slice(dot + 1))?.node;
  const cdot = creatorAddress.indexOf('.');
  const creator = module.findResource(creatorAddress.slice(0, cdot), creatorAddress.slice(cdot + 1));
  if (node?.kind !== 'Block' || !creator) return '';
  return orderedAfter(module, node, creator) ? '1' : '0';
}

function reaches(module: TerraformModule, block: Block, creator: Declaration): boolean {
  const seen = new Set<string>();
  const queue: Node[] = [block];
  let visited = 0;
  while (queue.length > 0 && visited++ < MAX_BLOCKS) {
    const node = queue.pop()!;
    for (const address of referencedAddresses(node)) {
      if (address === creator.address) return true;
      if (seen.has(address)) continue;
      seen.add(address);
      const next = declarationAt(module, address);
      if (next) queue.push(next);
    }
  }
  return false;
}

function declarationAt(module: TerraformModule, address: string): Node | undefined {
  if (address.startsWith('local.')) {
    const local = module.findLocal(address.slice(6));
    return local?.node?.kind === 'Attribute' ? local.node.value : undefined;
  }
  if (address.startsWith('data.')) {
    const [, type, name] = address.split('.');
    const found = module.dataSources(type).find((d) => d.name === name);
    return found?.node;
  }
  const [type, name] = address.split('.');
  return module.findResource(type, name)?.node;
}

const addressCache = new WeakMap<Node, string[]>();

/** `type.name`, `data.type.name` and `local.x` addresses referenced anywhere under a node. */
function referencedAddresses(node: Node): string[] {
  let found = addressCache.get(node);
  if (found) return found;
  const out = new Set<string>();
  const visit = (n: Node) => {
    if (n.kind === 'Traversal') {
      const address = addressOf(n);
      if (address) out.add(address);
    }
    forEachChild(n, visit);
  };
  visit(node);
  found = [...out];
  addressCache.set(node, found);
  return found;
}

function addressOf(t: Expression & { kind: 'Traversal' }): string | undefined {
  if (t.source.kind !== 'Variable') return undefined;
  const root = t.source.name;
  const [first, second] = t.steps;
  if (first?.kind !== 'GetAttr' || !first.name) return undefined;
  if (root === 'local') return `local.${first.name}`;
  if (root === 'data') return second?.kind === 'GetAttr' && second.name ? `data.${first.name}.${second.name}` : undefined;
  if (NOT_RESOURCES.has(root) || !root.includes('_')) return undefined;
  return `${root}.${first.name}`;
}
