// The entry editors start (`node dist/server.js --stdio`, or over IPC from the VS Code client). It runs the
// server's two bundles with V8's code cache: dist/serverMain.js (the connection and `initialize`) at once,
// dist/serverCore.js (the language service) when serverMain.js requires it, right after `initialize` is
// answered (server.ts). Compiling a bundle, and then each function the first diagnostics run calls, is a
// good part of a cold start; a cache holds the bytecode of everything compiled by the time it was written,
// and later processes start from it. serverMain.js's is written when the core loads (see runCore);
// serverCore.js's once the core has checked a document (CORE_WARM_EVENT), so that it holds the rules' code:
// a process that only answered `initialize` and exited used to leave a cache of the core's top level alone,
// and every later start then compiled the rules afresh (~12 ms more on a 10-block didOpen). Node 22's
// module.enableCompileCache() does this for every module; the editors' Node may be 20.
//
// The cache lives in a folder of the user's own (AWSCC_COGNITO_CACHE_DIR, else $XDG_CACHE_HOME or
// ~/.cache, then awscc-cognito), keyed by the bundle's content hash (computed by scripts/build.mjs, so no
// node:crypto at start-up), Node's version and the architecture; V8 also rejects data made by another
// version or with other flags. AWSCC_COGNITO_CODE_CACHE=off turns it off. Anything going wrong here only
// costs the cache: the bundle then runs as a plain require().
import { isAscii } from 'node:buffer';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { CORE_WARM_EVENT } from './codeCacheEvents';
import { setV8Flags } from './features/v8Flags';

declare const __BUNDLE_HASHES__: Record<string, string> | undefined;
/** serverMain.js and serverCore.js by file name, each with the hash of its content at build time. */
const hashes = typeof __BUNDLE_HASHES__ !== 'undefined' ? __BUNDLE_HASHES__ : {};

function cacheDir(): string {
  const env = process.env;
  return env.AWSCC_COGNITO_CACHE_DIR || join(env.XDG_CACHE_HOME || join(home(), '.cache'), 'awscc-cognito');
}

/** $HOME where it is set (node:os is ~0.5 ms to load before `initialize`), else what the OS says. */
function home(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return process.env.HOME || (require('node:os') as typeof import('node:os')).homedir();
}

type ModuleFunction = (exports: object, require: NodeJS.Require, module: { exports: object }, filename: string, dirname: string) => void;

/** Writers of serverMain.js's cache while it is not written yet, by bundle name. */
const unwritten = new Map<string, () => void>();

/** Compiles a bundle with its cached code, arranging for the cache to be written when there was none. */
function compileCached(bundle: string, hash: string): ModuleFunction {
  const { source, bytes } = wrappedSource(bundle);
  const name = bundle.slice(bundle.lastIndexOf('/') + 1).replace(/\.js$/, '');
  const cacheFile = join(cacheDir(), `${name}-${hash}-${process.version}-${process.arch}.v8cache`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readReusing(cacheFile, bytes);
  } catch {
    // no cache yet
  }
  const script = new Script(source, { filename: bundle, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) {
    let written = false;
    const write = () => {
      if (written) return;
      written = true;
      unwritten.delete(name);
      try {
        mkdirSync(dirname(cacheFile), { recursive: true, mode: 0o700 });
        const temporary = `${cacheFile}.${process.pid}`;
        writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
        renameSync(temporary, cacheFile);
        pruneStale(dirname(cacheFile), cacheFile);
      } catch {
        // a read-only or missing home: no cache, the next start compiles again
      }
    };
    if (name === 'serverCore') {
      // Written a little after the first check (out of the way of the messages that follow it), or when the
      // process exits after one; a process that checked nothing writes nothing and leaves it to the next.
      let warm = false;
      process.once(CORE_WARM_EVENT, () => {
        warm = true;
        setTimeout(write, 2_000).unref();
      });
      process.once('exit', () => warm && write());
    } else {
      unwritten.set(name, write);
      process.once('exit', write);
      setTimeout(write, 60_000).unref();
    }
  } else {
    // In use: not stale, whatever another build's server decides (see pruneStale).
    process.once('exit', () => {
      try {
        const now = new Date();
        utimesSync(cacheFile, now, now);
      } catch {
        // removed meanwhile: the next start writes it again
      }
    });
  }
  return script.runInThisContext() as ModuleFunction;
}

const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname) {';
const WRAPPER_TAIL = '\n})';

/**
 * The bundle's text inside a CommonJS-style function, read into one buffer that already holds the wrapper
 * and decoded once. Joining the wrapper to the text as strings made V8 copy the whole text again into a flat
 * string before compiling it (~0.5 MB per bundle, into fresh memory).
 */
function wrappedSource(bundle: string): { source: string; bytes: Buffer } {
  const fd = openSync(bundle, 'r');
  try {
    const size = fstatSync(fd).size;
    const bytes = Buffer.allocUnsafe(WRAPPER_HEAD.length + size + WRAPPER_TAIL.length);
    bytes.write(WRAPPER_HEAD, 0, 'latin1');
    const end = WRAPPER_HEAD.length + readFully(fd, bytes.subarray(WRAPPER_HEAD.length, WRAPPER_HEAD.length + size));
    bytes.write(WRAPPER_TAIL, end, 'latin1');
    const whole = bytes.subarray(0, end + WRAPPER_TAIL.length);
    // esbuild writes ASCII (it escapes the rest), which decodes faster as Latin-1; anything else as UTF-8
    // (as does a Node older than 18.15, which has no isAscii).
    return { source: whole.toString(typeof isAscii === 'function' && isAscii(whole) ? 'latin1' : 'utf8'), bytes };
  } finally {
    closeSync(fd);
  }
}

/**
 * A file's bytes, read into `room` when they fit. The bundle's bytes are done with once decoded, and their
 * memory is already the process's; a buffer of its own for the cache (~0.4 MB) would be fresh memory, which
 * is slow to touch the first time on some machines (~13 µs a page on this project's VM).
 */
function readReusing(file: string, room: Buffer): Buffer {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const into = size <= room.length ? room.subarray(0, size) : Buffer.allocUnsafe(size);
    return into.subarray(0, readFully(fd, into));
  } finally {
    closeSync(fd);
  }
}

