// What completion needs from a whole module, computed once per module snapshot: the model hands out a new
// snapshot whenever a file of the folder changes, so a snapshot's facts never go stale, and requests
// between two edits (every keystroke that only moves the caret, every retrigger) cost no module walk.
import type { Block } from '../../parser';
import type { Declaration, TerraformModule } from '../../model';
import { RESOURCE_TYPE } from '../../knowledge';

export interface ModuleFacts {
  /** Declared clients, one per name (an override file's repeat of a name is the same client). */
  clients: readonly Declaration[];
  clientsByName: ReadonlyMap<string, Declaration>;
  /** Clients no import block targets, in declaration order. */
  notImported: readonly Declaration[];
  /** Import blocks by the client name they target. */
  importsByName: ReadonlyMap<string, readonly Block[]>;
  /** Data sources of this type, one per name. */
  dataClients: readonly Declaration[];
  /** User pools: resource and data source declarations of the pool types, with the attribute holding the ID. */
  pools: readonly { declaration: Declaration; attribute: string }[];
  variables: readonly Declaration[];
}

/** Pool types and the attribute of each that is the user pool ID. */
const POOL_SOURCES: readonly { kind: 'resource' | 'data'; type: string; attribute: string }[] = [
  { kind: 'resource', type: 'aws_cognito_user_pool', attribute: 'id' },
  { kind: 'resource', type: 'awscc_cognito_user_pool', attribute: 'user_pool_id' },
  { kind: 'data', type: 'aws_cognito_user_pool', attribute: 'id' },
  { kind: 'data', type: 'awscc_cognito_user_pool', attribute: 'user_pool_id' },
];

const cache = new WeakMap<TerraformModule, ModuleFacts>();

export function moduleFacts(module: TerraformModule): ModuleFacts {
  let facts = cache.get(module);
  if (!facts) {
    facts = collect(module);
    cache.set(module, facts);
  }
  return facts;
}

function uniqueByName(declarations: readonly Declaration[]): Declaration[] {
  const byName = new Map<string, Declaration>();
  for (const d of declarations) if (!byName.has(d.name)) byName.set(d.name, d);
  return [...byName.values()];
}

function collect(module: TerraformModule): ModuleFacts {
  const resources = module.resources(); // one pass over the index, grouped here
  const dataSources = module.dataSources();
  const clients = uniqueByName(resources.filter((d) => d.type === RESOURCE_TYPE));
  const importsByName = new Map<string, Block[]>();
  for (const imp of module.imports()) {
    const name = imp.to?.resourceType === RESOURCE_TYPE && !imp.to.address?.startsWith('module.') ? imp.to.resourceName : undefined;
    if (!name) continue;
    const list = importsByName.get(name);
    if (list) list.push(imp.block);
    else importsByName.set(name, [imp.block]);
  }
  const pools: { declaration: Declaration; attribute: string }[] = [];
  for (const source of POOL_SOURCES) {
    for (const declaration of source.kind === 'resource' ? resources : dataSources) {
      if (declaration.type === source.type) pools.push({ declaration, attribute: source.attribute });
    }
  }
  return {
    clients,
    clientsByName: new Map(clients.map((d) => [d.name, d])),
    notImported: clients.filter((d) => !importsByName.has(d.name)),
    importsByName,
    dataClients: uniqueByName(dataSources.filter((d) => d.type === RESOURCE_TYPE)),
    pools,
    variables: module.variables(),
  };
}
