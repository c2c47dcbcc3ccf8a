// Import (and optionally resource) HCL for live app clients, aware of the module they will land in:
// names are unique within it, clients it already imports are skipped, clients it already declares are
// imported into the existing resource, and `user_pool_id` refers to a pool resource when the module
// provably manages that pool. The text has terraform fmt's layout. Used by the CLI and, through the
// language server's RenderImportsRequest, by the VS Code client.
//
// `for_each` style: one import block over a map `key → "pool|client"` targeting `NAME[each.key]`. With
// resources, that needs a single resource with the same `for_each` keys (N separate blocks would not be
// the import's target), so the resource's `for_each` map carries every client's settings and each
// attribute reads `each.value`. Clients the module already declares keep their own resource and get a
// plain `id` import instead.
//
// user_pool_id as a reference: only when an `import` block in the module imports a declared
// `awscc_cognito_user_pool` / `aws_cognito_user_pool` resource with that literal pool ID. Nothing weaker
// (a variable default, a pool with the same name) proves the pool is the same one.
import { format, quoteString } from '../format';
import type { TerraformModule } from '../model';
import { AWSCC_IDENTITY_SINCE, RESOURCE_TYPE, identitySchema } from '../knowledge';
import type { DescribedClient } from '../live/types';
import { forEachResourceBlock, importForEachBlock, importIdBlock, importIdentityBlock, resourceBlock, type UserPoolValue } from './blocks';
import { moduleFacts, type ModuleFacts } from './existing';
import { NameAllocator, terraformName } from './naming';
import { clientSettings } from './settings';

export { terraformName, NameAllocator, VALID_NAME } from './naming';
export { clientSettings } from './settings';

export type ImportStyle = 'id' | 'identity' | 'for_each';

export interface RenderOptions {
  style: ImportStyle;
  /** Also render resource blocks for clients the module does not declare yet. */
  withResource: boolean;
  /** `for_each` style: name of the resource the imports target (default `this`; made unique in the module). */
  forEachName?: string;
}

export interface RenderedClient {
  clientId: string;
  userPoolId: string;
  /** The resource name (or, in for_each style, the map key). */
  name: string;
  /** Where the import puts the client: `awscc_cognito_user_pool_client.web` or `...this["web"]`. */
  address: string;
  /** `declared`: the module already has a resource for this client; the import targets it and no resource is rendered. */
  status: 'new' | 'declared';
}

export interface SkippedClient {
  clientId: string;
  userPoolId: string;
  reason: 'already-imported' | 'duplicate';
  message: string;
}

export interface RenderResult {
  importsText: string;
  /** Empty unless `withResource`. */
  resourcesText: string;
  /** Client ID → resource name (for_each style: map key). */
  names: Record<string, string>;
  clients: RenderedClient[];
  skipped: SkippedClient[];
  /** Version requirements of the chosen style, for the user (e.g. identity needs Terraform >= 1.12). */
  requirements: string[];
}

export function renderImports(clients: readonly DescribedClient[], module: TerraformModule | undefined, options: RenderOptions): RenderResult {
  const facts = moduleFacts(module);
  const allocator = new NameAllocator(facts.clientResourceNames);
  const result: RenderResult = { importsText: '', resourcesText: '', names: {}, clients: [], skipped: [], requirements: requirementsOf(options.style) };
  const seen = new Set<string>();
  const fresh: { client: DescribedClient; key: string; pool: UserPoolValue }[] = [];
  const imports: string[] = [];
  const resources: string[] = [];
  const forEachName = options.style === 'for_each' ? allocator.allocate(terraformName(options.forEachName ?? 'this')) : '';
  const keys = new NameAllocator([]);

  for (const client of clients) {
    if (seen.has(client.ClientId)) {
      result.skipped.push({ clientId: client.ClientId, userPoolId: client.UserPoolId, reason: 'duplicate', message: 'Listed more than once; rendered once.' });
      continue;
    }
    seen.add(client.ClientId);
    const imported = facts.imports.find((i) => i.clientId === client.ClientId && (i.userPoolId === undefined || i.userPoolId === client.UserPoolId));
    if (imported) {
      const where = imported.target ? ` into ${imported.target}` : '';
      result.skipped.push({ clientId: client.ClientId, userPoolId: client.UserPoolId, reason: 'already-imported', message: `An import block already imports this client${where}.` });
      continue;
    }
    const pool = poolValue(client, facts);
    const declared = facts.declaredClients.find(
      (d) => d.clientName === client.ClientName && (d.userPool === client.UserPoolId || d.userPool === facts.poolReferences.get(client.UserPoolId)),
    );
    if (declared) {
      result.names[client.ClientId] = declared.name;
      result.clients.push({ clientId: client.ClientId, userPoolId: client.UserPoolId, name: declared.name, address: declared.address, status: 'declared' });
      imports.push(singleImport(client, declared.address, options.style));
      continue;
    }
    const base = terraformName(client.ClientName, `client_${client.ClientId}`);
    if (options.style === 'for_each') {
      const key = keys.allocate(base);
      fresh.push({ client, key, pool });
      result.names[client.ClientId] = key;
      result.clients.push({ clientId: client.ClientId, userPoolId: client.UserPoolId, name: key, address: `${RESOURCE_TYPE}.${forEachName}[${quoteString(key)}]`, status: 'new' });
      continue;
    }
    const name = allocator.allocate(base);
    const address = `${RESOURCE_TYPE}.${name}`;
    result.names[client.ClientId] = name;
    result.clients.push({ clientId: client.ClientId, userPoolId: client.UserPoolId, name, address, status: 'new' });
    imports.push(singleImport(client, address, options.style));
    if (options.withResource) resources.push(resourceBlock(client, name, pool, clientSettings(client)));
  }

  if (fresh.length > 0) {
    imports.push(importForEachBlock(fresh, forEachName));
    if (options.withResource) {
      resources.push(forEachResourceBlock(fresh.map((f) => ({ ...f, settings: clientSettings(f.client) })), forEachName));
    }
  }
  result.importsText = formatted(imports);
  result.resourcesText = formatted(resources);
  return result;
}

function singleImport(client: DescribedClient, address: string, style: ImportStyle): string {
  return style === 'identity' ? importIdentityBlock(client, address) : importIdBlock(client, address);
}

function poolValue(client: DescribedClient, facts: ModuleFacts): UserPoolValue {
  return { expression: facts.poolReferences.get(client.UserPoolId) ?? quoteString(client.UserPoolId) };
}

function requirementsOf(style: ImportStyle): string[] {
  if (style === 'identity') return [`Import by identity needs Terraform >= ${identitySchema.sinceTerraform} and the awscc provider >= ${AWSCC_IDENTITY_SINCE}.`];
  if (style === 'for_each') return ['An import block with for_each needs Terraform >= 1.7.'];
  return ['Import blocks need Terraform >= 1.5.'];
}

/** Blocks separated by blank lines, in terraform fmt's layout. */
function formatted(blocks: string[]): string {
  if (blocks.length === 0) return '';
  const text = blocks.join('\n');
  const result = format(text);
  // Rendered text always parses; should that ever break, the unformatted text is still correct HCL.
  return 'text' in result ? result.text : text;
}
