// Everything the rules look at in one document, found in a single pass over the top-level items, so that
// forty rules do not walk the file forty times on every keystroke.
import type { Attribute, Block, BodyItem, Expression, HclFile, Node, Traversal } from '../../parser';
import { forEachChild } from '../../parser';
import { RESOURCE_TYPE, schemaFor, type AttributeSpec, type SchemaSpec } from '../../knowledge';
import type { KnownValue } from './values';
import type { OurImport } from './importBlocks';

export interface ClientBlock {
  block: Block;
  kind: 'resource' | 'data';
  schema: SchemaSpec;
  /** First attribute of each name (duplicates are reported by their own rule). */
  attributes: NamedAttributes;
  /** Nested blocks in the body (meta blocks like `lifecycle`, or mistaken `token_validity_units { }`). */
  blocks: Block[];
}

/** A reference to one of our resources: `awscc_cognito_user_pool_client.NAME.ATTR` (or `data.` prefixed). */
export interface ClientReference {
  traversal: Traversal;
  data: boolean;
  /** The resource name step. */
  resourceName: string;
  /** The attribute step after the name (and an optional instance index), when there is one. */
  attribute?: { name: string; start: number; end: number };
  /** The argument, object key, local or output this reference is the value of (innermost name). */
  context?: { kind: 'argument' | 'local' | 'output'; name: string; block?: Block };
  /** The output whose `value` contains this reference, at any depth. */
  output?: { name: string; block: Block };
}

export interface RunIndex {
  file: HclFile;
  /** The top-level items being checked. */
  items: readonly BodyItem[];
  clients: ClientBlock[];
  imports: Block[];
  outputs: Block[];
  references: ClientReference[];
  /**
   * What several rules derive from this index, computed by the first that asks (values.ts, poolFacts.ts,
   * importBlocks.ts). Kept on the index, not in WeakMaps keyed by it: an index lives for one block's check,
   * and the values of WeakMap entries with young keys outlived them, surviving V8's young-generation
   * collections. At 1,000 blocks that was 19.4 of the 21 MB those collections copied (3.1 MB with the memo
   * here), and it grew the young generation to its largest size.
   */
  memo: RunMemo;
}

export interface RunMemo {
  known: KnownValue[] | undefined;
  knownByClient: Map<ClientBlock, Map<string, KnownValue>> | undefined;
  /** The same when the index holds one client: its values by the schema's numbering of paths (values.ts). */
  knownSlots: (KnownValue | undefined)[] | undefined;
  namedValues: KnownValue[] | undefined;
  importBlocks: OurImport[] | undefined;
}

/** The index of some top-level items of a file (all of them by default); `itemText`, when given, is their text. */
export function buildRunIndex(file: HclFile, items: readonly BodyItem[] = file.body.items, itemText?: string): RunIndex {
  const memo: RunMemo = { known: undefined, knownByClient: undefined, knownSlots: undefined, namedValues: undefined, importBlocks: undefined };
  const index: RunIndex = { file, items, clients: [], imports: [], outputs: [], references: [], memo };
  // Without the type name in a body there is nothing of ours to reference: skip the expression walk. The
  // header does not count: every block of ours names the type there, and walking each of their bodies for
  // references that are almost never there was a tenth of a first diagnostics run's allocations.
  const noneInText = itemText !== undefined && !itemText.includes(RESOURCE_TYPE);
  for (const item of items) {
    if (item.kind !== 'Block') continue;
    const bodyFrom = item.openBrace >= 0 ? item.openBrace : item.start;
    const mayReference = noneInText
      ? false
      : itemText !== undefined && items.length === 1
        ? itemText.indexOf(RESOURCE_TYPE, bodyFrom - item.start) >= 0
        : file.slice(bodyFrom, item.end).includes(RESOURCE_TYPE);
    const type = item.type.name;
    if ((type === 'resource' || type === 'data') && item.labels.length >= 1) {
      const schema = schemaFor(type, item.labels[0].value);
      if (schema) index.clients.push(clientBlock(item, type, schema));
    } else if (type === 'import') index.imports.push(item);
    else if (type === 'output') index.outputs.push(item);
    if (mayReference) collectReferences(item, index.references);
  }
  return index;
}

function clientBlock(block: Block, kind: 'resource' | 'data', schema: SchemaSpec): ClientBlock {
  const attributes = new NamedAttributes(schema);
  const blocks: Block[] = [];
  for (const item of block.body.items) {
    if (item.kind === 'Attribute') {
      if (item.name.name && !attributes.has(item.name.name)) attributes.add(item);
    } else blocks.push(item);
  }
  return { block, kind, schema, attributes, blocks };
}

/**
 * A client block's attributes by name, the first of each name, in order: the schema's names in an array by
 * their place in the schema (looked up in one map per schema), any other name by a search of the list. A
 * `Map` per block, grown from 4 entries as attributes were added, was ~1.7 KB of garbage per block on a
 * first check (~17 MB at 10,000 blocks); a plain search, slow in code V8 has not compiled yet, cost a
 * 10-block first check ~4 ms.
 */
export class NamedAttributes {
  private readonly list: Attribute[] = [];
  private readonly slots: ReadonlyMap<string, number>;
  private readonly bySlot: (Attribute | undefined)[];

