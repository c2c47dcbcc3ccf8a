// The values Terraform loads by itself: terraform.tfvars, terraform.tfvars.json, then *.auto.tfvars and
// *.auto.tfvars.json by name, the last one winning; other .tfvars files only load when asked (-var-file).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Workspace, createModuleFromTexts, isTfvarsFileName } from '../../server/src/model';

const uri = (p: string) => pathToFileURL(p).href;

test('which files Terraform loads without being asked', () => {
  for (const name of ['terraform.tfvars', 'terraform.tfvars.json', 'prod.auto.tfvars', 'a.auto.tfvars.json']) assert.ok(isTfvarsFileName(name), name);
  for (const name of ['prod.tfvars', 'terraform.tfvars.bak', 'auto.tfvars', 'main.tf', 'vars.json']) assert.ok(!isTfvarsFileName(name), name);
});

test('loading order: fixed names first, auto files by name; the value names its file and line', () => {
  const { module } = createModuleFromTexts({
    'main.tf': 'variable "a" {}\n',
    'b.auto.tfvars': 'a = "from b"\n',
    'terraform.tfvars': 'a = "from terraform.tfvars"\nb = 1\n',
    'terraform.tfvars.json': '{\n  "a": "from json",\n  "c": [1, 2]\n}\n',
    'a.auto.tfvars.json': '{ "a": "from a" }',
    'prod.tfvars': 'a = "never loaded"\nd = true\n',
  });
  const a = module.tfvarsValue('a');
  assert.equal(a?.fileName, 'b.auto.tfvars');
  assert.equal(a?.text, '"from b"');
  assert.equal(a?.line, 0);
  assert.equal(module.tfvarsValue('b')?.fileName, 'terraform.tfvars');
  assert.equal(module.tfvarsValue('b')?.line, 1);
  assert.deepEqual(module.tfvarsValue('c')?.json, { value: [1, 2] });
  assert.equal(module.tfvarsValue('c')?.line, 2);
  assert.equal(module.tfvarsValue('d'), undefined);
  // Files Terraform loads are not documents of the module.
  assert.deepEqual(module.documents().map((d) => d.uri.slice(d.uri.lastIndexOf('/') + 1)), ['main.tf']);
});

test('broken tfvars files set nothing and do not throw', () => {
  const { module } = createModuleFromTexts({
    'main.tf': 'variable "a" {}\n',
    'terraform.tfvars.json': '{ "a": ',
    'x.auto.tfvars': 'a = [\n',
    'y.auto.tfvars.json': '[1, 2]',
  });
  assert.equal(module.tfvarsValue('a'), undefined);
});

test('tfvars files on disk are read, and file events keep them current', () => {
  const dir = mkdtempSync(join(tmpdir(), 'awscc-tfvars-'));
  try {
    writeFileSync(join(dir, 'main.tf'), 'variable "name" {\n  default = ""\n}\n');
    writeFileSync(join(dir, 'terraform.tfvars'), 'name = "web"\n');
    const ws = new Workspace();
    const main = uri(join(dir, 'main.tf'));
    assert.equal(ws.moduleFor(main).tfvarsValue('name')?.text, '"web"');
    writeFileSync(join(dir, 'z.auto.tfvars'), 'name = "admin"\n');
    ws.fileChanged(uri(join(dir, 'z.auto.tfvars')), 'created');
    assert.equal(ws.moduleFor(main).tfvarsValue('name')?.text, '"admin"');
    writeFileSync(join(dir, 'z.auto.tfvars'), 'name = "ops"\n');
    ws.fileChanged(uri(join(dir, 'z.auto.tfvars')), 'changed');
    assert.equal(ws.moduleFor(main).tfvarsValue('name')?.text, '"ops"');
    unlinkSync(join(dir, 'z.auto.tfvars'));
    ws.fileChanged(uri(join(dir, 'z.auto.tfvars')), 'deleted');
    assert.equal(ws.moduleFor(main).tfvarsValue('name')?.text, '"web"');
    // An open tfvars document wins over its file, as .tf documents do.
    ws.openDocument(uri(join(dir, 'terraform.tfvars')), 1, 'name = "typed"\n');
    assert.equal(ws.moduleFor(main).tfvarsValue('name')?.text, '"typed"');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
