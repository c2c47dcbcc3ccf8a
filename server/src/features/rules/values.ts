// The statically known values of our resources' attributes (top level and inside object attributes),
// evaluated once per run and shared by the value rules.
import type { AttributeSpec } from '../../knowledge';
import { evaluate, type StaticValue } from '../evaluate';
import type { ClientBlock } from './runIndex';
import type { RuleContext } from './types';

export interface KnownValue {
  client: ClientBlock;
  spec: AttributeSpec;
  /** `token_validity_units.access_token` for nested keys. */
  path: string;
  value: StaticValue;
  /** `stringItems` of this value, computed by the first rule that asks (eleven rules do). */
  strings: (StaticValue & { kind: 'string' })[] | undefined;
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
      found.push({ client, spec, path: spec.name, value, strings: undefined });
      if (spec.type === 'object' && value.kind === 'object' && spec.attributes) {
        for (const entry of value.entries) {
          const nested = spec.attributes.find((a) => a.name === entry.key);
          if (nested && entry.value && entry.value.kind !== 'null') {
            found.push({ client, spec: nested, path: `${spec.name}.${nested.name}`, value: entry.value, strings: undefined });
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
  if (v.kind === 'list' && known.spec.type === 'list') {
    return v.items.filter((i): i is StaticValue & { kind: 'string' } => i?.kind === 'string');
  }
  return [];
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
  // Most indexes (a block's check) hold one client: one map by path, no map of maps.
  if (context.index.clients.length === 1) {
    let paths = memo.knownPaths;
    if (!paths) {
      paths = new Map();
      for (const k of knownValues(context)) paths.set(k.path, k);
      memo.knownPaths = paths;
    }
    return client === context.index.clients[0] ? paths.get(path) : undefined;
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
