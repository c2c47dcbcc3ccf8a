import type { StaticValue } from '../evaluate';
import { evaluate } from '../evaluate';
import type { OurImport } from './importBlocks';
import type { RuleContext } from './types';

/** The known string values of an import's identity object, by key. */
export function identityStrings(context: RuleContext, imp: OurImport): Map<string, StaticValue & { kind: 'string' }> {
  const out = new Map<string, StaticValue & { kind: 'string' }>();
  if (!imp.identity) return out;
  const value = evaluate(imp.identity.value, context.ctx.module);
  if (value?.kind !== 'object') return out;
  for (const e of value.entries) if (e.value?.kind === 'string') out.set(e.key, e.value);
  return out;
}
