// Incremental re-parse: re-lex and re-parse only the top-level items around a change and splice them into
// the previous tree. Items before the change are shared with the previous tree (their offsets do not
// move); items after it are copied with shifted offsets so the previous tree stays valid.
import type { BodyItem, HclFile, Span, SyntaxDiagnostic, TextChange } from './ast';
import { ParsedFile, parseRegion, parseText } from './file';
import { spliceLineStarts } from './lineIndex';

export function reparseFile(previous: HclFile, changes: TextChange[]): HclFile {
  let file = previous;
  for (const change of changes) file = applyOne(file, change);
  return file;
}

function applyOne(previous: HclFile, change: TextChange): HclFile {
  const old = previous.text;
  const start = clamp(Math.min(change.start, change.end), 0, old.length);
  const end = clamp(Math.max(change.start, change.end), start, old.length);
  const text = old.slice(0, start) + change.text + old.slice(end);
  const delta = change.text.length - (end - start);
  const lineStarts = previous instanceof ParsedFile && previous.lines.computed
    ? spliceLineStarts(previous.lines.lineStarts(), text, start, end, change.text.length)
    : undefined;
  const items = previous.body.items;
  const n = items.length;
  // Top-level attributes are checked for redefinition across the whole body, so a local re-parse could
  // miss a duplicate outside the region (they are rare in .tf files: fall back).
  const safe = previous instanceof ParsedFile && !previous.incrementalUnsafe;
  if (n === 0 || !safe || hasAttribute(items)) return withLines(parseText(text), lineStarts);

  // The touched items plus one neighbour each side (an edit can join or split lines at a boundary).
  const firstTouching = firstIndex(items, (item) => item.end >= start);
  const lastTouching = firstIndex(items, (item) => item.start > end) - 1;
  const i0 = Math.max(0, firstTouching - 1);
  const i1 = Math.min(n - 1, Math.max(lastTouching, i0) + 1);
  const regionStart = i0 === 0 ? 0 : items[i0].start;
  const oldRegionEnd = i1 + 1 < n ? items[i1 + 1].start : old.length;
  if (start < regionStart || end > oldRegionEnd) return withLines(parseText(text), lineStarts);
  const newRegionEnd = oldRegionEnd + delta;

  const region = parseRegion(text, regionStart, newRegionEnd);
  if ((region.touchedEnd && newRegionEnd < text.length) || region.itemStartsInTemplate || hasAttribute(region.body.items)) {
    return withLines(parseText(text), lineStarts);
  }

  const after = items.slice(i1 + 1).map((item) => shifted(item, delta));
  const body = { kind: 'Body' as const, start: 0, end: text.length, items: [...items.slice(0, i0), ...region.body.items, ...after] };
  // Zero-width diagnostics at the very end of the text belong to the region that reaches it.
  const replacedTo = oldRegionEnd === old.length ? Infinity : oldRegionEnd;
  const diagnostics = spliceSpans(previous.diagnostics, region.diagnostics, regionStart, replacedTo, delta);
  const comments = spliceSpans(previous.comments, region.comments, regionStart, replacedTo, delta);
  return new ParsedFile(text, body, diagnostics, comments, lineStarts);
}

function withLines(file: HclFile, lineStarts: Int32Array | undefined): HclFile {
  return lineStarts && file instanceof ParsedFile
    ? new ParsedFile(file.text, file.body, file.diagnostics, file.comments, lineStarts, file.incrementalUnsafe)
    : file;
}

function hasAttribute(items: readonly BodyItem[]): boolean {
  for (const item of items) if (item.kind === 'Attribute') return true;
  return false;
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/** First index whose item satisfies a predicate that is monotonic over the sorted items (n if none). */
function firstIndex(items: readonly BodyItem[], pred: (item: BodyItem) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pred(items[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Old spans before the region, the region's new spans, then old spans after the region shifted. */
function spliceSpans<S extends Span>(old: readonly S[], region: S[], from: number, to: number, delta: number): S[] {
  const out: S[] = [];
  let i = 0;
  for (; i < old.length && old[i].start < from; i++) out.push(old[i]);
  while (i < old.length && old[i].start < to) i++;
  for (const s of region) out.push(s);
  for (; i < old.length; i++) out.push({ ...old[i], start: old[i].start + delta, end: old[i].end + delta });
  return out;
}

// Offsets that may hold -1 for "missing" (left as is); every other listed key is always a real offset.
const MAYBE_MISSING = new Set(['equals', 'openBrace', 'closeBrace', 'separator']);
const OFFSET_KEYS = new Set(['start', 'end', 'nameStart', 'equals', 'openBrace', 'closeBrace', 'separator']);

/** A deep copy of a subtree with every offset moved by `delta`. */
function shifted<N>(node: N, delta: number): N {
  if (Array.isArray(node)) return node.map((child) => shifted(child, delta)) as N;
  const out: Record<string, unknown> = {};
  for (const key in node) {
    const value = (node as Record<string, unknown>)[key];
    if (typeof value === 'number') {
      out[key] = OFFSET_KEYS.has(key) && !(value < 0 && MAYBE_MISSING.has(key)) ? value + delta : value;
    } else if (value !== null && typeof value === 'object') out[key] = shifted(value, delta);
    else out[key] = value;
  }
  return out as N;
}

export type { SyntaxDiagnostic };
