// The import rules of ARCHITECTURE.md, checked on the sources: data walks one way, adapters stay thin, and
// the pure core never reaches for an editor, a connection or the AWS SDK.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, dirname, resolve } from 'node:path';

const root = join(__dirname, '..');

interface Part {
  name: string;
  /** Folders or files (relative to the repo) that belong to the part. */
  paths: string[];
  /** Parts of ours it may import (itself always allowed). */
  mayImport: string[];
  /** Packages it must never import (prefix match). */
  forbiddenPackages: string[];
}

/**
 * The language server never reaches the network (live AWS calls are the client's and the CLI's, through the
 * live part): that is why the VS Code client can start it without NODE_EXTRA_CA_CERTS. Its bundles are
 * checked too (test/server/bundles.test.ts).
 */
const network = ['http', 'https', 'http2', 'tls', 'dns', 'dgram', 'undici'].flatMap((m) => [m, `node:${m}`]);

const editorAndConnection = ['vscode', 'vscode-languageclient', 'vscode-languageserver/', 'vscode-languageserver-protocol', 'vscode-jsonrpc'];

const parts: Part[] = [
  { name: 'parser', paths: ['server/src/parser'], mayImport: [], forbiddenPackages: [...network, ...editorAndConnection, 'vscode-languageserver-types', '@aws-sdk'] },
  { name: 'model', paths: ['server/src/model'], mayImport: ['parser'], forbiddenPackages: [...network, ...editorAndConnection, '@aws-sdk'] },
  { name: 'knowledge', paths: ['server/src/knowledge'], mayImport: [], forbiddenPackages: [...network, ...editorAndConnection, '@aws-sdk'] },
  { name: 'format', paths: ['server/src/format'], mayImport: ['parser'], forbiddenPackages: [...network, ...editorAndConnection, '@aws-sdk'] },
  { name: 'features', paths: ['server/src/features'], mayImport: ['model', 'parser', 'knowledge', 'format'], forbiddenPackages: [...network, ...editorAndConnection, '@aws-sdk'] },
  { name: 'render', paths: ['server/src/render'], mayImport: ['model', 'knowledge', 'format', 'parser', 'live-types'], forbiddenPackages: [...network, ...editorAndConnection, '@aws-sdk'] },
  { name: 'live-types', paths: ['server/src/live/types.ts'], mayImport: [], forbiddenPackages: [...editorAndConnection, '@aws-sdk'] },
  { name: 'live', paths: ['server/src/live'], mayImport: ['live-types'], forbiddenPackages: editorAndConnection },
  { name: 'protocol', paths: ['server/src/protocol'], mayImport: ['live-types'], forbiddenPackages: [...network, 'vscode', 'vscode-languageclient', 'vscode-languageserver/', '@aws-sdk'] },
  {
    name: 'lsp-server',
    paths: ['server/src/server.ts', 'server/src/serverCore.ts', 'server/src/serverCapabilities.ts', 'server/src/serverLoader.ts', 'server/src/serverFeatures.ts', 'server/src/settings.ts', 'server/src/busyStatus.ts', 'server/src/outwardFacts.ts', 'server/src/messageEncoder.ts', 'server/src/memory.ts', 'server/src/codeCacheEvents.ts'],
    mayImport: ['features', 'model', 'render', 'protocol', 'knowledge', 'format', 'parser', 'live-types'],
    forbiddenPackages: [...network, 'vscode', 'vscode-languageclient', '@aws-sdk'],
  },
  {
    name: 'cli',
    paths: ['server/src/cli.ts', 'server/src/cli'],
    mayImport: ['features', 'model', 'live', 'live-types', 'render', 'knowledge', 'format', 'parser'],
    forbiddenPackages: ['vscode', 'vscode-languageclient', 'vscode-languageserver/', 'vscode-jsonrpc'],
  },
  { name: 'client', paths: ['client/src'], mayImport: ['live', 'live-types', 'protocol'], forbiddenPackages: ['vscode-languageserver/'] },
];

function files(path: string): string[] {
  const full = join(root, path);
  if (!statSync(full).isDirectory()) return [full];
  return readdirSync(full).flatMap((n) => files(join(path, n))).filter((f) => f.endsWith('.ts'));
}

/** The most specific part owning a file (live/types.ts is its own part inside live). */
function partOf(file: string): Part | undefined {
  const rel = relative(root, file);
  let best: Part | undefined;
  let bestLength = -1;
  for (const part of parts) {
    for (const p of part.paths) {
      if ((rel === p || rel.startsWith(p + '/')) && p.length > bestLength) {
        best = part;
        bestLength = p.length;
      }
    }
  }
  return best;
}

function importsOf(text: string): string[] {
  const specs: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/g)) specs.push(m[1]);
  for (const m of text.matchAll(/(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)) specs.push(m[1]);
  for (const m of text.matchAll(/\b(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1]);
  return specs;
}

test('every part imports only what ARCHITECTURE.md allows', () => {
  const violations: string[] = [];
  let checked = 0;
  for (const part of parts) {
    for (const path of part.paths) {
      for (const file of files(path)) {
        if (partOf(file) !== part) continue;
        checked++;
        for (const spec of importsOf(readFileSync(file, 'utf8'))) {
          const where = `${relative(root, file)} imports '${spec}'`;
          if (spec.startsWith('.')) {
            const target = resolve(dirname(file), spec);
            const candidates = [target + '.ts', join(target, 'index.ts'), target];
            const owner = candidates.map(partOf).find((p) => p !== undefined);
            if (!owner) violations.push(`${where}: outside every part`);
            else if (owner !== part && !part.mayImport.includes(owner.name)) violations.push(`${where}: ${part.name} may not import ${owner.name}`);
          } else if (part.forbiddenPackages.some((f) => spec === f.replace(/\/$/, '') || spec.startsWith(f.endsWith('/') ? f : f + '/') || spec === f)) {
            violations.push(`${where}: package forbidden in ${part.name}`);
          }
        }
      }
    }
  }
  assert.ok(checked > 50, `only ${checked} files were checked`);
  assert.deepEqual(violations, []);
});
