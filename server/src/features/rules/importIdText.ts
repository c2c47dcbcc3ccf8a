// Where the parts of a static import ID string sit in the source, so fixes can edit just the separator.
import type { Expression, HclFile } from '../../parser';

/** Offset in the file of character `i` of a plain string literal's value, when it has no escapes. */
export function offsetInString(file: HclFile, expr: Expression, i: number): number | undefined {
  if (expr.kind !== 'String' || !expr.closed) return undefined;
  const raw = file.slice(expr.start + 1, expr.end - 1);
  return raw === expr.value ? expr.start + 1 + i : undefined;
}
