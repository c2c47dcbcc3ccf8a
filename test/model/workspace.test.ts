// The module model: which resources, imports, variables and locals a folder declares, and where.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Workspace, createModuleFromTexts } from '../../server/src/model';
import { computeDiagnostics } from '../../server/src/features/diagnostics';

const uri = (p: string) => pathToFileURL(p).href;

function tempModule(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'awscc-model-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

test('a folder is one module: open documents use the editor text, the rest comes from disk', () => {
  const dir = tempModule({
    'main.tf': 'resource "awscc_cognito_user_pool_client" "web" {\n  user_pool_id = "p"\n}\n',
    'vars.tf': 'variable "pool_id" {}\nlocals {\n  name = "x"\n}\n',
    '.terraform/modules/m/main.tf': 'resource "awscc_cognito_user_pool_client" "hidden" {}\n',
    'sub/other.tf': 'resource "awscc_cognito_user_pool_client" "elsewhere" {}\n',
  });
  try {
    const ws = new Workspace();
    // The editor's (unsaved) text wins over the file on disk.
    ws.openDocument(uri(join(dir, 'main.tf')), 3, 'resource "awscc_cognito_user_pool_client" "api" {}\n');
    const module = ws.moduleFor(uri(join(dir, 'main.tf')));
    assert.deepEqual(module.resources('awscc_cognito_user_pool_client').map((r) => r.name), ['api']);
    assert.deepEqual(module.variables().map((v) => v.address), ['var.pool_id']);
    assert.deepEqual(module.locals().map((l) => l.address), ['local.name']);
    const local = module.findLocal('name');
    assert.equal(local?.uri, uri(join(dir, 'vars.tf')));
    assert.equal(local?.file?.rangeOf(local.node!).start.line, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('file events keep disk files current', () => {
  const dir = tempModule({ 'main.tf': 'import {\n  to = awscc_cognito_user_pool_client.web\n  id = "a|b"\n}\n' });
  try {
    const ws = new Workspace();
    const main = uri(join(dir, 'main.tf'));
    ws.openDocument(main, 1, 'import {\n  to = awscc_cognito_user_pool_client.web\n  id = "a|b"\n}\n');
    assert.equal(ws.moduleFor(main).findResource('awscc_cognito_user_pool_client', 'web'), undefined);
    writeFileSync(join(dir, 'clients.tf'), 'resource "awscc_cognito_user_pool_client" "web" {}\n');
    ws.fileChanged(uri(join(dir, 'clients.tf')), 'created');
    assert.ok(ws.moduleFor(main).findResource('awscc_cognito_user_pool_client', 'web'));
    writeFileSync(join(dir, 'clients.tf'), 'resource "awscc_cognito_user_pool_client" "api" {}\n');
    ws.fileChanged(uri(join(dir, 'clients.tf')), 'changed');
    assert.deepEqual(ws.moduleFor(main).resources().map((r) => r.name), ['api']);
    unlinkSync(join(dir, 'clients.tf'));
    ws.fileChanged(uri(join(dir, 'clients.tf')), 'deleted');
    assert.deepEqual(ws.moduleFor(main).resources(), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('imports expose their target address, type and name, also inside a module path and with an index', () => {
  const { module } = createModuleFromTexts({
    'imports.tf': [
      'import {',
      '  to = awscc_cognito_user_pool_client.web',
      '  id = "us-east-1_a|b"',
      '}',
      'import {',
      '  to = module.auth.awscc_cognito_user_pool_client.api["x"]',
      '  id = "us-east-1_a|c"',
      '}',
      'import {',
      '  to = data.awscc_cognito_user_pool_client.nope',
      '  id = "x"',
      '}',
    ].join('\n'),
  });
  const targets = module.imports().map((i) => [i.to?.address, i.to?.resourceType, i.to?.resourceName]);
  assert.deepEqual(targets, [
    ['awscc_cognito_user_pool_client.web', 'awscc_cognito_user_pool_client', 'web'],
    ['module.auth.awscc_cognito_user_pool_client.api', 'awscc_cognito_user_pool_client', 'api'],
    ['data.awscc_cognito_user_pool_client.nope', undefined, undefined],
  ]);
});

test('*.tf.json declarations count, and override files do not shadow the base declaration', () => {
  const { module } = createModuleFromTexts({
    'main.tf': 'resource "awscc_cognito_user_pool_client" "web" {\n  user_pool_id = "p"\n}\n',
    'main_override.tf': 'resource "awscc_cognito_user_pool_client" "web" {\n  client_name = "o"\n}\n',
    'extra.tf.json': JSON.stringify({
      resource: { awscc_cognito_user_pool_client: { json_client: { user_pool_id: 'p' } } },
      variable: { region: { default: 'us-east-1' } },
      locals: { env: 'prod' },
      terraform: { required_version: '>= 1.7' },
    }),
  });
  const web = module.findResource('awscc_cognito_user_pool_client', 'web');
  assert.equal(web?.override, false);
  assert.ok(web?.uri.endsWith('/main.tf'));
  assert.ok(module.findResource('awscc_cognito_user_pool_client', 'json_client'));
  assert.ok(module.findVariable('region'));
  assert.ok(module.findLocal('env'));
  assert.deepEqual(module.requiredVersions(), ['>= 1.7']);
  assert.equal(module.resources().filter((r) => r.override).length, 1);
});

test('terraform settings: required_version and required_providers from every file', () => {
  const { module } = createModuleFromTexts({
    'versions.tf': [
      'terraform {',
      '  required_version = ">= 1.5.0"',
      '  required_providers {',
      '    awscc = {',
      '      source  = "hashicorp/awscc"',
      '      version = "~> 1.50"',
      '    }',
      '    aws = "~> 5.0"',
      '  }',
      '}',
    ].join('\n'),
  });
  assert.deepEqual(module.requiredVersions(), ['>= 1.5.0']);
  assert.deepEqual(module.requiredProviders(), [
    { name: 'awscc', source: 'hashicorp/awscc', version: '~> 1.50' },
    { name: 'aws', version: '~> 5.0' },
  ]);
});

test('incremental changes give the same declarations as a fresh parse, one parse per version', () => {
  const ws = new Workspace({ listFiles: () => [], readFile: () => undefined });
  const u = 'file:///virtual/m/main.tf';
  const text = 'resource "awscc_cognito_user_pool_client" "web" {\n  user_pool_id = "p"\n}\n';
  const v1 = ws.openDocument(u, 1, text);
  const at = text.indexOf('"web"') + 4;
  const v2 = ws.changeDocument(u, 2, [{ start: at, end: at, text: '2' }]);
  assert.ok(v2);
  assert.notEqual(v1.file, v2.file);
  assert.equal(v2.file.text, text.slice(0, at) + '2' + text.slice(at));
  assert.deepEqual(ws.moduleFor(u).resources().map((r) => r.name), ['web2']);
  assert.equal(ws.getDocument(u)?.file, v2.file, 'the stored document is the parsed version, not re-parsed on read');
});

test('a document outside any folder (untitled) is a module of its own', () => {
  const ws = new Workspace({ listFiles: () => [], readFile: () => undefined });
  ws.openDocument('untitled:Untitled-1', 1, 'resource "awscc_cognito_user_pool_client" "x" {}\n');
  assert.deepEqual(ws.moduleFor('untitled:Untitled-1').resources().map((r) => r.name), ['x']);
});

test('a keystroke re-reads only the blocks it touched: other declarations are the same objects, with the new file', () => {
  const ws = new Workspace({ listFiles: () => [], readFile: () => undefined });
  const u = 'file:///virtual/inc/main.tf';
  const blocks = Array.from({ length: 50 }, (_, i) => `resource "awscc_cognito_user_pool_client" "c${i}" {\n  user_pool_id = "p"\n}\n`);
  ws.openDocument(u, 1, blocks.join('\n') + 'import {\n  to = awscc_cognito_user_pool_client.c1\n  id = "a|b"\n}\n');
  const before = ws.moduleFor(u).resources();
  const text = ws.getDocument(u)!.file.text;
  const at = text.indexOf('"c25"') + 4;
  ws.changeDocument(u, 2, [{ start: at, end: at, text: 'x' }]);
  const doc = ws.getDocument(u)!;
  const after = ws.moduleFor(u).resources();
  assert.deepEqual(after.map((r) => r.name), blocks.map((_, i) => (i === 25 ? 'c25x' : `c${i}`)));
  assert.equal(after[0], before[0], 'untouched block: same declaration object');
  assert.equal(after[49], before[49]);
  assert.notEqual(after[25], before[25]);
  for (const r of after) {
    assert.equal(r.file, doc.file, 'every declaration answers with the current version');
    assert.equal(doc.file.text.slice(r.node!.start, r.node!.start + 8), 'resource');
  }
  const imports = ws.moduleFor(u).imports();
  assert.equal(imports[0].file, doc.file);
  assert.equal(imports[0].to?.address, 'awscc_cognito_user_pool_client.c1');
  // A full replacement still gives the right answer.
  ws.changeDocument(u, 3, [{ text: 'resource "awscc_cognito_user_pool_client" "only" {}\n' }]);
  assert.deepEqual(ws.moduleFor(u).resources().map((r) => r.name), ['only']);
  assert.deepEqual(ws.moduleFor(u).imports(), []);
});

test('nodes inside untouched blocks after an edit (locals, import targets) answer with the new offsets', () => {
  // The parser moves a later block's body lazily; declarations kept from the previous version must not hand
  // out a node whose offsets were not moved yet.
  const ws = new Workspace({ listFiles: () => [], readFile: () => undefined });
  const u = 'file:///virtual/lazy/main.tf';
  const blocks = Array.from({ length: 20 }, (_, i) => `resource "awscc_cognito_user_pool_client" "c${i}" {\n  user_pool_id = "p"\n}\n`);
  ws.openDocument(u, 1, blocks.join('\n') + 'locals {\n  name = "x"\n}\nimport {\n  to = awscc_cognito_user_pool_client.c1\n  id = "a|b"\n}\n');
  const firstLocal = ws.moduleFor(u).findLocal('name');
  const firstImport = ws.moduleFor(u).imports()[0];
  const at = ws.getDocument(u)!.file.text.indexOf('"c1"') + 2;
  ws.changeDocument(u, 2, [{ start: at, end: at, text: 'abc' }]);
  const file = ws.getDocument(u)!.file;
  const local = ws.moduleFor(u).findLocal('name')!;
  const imported = ws.moduleFor(u).imports()[0];
  assert.equal(local, firstLocal, 'the locals block was not re-read: same declaration object');
  assert.equal(imported, firstImport);
  assert.equal(file.slice(local.node!.start, local.node!.end), 'name = "x"');
  assert.equal(file.slice(imported.to!.expression.start, imported.to!.expression.end), 'awscc_cognito_user_pool_client.c1');
});

test('a keystroke that changes no name keeps the module lists (same objects); a rename or a new target replaces them', () => {
  const ws = new Workspace({ listFiles: () => [], readFile: () => undefined });
  const u = 'file:///virtual/stable/main.tf';
  const blocks = Array.from({ length: 30 }, (_, i) => `resource "awscc_cognito_user_pool_client" "c${i}" {\n  client_name = "n${i}"\n}\n`);
  ws.openDocument(u, 1, blocks.join('\n') + 'import {\n  to = awscc_cognito_user_pool_client.c1\n  id = "a|b"\n}\n');
  let version = 1;
  const edit = (find: string, offset: number, text: string) => {
    const at = ws.getDocument(u)!.file.text.indexOf(find) + offset;
    ws.changeDocument(u, ++version, [{ start: at, end: at, text }]);
  };
  const resources = ws.moduleFor(u).resources();
  const imports = ws.moduleFor(u).imports();

  edit('"n7"', 3, 'x'); // a value inside client c7
  const module = ws.moduleFor(u);
  assert.equal(module.resources(), resources, 'same list object: indexes reused');
  const c7 = module.findResource('awscc_cognito_user_pool_client', 'c7')!;
  const file = ws.getDocument(u)!.file;
  assert.ok(file.body.items.includes(c7.node as never), 'the declaration follows its block into the new version');
  assert.match(file.slice(c7.node!.start, c7.node!.end), /client_name = "n7x"/);

  edit('"a|b"', 2, 'z'); // the import's id, not its target
  assert.equal(ws.moduleFor(u).imports(), imports);
  const importBlock = ws.moduleFor(u).imports()[0].block;
  assert.ok(ws.getDocument(u)!.file.body.items.includes(importBlock), 'the import declaration points at the current block');

  edit('"c9"', 3, 'y'); // a rename
  const renamed = ws.moduleFor(u).resources();
  assert.notEqual(renamed, resources);
  assert.ok(renamed.some((r) => r.name === 'c9y') && !renamed.some((r) => r.name === 'c9'));

  edit('_client.c1', 10, '0'); // a new import target
  assert.notEqual(ws.moduleFor(u).imports(), imports);
  assert.equal(ws.moduleFor(u).imports()[0].to?.address, 'awscc_cognito_user_pool_client.c10');
});

test('a .tf link to a regular file is a module file (Terraform reads it); links to nothing, folders and FIFOs are not', () => {
  const shared = tempModule({ 'client.tf': 'resource "awscc_cognito_user_pool_client" "web" {\n  user_pool_id = "us-east-1_Abc"\n  client_name  = "web"\n}\n' });
  const dir = tempModule({ 'imports.tf': 'import {\n  to = awscc_cognito_user_pool_client.web\n  id = "us-east-1_Abc|1example23456789"\n}\n' });
  try {
    // The module's only resource lives in a file outside the folder, reached through a link.
    symlinkSync(join(shared, 'client.tf'), join(dir, 'client.tf'));
    symlinkSync(join(dir, 'nowhere.tf'), join(dir, 'dangling.tf'));
    symlinkSync(shared, join(dir, 'folder.tf'));
    assert.equal(spawnSync('mkfifo', [join(dir, 'pipe.tf')]).status, 0, 'mkfifo');
    const ws = new Workspace();
    const importsUri = uri(join(dir, 'imports.tf'));
    ws.openDocument(importsUri, 1, readFileSync(join(dir, 'imports.tf'), 'utf8'));
    const module = ws.moduleFor(importsUri);
    assert.deepEqual(module.resources('awscc_cognito_user_pool_client').map((r) => [r.name, r.uri]), [['web', uri(join(dir, 'client.tf'))]]);
    assert.deepEqual(module.documents().map((d) => d.uri).sort(), [uri(join(dir, 'client.tf')), importsUri]);
    const ctx = ws.contextFor(importsUri)!;
    assert.deepEqual(computeDiagnostics(ctx).filter((d) => d.code === 'CUP610').map((d) => d.message), []);
    // Asked for directly (a client that opens nothing but names the FIFO), it is refused without opening it.
    assert.equal(ws.contextFor(uri(join(dir, 'pipe.tf'))), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(shared, { recursive: true, force: true });
  }
});
