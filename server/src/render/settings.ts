// A described client's settable fields under their awscc attribute names, driven by the knowledge base's
// cfnName ↔ name mapping, so a field the schema gains is rendered without touching this file. Read-only
// attributes (client_id, client_secret, name, id) are never produced: only `optional`/`required` ones are.
import type { AttributeSpec } from '../knowledge';
import { resourceSchema, settableAttributes } from '../knowledge';
import type { DescribedClient } from '../live/types';
import type { PlainValue } from './values';

export interface Setting {
  name: string;
  value: PlainValue;
}

// The order in which a person would read a client: what it is, then how it authenticates.
const LEADING = ['client_name', 'generate_secret'];

/** Every settable field present on `client`, except `user_pool_id` (the caller decides literal vs reference). */
export function clientSettings(client: DescribedClient): Setting[] {
  const out: Setting[] = [];
  const record = client as unknown as Record<string, unknown>;
  for (const spec of settableAttributes(resourceSchema.attributes)) {
    if (spec.name === 'user_pool_id') continue;
    if (spec.name === 'generate_secret') {
      // The API reports the secret's existence, not the flag; a client with a secret was created with it.
      if (client.hasSecret) out.push({ name: spec.name, value: true });
      continue;
    }
    const value = convert(spec, record[spec.cfnName]);
    if (value !== undefined) out.push({ name: spec.name, value });
  }
  out.sort((a, b) => rank(a.name) - rank(b.name));
  return out;
}

function rank(name: string): number {
  const i = LEADING.indexOf(name);
  return i < 0 ? LEADING.length : i;
}

function convert(spec: AttributeSpec, raw: unknown): PlainValue | undefined {
  if (raw === undefined || raw === null) return undefined;
  switch (spec.type) {
    case 'string':
      return typeof raw === 'string' ? raw : undefined;
    case 'number':
      return typeof raw === 'number' && Number.isFinite(raw) ? raw : undefined;
    case 'bool':
      return typeof raw === 'boolean' ? raw : undefined;
    case 'list':
      return Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : undefined;
    case 'object': {
      if (typeof raw !== 'object' || Array.isArray(raw)) return undefined;
      const nested: { [key: string]: PlainValue } = {};
      const record = raw as Record<string, unknown>;
      for (const child of settableAttributes(spec.attributes ?? [])) {
        const value = convert(child, record[child.cfnName]);
        if (value !== undefined) nested[child.name] = value;
      }
      return Object.keys(nested).length > 0 ? nested : undefined;
    }
  }
}
