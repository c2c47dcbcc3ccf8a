// Effective token lifetimes (value × unit) of one client, as far as they are statically known.
import { SECONDS_PER_UNIT, tokenValidity, validityBoundsInUnit, type TimeUnit, type TokenValidityFact } from '../../knowledge';
import type { StaticValue } from '../evaluate';
import type { ClientBlock } from './runIndex';
import type { RuleContext } from './types';
import { valueAt } from './values';

export interface TokenDuration {
  fact: TokenValidityFact;
  /** The configured number, when set and known. */
  value?: StaticValue & { kind: 'number' };
  unit: TimeUnit;
  /** The `token_validity_units` entry's value that set `unit`, when one did. */
  unitValue?: StaticValue;
  seconds: number;
}

/** Per token: undefined when the unit or the value cannot be known statically. */
export function tokenDurations(context: RuleContext, client: ClientBlock): Map<TokenValidityFact['token'], TokenDuration> {
  const out = new Map<TokenValidityFact['token'], TokenDuration>();
  const unitsAttribute = client.attributes.get('token_validity_units');
  const units = valueAt(context, client, 'token_validity_units');
  // Units set to something we cannot read: no duration is known.
  if (unitsAttribute && units?.kind !== 'object') return out;
  for (const fact of tokenValidity) {
    let unit: TimeUnit = fact.defaultUnit;
    const entry = units?.kind === 'object' ? units.entries.find((e) => e.key === fact.unitKey) : undefined;
    if (entry) {
      if (entry.value?.kind !== 'string' || !(entry.value.value in SECONDS_PER_UNIT)) continue;
      unit = entry.value.value as TimeUnit;
    }
    const attribute = client.attributes.get(fact.attribute);
    const value = valueAt(context, client, fact.attribute);
    if (attribute) {
      if (value?.kind !== 'number') continue;
      out.set(fact.token, { fact, value, unit, unitValue: entry?.value, seconds: value.value * SECONDS_PER_UNIT[unit] });
    } else if (!entry) {
      // Neither number nor unit set: AWS's documented default.
      out.set(fact.token, { fact, unit, seconds: fact.defaultValue * SECONDS_PER_UNIT[fact.defaultUnit] });
    }
  }
  return out;
}

/** `48 hours`, `1 day`: a number of a unit, singular for one. */
export function amount(value: number, unit: TimeUnit): string {
  return `${value} ${value === 1 ? unit.slice(0, -1) : unit}`;
}

const WORD_UNITS: readonly (readonly [number, string])[] = [
  [86400 * 365, 'year'],
  [86400, 'day'],
  [3600, 'hour'],
  [60, 'minute'],
  [1, 'second'],
];

export function inWords(seconds: number): string {
  for (const [size, word] of WORD_UNITS) {
    if (seconds >= size && seconds % size === 0) {
      const n = seconds / size;
      return `${n} ${word}${n === 1 ? '' : 's'}`;
    }
  }
  return `${seconds} seconds`;
}

export { validityBoundsInUnit };
