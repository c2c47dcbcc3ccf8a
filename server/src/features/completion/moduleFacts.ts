// What completion needs from a whole module, computed at most once per module snapshot: the model hands out
// a new snapshot whenever a file of the folder changes, so a snapshot's facts never go stale, and requests
// between two edits (caret moves, retriggers, every keystroke inside one string) cost no module walk.
// Each fact is computed on first use, so a request pays only for what it reads.
import type { Block } from '../../parser';
import type { Declaration, TerraformModule } from '../../model';
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

export class ModuleFacts {
  private memo = new Map<string, unknown>();

  constructor(private readonly module: TerraformModule) {}

  private once<T>(key: string, compute: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, compute());
    return this.memo.get(key) as T;
  }

  /** Declared clients, one per name (an override file's repeat of a name is the same client). */
  clients(): readonly Declaration[] {
    return this.once('clients', () => uniqueByName(this.module.resources(RESOURCE_TYPE)));
  }

  clientsByName(): ReadonlyMap<string, Declaration> {
    return this.once('clientsByName', () => new Map(this.clients().map((d) => [d.name, d])));
  }

  /** Import blocks by the client name they target (imports into other modules left out). */
  importsByName(): ReadonlyMap<string, readonly Block[]> {
    return this.once('importsByName', () => {
      const byName = new Map<string, Block[]>();
      for (const imp of this.module.imports()) {
        const to = imp.to;
        if (to?.resourceType !== RESOURCE_TYPE || !to.resourceName || to.address?.startsWith('module.')) continue;
        const list = byName.get(to.resourceName);
        if (list) list.push(imp.block);
        else byName.set(to.resourceName, [imp.block]);
      }
      return byName;
    });
  }

  /** Clients no import block targets, in declaration order. */
  notImported(): readonly Declaration[] {
    return this.once('notImported', () => {
      const imported = this.importsByName();
      return this.clients().filter((d) => !imported.has(d.name));
    });
  }

  /** Data sources of this type, one per name. */
  dataClients(): readonly Declaration[] {
    return this.once('dataClients', () => uniqueByName(this.module.dataSources(RESOURCE_TYPE)));
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