/** Reads from the start of `fd` until `into` is full or the file ends; the number of bytes read. */
function readFully(fd: number, into: Buffer): number {
  let read = 0;
  while (read < into.length) {
    const n = readSync(fd, into, read, into.length - read, read);
    if (n === 0) break;
    read += n;
  }
  return read;
}

/** Caches not written for a week: other builds' (each update of the extension leaves ~1.5 MB behind). */
const STALE_MS = 7 * 24 * 3600 * 1000;

/**
 * Removes our cache files that no start has written for a week, other than `keep`. Only when a cache is
 * written, so at most once per new build. A server that used its cache marks it as used when it exits, so
 * two versions in use side by side keep theirs.
 */
function pruneStale(dir: string, keep: string): void {
  const now = Date.now();
  for (const name of readdirSync(dir)) {
    if (!/^server(Main|Core)?-[\w.-]+\.v8cache$/.test(name)) continue;
    const path = join(dir, name);
    if (path === keep) continue;
    try {
      if (now - statSync(path).mtimeMs > STALE_MS) rmSync(path, { force: true });
    } catch {
      // gone already, or not ours to remove
    }
  }
}

const loaded = new Map<string, object>();

/**
 * Runs a bundle of this folder from its cache, with a require() that does the same for the other bundles it
 * asks for by relative path. Undefined when the cache cannot serve it (no build-time hash, as in an unbundled
 * run, or the cache machinery failed): the caller then requires it plainly. Errors of the bundle's own code
 * are not the cache's: they propagate, and the bundle does not run twice.
 */
function runCached(file: string): object | undefined {
  const done = loaded.get(file);
  if (done) return done;
  const hash = hashes[file];
  if (hash === undefined) return undefined;
  const bundle = join(__dirname, file);
  let run: ModuleFunction;
  try {
    run = compileCached(bundle, hash);
  } catch {
    return undefined;
  }
  // The bundles sit next to this file, so its own require() resolves for them as theirs would (and
  // node:module, for createRequire, is ~0.5 ms to load before `initialize`).
  const plain = require;
  const bundleRequire = Object.assign((id: string) => (id.startsWith('./') && runCore(id.slice(2))) || plain(id), plain);
  const module = { exports: {} };
  loaded.set(file, module.exports);
  try {
    run(module.exports, bundleRequire, module, bundle, dirname(bundle));
  } catch (e) {
    // As require() does: a bundle that failed is loaded afresh by the next require, not half-run.
    loaded.delete(file);
    throw e;
  }
  loaded.set(file, module.exports);
  return module.exports;
}

/**
 * V8 checks a cache against the flags in force when it was made, and the core runs under flags of its own
 * (features/v8Flags.ts). So serverMain.js's cache is written before the flags change, from what was compiled by
 * then (what `initialize` needed), and the flags are set before serverCore.js is compiled, so that its
 * cache, written later, is made and checked under them. node:v8 is loaded here rather than at start-up: it
 * costs ~3 ms that `initialize` need not wait for.
 */
function runCore(file: string): object | undefined {
  if (hashes[file] === undefined) return undefined;
  for (const write of [...unwritten.values()]) write();
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    setV8Flags((require('node:v8') as typeof import('node:v8')).setFlagsFromString);
  } catch {
    // node:v8 unavailable: serverCore.ts tries again, and only speed and memory are at stake
  }
  return runCached(file);
}

const cacheOn = process.env.AWSCC_COGNITO_CODE_CACHE !== 'off';
// eslint-disable-next-line @typescript-eslint/no-require-imports
if (!(cacheOn && runCached('serverMain.js'))) require(join(__dirname, 'serverMain.js'));
