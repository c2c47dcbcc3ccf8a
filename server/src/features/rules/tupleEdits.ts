// Removing several items of a list literal in one edit set, keeping the layout of what stays: one item per
// line stays one per line, a trailing comma stays, and `[a, b, c]` stays on one line.
import type { HclFile, Tuple } from '../../parser';
import type { FixEdit } from './types';
import { lineStartOf } from './support';

/** Edits that remove the items at `indices` (any order) from `tuple`. */
export function removeTupleItems(file: HclFile, tuple: Tuple, indices: readonly number[], uri?: string): FixEdit[] {
  const remove = new Set(indices);
  const items = tuple.items;
  const withUri = (e: FixEdit): FixEdit => (uri ? { ...e, uri } : e);
  if (items.every((_, i) => remove.has(i))) {
    // Keep the brackets and drop everything between them: a multi-line list becomes `[]` too.
    return [withUri({ start: tuple.start + 1, end: tuple.closed ? tuple.end - 1 : tuple.end, newText: '' })];
  }
  const edits: FixEdit[] = [];
  for (let a = 0; a < items.length; a++) {
    if (!remove.has(a)) continue;
    let b = a;
    while (remove.has(b + 1)) b++;
    const next = items[b + 1];
    if (next) {
      // Remove from the first removed item up to the next kept one.
      edits.push({ start: itemStart(file, items[a].start), end: itemStart(file, next.start), newText: '' });
    } else {
      const prev = items[a - 1];
      const afterLast = items[b].end + commaAfter(file, items[b].end);
      const ownLines =
        itemStart(file, items[a].start) === lineStartOf(file, items[a].start) &&
        afterLast > items[b].end &&
        /^\s*(#.*|\/\/.*)?$/.test(file.slice(afterLast, lineEnd(file, afterLast)).replace(/\r?\n$/, ''));
      if (ownLines) {
        // `  "x",\n` lines with a trailing comma: drop whole lines so the kept item keeps its comma.
        edits.push({ start: lineStartOf(file, items[a].start), end: lineEnd(file, afterLast), newText: '' });
      } else edits.push({ start: prev.end, end: afterLast, newText: '' });
    }
    a = b;
  }
  return edits.map(withUri);
}

function itemStart(file: HclFile, start: number): number {
  const line = lineStartOf(file, start);
  return file.slice(line, start).trim() === '' ? line : start;
}

function commaAfter(file: HclFile, end: number): number {
  const source = file.source;
  let i = end;
  while (source.charAt(i) === ' ' || source.charAt(i) === '\t') i++;
  return source.charAt(i) === ',' ? i + 1 - end : 0;
}

/** Offset just past the line break that ends the line holding `offset` (or the end of a trailing comment). */
function lineEnd(file: HclFile, offset: number): number {
  const source = file.source;
  let i = offset;
  while (i < source.length && source.charAt(i) !== '\n') i++;
  return i < source.length ? i + 1 : i;
}
