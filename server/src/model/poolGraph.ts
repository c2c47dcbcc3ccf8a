// The pool graph of a module: which user pool each app client belongs to, and per pool the resource servers
// (with their scopes), identity providers and schema attributes the module declares for it. A client names
// these things as strings; the graph is what lets features check the strings against their creators.
//
// Pools are keyed by the expression that names them, resolved as far as the module allows:
// `awscc_cognito_user_pool.main.user_pool_id`, `.id` and `aws_cognito_user_pool.main.id` all key
// `awscc_cognito_user_pool.main` / `aws_cognito_user_pool.main`; a shared `var.pool_id` keys `var.pool_id`;
// a literal ID keys `id:<value>`. Anything else (a data source, a module output, a dynamic index, a function
// call) has no key: such a client's pool is unknown and nothing is said about it.
import type { Block, Expression, Span } from '../parser';
import { staticString } from '../parser';
import type { Declaration, TerraformModule } from './types';

export const POOL_TYPES = ['awscc_cognito_user_pool', 'aws_cognito_user_pool'] as const;
export const RESOURCE_SERVER_TYPES = ['awscc_cognito_user_pool_resource_server', 'aws_cognito_resource_server'] as const;
export const IDENTITY_PROVIDER_TYPES = ['awscc_cognito_user_pool_identity_provider', 'aws_cognito_identity_provider'] as const;
const CLIENT_TYPES = ['awscc_cognito_user_pool_client', 'aws_cognito_user_pool_client'] as const;

/** A string the module declares, where it is written. */
export interface DeclaredName {
  readonly value: string;
  readonly span: Span;
  readonly description?: string;
}

export interface PoolDeclaration {
  readonly declaration: Declaration;
  /** Custom (and standard) attribute names of the pool's schema; undefined when not statically known. */
  readonly schema?: readonly (DeclaredName & { mutable?: boolean })[];
}

export interface ResourceServer {
  readonly declaration: Declaration;
  readonly identifier?: DeclaredName;
  /** The scope names; undefined when they are not statically known (dynamic blocks, variables, for). */
  readonly scopes?: readonly DeclaredName[];
  /** Has `count` or `for_each`: an address needs an index. */
  readonly repeated: boolean;
}

export interface IdentityProvider {
  readonly declaration: Declaration;
  readonly providerName?: DeclaredName;
  readonly repeated: boolean;
}

export interface PoolEntry {
  readonly key: string;
  readonly pool?: PoolDeclaration;
  readonly servers: ResourceServer[];
  readonly providers: IdentityProvider[];
}

export interface PoolGraph {
  readonly pools: ReadonlyMap<string, PoolEntry>;
  /** The pool key of a client (or any block with a `user_pool_id`), undefined when unknown. */
  poolOf(block: Block): PoolEntry | undefined;
  /** App clients (both providers' client types) whose `user_pool_id` names this pool. */
  clientsOf(pool: PoolEntry): readonly Declaration[];
  /** True when some resource server or identity provider of the module could not be placed in a pool. */
  readonly unplaced: { servers: boolean; providers: boolean };
  /** Whether the module declares anything a client's strings can be checked against. */
  readonly names: boolean;
  /** Everything the graph says, as text: equal signatures, equal answers (the item cache compares them). */
  readonly signature: string;
}

/**
 * A module that records what a rule reads (features/rules/itemCache.ts) exposes the module it wraps and a
 * way to note a dependency, so the graph is built once per snapshot and cached findings know they used it.
 */
export interface DependencyRecorder {
  readonly unwrapped: TerraformModule;
  recordDependency(key: string, value: string): void;
}

export function recorderOf(module: TerraformModule): DependencyRecorder | undefined {
  const m = module as Partial<DependencyRecorder>;
  return m.unwrapped && m.recordDependency ? (m as DependencyRecorder) : undefined;
}

const graphs = new WeakMap<TerraformModule, PoolGraph>();

/** The item cache's dependency key for "what the pool graph says". */
export const POOLS_DEPENDENCY = 'pools';

/** The pool graph of a module snapshot, built once per snapshot from the few Cognito blocks it declares. */
export function poolGraphOf(module: TerraformModule): PoolGraph {
  const recorder = recorderOf(module);
  if (recorder) {
    const graph = poolGraphOf(recorder.unwrapped);
    recorder.recordDependency(POOLS_DEPENDENCY, graph.signature);
    return graph;
  }
  let graph = graphs.get(module);
  if (!graph) {
    graph = buildGraph(module);
    graphs.set(module, graph);
  }
  return graph;
}

