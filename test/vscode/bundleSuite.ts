// Bundles test/vscode/suite into one CommonJS file that an extension host can require.
import { buildSync } from 'esbuild';
import { join } from 'node:path';

export function bundleSuite(root: string): string {
  const outfile = join(root, 'out', 'vscode-suite', 'index.js');
  buildSync({
    entryPoints: [join(root, 'test', 'vscode', 'suite', 'index.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}
