// The fixture suite: realistic modules under test/fixtures/diagnostics/<name>/, annotated with
// `# expect: CODE severity[, CODE severity]` at the end of the line where a diagnostic must start. Every
// annotation must be hit, and every error or warning must be annotated (information may go unannotated).
// Folders named clean-* must produce no error or warning at all. The same files then go through the built
// CLI (`check --format json`) and the built language server over stdio, which must report the same.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import type { Diagnostic } from 'vscode-languageserver-types';
import { Workspace, nodeFileSystem } from '../../../server/src/model';
import { computeDiagnostics } from '../../../server/src/features/diagnostics';
import { startServer, SERVER_PATH } from '../../support/lspClient';

const ROOT = join(__dirname, '..', '..', 'fixtures', 'diagnostics');
const REPO = join(__dirname, '..', '..', '..');
const CLI = join(REPO, 'dist', 'cli.js');
const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

const modules = readdirSync(ROOT).sort();
const files = modules.flatMap((m) => readdirSync(join(ROOT, m)).filter((f) => f.endsWith('.tf')).sort().map((f) => join(ROOT, m, f)));

function coreDiagnostics(): Map<string, Diagnostic[]> {
  const workspace = new Workspace(nodeFileSystem);
  const out = new Map<string, Diagnostic[]>();
  for (const file of files) {
    const ctx = workspace.contextFor(pathToFileURL(file).href);
    assert.ok(ctx, file);
    out.set(file, computeDiagnostics(ctx));
  }
  return out;
}

function annotations(text: string): string[] {
  const out: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const m = /#\s*expect:\s*(.+)$/.exec(line);
    if (!m) return;
    for (const part of m[1].split(',')) {
      const [code, severity] = part.trim().split(/\s+/);
      out.push(`${i + 1} ${code} ${severity}`);
    }
  });
  return out.sort();
}

const key = (d: Diagnostic) => `${d.range.start.line + 1} ${d.code} ${SEVERITY[d.severity ?? 1]}`;

describe('fixture suite', () => {
  const found = coreDiagnostics();
  for (const file of files) {
    const name = relative(ROOT, file);
    test(name, () => {
      const text = readFileSync(file, 'utf8');
      const diagnostics = found.get(file)!;
      const expected = annotations(text);
      if (name.startsWith('clean-')) {
        assert.deepEqual(expected, [], 'clean fixtures carry no annotations');
        assert.deepEqual(diagnostics.filter((d) => (d.severity ?? 1) <= 2).map((d) => `${key(d)} ${d.message}`), []);
        return;
      }
      const reported = diagnostics.map(key).sort();
      for (const a of expected) {
        const i = reported.indexOf(a);
        assert.ok(i >= 0, `annotation not hit: line ${a}\nreported:\n${reported.join('\n')}`);
        reported.splice(i, 1);
      }
      const unannotated = reported.filter((r) => /error|warning$/.test(r));
      assert.deepEqual(unannotated, [], 'errors and warnings without an annotation');
    });
  }
});

describe('CLI and language server agree with the core on the fixtures', () => {
  const built = existsSync(CLI) && existsSync(SERVER_PATH);
  const flatten = (m: Map<string, Diagnostic[]>) =>
    [...m].flatMap(([file, ds]) => ds.map((d) => ({ file: relative(REPO, file), range: d.range, severity: SEVERITY[d.severity ?? 1], code: d.code, message: d.message })));

  test('check --format json gives the same diagnostics, exit 1 with errors and 0 on the clean fixtures', (t) => {
    if (!built) {
      console.log('skipped: dist/ is not built (npm test builds it)');
      return t.skip('dist/cli.js not built');
    }
    const run = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', ROOT], { cwd: REPO, encoding: 'utf8' });
    assert.equal(run.status, 1, run.stderr);
    const fromCli = (JSON.parse(run.stdout) as ReturnType<typeof flatten>).sort(order);
    assert.deepEqual(fromCli, flatten(coreDiagnostics()).sort(order));
    const clean = modules.filter((m) => m.startsWith('clean-')).map((m) => join(ROOT, m));
    const cleanRun = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', ...clean], { cwd: REPO, encoding: 'utf8' });
    assert.equal(cleanRun.status, 0, cleanRun.stdout);
  });

  test('the language server publishes the same diagnostics for each file', async (t) => {
    if (!built) {
      console.log('skipped: dist/ is not built (npm test builds it)');
      return t.skip('dist/server.js not built');
    }
    const session = await startServer({ rootDir: ROOT });
    try {
      const core = coreDiagnostics();
      for (const file of files) {
        const uri = pathToFileURL(file).href;
        const published = session.nextDiagnostics(uri, 1);
        await session.connection.sendNotification('textDocument/didOpen', {
          textDocument: { uri, languageId: 'terraform', version: 1, text: readFileSync(file, 'utf8') },
        });
        const fromServer = (await published).map(({ range, severity, code, message }) => ({ range, severity, code, message }));
        const expected = core.get(file)!.map(({ range, severity, code, message }) => ({ range, severity, code, message }));
        assert.deepEqual(fromServer, expected, relative(ROOT, file));
      }
    } finally {
      await session.close();
    }
  });
});

function order(a: { file: string; range: Diagnostic['range']; code?: unknown }, b: typeof a): number {
  return a.file.localeCompare(b.file) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || String(a.code).localeCompare(String(b.code));
}
