// The text of one document version, kept as a list of chunks so that an edit costs O(chunk) instead of
// O(document).
//
// A plain string cannot do that in V8: `old.slice(0, a) + inserted + old.slice(b)` is a cheap rope, but the
// first read of the rope flattens it, copying the whole document (~1.3 ms per 1.4 MB here, ~10 ms for a
// 10,000-block file), on every keystroke. Here an edit rebuilds only the chunk(s) it touches; reading a
// span reads one or two chunks. The whole text as one string is built only when someone asks for it
// (`toString()`: formatting, full re-parses), once per version.
import type { TextSource } from './ast';

/** Chunks are cut to about this many UTF-16 code units; an edited chunk is split again above twice this. */
const CHUNK = 16 * 1024;

export class DocumentText implements TextSource {
  private flat: string | undefined;

  private constructor(
    private readonly chunks: readonly string[],
    /** `ends[i]` is the offset just past chunk i. */
    private readonly ends: Int32Array,
    readonly length: number,
    flat?: string,
  ) {
    this.flat = flat;
  }

  static of(text: string): DocumentText {
    const chunks: string[] = [];
    for (let i = 0; i < text.length; i += CHUNK) chunks.push(text.slice(i, i + CHUNK));
    return new DocumentText(chunks, endsOf(chunks), text.length, text);
  }

  /**
   * A text read in pieces (a large file that is not open): the pieces stay as they are, the whole text is
   * joined only if someone asks for it.
   */
  static fromChunks(chunks: readonly string[]): DocumentText {
    const kept = chunks.filter((c) => c.length > 0);
    const ends = endsOf(kept);
    return new DocumentText(kept, ends, ends.length === 0 ? 0 : ends[ends.length - 1]);
  }

  /** True once the whole text exists as one string (the input of a full parse, or after `toString()`). */
  get joined(): boolean {
    return this.flat !== undefined;
  }

  /** The whole text as one string (built once per version, O(length) the first time). */
  toString(): string {
    this.flat ??= this.chunks.join('');
    return this.flat;
  }

  slice(start: number, end: number = this.length): string {
    if (start < 0) start = 0;
    if (end > this.length) end = this.length;
    if (end <= start) return '';
    if (this.flat !== undefined) return this.flat.slice(start, end);
    let c = this.chunkAt(start);
    let from = start - this.startOf(c);
    let out = '';
    for (let at = start; at < end; c++, from = 0) {
      const chunk = this.chunks[c];
      const take = Math.min(chunk.length - from, end - at);
      out += take === chunk.length ? chunk : chunk.slice(from, from + take);
      at += take;
    }
    return out;
  }

  charCodeAt(offset: number): number {
    if (!(offset >= 0 && offset < this.length)) return NaN;
    if (this.flat !== undefined) return this.flat.charCodeAt(offset);
    const c = this.chunkAt(offset);
    return this.chunks[c].charCodeAt(offset - this.startOf(c));
  }

  charAt(offset: number): string {
    const code = this.charCodeAt(offset);
    return Number.isNaN(code) ? '' : String.fromCharCode(code);
  }

  startsWith(search: string, at: number): boolean {
    return this.slice(at, at + search.length) === search;
  }

  /** Visits the chunks in order with the offset each starts at (for whole-text scans without joining). */
  forEachChunk(visit: (chunk: string, offset: number) => void): void {
    if (this.flat !== undefined) return visit(this.flat, 0);
    for (let c = 0; c < this.chunks.length; c++) visit(this.chunks[c], this.startOf(c));
  }

  /** The text after replacing `[start, end)` with `inserted`. This version stays as it was. */
  edit(start: number, end: number, inserted: string): DocumentText {
    const length = this.length - (end - start) + inserted.length;
    if (this.chunks.length === 0) return DocumentText.of(inserted);
    const c0 = this.chunkAt(Math.min(start, this.length - 1));
    const c1 = end > start ? this.chunkAt(Math.min(end - 1, this.length - 1)) : c0;
    const s0 = this.startOf(c0);
    const s1 = this.startOf(c1);
    let middle = this.chunks[c0].slice(0, start - s0) + inserted + this.chunks[c1].slice(end - s1);
    let after = c1 + 1;
    // Deleting text leaves small chunks behind: fold a small one into its successor.
    if (middle.length < CHUNK / 4 && after < this.chunks.length && middle.length + this.chunks[after].length <= 2 * CHUNK) {
      middle += this.chunks[after];
      after++;
    }
    const chunks: string[] = this.chunks.slice(0, c0);
    if (middle.length > 2 * CHUNK) {
      for (let i = 0; i < middle.length; i += CHUNK) chunks.push(middle.slice(i, i + CHUNK));
    } else if (middle.length > 0) chunks.push(middle);
    const kept = chunks.length;
    for (let i = after; i < this.chunks.length; i++) chunks.push(this.chunks[i]);
    const ends = new Int32Array(chunks.length);
    ends.set(this.ends.subarray(0, c0), 0);
    let at = c0 === 0 ? 0 : this.ends[c0 - 1];
    for (let i = c0; i < kept; i++) ends[i] = at += chunks[i].length;
    const delta = length - this.length;
    for (let i = kept, j = after; i < chunks.length; i++, j++) ends[i] = this.ends[j] + delta;
    return new DocumentText(chunks, ends, length);
  }

  private startOf(c: number): number {
    return c === 0 ? 0 : this.ends[c - 1];
  }

  /** Index of the chunk holding `offset` (0 <= offset < length). */
  private chunkAt(offset: number): number {
    const ends = this.ends;
    let lo = 0;
    let hi = ends.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid] > offset) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

function endsOf(chunks: readonly string[]): Int32Array {
  const ends = new Int32Array(chunks.length);
  let at = 0;
  for (let i = 0; i < chunks.length; i++) ends[i] = at += chunks[i].length;
  return ends;
}
