// The built CLI, run as a user would: `node dist/cli.js check ...`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeDiagnostics } from '../../server/src/features/diagnostics';
import { nodeFileSystem, Workspace } from '../../server/src/model';
import { generateModuleText, withIndentedHeader } from '../support/generate';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

function run(args: string[], cwd?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'awscc-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

test('--version prints the package version and --help the usage', () => {
  const version = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')).version;
  assert.equal(run(['--version']).stdout.trim(), version);
  const help = run(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /awscc-cognito check \[--format text\|json\|sarif\] PATH/);
});

test('a syntax error: text line is file:line:column: severity code message, exit 1', () => {
  const dir = folder({ 'main.tf': 'locals {\n  a = "🙂 open\n}\n' });
  try {
    const r = run(['check', 'main.tf'], dir);
    assert.equal(r.code, 1, r.stderr);
    // Column is 1-based and counts UTF-16 units: the quote is at character 6.
    assert.match(r.stdout, /^main\.tf:2:7: error CUP001 Unterminated string/m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('JSON output carries LSP ranges (0-based, UTF-16) and a clean folder exits 0', () => {
  const dir = folder({ 'bad.tf': 'locals {\n  a = [1,\n}\n', 'good.tf': 'locals {\n  b = 1\n}\n' });
  try {
    const r = run(['check', '--format', 'json', '.'], dir);
    assert.equal(r.code, 1);
    const items = JSON.parse(r.stdout) as { file: string; range: { start: { line: number } }; severity: string; code: string }[];
    assert.ok(items.length >= 1);
    assert.ok(items.every((i) => i.file === 'bad.tf' && i.severity === 'error' && i.code === 'CUP001'));
    const clean = run(['check', '--format=json', 'good.tf'], dir);
    assert.equal(clean.code, 0);
    assert.deepEqual(JSON.parse(clean.stdout), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('SARIF output is a 2.1.0 log with one result per problem', () => {
  const dir = folder({ 'bad.tf': 'locals {\n  a = (1\n}\n' });
  try {
    const r = run(['check', '--format', 'sarif', dir]);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs[0].tool.driver.name, 'awscc-cognito');
    assert.ok(log.runs[0].results.length >= 1);
    assert.equal(log.runs[0].results[0].ruleId, 'CUP001');
    assert.equal(log.runs[0].results[0].locations[0].physicalLocation.region.startLine >= 2, true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('usage and I/O errors exit 2 with a message on stderr', () => {
  const missing = run(['check', '/nonexistent/awscc/x.tf']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /cannot read \/nonexistent\/awscc\/x\.tf/);
  const badFormat = run(['check', '--format', 'xml', '.']);
  assert.equal(badFormat.code, 2);
  assert.match(badFormat.stderr, /--format must be text, json or sarif/);
  assert.equal(run(['frobnicate']).code, 2);
  assert.equal(run(['check']).code, 2);
});

test('SARIF locations: relative to a declared SRCROOT inside the folder, file:// URIs outside; rules link to docs/rules.md', () => {
  const dir = folder({ 'bad file #1.tf': 'locals {\n  a = (1\n}\n' });
  const outside = folder({ 'other.tf': 'locals {\n  a = (1\n}\n' });
  try {
    const r = run(['check', '--format', 'sarif', '.', join(outside, 'other.tf')], dir);
    const run0 = JSON.parse(r.stdout).runs[0];
    const base = run0.originalUriBaseIds.SRCROOT.uri as string;
    assert.equal(base, pathToFileURL(realpathSync(dir)).href + '/');
    const locations = run0.results.map((x: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }) => x.locations[0].physicalLocation.artifactLocation);
    const inside = locations.find((l: { uriBaseId?: string }) => l.uriBaseId === 'SRCROOT');
    assert.deepEqual(inside, { uri: 'bad%20file%20%231.tf', uriBaseId: 'SRCROOT' });
    // Resolved against its base, the URI names the file again.
    assert.equal(fileURLToPath(new URL(inside.uri, base)), realpathSync(join(dir, 'bad file #1.tf')));
    assert.ok(locations.some((l: { uri: string; uriBaseId?: string }) => !l.uriBaseId && l.uri === pathToFileURL(join(outside, 'other.tf')).href));
    // Every rule links to its own section of docs/rules.md, whose heading gives that anchor.
    const headings = new Set(
      [...readFileSync(join(__dirname, '..', '..', 'docs', 'rules.md'), 'utf8').matchAll(/^### (CUP\d+) (\S+)$/gm)].map((m) => `${m[1].toLowerCase()}-${m[2]}`),
    );
    const rules = run0.tool.driver.rules as { id: string; helpUri: string }[];
    assert.ok(rules.length >= 40);
    for (const rule of rules) {
      assert.match(rule.helpUri, /^https?:\/\/[^#]+\/docs\/rules\.md(#|$)/, rule.id);
      const anchor = rule.helpUri.split('#')[1];
      if (rule.id === 'CUP001') assert.equal(anchor, undefined, 'the syntax error is described at the top of the page');
      else assert.ok(headings.has(anchor), `${rule.id}: no heading for #${anchor}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  }
});

test('check --help is about check; import --help lists every exit code', () => {
  const help = run(['check', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /awscc-cognito check \[--format text\|json\|sarif\] PATH/);
  assert.match(help.stdout, /--format sarif/);
  assert.doesNotMatch(help.stdout, /awscc-cognito (import|profiles)/, 'no other command');
  const importHelp = run(['import', '--help']);
  assert.equal(importHelp.code, 0);
  for (const code of [0, 1, 2, 130]) assert.match(importHelp.stdout, new RegExp(`[ ,]${code} [a-z]`), `exit code ${code}`);
});

test('a large file is checked as a whole parse would be, also when a block is indented and the file needs that parse', () => {
  const { text, header } = withIndentedHeader(generateModuleText(80, 7));
  const dir = folder({ 'main.tf': text });
  try {
    const r = run(['check', '--format', 'json', 'main.tf'], dir);
    assert.equal(r.code, 1, r.stderr);
    const got = JSON.parse(r.stdout) as { range: { start: { line: number } }; code: string; message: string }[];
    // The oracle: the same text parsed whole (a full-text change is never opened block by block).
    const workspace = new Workspace(nodeFileSystem);
    const uri = pathToFileURL(join(realpathSync(dir), 'main.tf')).href;
    workspace.openDocument(uri, 1, '');
    workspace.changeDocument(uri, 2, [{ text }]);
    const expected = computeDiagnostics(workspace.contextFor(uri)!);
    assert.deepStrictEqual(got.map((d) => [d.range.start.line, d.code, d.message]), expected.map((d) => [d.range.start.line, d.code, d.message]));
    const first = text.slice(0, header).split('\n').length - 1;
    assert.ok(got.some((d) => d.range.start.line > first && d.range.start.line < first + 30), 'the indented block has findings');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