function buildGraph(module: TerraformModule): PoolGraph {
  const pools = new Map<string, PoolEntry>();
  const entry = (key: string): PoolEntry => {
    let found = pools.get(key);
    if (!found) {
      found = { key, servers: [], providers: [] };
      pools.set(key, found);
    }
    return found;
  };
  const unplaced = { servers: false, providers: false };
  for (const type of POOL_TYPES) {
    for (const d of module.resources(type)) {
      if (d.override) continue;
      const block = blockOf(d);
      const key = `${namespaceOf(module)}${type}.${d.name}`;
      const e = entry(key);
      (e as { pool?: PoolDeclaration }).pool = { declaration: d, schema: block && !isRepeated(block) ? schemaOf(block, type) : undefined };
    }
  }
  for (const type of RESOURCE_SERVER_TYPES) {
    for (const d of module.resources(type)) {
      const block = blockOf(d);
      const key = block && poolKey(attributeValue(block, 'user_pool_id'), module, 0);
      if (!block || !key || d.override) {
        unplaced.servers = true;
        continue;
      }
      entry(key).servers.push(resourceServer(d, block, type, module));
    }
  }
  for (const type of IDENTITY_PROVIDER_TYPES) {
    for (const d of module.resources(type)) {
      const block = blockOf(d);
      const key = block && poolKey(attributeValue(block, 'user_pool_id'), module, 0);
      if (!block || !key || d.override) {
        unplaced.providers = true;
        continue;
      }
      const repeated = isRepeated(block);
      entry(key).providers.push({ declaration: d, providerName: repeated ? undefined : declaredString(attributeValue(block, 'provider_name'), module), repeated });
    }
  }
  // A child seen through a call also sees the pools, servers and providers of its caller.
  const caller = boundCaller(module);
  if (caller) {
    const outer = poolGraphOf(caller);
    for (const [key, e] of outer.pools) {
      const inner = entry(key);
      if (e.pool && !inner.pool) (inner as { pool?: PoolDeclaration }).pool = e.pool;
      inner.servers.push(...e.servers);
      inner.providers.push(...e.providers);
    }
    unplaced.servers ||= outer.unplaced.servers;
    unplaced.providers ||= outer.unplaced.providers;
  }
  let clients: Map<string, Declaration[]> | undefined;
  let names = unplaced.servers || unplaced.providers;
  for (const p of pools.values()) names ||= p.servers.length > 0 || p.providers.length > 0 || p.pool?.schema !== undefined;
  let signature: string | undefined;
  return {
    pools,
    unplaced,
    names,
    get signature() {
      return (signature ??= signatureOf(pools, unplaced));
    },
    poolOf(block) {
      const key = poolKey(attributeValue(block, 'user_pool_id'), module, 0);
      return key === undefined ? undefined : pools.get(key) ?? { key, servers: [], providers: [] };
    },
    clientsOf(pool) {
      // Built on first use (find-references), not per keystroke: a module may hold thousands of clients.
      if (!clients) {
        clients = new Map();
        for (const type of CLIENT_TYPES) {
          for (const d of module.resources(type)) {
            const block = blockOf(d);
            const key = block && poolKey(attributeValue(block, 'user_pool_id'), module, 0);
            if (!key) continue;
            let list = clients.get(key);
            if (!list) clients.set(key, (list = []));
            list.push(d);
          }
        }
      }
      return clients.get(pool.key) ?? [];
    },
  };
}

function boundCaller(module: TerraformModule): TerraformModule | undefined {
  // Any variable name gives the call's caller module; the argument itself does not matter here.
  return module.callerArgument?.('')?.module;
}

function blockOf(d: Declaration): Block | undefined {
  return d.node?.kind === 'Block' ? d.node : undefined;
}

function isRepeated(block: Block): boolean {
  return block.body.items.some((i) => i.kind === 'Attribute' && (i.name.name === 'count' || i.name.name === 'for_each'));
}

/** The value of the first attribute of `name` directly in `block`. */
export function attributeValue(block: Block, name: string): Expression | undefined {
  for (const item of block.body.items) {
    if (item.kind === 'Attribute' && item.name.name === name) return item.equals < 0 || item.value.kind === 'Invalid' ? undefined : item.value;
  }
  return undefined;
}

const MAX_DEPTH = 6;

