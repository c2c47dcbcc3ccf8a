// The server's entry (dist/server.js, server/src/serverLoader.ts) runs its two bundles (serverMain.js,
// serverCore.js) with V8's code cache. A first start writes serverMain.js's cache when the core loads and
// serverCore.js's after its first check (or on exit after one); the next start uses them; a damaged or
// foreign cache file, an unwritable cache folder or the cache turned off all still give a working server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { InitializeResult } from 'vscode-languageserver-protocol';
import { SERVER_PATH, fileUri, startServer } from '../support/lspClient';

const TEXT = 'resource "awscc_cognito_user_pool_client" "web" {\n  user_pool_id                  = "us-east-1_abc"\n  prevent_user_existence_errors = "LEGACY"\n}\n';

/** Runs `run` with these environment variables set (servers started meanwhile inherit them), then restores them. */
async function withEnv<T>(env: Record<string, string>, run: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await run();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** Starts a server with these environment variables, checks a document, and shuts it down. */
async function checkOnce(env: Record<string, string>, alsoOpen?: string): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'awscc-code-cache-doc-'));
  try {
    return await withEnv(env, async () => {
      const session = await startServer({ rootDir: dir });
      try {
        if (alsoOpen !== undefined) {
          const big = fileUri(join(dir, 'big.tf'));
          const done = session.nextDiagnostics(big, 1);
          await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: big, languageId: 'terraform', version: 1, text: alsoOpen } });
          await done;
        }
        const uri = fileUri(join(dir, 'main.tf'));
        const published = session.nextDiagnostics(uri, 1);
        await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'terraform', version: 1, text: TEXT } });
        return (await published).map((d) => String(d.code));
      } finally {
        await session.close();
      }
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the first server writes the code cache on exit, the next starts from it, a damaged one is replaced', async () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'awscc-code-cache-'));
  try {
    const expected = await checkOnce({ AWSCC_COGNITO_CACHE_DIR: cacheDir });
    assert.ok(expected.includes('CUP502'), `a real check ran: ${expected}`);
    const files = readdirSync(cacheDir).filter((f) => f.endsWith('.v8cache')).sort();
    assert.deepEqual(
      files.map((f) => f.replace(/-.*/, '')),
      ['serverCore', 'serverMain'],
      `one cache file per bundle, written when the server exited: ${files}`,
    );
    // A write replaces the file (a new inode); marking a used cache only touches it.
    const written = files.map((f) => statSync(join(cacheDir, f)).ino);
    assert.deepEqual(await checkOnce({ AWSCC_COGNITO_CACHE_DIR: cacheDir }), expected, 'started from the cache');
    assert.deepEqual(
      files.map((f) => statSync(join(cacheDir, f)).ino),
      written,
      'a cache V8 accepted is not written again',
    );
    for (const f of files) writeFileSync(join(cacheDir, f), 'not V8 code cache data');
    assert.deepEqual(await checkOnce({ AWSCC_COGNITO_CACHE_DIR: cacheDir }), expected, 'a damaged cache is rejected, not run');
    for (const f of files) assert.notEqual(readFileSync(join(cacheDir, f), 'utf8'), 'not V8 code cache data', `${f} rewritten on exit`);
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
});

test('a server that exits without checking a document leaves the core cache to the next server, which writes it', async () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'awscc-code-cache-warm-'));
  const dir = mkdtempSync(join(tmpdir(), 'awscc-code-cache-idle-'));
  try {
    // initialize and shutdown only: the core loads, but none of the rules runs.
    await withEnv({ AWSCC_COGNITO_CACHE_DIR: cacheDir }, async () => (await startServer({ rootDir: dir })).close());
    const caches = () => readdirSync(cacheDir).filter((f) => f.endsWith('.v8cache')).map((f) => f.replace(/-.*/, '')).sort();
    assert.deepEqual(caches(), ['serverMain'], 'a core cache written now would hold the bundle\'s top level and not the rules');
    const codes = await checkOnce({ AWSCC_COGNITO_CACHE_DIR: cacheDir });
    assert.ok(codes.includes('CUP502'), `a real check ran: ${codes}`);
    assert.deepEqual(caches(), ['serverCore', 'serverMain'], 'the server that checked a document wrote the core cache');
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  }
});

test('an unwritable cache folder or the cache turned off still give a working server', async () => {
  // A folder inside a regular file cannot be made, whoever runs the test (root ignores permission bits).
  const parent = mkdtempSync(join(tmpdir(), 'awscc-code-cache-ro-'));
  const blocker = join(parent, 'a-file');
  writeFileSync(blocker, '');
  try {
    const codes = await checkOnce({ AWSCC_COGNITO_CACHE_DIR: join(blocker, 'cache') });
    assert.ok(codes.includes('CUP502'));
    assert.deepEqual(await checkOnce({ AWSCC_COGNITO_CODE_CACHE: 'off' }), codes);
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});

test('after a very large document was opened (the server asks V8 for a collection), the caches it writes are still accepted', async () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'awscc-code-cache-large-'));
  try {
    // Above the size from which the server collects garbage after the parse (server/src/memory.ts).
    const large = '# a long comment line that makes the file large without blocks to check\n'.repeat(60_000);
    assert.ok(large.length >= 4_000_000);
    const expected = await checkOnce({ AWSCC_COGNITO_CACHE_DIR: cacheDir }, large);
    const files = readdirSync(cacheDir).filter((f) => f.endsWith('.v8cache')).sort();
    assert.equal(files.length, 2, `both caches written: ${files}`);
    // A write replaces the file (a new inode); marking a used cache only touches it.
    const written = files.map((f) => statSync(join(cacheDir, f)).ino);
    assert.deepEqual(await checkOnce({ AWSCC_COGNITO_CACHE_DIR: cacheDir }), expected);
    assert.deepEqual(
      files.map((f) => statSync(join(cacheDir, f)).ino),
      written,
      'V8 accepted both caches on the next start (a rejected one is written again)',
    );
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
});

