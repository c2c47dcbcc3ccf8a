// The entry editors start (`node dist/server.js --stdio`, or over IPC from the VS Code client). It runs the
// server bundle (dist/serverMain.js) with V8's code cache: compiling the ~0.8 MB bundle, and then each
// function the first diagnostics run calls, is a good part of a cold start (`node --cpu-prof`: ~20 ms of
// script compilation before `initialize`, more lazily during the first run). The first process writes the
// cache (the bytecode of everything compiled by then) when it exits or after a minute; later ones start
// from it. Node 22's module.enableCompileCache() does this for every module; the editors' Node may be 20.
//
// The cache lives in a folder of the user's own (AWSCC_COGNITO_CACHE_DIR, else $XDG_CACHE_HOME or
// ~/.cache, then awscc-cognito), keyed by the bundle's hash, Node's version and the architecture; V8 also
// rejects data made by another version or with other flags. AWSCC_COGNITO_CODE_CACHE=off turns it off.
// Anything going wrong here only costs the cache: the bundle then runs as a plain require().
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

const bundle = join(__dirname, 'serverMain.js');

function cacheDir(): string {
  const env = process.env;
  return env.AWSCC_COGNITO_CACHE_DIR || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'awscc-cognito');
}

function runCached(): void {
  // Bytes, then text: readFileSync(path, 'utf8') is slower here (~11 ms against ~7 ms for the bundle).
  const bytes = readFileSync(bundle);
  const source = bytes.toString('utf8');
  const key = createHash('sha256').update(bytes).update(process.version).update(process.arch).digest('hex').slice(0, 24);
  const cacheFile = join(cacheDir(), `server-${key}.v8cache`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // no cache yet
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) {
    let written = false;
    const write = () => {
      if (written) return;
      written = true;
      try {
        mkdirSync(dirname(cacheFile), { recursive: true, mode: 0o700 });
        const temporary = `${cacheFile}.${process.pid}`;
        writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
        renameSync(temporary, cacheFile);
      } catch {
        // a read-only or missing home: no cache, the next start compiles again
      }
    };
    process.once('exit', write);
    setTimeout(write, 60_000).unref();
  }
  const module = { exports: {} };
  const run = script.runInThisContext();
  started = true;
  run(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
}

// V8 moves objects from allocation sites whose objects tended to survive straight into the old generation.
// A first diagnostics run builds and drops a body's objects per block, and after a few blocks V8 tenures
// them all: at 10,000 blocks ~120 MB of dead bodies then wait in the old generation for a full collection.
// Measured from outside on a 10,000-block file: peak RSS 331 -> 258 MB and 4.0 -> 3.3 s CPU for the first
// publication; no change at 1,000 blocks or on keystrokes.
try {
  setFlagsFromString('--no-allocation-site-pretenuring');
} catch {
  // a runtime without the flag: only memory is at stake
}

/** Set once the server's code runs: its own errors are not the cache's, and it must not run twice. */
let started = false;
try {
  if (process.env.AWSCC_COGNITO_CODE_CACHE === 'off') throw new Error('code cache off');
  runCached();
} catch (e) {
  if (started) throw e;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(bundle);
}