/** The pool key of a `user_pool_id` expression (see the file header), undefined when the pool is unknown. */
export function poolKey(expr: Expression | undefined, module: TerraformModule, depth: number): string | undefined {
  if (!expr || depth > MAX_DEPTH) return undefined;
  switch (expr.kind) {
    case 'Parens':
      return poolKey(expr.expression, module, depth + 1);
    case 'Template': {
      // "${aws_cognito_user_pool.main.id}" is the reference itself.
      const parts = expr.parts;
      if (parts.length === 1 && parts[0].kind === 'TemplateInterpolation') return poolKey(parts[0].expression, module, depth + 1);
      const text = staticString(expr);
      return text ? `id:${text}` : undefined;
    }
    case 'String':
      return expr.value ? `id:${expr.value}` : undefined;
    case 'Traversal':
      return traversalPoolKey(expr, module, depth);
    default:
      return undefined;
  }
}

function traversalPoolKey(expr: Expression & { kind: 'Traversal' }, module: TerraformModule, depth: number): string | undefined {
  if (expr.source.kind !== 'Variable') return undefined;
  const root = expr.source.name;
  const steps = expr.steps;
  const first = steps[0];
  if (first?.kind !== 'GetAttr' || !first.name) return undefined;
  const ns = namespaceOf(module);
  if (root === 'var' && steps.length === 1) {
    // In a child seen through a call, the pool is whatever the call passes.
    const argument = module.callerArgument?.(first.name);
    if (argument) return argument.expression ? poolKey(argument.expression, argument.module, depth + 1) : undefined;
    return `${ns}var.${first.name}`;
  }
  if (root === 'local' && steps.length === 1) {
    const local = module.findLocal(first.name);
    const value = local?.node?.kind === 'Attribute' ? local.node.value : undefined;
    return poolKey(value, module, depth + 1) ?? `${ns}local.${first.name}`;
  }
  if (!(POOL_TYPES as readonly string[]).includes(root)) return undefined;
  let i = 1;
  let instance = '';
  const index = steps[i];
  if (index?.kind === 'Index') {
    // Only a literal index names one instance; `[each.key]` or `[count.index]` could be any of them.
    const key = index.key.kind === 'Literal' && typeof index.key.value === 'number' ? String(index.key.value) : staticString(index.key);
    if (key === undefined) return undefined;
    instance = `[${JSON.stringify(key)}]`;
    i++;
  } else if (index?.kind === 'LegacyIndex') {
    instance = `["${index.index}"]`;
    i++;
  }
  const attr = steps[i];
  if (attr?.kind !== 'GetAttr' || steps.length !== i + 1) return undefined;
  const isId = attr.name === 'id' || (root === 'awscc_cognito_user_pool' && attr.name === 'user_pool_id');
  return isId ? `${ns}${root}.${first.name}${instance}` : undefined;
}

/**
 * Keys of a child seen through a call are kept apart from the caller's (both may name a resource
 * `awscc_cognito_user_pool.this`); a pool the call passes in keys as the caller's.
 */
function namespaceOf(module: TerraformModule): string {
  return module.callerArgument ? 'child:' : '';
}

/** A string written as a literal, or through locals of literals. */
function declaredString(expr: Expression | undefined, module: TerraformModule, depth = 0): DeclaredName | undefined {
  if (!expr || depth > MAX_DEPTH) return undefined;
  if (expr.kind === 'Traversal' && expr.source.kind === 'Variable' && expr.source.name === 'local' && expr.steps.length === 1) {
    const step = expr.steps[0];
    const local = step.kind === 'GetAttr' ? module.findLocal(step.name) : undefined;
    const value = local?.node?.kind === 'Attribute' ? local.node.value : undefined;
    const inner = declaredString(value, module, depth + 1);
    return inner && { value: inner.value, span: expr };
  }
  const value = staticString(expr);
  return value === undefined ? undefined : { value, span: expr };
}

function resourceServer(declaration: Declaration, block: Block, type: string, module: TerraformModule): ResourceServer {
  const repeated = isRepeated(block);
  const identifier = repeated ? undefined : declaredString(attributeValue(block, 'identifier'), module);
  let scopes: DeclaredName[] | undefined = [];
  if (type === 'aws_cognito_resource_server') {
    for (const item of block.body.items) {
      if (item.kind !== 'Block') continue;
      if (item.type.name === 'dynamic') {
        if (item.labels[0]?.value === 'scope') scopes = undefined;
        continue;
      }
      if (item.type.name !== 'scope' || !scopes) continue;
      const name = declaredString(attributeValue(item, 'scope_name'), module);
      if (!name) {
        scopes = undefined;
        continue;
      }
      const description = staticString(attributeValue(item, 'scope_description') ?? NO_EXPRESSION);
      scopes.push({ ...name, description });
    }
  } else {
    scopes = scopeObjects(attributeValue(block, 'scopes'));
  }
  if (ignoresChanges(block, type === 'aws_cognito_resource_server' ? 'scope' : 'scopes')) scopes = undefined;
  return { declaration, identifier, scopes: repeated ? undefined : scopes, repeated };
}

