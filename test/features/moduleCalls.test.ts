// Module calls: a child module evaluated with the arguments each call passes. Findings a caller's values
// cause in the child are reported on the caller's arguments; the child's own files show its placeholder
// defaults only as Information; nothing is reported inside .terraform/.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Workspace, type FileSystemHost } from '../../server/src/model';
import { computeDiagnostics } from '../../server/src/features/diagnostics';

const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

/** An in-memory folder tree: path → text. */
function memoryFs(files: Record<string, string>): FileSystemHost {
  return {
    listFiles: (dir) => Object.keys(files).filter((p) => dirname(p) === dir).map((p) => p.slice(dir.length + 1)),
    readFile: (path) => files[path],
  };
}

function fixtureTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[join('/m', relative(dir, full))] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/** `line: severity code` of each diagnostic of a file opened from the tree, and the messages. */
function check(files: Record<string, string>, path: string): { lines: string[]; messages: string[] } {
  const workspace = new Workspace(memoryFs(files));
  const uri = pathToFileURL(path).href;
  workspace.openDocument(uri, 1, files[path]);
  const diagnostics = computeDiagnostics(workspace.contextFor(uri)!);
  return {
    lines: diagnostics.map((d) => `${d.range.start.line + 1}: ${SEVERITY[d.severity!]} ${d.code}`),
    messages: diagnostics.map((d) => String(d.message)),
  };
}

const TWO_CALLS = fixtureTree(join(__dirname, '..', 'fixtures', 'modules', 'two-calls'));

describe('two calls of one local child module', () => {
  test('the right call gets nothing; the wrong call gets each refused value on its own argument', () => {
    const { lines, messages } = check(TWO_CALLS, '/m/main.tf');
    const text = TWO_CALLS['/m/main.tf'].split('\n');
    const lineOf = (needle: string) => text.findIndex((l) => l.includes(needle)) + 1;
    assert.deepEqual(lines, [
      `${lineOf('back-office-console')}: error CUP203`,
      `${lineOf('ALLOW_USER_SRP"')}: error CUP201`,
      `${lineOf('catalog.example.com/edit')}: error CUP801`,
    ]);
    assert.match(messages[0], /^In module\.back_office \(modules\/app-client\/client\.tf line 3\): .*1 to 128 characters/);
    assert.match(messages[2], /declares "browse"/);
  });
  test("the child's own files show its placeholder defaults as Information only", () => {
    const { lines } = check(TWO_CALLS, '/m/modules/app-client/client.tf');
    assert.ok(lines.length > 0);
    for (const line of lines) assert.match(line, /information/);
  });
  test('an argument the call leaves out is reported on the call when the default is refused', () => {
    const files = { ...TWO_CALLS };
    files['/m/main.tf'] += '\nmodule "nameless" {\n  source       = "./modules/app-client"\n  user_pool_id = "us-east-1_AbC123"\n  scopes       = ["openid"]\n}\n';
    const { lines, messages } = check(files, '/m/main.tf');
    const at = files['/m/main.tf'].split('\n').findIndex((l) => l.startsWith('module "nameless"')) + 1;
    assert.ok(lines.includes(`${at}: error CUP203`), lines.join('\n'));
    assert.ok(messages.some((m) => /module\.nameless does not set "client_name"/.test(m)));
  });
});

describe('modules that terraform init installed', () => {
  const files: Record<string, string> = {
    '/r/main.tf': 'module "login" {\n  source      = "example/cognito-client/aws"\n  version     = "1.0.0"\n  client_name = ""\n}\n',
    '/r/.terraform/modules/modules.json': JSON.stringify({ Modules: [{ Key: '', Source: '', Dir: '.' }, { Key: 'login', Source: 'registry.terraform.io/example/cognito-client/aws', Dir: '.terraform/modules/login' }] }),
    '/r/.terraform/modules/login/main.tf':
      'variable "client_name" {\n  type = string\n}\n\nresource "awscc_cognito_user_pool_client" "this" {\n  user_pool_id = "us-east-1_AbC123"\n  client_name  = var.client_name\n}\n',
  };
  test('the call is evaluated with the installed child, and the finding lands on the argument', () => {
    assert.deepEqual(check(files, '/r/main.tf').lines, ['4: error CUP203']);
  });
  test('nothing is reported in a file under .terraform/', () => {
    assert.deepEqual(check(files, '/r/.terraform/modules/login/main.tf').lines, []);
  });
});

describe('calls of calls', () => {
  // The root passes a name to a wrapper module, which passes it on to the client module.
  const files: Record<string, string> = {
    '/n/main.tf': 'module "wrapper" {\n  source = "./wrapper"\n  name   = "' + 'n'.repeat(150) + '"\n}\n',
    '/n/wrapper/main.tf': 'variable "name" {\n  type    = string\n  default = "ok"\n}\n\nmodule "client" {\n  source      = "../client"\n  client_name = var.name\n}\n',
    '/n/client/main.tf':
      'variable "client_name" {\n  type = string\n}\n\nresource "awscc_cognito_user_pool_client" "this" {\n  user_pool_id = "us-east-1_AbC123"\n  client_name  = var.client_name\n}\n',
  };
  test("a grandchild's finding that rests on the root's argument is reported there, with the path of calls", () => {
    const { lines, messages } = check(files, '/n/main.tf');
    assert.deepEqual(lines, ['3: error CUP203']);
    assert.match(messages[0], /^In module\.wrapper → module\.client \(client\/main\.tf line 7\): /);
  });
  test('the wrapper itself reports nothing for its own default ("ok" is a valid name)', () => {
    assert.deepEqual(check(files, '/n/wrapper/main.tf').lines, []);
  });
  test('a loop of calls ends', () => {
    const loop = { ...files, '/n/client/main.tf': files['/n/client/main.tf'] + '\nmodule "again" {\n  source = "../wrapper"\n  name   = var.client_name\n}\n' };
    assert.deepEqual(check(loop, '/n/main.tf').lines, ['3: error CUP203']);
  });
});
