// Hover, go-to-definition and find-references for the names a client shares with the rest of its module:
// custom scopes (declared by resource servers), identity provider names and `custom:` attributes (declared
// by the pool's schema). Each direction reads the pool graph of the module.
import type { Location, LocationLink } from 'vscode-languageserver-types';
import type { Block, Expression, Node, Span } from '../parser';
import { nodePathAt, staticString } from '../parser';
import type { Declaration, FeatureContext } from '../model';
import { poolGraphOf, type DeclaredName, type PoolEntry } from '../model';
import { CUSTOM_ATTRIBUTE_PREFIX, RESOURCE_TYPE } from '../knowledge';
import { branchAt, directAttribute, topLevelBlock, within } from './caretContext';

export type NameKind = 'scope' | 'provider' | 'attribute';

/** The client attributes whose strings name things of the module, and what they name. */
export const NAME_ATTRIBUTES: Readonly<Record<string, NameKind>> = {
  allowed_o_auth_scopes: 'scope',
  supported_identity_providers: 'provider',
  read_attributes: 'attribute',
  write_attributes: 'attribute',
};

/** One name a pool declares: the string a client writes, where it is declared and by whom. */
export interface PoolName {
  kind: NameKind;
  /** What a client writes: `https://api.example.com/read`, `Okta`, `custom:tenant`. */
  value: string;
  declaration: Declaration;
  declared: DeclaredName;
}

/** Every name the pool declares, for completion and lookups. */
export function namesOf(pool: PoolEntry, kind: NameKind): PoolName[] {
  const out: PoolName[] = [];
  if (kind === 'scope') {
    for (const server of pool.servers) {
      if (!server.identifier || !server.scopes) continue;
      for (const scope of server.scopes) out.push({ kind, value: `${server.identifier.value}/${scope.value}`, declaration: server.declaration, declared: scope });
    }
  } else if (kind === 'provider') {
    for (const p of pool.providers) if (p.providerName) out.push({ kind, value: p.providerName.value, declaration: p.declaration, declared: p.providerName });
  } else if (pool.pool?.schema) {
    for (const a of pool.pool.schema) {
      const value = a.value.startsWith(CUSTOM_ATTRIBUTE_PREFIX) ? a.value : CUSTOM_ATTRIBUTE_PREFIX + a.value;
      out.push({ kind, value, declaration: pool.pool.declaration, declared: a });
    }
  }
  return out;
}

/** The pool of an awscc client block (resource, not data source). */
export function clientPool(ctx: FeatureContext, block: Block | undefined): PoolEntry | undefined {
  if (block?.type.name !== 'resource' || block.labels[0]?.value !== RESOURCE_TYPE) return undefined;
  return poolGraphOf(ctx.module).poolOf(block);
}

interface NameAtCaret {
  name?: PoolName;
  kind: NameKind;
  value: string;
  span: Span;
  pool: PoolEntry;
}

/** The name string under the caret in one of the client's NAME_ATTRIBUTES. */
function nameInClient(ctx: FeatureContext, path: readonly Node[], offset: number): NameAtCaret | undefined {
  const block = topLevelBlock(path);
  const attribute = block && directAttribute(block, path);
  const kind = attribute && NAME_ATTRIBUTES[attribute.name.name];
  if (!kind || !within(attribute.value, offset)) return undefined;
  const pool = clientPool(ctx, block);
  if (!pool) return undefined;
  let expr: Expression = branchAt(attribute.value, offset);
  if (expr.kind === 'Tuple') {
    const item = expr.items.find((e) => within(e, offset));
    if (!item) return undefined;
    expr = branchAt(item, offset);
  }
  const value = staticString(expr);
  if (value === undefined) return undefined;
  return { kind, value, span: expr, pool, name: namesOf(pool, kind).find((n) => n.value === value) };
}

export function hoverPoolName(ctx: FeatureContext, offset: number): { markdown: string; span: Span } | undefined {
  const found = nameInClient(ctx, nodePathAt(ctx.document.file, offset), offset);
  if (!found?.name) return undefined;
  const { name } = found;
  const where = locationText(ctx, name.declaration, name.declared.span);
  const what = { scope: 'custom OAuth scope', provider: 'identity provider', attribute: 'custom user attribute' }[name.kind];
  const lines = [`\`${found.value}\` — ${what}`, `Declared by \`${name.declaration.address}\` (${where}).`];
  if (name.declared.description) lines.push(name.declared.description);
  return { markdown: lines.join('\n\n'), span: found.span };
}

function locationText(ctx: FeatureContext, declaration: Declaration, span: Span): string {
  const file = declaration.file;
  const line = file ? file.rangeOf(span).start.line + 1 : undefined;
  const base = declaration.uri.slice(declaration.uri.lastIndexOf('/') + 1);
  const same = declaration.uri === ctx.document.uri;
  return line === undefined ? base : same ? `line ${line}` : `${decoded(base)}, line ${line}`;
}

/** A URI's file name as the user sees it (a malformed escape is left as written). */
function decoded(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** From a name in a client to the scope, provider or schema attribute that declares it. */
export function poolNameDefinition(ctx: FeatureContext, offset: number): LocationLink[] | undefined {
  const found = nameInClient(ctx, nodePathAt(ctx.document.file, offset), offset);
  const name = found?.name;
  const file = name?.declaration.file;
  const node = name?.declaration.node;
  if (!found || !name || !file || !node) return undefined;
  return [
    {
      originSelectionRange: ctx.document.file.rangeOf(found.span),
      targetUri: name.declaration.uri,
      targetRange: file.rangeOf(node),
      targetSelectionRange: file.rangeOf(name.declared.span),
    },
  ];
}

/**
 * Find references from a declared name (a scope name of a resource server, a provider name, a schema
 * attribute name) or from a client's string: every client string of the pool that names it.
 */
export function poolNameReferences(ctx: FeatureContext, offset: number, includeDeclaration: boolean): Location[] | undefined {
  const path = nodePathAt(ctx.document.file, offset);
  const target = nameInClient(ctx, path, offset)?.name ?? declaredNameAt(ctx, path, offset);
  if (!target) return undefined;
  const graph = poolGraphOf(ctx.module);
  const pool = [...graph.pools.values()].find((p) => namesOf(p, target.kind).some((n) => n.declared === target.declared));
  if (!pool) return undefined;
  const out: Location[] = [];
  if (includeDeclaration && target.declaration.file) out.push({ uri: target.declaration.uri, range: target.declaration.file.rangeOf(target.declared.span) });
  for (const client of graph.clientsOf(pool)) {
    const block = client.node;
    if (block?.kind !== 'Block' || !client.file) continue;
    for (const item of block.body.items) {
      if (item.kind !== 'Attribute' || NAME_ATTRIBUTES[item.name.name] !== target.kind) continue;
      const values = item.value.kind === 'Tuple' ? item.value.items : [item.value];
      for (const v of values) if (staticString(v) === target.value) out.push({ uri: client.uri, range: client.file.rangeOf(v) });
    }
  }
  return out;
}

/** The declared name under the caret in a resource server, identity provider or pool schema. */
function declaredNameAt(ctx: FeatureContext, path: readonly Node[], offset: number): PoolName | undefined {
  const block = topLevelBlock(path);
  if (!block) return undefined;
  for (const pool of poolGraphOf(ctx.module).pools.values()) {
    for (const kind of ['scope', 'provider', 'attribute'] as const) {
      for (const name of namesOf(pool, kind)) {
        if (name.declaration.uri !== ctx.document.uri || name.declaration.node !== block) continue;
        if (within(name.declared.span, offset)) return name;
      }
    }
  }
  return undefined;
}
