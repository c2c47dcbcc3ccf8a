// A small direct-mapped cache of short strings read from the text (names, common string values).
//
// Why: a parsed tree survives, and every substring taken for it is a young object the garbage collector
// must copy (object nodes get pretenured by V8, strings do not). Names and values repeat constantly
// (`client_name`, `var`, `"hours"`), so returning the cached copy makes the tree share one string per
// distinct text and skips the allocation entirely on a hit. Purely an optimisation: the result always
// equals `text.slice(start, end)`.
const SIZE = 8192;
const MAX_LENGTH = 40;
const cache: (string | undefined)[] = new Array(SIZE).fill(undefined);

export function internSlice(text: string, start: number, end: number): string {
  const len = end - start;
  if (len > MAX_LENGTH || len <= 0) return text.slice(start, end);
  let h = len;
  for (let i = start; i < end; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  const slot = (h ^ (h >>> 13)) & (SIZE - 1);
  const hit = cache[slot];
  if (hit !== undefined && hit.length === len) {
    let i = 0;
    while (i < len && hit.charCodeAt(i) === text.charCodeAt(start + i)) i++;
    if (i === len) return hit;
  }
  const s = text.slice(start, end);
  cache[slot] = s;
  return s;
}
