// Names a block of our resource may hold besides the schema's attributes: Terraform's meta-arguments.
import { metaArguments, type AttributeSpec } from '../../knowledge';

export const META_ATTRIBUTES: ReadonlySet<string> = new Set(metaArguments.filter((m) => !m.block).map((m) => m.name));
/** Nested blocks Terraform itself accepts in any resource (`dynamic` is left alone: it generates blocks). */
export const META_BLOCKS: ReadonlySet<string> = new Set(['lifecycle', 'provisioner', 'connection', 'dynamic']);

// Schemas are module-level data: their name lists are built once, not once per checked block.
const settable = new WeakMap<readonly AttributeSpec[], string[]>();
const named = new WeakMap<readonly AttributeSpec[], { list: string[]; set: ReadonlySet<string> }>();

export function settableNames(attributes: readonly AttributeSpec[]): string[] {
  let names = settable.get(attributes);
  if (!names) settable.set(attributes, (names = attributes.filter((a) => a.mode !== 'computed').map((a) => a.name)));
  return names;
}

/** Every attribute name of a schema (or of an object attribute's keys), in schema order. */
export function attributeNames(attributes: readonly AttributeSpec[]): string[] {
  return namesOf(attributes).list;
}

export function hasAttributeNamed(attributes: readonly AttributeSpec[], name: string): boolean {
  return namesOf(attributes).set.has(name);
}

function namesOf(attributes: readonly AttributeSpec[]): { list: string[]; set: ReadonlySet<string> } {
  let names = named.get(attributes);
  if (!names) {
    const list = attributes.map((a) => a.name);
    named.set(attributes, (names = { list, set: new Set(list) }));
  }
  return names;
}
