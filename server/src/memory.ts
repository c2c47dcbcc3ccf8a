// Giving memory back after opening a very large document. Its first parse leaves tens of megabytes behind at
// once: the message that carried the text, the token arrays (~2 bytes per character, mostly outside the JS
// heap) and the parse's scratch objects. V8 collects them only when its heap grows again, so they are still
// resident when the first diagnostics run and its publication add their own peak. One full collection right
// after such a parse returns them first.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Texts at least this long (in UTF-16 units) are "very large": ~2,800 generated blocks. */
export const LARGE_TEXT = 4_000_000;

let collect: (() => void) | undefined | null;

/** A full garbage collection, when the runtime lets us ask for one (else nothing). */
export function collectGarbage(): void {
  if (collect === undefined) {
    try {
      // The flag only adds a `gc` function to contexts created afterwards. It is turned off again at once:
      // V8 checks the flags a code cache was made with, and the server writes its caches when it exits
      // (serverLoader.ts), so a flag left on would make the next start's caches be rejected.
      setFlagsFromString('--expose-gc');
      try {
        collect = runInNewContext('gc') as () => void;
      } finally {
        setFlagsFromString('--no-expose-gc');
      }
    } catch {
      collect = null;
    }
  }
  collect?.();
}
