// The model reads files that are not open in the editor through this host, so that tests and the CLI can
// supply their own and the model stays free of I/O policy.
//
// Symbolic links: Terraform reads every `.tf` entry of a module folder, following a link wherever it points,
// so a link to a regular file is a module file here too. A FIFO, socket or device is never opened (opening a
// FIFO blocks until a writer comes; a device may have side effects): its type is checked before the open, and
// again on the opened descriptor in case the entry was swapped in between.
import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, readSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { TextDecoder } from 'node:util';
import { isAscii } from 'node:buffer';

export interface FileSystemHost {
  /** Names (not paths) of the regular files directly inside `dir`, links to them included; [] when it cannot be read. */
  listFiles(dir: string): string[];
  /** The file's text, or undefined when it cannot be read. */
  readFile(path: string): string | undefined;
  /**
   * Optionally, a large file's text in pieces (see `readPieces`): true once every piece, the final one last,
   * went to `consume`; false when the file is better read whole with `readFile`.
   */
  readPieces?(path: string, consume: (text: string, final: boolean) => number): boolean;
}

/** Files larger than this are not read from disk for module indexing (a generated 15 MB file would stall). */
export const MAX_INDEXED_FILE_BYTES = 20 * 1024 * 1024;

export type ReadResult = { text: string } | { problem: string };

/** What a non-regular entry is, in words for a message. */
export function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

/** Why a path could not be read, from a Node error: short words a user acts on, with the code. */
export function describeError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${code})`;
    case 'ENOENT':
      return 'no such file or folder (ENOENT; a symbolic link may point nowhere)';
    case 'ELOOP':
      return 'symbolic links point at each other in a loop (ELOOP)';
    case 'EISDIR':
      return 'a folder, not a file (EISDIR)';
    default:
      return code ? `${(e as Error).message.split(',')[0]} (${code})` : String((e as Error)?.message ?? e);
  }
}

function sizeProblem(size: number): string {
  return `larger than the ${MAX_INDEXED_FILE_BYTES / (1024 * 1024)} MB limit (${(size / (1024 * 1024)).toFixed(1)} MB)`;
}

/**
 * Reads a regular file (following links) as UTF-8, or says why not. Never opens anything else, and never
 * blocks on a FIFO swapped in after the check: the open is non-blocking and the descriptor is checked again.
 */
export function readTextFile(path: string): ReadResult {
  let fd: number | undefined;
  try {
    const before = statSync(path);
    if (!before.isFile()) return { problem: `not a regular file: ${kindOf(before)}` };
    if (before.size > MAX_INDEXED_FILE_BYTES) return { problem: sizeProblem(before.size) };
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const opened = fstatSync(fd);
    if (!opened.isFile()) return { problem: `not a regular file: ${kindOf(opened)}` };
    if (opened.size > MAX_INDEXED_FILE_BYTES) return { problem: sizeProblem(opened.size) };
    return { text: decodeUtf8(readFileSync(fd)) };
  } catch (e) {
    return { problem: describeError(e) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Bytes per piece of a large file read in pieces (and the size below which a file is read whole). */
export const PIECE_BYTES = 1536 * 1024;

/**
 * Reads a large ASCII file (the usual generated one) in pieces through one buffer: each piece's text goes to
 * `consume` with whether it reaches the end, and `consume` answers how many leading characters it is done
 * with; the rest comes again at the front of the next piece. The whole file's bytes and its whole text are
 * then never in memory side by side (for 15 MB: ~12 MB less at the peak, and ~50 ms less here, most of it
 * the first touch of fresh pages). False when the file is small, not ASCII (a BOM included: it is decoded
 * whole) or cannot be read, possibly after some pieces: the caller reads it whole and learns why.
 * The same checks as `readTextFile` come first: only a regular file is opened, never blocking.
 */
export function readPieces(path: string, consume: (text: string, final: boolean) => number): boolean {
  let fd: number | undefined;
  try {
    const before = statSync(path);
    if (!before.isFile() || before.size <= PIECE_BYTES || before.size > MAX_INDEXED_FILE_BYTES) return false;
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const opened = fstatSync(fd);
    if (!opened.isFile() || opened.size > MAX_INDEXED_FILE_BYTES) return false;
    let buffer = Buffer.allocUnsafeSlow(PIECE_BYTES);
    /** Bytes handed back by `consume`, at the front of the buffer. */
    let kept = 0;
    let offset = 0;
    for (;;) {
      // One block longer than a piece (rare) makes the piece grow until the block fits.
      if (buffer.length - kept < PIECE_BYTES / 2) {
        const bigger = Buffer.allocUnsafeSlow(buffer.length * 2);
        buffer.copy(bigger, 0, 0, kept);
        buffer = bigger;
      }
      const read = readSync(fd, buffer, kept, buffer.length - kept, offset);
      offset += read;
      const final = read === 0 || offset >= opened.size;
      if (!isAscii(buffer.subarray(kept, kept + read))) return false;
      const length = kept + read;
      const done = consume(buffer.toString('latin1', 0, length), final);
      if (final) return true;
      buffer.copyWithin(0, done, length);
      kept = length - done;
    }
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Whether a directory entry is a regular file or a link that ends at one. */
function isFileOrLinkToFile(dir: string, entry: { name: string; isFile(): boolean; isSymbolicLink(): boolean }): boolean {
  if (entry.isFile()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return statSync(join(dir, entry.name)).isFile();
  } catch {
    return false; // a dangling or looping link: nothing Terraform could read either
  }
}

export const nodeFileSystem: FileSystemHost = {
  listFiles(dir) {
    try {
      return readdirSync(dir, { withFileTypes: true })
        .filter((e) => isFileOrLinkToFile(dir, e))
        .map((e) => e.name);
    } catch {
      return [];
    }
  },
  readFile(path) {
    const result = readTextFile(path);
    return 'text' in result ? result.text : undefined;
  },
  readPieces,
};

/**
 * UTF-8 bytes as text, a BOM kept (the parser skips it), malformed bytes as U+FFFD (as `Buffer#toString`).
 * Pure ASCII, the usual case, is the same text read as latin1: a large file then becomes a string outside the
 * JS heap (less for the collector to copy and mark; ~8 MB less peak memory for a 15 MB file than a heap
 * string). Anything else goes through the WHATWG decoder: `Buffer#toString('utf8')` leaves its fast path at
 * the first non-ASCII byte, so a BOM sent a whole 15 MB file down the slow one (~110 ms here against ~58 ms).
 */
export function decodeUtf8(bytes: Uint8Array): string {
  if (isAscii(bytes)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  decoder ??= new TextDecoder('utf-8', { ignoreBOM: true });
  return decoder.decode(bytes);
}

let decoder: TextDecoder | undefined;

export function isTerraformFileName(name: string): boolean {
  return name.endsWith('.tf') || name.endsWith('.tf.json');
}

export function joinPath(dir: string, name: string): string {
  return join(dir, name);
}
