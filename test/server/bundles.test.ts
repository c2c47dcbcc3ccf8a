// What the language server's bundles hold, checked on esbuild's own account of them (built here with the
// options scripts/build.mjs uses). The server reads files and talks to its client over stdio or IPC; live
// AWS calls are the VS Code client's (dist/live.js) and the CLI's. So no server bundle may contain an HTTP,
// TLS or DNS client: that is what lets the VS Code client start it without NODE_EXTRA_CA_CERTS (a CA store
// only a TLS connection would read, and that costs every Node start ~40-60 ms; client/src/serverOptions.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { lazyBuiltinsPlugin, serverBundles } from '../../scripts/serverBundles.mjs';

const root = join(__dirname, '..', '..');
const common: BuildOptions = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent', absWorkingDir: root, write: false, metafile: true };

/** Network clients a server bundle must not load (node: prefix or not), and globals that reach the network. */
const network = ['http', 'https', 'http2', 'tls', 'dns', 'dgram', 'undici'];

async function bundles(): Promise<{ name: string; meta: Metafile; text: string }[]> {
  const options = [...serverBundles(common), { ...common, entryPoints: ['server/src/serverLoader.ts'], outfile: 'dist/server.js' }];
  return Promise.all(
    options.map(async (o) => {
      const result = await build({ ...o, write: false, metafile: true, sourcemap: false });
      const js = result.outputFiles!.find((f) => f.path.endsWith('.js'))!;
      return { name: String(o.outfile), meta: result.metafile!, text: js.text };
    }),
  );
}

test('no server bundle contains an HTTP, TLS or DNS client, or uses fetch or WebSocket', async () => {
  const all = await bundles();
  assert.equal(all.length, 3);
  for (const { name, meta, text } of all) {
    const externals = Object.values(meta.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path.replace(/^node:/, '')));
    assert.ok(externals.includes('fs'), `${name}: esbuild lists its built-in imports (${externals})`);
    assert.deepEqual(externals.filter((e) => network.includes(e)), [], `${name} imports a network client`);
    assert.doesNotMatch(text, /\bfetch\(|\bnew WebSocket\b/, `${name} reaches the network through a global`);
  }
  // The checks above can fail: the live part, which does talk to AWS, is caught by them.
  const live = await build({ ...common, entryPoints: ['server/src/live/index.ts'], outfile: 'dist/live.js' });
  const liveExternals = Object.values(live.metafile!.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path.replace(/^node:/, '')));
  assert.ok(liveExternals.some((e) => network.includes(e)), `the live bundle's imports: ${liveExternals}`);
});

test('the core bundle carries no second copy of the LSP library; the initialize bundle carries none of the language service', async () => {
  const [main, core] = await bundles();
  const inputs = (meta: Metafile) => Object.keys(meta.inputs);
  const lsp = /node_modules\/vscode-(languageserver|languageserver-protocol|jsonrpc)\//;
  assert.ok(inputs(main.meta).some((i) => lsp.test(i)), 'serverMain.js holds the LSP library');
  assert.deepEqual(inputs(core.meta).filter((i) => lsp.test(i)), [], 'serverCore.js must take the library through the connection');
  const service = /^server\/src\/(features|model|parser|format|render)\//;
  assert.deepEqual(inputs(main.meta).filter((i) => service.test(i)), [], 'serverMain.js must answer initialize without the language service');
  assert.ok(inputs(core.meta).some((i) => i.startsWith('server/src/features/rules/')), 'the rules are in serverCore.js');
});

test('child_process and crypto are required by the LSP library only when a function that needs them runs', async () => {
  // A small program over the same library files, bundled with the same plugin: before the calls neither
  // module is loaded; the calls still work (a random pipe name, npm's global folder through spawnSync).
  const dir = mkdtempSync(join(tmpdir(), 'awscc-lazy-builtins-'));
  try {
    const entry = join(dir, 'entry.ts');
    writeFileSync(
      entry,
      [
        "import { Files, generateRandomPipeName } from 'vscode-languageserver/node';",
        "const loaded = (m: string) => process.moduleLoadList.includes(`NativeModule ${m}`);",
        "const before = { child_process: loaded('child_process'), crypto: loaded('crypto') };",
        'const pipe = generateRandomPipeName();',
        'const globalPath = Files.resolveGlobalNodePath();',
        "console.log(JSON.stringify({ before, after: { child_process: loaded('child_process'), crypto: loaded('crypto') }, pipe, globalPath: typeof globalPath }));",
      ].join('\n'),
    );
    const out = join(dir, 'entry.js');
    await build({ ...common, entryPoints: [entry], outfile: out, write: true, metafile: false, nodePaths: [join(root, 'node_modules')], plugins: [lazyBuiltinsPlugin] });
    const run = spawnSync(process.execPath, [out], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.status, 0, run.stderr);
    const result = JSON.parse(run.stdout);
    assert.deepEqual(result.before, { child_process: false, crypto: false });
    assert.deepEqual(result.after, { child_process: true, crypto: true });
    assert.match(result.pipe, /lsp-[0-9a-f]+/);
    assert.ok(['string', 'undefined'].includes(result.globalPath));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
