// Bundles the entry points with esbuild: the VS Code client (and its lazily loaded live AWS part), the
// language server and the CLI.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

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
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  // `--bench`: the parser alone, bundled as the server bundles it, for the parser benchmark (not shipped).
  ...(process.argv.includes('--bench') ? [build({ ...common, entryPoints: ['server/src/parser/index.ts'], outfile: 'out/parser.js' })] : []),
]);
