// What completion needs from a whole module, computed at most once per module snapshot: the model hands out
// a new snapshot whenever a file of the folder changes, so a snapshot's facts never go stale, and requests
// between two edits (caret moves, retriggers, every keystroke inside one string) cost no module walk.
// Each fact is computed on first use, so a request pays only for what it reads.
import type { Declaration, ImportDeclaration, TerraformModule } from '../../model';
import { RESOURCE_TYPE } from '../../knowledge';

export interface PoolReference {
  declaration: Declaration;
  /** The attribute that holds the pool ID for this pool type. */
  attribute: string;
}

/** Pool types and the attribute of each that is the user pool ID. */
const POOL_SOURCES: readonly { kind: 'resource' | 'data'; type: string; attribute: string }[] = [
  { kind: 'resource', type: 'aws_cognito_user_pool', attribute: 'id' },
  { kind: 'resource', type: 'awscc_cognito_user_pool', attribute: 'user_pool_id' },
  { kind: 'data', type: 'aws_cognito_user_pool', attribute: 'id' },
  { kind: 'data', type: 'awscc_cognito_user_pool', attribute: 'user_pool_id' },
];

/**
 * Facts derived from one list the module hands out, kept per input list: the model reuses its lists across
 * snapshots while a keystroke changes no name, so a 10,000-client list is not re-walked per keystroke.
 */
function derived<I extends object, O>(compute: (input: I) => O): (input: I) => O {
  const memo = new WeakMap<I, O>();
  return (input) => {
    let found = memo.get(input);
    if (found === undefined) memo.set(input, (found = compute(input)));
    return found;
  };
}

const uniqueClients = derived(uniqueByName);
const byName = derived((clients: readonly Declaration[]) => new Map(clients.map((d) => [d.name, d])));
// Declarations, not their blocks: a declaration follows its block into later versions (see model), so a
// reused map never hands out a block of an older version.
const importsByTarget = derived((imports: readonly ImportDeclaration[]) => {
  const map = new Map<string, ImportDeclaration[]>();
  for (const imp of imports) {
    const to = imp.to;
    if (to?.resourceType !== RESOURCE_TYPE || !to.resourceName || to.address?.startsWith('module.')) continue;
    const list = map.get(to.resourceName);
    if (list) list.push(imp);
    else map.set(to.resourceName, [imp]);
  }
  return map;
});
const notImportedOf = derived((clients: readonly Declaration[]) =>
  derived((imported: ReadonlyMap<string, readonly ImportDeclaration[]>) => clients.filter((d) => !imported.has(d.name))),
);

export class ModuleFacts {
  private memo = new Map<string, unknown>();

  constructor(private readonly module: TerraformModule) {}

  private once<T>(key: string, compute: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, compute());
    return this.memo.get(key) as T;
  }

  /** Declared clients, one per name (an override file's repeat of a name is the same client). */
  clients(): readonly Declaration[] {
    return uniqueClients(this.module.resources(RESOURCE_TYPE));
  }

  clientsByName(): ReadonlyMap<string, Declaration> {
    return byName(this.clients());
  }

  /** Import blocks by the client name they target (imports into other modules left out). */
  importsByName(): ReadonlyMap<string, readonly ImportDeclaration[]> {
    return importsByTarget(this.module.imports());
  }

  /** Clients no import block targets, in declaration order. */
  notImported(): readonly Declaration[] {
    return notImportedOf(this.clients())(this.importsByName());
  }

  /** Data sources of this type, one per name. */
  dataClients(): readonly Declaration[] {
    return uniqueClients(this.module.dataSources(RESOURCE_TYPE));
  }

  /** User pools declared as resources or data sources, resources first. */
  pools(): readonly PoolReference[] {
    return this.once('pools', () => {
      const pools: PoolReference[] = [];
      for (const source of POOL_SOURCES) {
        const declared = source.kind === 'resource' ? this.module.resources(source.type) : this.module.dataSources(source.type);
        for (const declaration of declared) pools.push({ declaration, attribute: source.attribute });
      }
      return pools;
    });
  }

  variables(): readonly Declaration[] {
    return this.module.variables();
  }
}

function uniqueByName(declarations: readonly Declaration[]): readonly Declaration[] {
  // Names repeat only through override files; without those the list is already unique.
  if (!declarations.some((d) => d.override)) return declarations;
  const byName = new Map<string, Declaration>();
  for (const d of declarations) if (!byName.has(d.name)) byName.set(d.name, d);
  return [...byName.values()];
}

const cache = new WeakMap<TerraformModule, ModuleFacts>();

export function moduleFacts(module: TerraformModule): ModuleFacts {
  let facts = cache.get(module);
  if (!facts) {
    facts = new ModuleFacts(module);
    cache.set(module, facts);
  }
  return facts;
}
