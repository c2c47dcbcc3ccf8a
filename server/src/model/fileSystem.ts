// The model reads files that are not open in the editor through this host, so that tests and the CLI can
// supply their own and the model stays free of I/O policy.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface FileSystemHost {
  /** Names (not paths) of the regular files directly inside `dir`; [] when it cannot be read. */
  listFiles(dir: string): string[];
  /** The file's text, or undefined when it cannot be read. */
  readFile(path: string): string | undefined;
}

/** Files larger than this are not read from disk for module indexing (a generated 15 MB file would stall). */
export const MAX_INDEXED_FILE_BYTES = 20 * 1024 * 1024;

export const nodeFileSystem: FileSystemHost = {
  listFiles(dir) {
    try {
      return readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => e.name);
    } catch {
      return [];
    }
  },
  readFile(path) {
    try {
      if (statSync(path).size > MAX_INDEXED_FILE_BYTES) return undefined;
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
};

export function isTerraformFileName(name: string): boolean {
  return name.endsWith('.tf') || name.endsWith('.tf.json');
}

export function joinPath(dir: string, name: string): string {
  return join(dir, name);
}