  constructor(schema: SchemaSpec) {
    this.slots = schemaPaths(schema).slot;
    this.bySlot = new Array<Attribute | undefined>(this.slots.size);
  }

  /** Adds the first attribute of its name (the caller checks `has`). */
  add(attribute: Attribute): void {
    this.list.push(attribute);
    const slot = this.slots.get(attribute.name.name);
    if (slot !== undefined) this.bySlot[slot] = attribute;
  }

  get(name: string): Attribute | undefined {
    const slot = this.slots.get(name);
    if (slot !== undefined) return this.bySlot[slot];
    const list = this.list;
    for (let i = 0; i < list.length; i++) if (list[i].name.name === name) return list[i];
    return undefined;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  /** In the order of the body. */
  values(): readonly Attribute[] {
    return this.list;
  }

  get size(): number {
    return this.list.length;
  }
}

/**
 * A schema's attribute names and `object.key` paths, numbered (attribute names first, in schema order), and
 * the nested paths' strings made once: client attributes (above) and known values (values.ts) are kept in
 * arrays by these numbers instead of a map per block.
 */
export interface SchemaPaths {
  slot: ReadonlyMap<string, number>;
  /** Object attribute → nested key → `object.key`. */
  nestedPath: ReadonlyMap<AttributeSpec, ReadonlyMap<string, string>>;
}

const pathsBySchema = new WeakMap<SchemaSpec, SchemaPaths>();

export function schemaPaths(schema: SchemaSpec): SchemaPaths {
  let paths = pathsBySchema.get(schema);
  if (paths) return paths;
  const slot = new Map<string, number>();
  const nestedPath = new Map<AttributeSpec, Map<string, string>>();
  for (const spec of schema.attributes) if (!slot.has(spec.name)) slot.set(spec.name, slot.size);
  for (const spec of schema.attributes) {
    if (spec.type !== 'object' || !spec.attributes) continue;
    const nested = new Map<string, string>();
    for (const inner of spec.attributes) {
      const path = `${spec.name}.${inner.name}`;
      nested.set(inner.name, path);
      if (!slot.has(path)) slot.set(path, slot.size);
    }
    nestedPath.set(spec, nested);
  }
  paths = { slot, nestedPath };
  pathsBySchema.set(schema, paths);
  return paths;
}

/** The first attribute of a name directly in a block body. */
export function attributeOf(block: Block, name: string): Attribute | undefined {
  for (const item of block.body.items) if (item.kind === 'Attribute' && item.name.name === name) return item;
  return undefined;
}

function collectReferences(top: Block, out: ClientReference[]): void {
  const topKind = top.type.name;
  const visitBody = (block: Block, owner: ClientReference['context'] | undefined) => {
    for (const item of block.body.items) {
      if (item.kind === 'Block') {
        visitBody(item, owner);
        continue;
      }
      let context: ClientReference['context'];
      if (topKind === 'locals' && block === top) context = { kind: 'local', name: item.name.name };
      else if (topKind === 'output' && block === top && item.name.name === 'value') {
        context = { kind: 'output', name: top.labels[0]?.value ?? '', block: top };
      } else context = { kind: 'argument', name: item.name.name, block: top };
      visitExpression(item.value, context, out);
    }
  };
  visitBody(top, undefined);
}

function visitExpression(expr: Node, context: ClientReference['context'], out: ClientReference[], output?: ClientReference['output']): void {
  if (context?.kind === 'output' && context.block && !output) output = { name: context.name, block: context.block };
  if (expr.kind === 'Traversal') {
    const ref = asClientReference(expr, context);
    if (ref) out.push(output ? { ...ref, output } : ref);
  }
  if (expr.kind === 'ObjectItem') {
    // An object key names what its value is for (`{ client_id = x.id }`).
    const key = expr.key.kind === 'Variable' ? expr.key.name : expr.key.kind === 'String' ? expr.key.value : undefined;
    if (key !== undefined) {
      visitExpression(expr.value, { kind: 'argument', name: key, block: context?.block }, out, output);
      return;
    }
  }
  forEachChild(expr, (child) => visitExpression(child, context, out, output));
}

function asClientReference(t: Traversal, context: ClientReference['context']): ClientReference | undefined {
  if (t.source.kind !== 'Variable') return undefined;
  let steps = t.steps;
  let data = false;
  if (t.source.name === 'data') {
    const first = steps[0];
    if (first?.kind !== 'GetAttr' || first.name !== RESOURCE_TYPE) return undefined;
    steps = steps.slice(1);
    data = true;
  } else if (t.source.name !== RESOURCE_TYPE) return undefined;
  const nameStep = steps[0];
  if (nameStep?.kind !== 'GetAttr' || !nameStep.name) return undefined;
  let i = 1;
  if (steps[i]?.kind === 'Index' || steps[i]?.kind === 'LegacyIndex') i++;
  const attrStep = steps[i];
  const attribute =
    attrStep?.kind === 'GetAttr' && attrStep.name
      ? { name: attrStep.name, start: attrStep.nameStart, end: attrStep.end }
      : undefined;
  return { traversal: t, data, resourceName: nameStep.name, attribute, context };
}

/** The value expression of an attribute, or undefined when the attribute is missing or has no value yet. */
export function valueOf(attribute: Attribute | undefined): Expression | undefined {
  if (!attribute || attribute.equals < 0 || attribute.value.kind === 'Invalid') return undefined;
  return attribute.value;
}
