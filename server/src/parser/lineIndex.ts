// Offset <-> LSP position conversion over a table of line-start offsets (binary search).
// JS strings are UTF-16 already, so a character index is just `offset - lineStart`.
import type { LineIndex, Position } from './ast';
import { DocumentText } from './documentText';

/** Offsets where each line starts; LF, CRLF and lone CR all end a line. */
export function scanLineStarts(text: string): number[] {
  const out = [0];
  if (text.indexOf('\r') === -1) {
    // Fast path: the native search is several times faster than a charCodeAt loop.
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) out.push(i + 1);
    return out;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) out.push(i + 1);
    else if (c === 0x0d) {
      if (i + 1 < text.length && text.charCodeAt(i + 1) === 0x0a) i++;
      out.push(i + 1);
    }
  }
  return out;
}

/** Line starts of a chunked text, chunk by chunk (a CR ending one chunk may pair with an LF opening the next). */
function scanChunkedLineStarts(text: DocumentText): number[] {
  const out = [0];
  text.forEachChunk((chunk, base) => {
    // The LF of a CRLF split across chunks: the CR already ended the line.
    const skipFirstLf = base > 0 && text.charCodeAt(base - 1) === 0x0d;
    if (chunk.indexOf('\r') === -1) {
      for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) if (i > 0 || !skipFirstLf) out.push(base + i + 1);
      return;
    }
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 0x0a) {
        if (i > 0 || !skipFirstLf) out.push(base + i + 1);
      } else if (c === 0x0d) {
        if (i + 1 < chunk.length) {
          if (chunk.charCodeAt(i + 1) === 0x0a) i++;
          out.push(base + i + 1);
        } else {
          // A CR closing the chunk: the line starts after the LF that may open the next chunk.
          out.push(base + i + (text.charCodeAt(base + i + 1) === 0x0a ? 2 : 1));
        }
      }
    }
  });
  return out;
}

/**
 * The line starts of a text without any CR (nearly every file), counted first and then written into a table
 * of their exact size; undefined when a CR is present. Collecting them in a growing array and copying that
 * into the table touched ~16 MB of fresh memory at 10,000 blocks (400,000 lines), and fresh memory is slow
 * to fault in: 60 ms against 15 ms for the two native searches.
 */
function lineFeedOnlyStarts(source: string | DocumentText): Int32Array | undefined {
  const eachChunk = typeof source === 'string' ? (visit: (chunk: string, base: number) => void) => visit(source, 0) : source.forEachChunk.bind(source);
  let count = 0;
  let sawCr = false;
  eachChunk((chunk) => {
    if (sawCr || chunk.indexOf('\r') !== -1) {
      sawCr = true;
      return;
    }
    for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) count++;
  });
  if (sawCr) return undefined;
  const starts = new Int32Array(count + 1);
  let k = 1;
  eachChunk((chunk, base) => {
    for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) starts[k++] = base + i + 1;
  });
  return starts;
}

export class TextLineIndex implements LineIndex {
  private starts: Int32Array | undefined;

  /** `starts` may be supplied (already computed, e.g. spliced by an incremental re-parse). */
  constructor(
    private readonly source: string | DocumentText,
    starts?: Int32Array,
  ) {
    this.starts = starts;
  }

  /** The line-start table, computed on first use. */
  lineStarts(): Int32Array {
    if (!this.starts) {
      const source = this.source;
      this.starts =
        lineFeedOnlyStarts(source) ?? Int32Array.from(typeof source === 'string' ? scanLineStarts(source) : scanChunkedLineStarts(source));
    }
    return this.starts;
  }

  /** Drops the table (a re-parse took it over for the next version); it is rescanned if needed again. */
  forget(): void {
    this.starts = undefined;
  }

  /** True once the table exists (an incremental re-parse can then splice it instead of rescanning). */
  get computed(): boolean {
    return this.starts !== undefined;
  }

  get lineCount(): number {
    return this.lineStarts().length;
  }

  positionAt(offset: number): Position {
    const starts = this.lineStarts();
    const len = this.source.length;
    if (!(offset > 0)) offset = 0; // also maps NaN to 0
    if (offset > len) offset = len;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    // An offset between CR and LF of a CRLF belongs to the line the CRLF ends.
    return { line: lo, character: offset - starts[lo] };
  }

  offsetAt(position: Position): number {
    const starts = this.lineStarts();
    if (position.line < 0) return 0;
    if (position.line >= starts.length) return this.source.length;
    const lineStart = starts[position.line];
    const lineEnd = position.line + 1 < starts.length ? this.contentEnd(starts[position.line + 1], lineStart) : this.source.length;
    const ch = Math.max(0, position.character);
    return Math.min(lineStart + ch, lineEnd);
  }

  /** End of a line's content: the next line's start minus its line break. */
  private contentEnd(nextStart: number, lineStart: number): number {
    let e = nextStart;
    if (e > lineStart && this.source.charCodeAt(e - 1) === 0x0a) e--;
    if (e > lineStart && this.source.charCodeAt(e - 1) === 0x0d) e--;
    return e;
  }
}

/**
 * The line table after replacing `old[start, end)` with `insertedLength` characters: keeps the old entries
 * before the change, rescans only the changed stretch (plus one character each side for CRLF pairs) and
 * shifts the rest. `scanText` holds the new text from offset `scanBase` on (the whole new text with base
 * 0, or just a region of it); it must cover the changed stretch and one character past it when present.
 *
 * When the edit keeps the number of lines (typing within a line, the common case) the old table is updated
 * in place and returned: a 10,000-block file has ~400,000 lines, and a fresh 1.6 MB table per keystroke
 * makes the GC run for external memory pressure. The caller must then drop the old table (`forget`).
 */
export function spliceLineStarts(old: Int32Array, scanText: string, scanBase: number, start: number, end: number, insertedLength: number): Int32Array {
  const delta = insertedLength - (end - start);
  const scanFrom = Math.max(0, start - 1);
  // Old entries <= scanFrom are unaffected (a CR at start - 1 may pair with an inserted LF: rescanned).
  const keep = upperBound(old, scanFrom, 0);
  // Old entries > end + 1 lie safely past any CRLF joining at the boundary: shifted.
  const firstAfter = upperBound(old, end + 1, keep);
  const scanTo = Math.min(scanBase + scanText.length, end + 1 + delta);
  const middle: number[] = [];
  for (let i = scanFrom; i < scanTo; i++) {
    const c = scanText.charCodeAt(i - scanBase);
    if (c === 0x0a) middle.push(i + 1);
    else if (c === 0x0d) {
      if (scanText.charCodeAt(i + 1 - scanBase) === 0x0a) i++;
      if (i + 1 <= scanTo) middle.push(i + 1);
    }
  }
  const inPlace = middle.length === firstAfter - keep;
  const out = inPlace ? old : new Int32Array(keep + middle.length + (old.length - firstAfter));
  if (!inPlace) out.set(old.subarray(0, keep), 0);
  for (let i = 0; i < middle.length; i++) out[keep + i] = middle[i];
  if (delta !== 0 || !inPlace) {
    let k = keep + middle.length;
    for (let i = firstAfter; i < old.length; i++) out[k++] = old[i] + delta;
  }
  return out;
}

/** First index >= from whose value is > v (values sorted ascending). */
function upperBound(values: Int32Array, v: number, from: number): number {
  let lo = from;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
