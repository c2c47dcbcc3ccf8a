// Bundles the entry points with esbuild: the VS Code client (and its lazily loaded live AWS part), the
// language server and the CLI.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { serverBundles } from './serverBundles.mjs';

const production = process.argv.includes('--production');
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  // The repository URL feeds the CLI's SARIF rule links (helpUri) to docs/rules.md.
  define: { __VERSION__: JSON.stringify(pkg.version), __REPOSITORY_URL__: JSON.stringify(pkg.repository?.url ?? '') },
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  // The client loads this one with require() when "Generate import block" first runs (see importCommand.ts).
  build({ ...common, entryPoints: ['server/src/live/index.ts'], outfile: 'dist/live.js' }),
  // dist/server.js is the loader editors start; it runs dist/serverMain.js and dist/serverCore.js with V8's
  // code cache (serverLoader.ts), keyed by their content hashes, taken here so that it needs no node:crypto.
  Promise.all(serverBundles(common).map((options) => build(options))).then(() => {
    const hashes = Object.fromEntries(
      ['serverMain.js', 'serverCore.js'].map((f) => [f, createHash('sha256').update(readFileSync(`dist/${f}`)).digest('hex').slice(0, 24)]),
    );
    return build({ ...common, entryPoints: ['server/src/serverLoader.ts'], outfile: 'dist/server.js', define: { ...common.define, __BUNDLE_HASHES__: JSON.stringify(hashes) } });
  }),
  build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  // `--bench`: the parser alone, bundled as the server bundles it, for the parser benchmark (not shipped).
  ...(process.argv.includes('--bench') ? [build({ ...common, entryPoints: ['server/src/parser/index.ts'], outfile: 'out/parser.js' })] : []),
]);
