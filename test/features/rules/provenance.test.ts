// Where a value came from decides what a finding is worth: a variable's default is a placeholder a caller
// may replace (Information at most, on the attribute and on the default), a tfvars file sets the value
// Terraform will use (the rule's own severity), a literal or a local of literals is certain.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { client, diagnose, expectAt, expectNone, marked, reported } from './helpers';
import { contextFor } from '../../support/context';
import { computeDiagnostics } from '../../../server/src/features/diagnostics';

const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

/** `severity code "covered text"` for every diagnostic of `code` in file `name` of a module of `files`. */
function findingsIn(files: Record<string, string>, name: string, code = 'CUP203'): string[] {
  const { [name]: text, ...others } = files;
  const ctx = contextFor(text, others, name);
  const lines = ctx.document.file.lines;
  return computeDiagnostics(ctx).filter((d) => d.code === code).map((d) => `${SEVERITY[d.severity ?? 1]} ${d.code} ${text.slice(lines.offsetAt(d.range.start), lines.offsetAt(d.range.end))}`);
}

describe('value provenance', () => {
  const name = 'resource "awscc_cognito_user_pool_client" "c" {\n  user_pool_id = "us-east-1_AbC123"\n  client_name  = var.client_name\n}\n';
  const emptyDefault = 'variable "client_name" {\n  type    = string\n  default = ""\n}\n';

  test("CUP203 on a value only a variable's default supplies: Information naming the condition, on the attribute and on the default", () => {
    const [d] = expectAt(client('  client_name = «var.client_name»'), 'CUP203', 'information', { 'variables.tf': emptyDefault });
    assert.match(d.message, /only if var\.client_name keeps its default ""/);
    assert.deepEqual(findingsIn({ 'main.tf': name, 'variables.tf': emptyDefault }, 'variables.tf'), ['information CUP203 ""']);
    const [onDefault] = computeDiagnostics(contextFor(emptyDefault, { 'main.tf': name }, 'variables.tf'));
    assert.match(String(onDefault.message), /With this default, CUP203 reports in main\.tf \(line 3\)/);
  });

  test('the same module in one file: the finding on the default is there too', () => {
    assert.deepEqual(findingsIn({ 'main.tf': emptyDefault + name }, 'main.tf'), ['information CUP203 ""', 'information CUP203 var.client_name']);
  });

  test('a literal, and a local of literals, keep the rule severity', () => {
    expectAt(client('  client_name = «""»'), 'CUP203', 'error');
    expectAt(client('  client_name = «local.n»') + 'locals {\n  n = ""\n}\n', 'CUP203', 'error');
  });

  test('a local that holds a variable with a default is judged by the default', () => {
    expectAt(client('  client_name = «local.n»') + 'locals {\n  n = var.client_name\n}\n', 'CUP203', 'information', { 'variables.tf': emptyDefault });
  });

  test('terraform.tfvars sets the value: judged by it, with the rule severity, naming the file and line', () => {
    const [d] = expectAt(client('  client_name = «var.client_name»'), 'CUP203', 'error', {
      'variables.tf': 'variable "client_name" {\n  default = "fine"\n}\n',
      'terraform.tfvars': 'region = "eu-west-1"\nclient_name = ""\n',
    });
    assert.match(d.message, /set in terraform\.tfvars line 2/);
    // A good value there clears the placeholder default.
    expectNone(client('  client_name = var.client_name'), 'CUP203', { 'variables.tf': emptyDefault, 'terraform.tfvars': 'client_name = "web"\n' });
  });

  test('*.auto.tfvars load after terraform.tfvars and in name order; .json forms too', () => {
    const vars = { 'variables.tf': emptyDefault };
    // b.auto.tfvars.json is loaded last: its good value wins.
    expectNone(client('  client_name = var.client_name'), 'CUP203', {
      ...vars,
      'terraform.tfvars': 'client_name = ""\n',
      'a.auto.tfvars': 'client_name = ""\n',
      'b.auto.tfvars.json': '{\n  "client_name": "web"\n}\n',
    });
    const [d] = expectAt(client('  client_name = «var.client_name»'), 'CUP203', 'error', {
      ...vars,
      'terraform.tfvars.json': '{ "client_name": "web" }',
      'z.auto.tfvars': '\n\nclient_name = ""\n',
    });
    assert.match(d.message, /set in z\.auto\.tfvars line 3/);
    // A file Terraform does not load by itself changes nothing.
    expectAt(client('  client_name = «var.client_name»'), 'CUP203', 'information', { ...vars, 'prod.tfvars': 'client_name = "web"\n' });
  });

  test('cross-field rules: CUP406 from a [] default and CUP409 from a true default are Information', () => {
    const vars = {
      'variables.tf':
        'variable "callback_urls" {\n  type    = list(string)\n  default = []\n}\nvariable "oauth_enabled" {\n  default = true\n}\nvariable "flows" {\n  default = []\n}\n',
    };
    const body = '  allowed_o_auth_flows_user_pool_client = true\n  allowed_o_auth_flows = [«"code"»]\n  allowed_o_auth_scopes = ["openid"]\n  callback_ur_ls = var.callback_urls';
    const [d] = expectAt(client(body), 'CUP406', 'information', vars);
    assert.match(d.message, /var\.callback_urls keeps its default \[\]/);
    expectAt(client('  allowed_o_auth_flows_user_pool_client = «var.oauth_enabled»\n  allowed_o_auth_flows = var.flows\n  allowed_o_auth_scopes = ["openid"]'), 'CUP409', 'information', vars);
    // The same settings written in place are a Warning.
    expectAt(client('  allowed_o_auth_flows_user_pool_client = true\n  allowed_o_auth_flows = [«"code"»]\n  allowed_o_auth_scopes = ["openid"]\n  callback_ur_ls = []'), 'CUP406', 'warning');
  });

  test('CUP409 rests on the empty list only: the default of the list that is set is not blamed', () => {
    const vars = 'variable "flows" {\n  default = []\n}\nvariable "scopes" {\n  default = ["openid"]\n}\n';
    const main = client('  allowed_o_auth_flows_user_pool_client = true\n  allowed_o_auth_flows = var.flows\n  allowed_o_auth_scopes = var.scopes');
    assert.deepEqual(findingsIn({ 'main.tf': main, 'variables.tf': vars }, 'variables.tf', 'CUP409'), ['information CUP409 []']);
    const [d] = diagnose(main, { 'variables.tf': vars }).filter((x) => x.code === 'CUP409');
    assert.match(d.message, /only if var\.flows keeps its default \[\]:/);
  });

  test('values rules of every family: enum, range, token validity, list size', () => {
    const vars = {
      'variables.tf':
        'variable "mode" {\n  default = "Legacy"\n}\nvariable "refresh" {\n  default = 0\n}\nvariable "access_hours" {\n  default = 48\n}\nvariable "scopes" {\n  default = ["openid", "openid"]\n}\n',
    };
    expectAt(client('  prevent_user_existence_errors = «var.mode»'), 'CUP201', 'information', vars);
    expectAt(client('  refresh_token_validity = «var.refresh»'), 'CUP202', 'information', vars);
    expectAt(client('  access_token_validity = «var.access_hours»'), 'CUP301', 'information', vars);
    assert.deepEqual(reported(client('  allowed_o_auth_scopes = var.scopes'), 'CUP206', vars), ['information var.scopes']);
  });

  test('raising a rule in the settings does not raise a finding that rests on a default', () => {
    const text = client('  client_name = var.client_name');
    const severities = diagnose(text, { 'variables.tf': emptyDefault }, { severities: { CUP203: 'error' } })
      .filter((d) => d.code === 'CUP203')
      .map((d) => d.severity);
    assert.deepEqual(severities, [3]);
  });

  test('the item cache sees a tfvars edit', () => {
    const { text } = marked(client('  client_name = var.client_name'));
    const files = { 'main.tf': text, 'variables.tf': emptyDefault };
    assert.deepEqual(findingsIn(files, 'main.tf'), ['information CUP203 var.client_name']);
    assert.deepEqual(findingsIn({ ...files, 'terraform.tfvars': 'client_name = ""\n' }, 'main.tf'), ['error CUP203 var.client_name']);
    assert.deepEqual(findingsIn({ ...files, 'terraform.tfvars': 'client_name = "ok"\n' }, 'main.tf'), []);
  });
});
