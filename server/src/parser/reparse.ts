// Incremental re-parse: re-lex and re-parse only the top-level items around a change and splice them into
// the previous tree.
//
// Items before the region are shared with the previous version (their offsets do not move). Items after
// it are moved into the new version: a block's own offsets move now and its body's when it is next read
// (BlockNode), so a keystroke costs O(edited block + number of top-level items), not O(document). The
// previous HclFile is then marked superseded and rebuilds its own tree by a full parse if it is used
// again, so it stays valid as a file; only node objects taken from it before the reparse may show the new
// offsets.
//
// The text is a DocumentText: the edit rebuilds one chunk, and the region is re-parsed from a small string
// read from the old text's chunks, so the document is never copied as a whole here.
import type { BodyItem, HclFile, Span, SyntaxDiagnostic, TextChange } from './ast';
import { DocumentText } from './documentText';
import { ParsedFile, parseRegion, parseText } from './file';
import { spliceLineStarts } from './lineIndex';
import { shiftItemInPlace } from './shift';

export function reparseFile(previous: HclFile, changes: TextChange[]): HclFile {
  let file = previous;
  for (const change of changes) file = applyOne(file, change);
  return file;
}

function applyOne(previous: HclFile, change: TextChange): HclFile {
  const old = previous instanceof ParsedFile ? previous.source : DocumentText.of(previous.text);
  const start = clamp(Math.min(change.start, change.end), 0, old.length);
  const end = clamp(Math.max(change.start, change.end), start, old.length);
  const text = old.edit(start, end, change.text);
  const delta = change.text.length - (end - start);
  const oldLines = previous instanceof ParsedFile && previous.lines.computed ? previous.lines.lineStarts() : undefined;
  const full = (): HclFile => {
    const flat = text.toString();
    const file = parseText(flat);
    if (!oldLines || !(file instanceof ParsedFile)) return file;
    const lines = spliceLineStarts(oldLines, flat, 0, start, end, change.text.length);
    if (lines === oldLines) (previous as ParsedFile).lines.forget();
    return new ParsedFile(file.source, file.body, file.diagnostics, file.comments, lines, file.incrementalUnsafe);
  };
  if (!(previous instanceof ParsedFile) || previous.incrementalUnsafe) return full();
  const items = previous.body.items;
  const n = items.length;
  // Top-level attributes are checked for redefinition across the whole body, so a local re-parse could
  // miss a duplicate outside the region (they are rare in .tf files: fall back).
  if (n === 0 || hasAttribute(items)) return full();

  // The touched items plus one neighbour each side (an edit can join or split lines at a boundary).
  const firstTouching = firstIndex(items, (item) => item.end >= start);
  const lastTouching = firstIndex(items, (item) => item.start > end) - 1;
  const i0 = Math.max(0, firstTouching - 1);
  const i1 = Math.min(n - 1, Math.max(lastTouching, i0) + 1);
  const regionStart = i0 === 0 ? 0 : items[i0].start;
  const oldRegionEnd = i1 + 1 < n ? items[i1 + 1].start : old.length;
  if (start < regionStart || end > oldRegionEnd) return full();
  const newRegionEnd = oldRegionEnd + delta;

  const regionText = old.slice(regionStart, start) + change.text + old.slice(end, oldRegionEnd);
  const region = parseRegion(regionText, 0, regionText.length);
  if ((region.touchedEnd && newRegionEnd < text.length) || region.itemStartsInTemplate || hasAttribute(region.body.items)) return full();

  // Everything checked: from here on the previous version gives up its later nodes.
  for (const item of region.body.items) shiftItemInPlace(item, regionStart);
  for (const s of region.diagnostics) shiftSpan(s, regionStart);
  for (const s of region.comments) shiftSpan(s, regionStart);
  const bodyItems: BodyItem[] = items.slice(0, i0);
  for (const item of region.body.items) bodyItems.push(item);
  for (let i = i1 + 1; i < n; i++) {
    if (delta !== 0) shiftItemInPlace(items[i], delta);
    bodyItems.push(items[i]);
  }
  // Zero-width diagnostics at the very end of the text belong to the region that reaches it.
  const replacedTo = oldRegionEnd === old.length ? Infinity : oldRegionEnd;
  const diagnostics = spliceSpans(previous.diagnostics, region.diagnostics, regionStart, replacedTo, delta);
  const comments = spliceSpans(previous.comments, region.comments, regionStart, replacedTo, delta);
  // The line table rescans only the changed stretch, read from the region text (plus one following
  // character, so a CR at the region's end can see its LF).
  let lines: Int32Array | undefined;
  if (oldLines) {
    const scanText = oldRegionEnd < old.length ? regionText + old.charAt(oldRegionEnd) : regionText;
    lines = spliceLineStarts(oldLines, scanText, regionStart, start, end, change.text.length);
    if (lines === oldLines) previous.lines.forget();
  }
  previous.supersede();
  return new ParsedFile(text, { kind: 'Body', start: 0, end: text.length, items: bodyItems }, diagnostics, comments, lines, false);
}

function shiftSpan(s: Span, d: number): void {
  s.start += d;
  s.end += d;
}

/**
 * A complete top-level attribute (`name = value`) takes part in the body-wide "Attribute redefined" check.
 * A bare name (a half-typed word on a blank line between blocks, the common case) does not, so it leaves
 * the re-parse local.
 */
function hasAttribute(items: readonly BodyItem[]): boolean {
  for (const item of items) if (item.kind === 'Attribute' && item.equals >= 0) return true;
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

/**
 * Old spans before the region, the region's new spans, then old spans after the region moved in place
 * (the previous version is superseded and rebuilds its own spans if used again).
 */
function spliceSpans<S extends Span>(old: readonly S[], region: S[], from: number, to: number, delta: number): S[] {
  const out: S[] = [];
  let i = 0;
  for (; i < old.length && old[i].start < from; i++) out.push(old[i]);
  while (i < old.length && old[i].start < to) i++;
  for (const s of region) out.push(s);
  for (; i < old.length; i++) {
    const s = old[i];
    s.start += delta;
    s.end += delta;
    out.push(s);
  }
  return out;
}
