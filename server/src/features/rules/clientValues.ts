// Reading one client's settings for the cross-field rules: "known to be X", "known to be absent",
// and "unknown" are kept apart so that nothing unknown ever triggers a rule.
import type { StaticValue } from '../evaluate';
import type { ClientBlock } from './runIndex';
import type { RuleContext } from './types';
import { knownAt, listOf, valueAt } from './values';

export type StringItem = StaticValue & { kind: 'string' };

export interface ListState {
  /** The attribute is not written at all. */
  absent: boolean;
  /** Every item is known. */
  complete: boolean;
  items: StringItem[];
  value?: StaticValue;
}

export function listState(context: RuleContext, client: ClientBlock, name: string): ListState | undefined {
  if (!client.attributes.has(name)) return { absent: true, complete: true, items: [] };
  const known = knownAt(context, client, name);
  const value = known?.value;
  if (value?.origin) context.noteRead?.(client, value);
  if (!value) return client.attributes.get(name)?.value.kind === 'Literal' ? { absent: true, complete: true, items: [] } : undefined;
  if (value.kind !== 'list') return undefined;
  // Thirteen rules ask for lists: the state is made once per value (read only, as `stringItems` is).
  return listOf(known!);
}

/** true/false when known (absent counts as AWS's default `false`), undefined when unknown. */
export function boolState(context: RuleContext, client: ClientBlock, name: string): { value: boolean; absent: boolean; known?: StaticValue } | undefined {
  if (!client.attributes.has(name)) return { value: false, absent: true };
  const v = valueAt(context, client, name);
  if (v?.kind === 'bool') return { value: v.value, absent: false, known: v };
  if (v?.kind === 'string' && (v.value === 'true' || v.value === 'false')) return { value: v.value === 'true', absent: false, known: v };
  // `= null` means "not set".
  if (!v && client.attributes.get(name)?.value.kind === 'Literal') return { value: false, absent: true };
  return undefined;
}

export function stringState(context: RuleContext, client: ClientBlock, name: string): StringItem | undefined {
  const v = valueAt(context, client, name);
  return v?.kind === 'string' ? v : undefined;
}