/** `scopes = [{ scope_name = "read", scope_description = "..." }, ...]`; undefined when not a literal list. */
function scopeObjects(expr: Expression | undefined): DeclaredName[] | undefined {
  if (!expr) return [];
  if (expr.kind !== 'Tuple' || !expr.closed) return undefined;
  const scopes: DeclaredName[] = [];
  for (const item of expr.items) {
    if (item.kind !== 'Object') return undefined;
    const name = objectValue(item, 'scope_name');
    const value = name && staticString(name);
    if (!name || value === undefined) return undefined;
    const description = objectValue(item, 'scope_description');
    scopes.push({ value, span: name, description: description && staticString(description) });
  }
  return scopes;
}

function objectValue(obj: Expression & { kind: 'Object' }, key: string): Expression | undefined {
  for (const item of obj.items) {
    const k = item.key.kind === 'Variable' ? item.key.name : staticString(item.key);
    if (k === key) return item.value;
  }
  return undefined;
}

function schemaOf(block: Block, type: string): PoolDeclaration['schema'] {
  // Attributes added outside Terraform are what `ignore_changes = [schema]` is usually for.
  if (ignoresChanges(block, 'schema')) return undefined;
  const found: (DeclaredName & { mutable?: boolean })[] = [];
  if (type === 'aws_cognito_user_pool') {
    for (const item of block.body.items) {
      if (item.kind !== 'Block') continue;
      if (item.type.name === 'dynamic' && item.labels[0]?.value === 'schema') return undefined;
      if (item.type.name !== 'schema') continue;
      const name = attributeValue(item, 'name');
      const value = name && staticString(name);
      if (!name || value === undefined) return undefined;
      found.push({ value, span: name, mutable: boolOf(attributeValue(item, 'mutable')) });
    }
    return found;
  }
  const list = attributeValue(block, 'schema');
  if (!list) return found;
  if (list.kind !== 'Tuple' || !list.closed) return undefined;
  for (const item of list.items) {
    if (item.kind !== 'Object') return undefined;
    const name = objectValue(item, 'name');
    const value = name && staticString(name);
    if (!name || value === undefined) return undefined;
    found.push({ value, span: name, mutable: boolOf(objectValue(item, 'mutable')) });
  }
  return found;
}

function boolOf(expr: Expression | undefined): boolean | undefined {
  return expr?.kind === 'Literal' && typeof expr.value === 'boolean' ? expr.value : undefined;
}

const NO_EXPRESSION = { kind: 'Invalid', start: 0, end: 0 } as unknown as Expression;

function signatureOf(pools: ReadonlyMap<string, PoolEntry>, unplaced: PoolGraph['unplaced']): string {
  const parts: string[] = [`${unplaced.servers}${unplaced.providers}`];
  for (const key of [...pools.keys()].sort()) {
    const e = pools.get(key)!;
    parts.push(`P${key}|${e.pool?.declaration.address ?? ''}|${e.pool?.schema?.map((a) => `${a.value}:${a.mutable}`).join(',') ?? '?'}`);
    for (const s of e.servers) parts.push(`S${s.declaration.address}|${s.repeated}|${s.identifier?.value ?? '?'}|${s.scopes?.map((x) => x.value).join(',') ?? '?'}`);
    for (const p of e.providers) parts.push(`I${p.declaration.address}|${p.repeated}|${p.providerName?.value ?? '?'}`);
  }
  return parts.join('\n');
}

/** `lifecycle { ignore_changes = [name] }` (or `all`): the real list may differ from what is written. */
function ignoresChanges(block: Block, name: string): boolean {
  for (const item of block.body.items) {
    if (item.kind !== 'Block' || item.type.name !== 'lifecycle') continue;
    const ignore = attributeValue(item, 'ignore_changes');
    if (!ignore) continue;
    if (ignore.kind === 'Variable' && ignore.name === 'all') return true;
    if (ignore.kind === 'Tuple' && ignore.items.some((i) => (i.kind === 'Variable' && i.name === name) || staticString(i) === name)) return true;
  }
  return false;
}
