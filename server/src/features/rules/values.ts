// The statically known values of our resources' attributes (top level and inside object attributes),
// evaluated once per run and shared by the value rules.
import type { AttributeSpec } from '../../knowledge';
import { evaluate, type StaticValue } from '../evaluate';
import { schemaPaths, type ClientBlock } from './runIndex';
import type { ListState } from './clientValues';
import type { RuleContext } from './types';

export interface KnownValue {
  client: ClientBlock;
  spec: AttributeSpec;
  /** `token_validity_units.access_token` for nested keys. */
  path: string;
  value: StaticValue;
  /** `stringItems` of this value, computed by the first rule that asks (eleven rules do). */
  strings: (StaticValue & { kind: 'string' })[] | undefined;
  /** `listState` of this value, likewise (clientValues.ts). */
  list?: ListState;
}

/** Known values of settable attributes of resource blocks (data sources have nothing to set but `id`). */
export function knownValues(context: RuleContext): KnownValue[] {
  const memo = context.index.memo;
  let found = memo.known;
  if (found) return found;
  found = [];
  for (const client of context.index.clients) {
    if (client.kind !== 'resource') continue;
    for (const spec of client.schema.attributes) {
      if (spec.mode === 'computed') continue;
      const attribute = client.attributes.get(spec.name);
      if (!attribute) continue;
      const value = evaluate(attribute.value, context.ctx.module);
      if (!value || value.kind === 'null') continue;
      found.push({ client, spec, path: spec.name, value, strings: undefined, list: undefined });
      if (spec.type === 'object' && value.kind === 'object' && spec.attributes) {
        const table = schemaPaths(client.schema);
        for (const entry of value.entries) {
          const nested = spec.attributes.find((a) => a.name === entry.key);
          if (nested && entry.value && entry.value.kind !== 'null') {
            found.push({ client, spec: nested, path: table.nestedPath.get(spec)!.get(nested.name)!, value: entry.value, strings: undefined, list: undefined });
          }
        }
      }
    }
  }
  memo.known = found;
  return found;
}

/** The string items of a known value: the value itself for strings, the string items for lists. Read only. */
export function stringItems(known: KnownValue): readonly (StaticValue & { kind: 'string' })[] {
  return (known.strings ??= stringsOf(known));
}

function stringsOf(known: KnownValue): (StaticValue & { kind: 'string' })[] {
  const v = known.value;
  if (v.kind === 'string') return known.spec.type === 'string' ? [v] : [];
  if (v.kind === 'list' && known.spec.type === 'list') return listOf(known).items;
  return [];
}

/** The `listState` of a known list value (clientValues.ts), made once per value. Read only. */
export function listOf(known: KnownValue): ListState {
  if (known.list) return known.list;
  const value = known.value as StaticValue & { kind: 'list' };
  let strings = 0;
  for (let i = 0; i < value.items.length; i++) if (value.items[i]?.kind === 'string') strings++;
  // A list of strings only (the usual case) is its own list of string items: read only, no copy.
  let items = value.items as (StaticValue & { kind: 'string' })[];
  if (strings !== value.items.length) {
    items = [];
    for (let i = 0; i < value.items.length; i++) {
      const item = value.items[i];
      if (item?.kind === 'string') items.push(item as StaticValue & { kind: 'string' });
    }
  }
  return (known.list = { absent: false, complete: strings === value.items.length, items, value });
}

/** The known value of one attribute path of one client. */
export function valueAt(context: RuleContext, client: ClientBlock, path: string): StaticValue | undefined {
  const value = knownAt(context, client, path)?.value;
  if (value?.origin) context.noteRead?.(client, value);
  return value;
}

/**
 * The entry of `knownValues` for one attribute path of one client, without noting a read (for a rule whose
 * finding is placed on the value itself, where the value's span already says where it came from).
 */
export function knownAt(context: RuleContext, client: ClientBlock, path: string): KnownValue | undefined {
  const memo = context.index.memo;
  // Most indexes (a block's check) hold one client: its values in an array by the schema's numbering of
  // paths, no map built per block (growing maps were ~1.7 KB of garbage per block on a first check).
  const clients = context.index.clients;
  if (clients.length === 1) {
    if (client !== clients[0]) return undefined;
    const table = schemaPaths(client.schema);
    let slots = memo.knownSlots;
    if (!slots) {
      slots = new Array<KnownValue | undefined>(table.slot.size);
      const known = knownValues(context);
      // The last of a path wins, as it did in a map (an object value may repeat a key).
      for (let i = 0; i < known.length; i++) {
        const at = table.slot.get(known[i].path);
        if (at !== undefined) slots[at] = known[i];
      }
      memo.knownSlots = slots;
    }
    const at = table.slot.get(path);
    return at === undefined ? undefined : slots[at];
  }
  let index = memo.knownByClient;
  if (!index) {
    index = new Map();
    for (const k of knownValues(context)) {
      let paths = index.get(k.client);
      if (!paths) index.set(k.client, (paths = new Map()));
      paths.set(k.path, k);
    }
    context.index.memo.knownByClient = index;
  }
  return index.get(client)?.get(path);
}

/** " (value of local.x)" when a value came through a reference; tfvars values name their file and line. */
export function viaText(value: StaticValue): string {
  if (!value.via) return '';
  const o = value.origin;
  return o?.kind === 'tfvars' ? ` (value of ${value.via}, set in ${o.value.fileName} line ${o.value.line + 1})` : ` (value of ${value.via})`;
}