test('writing a cache removes our cache files no start has used for a week, and keeps recent ones', async () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'awscc-code-cache-prune-'));
  try {
    const old = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    const stale = ['serverCore-0123abcd-v20.0.0-x64.v8cache', 'serverMain-0123abcd-v20.0.0-x64.v8cache', 'server-0e22a7b3682f98695be9f81f.v8cache'];
    const recent = 'serverCore-4567ef01-v20.0.0-x64.v8cache';
    const notOurs = 'other-tool.v8cache';
    for (const f of [...stale, recent, notOurs]) writeFileSync(join(cacheDir, f), 'x');
    for (const f of [...stale, notOurs]) utimesSync(join(cacheDir, f), old, old);
    await checkOnce({ AWSCC_COGNITO_CACHE_DIR: cacheDir });
    const left = readdirSync(cacheDir);
    for (const f of stale) assert.ok(!left.includes(f), `${f} removed`);
    assert.ok(left.includes(recent), 'a cache used within the week is kept');
    assert.ok(left.includes(notOurs), 'files that are not ours are left alone');
    assert.equal(left.filter((f) => /^server(Main|Core)-/.test(f)).length, 3, `the two new caches and the recent one: ${left}`);
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
});

test('a server that started from its caches marks them as used when it exits', async () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'awscc-code-cache-used-'));
  try {
    await checkOnce({ AWSCC_COGNITO_CACHE_DIR: cacheDir });
    const files = readdirSync(cacheDir).filter((f) => f.endsWith('.v8cache'));
    const old = new Date(Date.now() - 3 * 24 * 3600 * 1000);
    for (const f of files) utimesSync(join(cacheDir, f), old, old);
    await checkOnce({ AWSCC_COGNITO_CACHE_DIR: cacheDir });
    for (const f of files) assert.ok(Date.now() - statSync(join(cacheDir, f)).mtimeMs < 3600 * 1000, `${f} marked as used`);
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
});

test('a bundle that is not pure ASCII is read as UTF-8, from its cache and without it', async () => {
  // esbuild writes ASCII, which the loader decodes as Latin-1; a bundle built otherwise must not be garbled.
  const copy = mkdtempSync(join(tmpdir(), 'awscc-non-ascii-'));
  const cacheDir = join(copy, 'cache');
  try {
    for (const f of ['server.js', 'serverMain.js', 'serverCore.js']) copyFileSync(join(dirname(SERVER_PATH), f), join(copy, f));
    const main = readFileSync(join(copy, 'serverMain.js'), 'utf8');
    const marked = main.replace('name: "awscc-cognito"', 'name: "awscc-cognito é✓🔑"');
    assert.notEqual(marked, main, 'the copy carries the server name to change');
    writeFileSync(join(copy, 'serverMain.js'), marked);
    for (const run of ['writes the cache', 'reads the cache']) {
      const answer = await initializeOnce(join(copy, 'server.js'), { AWSCC_COGNITO_CACHE_DIR: cacheDir });
      assert.equal(answer.serverInfo?.name, 'awscc-cognito é✓🔑', run);
    }
    assert.ok(readdirSync(cacheDir).some((f) => f.startsWith('serverMain-')), 'the cache was written and used');
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});

/** Starts a server with this environment, answers its `initialize`, and shuts it down; nothing may reach stderr. */
async function initializeOnce(serverPath: string, env: Record<string, string>, base: NodeJS.ProcessEnv = process.env): Promise<InitializeResult> {
  const session = await startServer({ serverPath, env: { ...base, ...env } });
  await session.close();
  assert.equal(session.stderr(), '', 'nothing on stderr');
  return session.initializeResult;
}

test('without a cache folder set, the cache goes to $XDG_CACHE_HOME/awscc-cognito, else to ~/.cache/awscc-cognito', async () => {
  const home = mkdtempSync(join(tmpdir(), 'awscc-home-'));
  const xdg = join(home, 'xdg');
  const { AWSCC_COGNITO_CACHE_DIR: _dir, XDG_CACHE_HOME: _xdg, ...inherited } = process.env;
  try {
    await initializeOnce(SERVER_PATH, { HOME: home }, inherited);
    assert.ok(readdirSync(join(home, '.cache', 'awscc-cognito')).some((f) => f.startsWith('serverMain-')), 'under $HOME/.cache');
    await initializeOnce(SERVER_PATH, { HOME: home, XDG_CACHE_HOME: xdg }, inherited);
    assert.ok(readdirSync(join(xdg, 'awscc-cognito')).some((f) => f.startsWith('serverMain-')), 'under $XDG_CACHE_HOME');
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});
