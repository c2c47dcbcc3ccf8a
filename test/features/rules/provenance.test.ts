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
    assert.match(String(d.message), /only if var\.client_name keeps its default ""/);
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
    assert.match(String(d.message), /set in terraform\.tfvars line 2/);
    // A good value there clears the placeholder default.
    expectNone(client('  client_name = var.client_name'), 'CUP203', { 'variables.tf': emptyDefault, 'terraform.tfvars': 'client_name = "web"\n' });
  });

  test('a cross-field finding from a tfvars value keeps its severity and names the file and line', () => {
    const [d] = expectAt(
      client('  allowed_o_auth_flows_user_pool_client = true\n  allowed_o_auth_flows = [«"code"»]\n  allowed_o_auth_scopes = ["openid"]\n  callback_ur_ls = var.callbacks'),
      'CUP406',
      'warning',
      { 'variables.tf': 'variable "callbacks" {\n  default = ["https://a.example/cb"]\n}\n', 'terraform.tfvars': '\ncallbacks = []\n' },
    );
    assert.match(String(d.message), /\(var\.callbacks is set in terraform\.tfvars line 2\)$/);
    // Named once, not twice, when the rule already says it.
    const [v] = expectAt(client('  client_name = «local.n»') + 'locals {\n  n = var.name\n}\n', 'CUP203', 'error', {
      'variables.tf': 'variable "name" {\n  default = "x"\n}\n',
      'terraform.tfvars': 'name = ""\n',
    });
    assert.equal(String(v.message).split('terraform.tfvars line 1').length, 2, String(v.message));
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
    assert.match(String(d.message), /set in z\.auto\.tfvars line 3/);
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
    assert.match(String(d.message), /var\.callback_urls keeps its default \[\]/);
    expectAt(client('  allowed_o_auth_flows_user_pool_client = «var.oauth_enabled»\n  allowed_o_auth_flows = var.flows\n  allowed_o_auth_scopes = ["openid"]'), 'CUP409', 'information', vars);
    // The same settings written in place are a Warning.
    expectAt(client('  allowed_o_auth_flows_user_pool_client = true\n  allowed_o_auth_flows = [«"code"»]\n  allowed_o_auth_scopes = ["openid"]\n  callback_ur_ls = []'), 'CUP406', 'warning');
  });

  test('CUP409 rests on the empty list only: the default of the list that is set is not blamed', () => {
    const vars = 'variable "flows" {\n  default = []\n}\nvariable "scopes" {\n  default = ["openid"]\n}\n';
    const main = client('  allowed_o_auth_flows_user_pool_client = true\n  allowed_o_auth_flows = var.flows\n  allowed_o_auth_scopes = var.scopes');
    assert.deepEqual(findingsIn({ 'main.tf': main, 'variables.tf': vars }, 'variables.tf', 'CUP409'), ['information CUP409 []']);
    const [d] = diagnose(main, { 'variables.tf': vars }).filter((x) => x.code === 'CUP409');
    assert.match(String(d.message), /only if var\.flows keeps its default \[\]:/);
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

// Every rule that judges a setting's value, with the offending value supplied only by a default: what is
// reported is Information (the rule is still heard, at the lowest severity, naming the condition).
describe('every value rule is Information when the value is only a default', () => {
  const cases: [code: string, variables: string, body: string][] = [
    ['CUP102', 'variable "units" {\n  default = { access_token = "hours", session = "hours" }\n}\n', '  token_validity_units = var.units'],
    ['CUP105', 'variable "validity" {\n  default = "one day"\n}\n', '  refresh_token_validity = var.validity'],
    ['CUP201', 'variable "flows" {\n  default = ["authorization_code"]\n}\n', '  allowed_o_auth_flows = var.flows\n  allowed_o_auth_flows_user_pool_client = true\n  allowed_o_auth_scopes = ["openid"]\n  callback_ur_ls = ["https://a.example/cb"]'],
    ['CUP202', 'variable "session" {\n  default = 20\n}\n', '  auth_session_validity = var.session'],
    ['CUP203', 'variable "name" {\n  default = ""\n}\n', '  client_name = var.name'],
    ['CUP204', 'variable "name" {\n  default = "web (prod)"\n}\n', '  client_name = var.name'],
    ['CUP205', 'variable "flows" {\n  default = ["code", "implicit", "code", "implicit"]\n}\n', '  allowed_o_auth_flows = var.flows'],
    ['CUP206', 'variable "scopes" {\n  default = ["openid", "openid"]\n}\n', '  allowed_o_auth_scopes = var.scopes'],
    ['CUP207', 'variable "callbacks" {\n  default = ["http://app.example.com/cb"]\n}\n', '  callback_ur_ls = var.callbacks'],
    ['CUP209', 'variable "read" {\n  default = ["emial"]\n}\n', '  read_attributes = var.read'],
    ['CUP210', 'variable "scopes" {\n  default = ["opneid"]\n}\n', '  allowed_o_auth_scopes = var.scopes'],
    ['CUP301', 'variable "hours" {\n  default = 30\n}\n', '  access_token_validity = var.hours'],
    ['CUP302', 'variable "refresh" {\n  default = 1\n}\n', '  access_token_validity = 23\n  refresh_token_validity = var.refresh\n  token_validity_units = { access_token = "hours", refresh_token = "hours" }'],
    ['CUP401', 'variable "flows" {\n  default = ["client_credentials", "code"]\n}\n', '  generate_secret = true\n  allowed_o_auth_flows = var.flows\n  allowed_o_auth_flows_user_pool_client = true\n  allowed_o_auth_scopes = ["a/b"]\n  callback_ur_ls = ["https://a.example/cb"]'],
    ['CUP402', 'variable "auth" {\n  default = ["USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]\n}\n', '  explicit_auth_flows = var.auth'],
    ['CUP403', 'variable "landing" {\n  default = "https://a.example/home"\n}\n', '  callback_ur_ls = ["https://a.example/cb"]\n  default_redirect_uri = var.landing'],
    ['CUP404', 'variable "context_data" {\n  default = true\n}\n', '  enable_propagate_additional_user_context_data = var.context_data'],
    ['CUP405', 'variable "secret" {\n  default = false\n}\n', '  generate_secret = var.secret\n  allowed_o_auth_flows = ["client_credentials"]\n  allowed_o_auth_flows_user_pool_client = true\n  allowed_o_auth_scopes = ["a/b"]'],
    ['CUP406', 'variable "callbacks" {\n  default = []\n}\n', '  allowed_o_auth_flows = ["code"]\n  allowed_o_auth_flows_user_pool_client = true\n  allowed_o_auth_scopes = ["openid"]\n  callback_ur_ls = var.callbacks'],
    ['CUP407', 'variable "oauth" {\n  default = false\n}\n', '  allowed_o_auth_flows_user_pool_client = var.oauth\n  allowed_o_auth_flows = ["code"]\n  allowed_o_auth_scopes = ["openid"]\n  callback_ur_ls = ["https://a.example/cb"]'],
    ['CUP409', 'variable "oauth" {\n  default = true\n}\n', '  allowed_o_auth_flows_user_pool_client = var.oauth'],
    ['CUP501', 'variable "flows" {\n  default = ["implicit"]\n}\n', '  allowed_o_auth_flows = var.flows\n  allowed_o_auth_flows_user_pool_client = true\n  allowed_o_auth_scopes = ["openid"]\n  callback_ur_ls = ["https://a.example/cb"]'],
    ['CUP502', 'variable "existence" {\n  default = "LEGACY"\n}\n', '  prevent_user_existence_errors = var.existence'],
    ['CUP503', 'variable "revocation" {\n  default = false\n}\n', '  enable_token_revocation = var.revocation'],
  ];
  test('CUP801 (pool graph): a scope from a default is Information, the same scope in place an Error', () => {
    const module = (scopes: string) =>
      'resource "aws_cognito_user_pool" "main" {\n  name = "p"\n}\n' +
      'resource "aws_cognito_resource_server" "orders" {\n  identifier   = "orders"\n  name         = "orders"\n  user_pool_id = aws_cognito_user_pool.main.id\n  scope {\n    scope_name        = "read"\n    scope_description = "Read"\n  }\n}\n' +
      `resource "awscc_cognito_user_pool_client" "c" {\n  user_pool_id          = aws_cognito_user_pool.main.id\n  allowed_o_auth_scopes = ${scopes}\n  depends_on            = [aws_cognito_resource_server.orders]\n}\n`;
    const vars = { 'variables.tf': 'variable "scopes" {\n  default = ["orders/raed"]\n}\n' };
    assert.deepEqual(reported(module('var.scopes'), 'CUP801', vars), ['information var.scopes']);
    assert.deepEqual(reported(module('["orders/raed"]'), 'CUP801'), ['error "orders/raed"']);
  });

  for (const [code, variables, body] of cases) {
    test(code, () => {
      const text = client(body);
      const mine = diagnose(text, { 'variables.tf': variables }).filter((d) => d.code === code);
      assert.ok(mine.length > 0, `${code} not reported at all`);
      for (const d of mine) {
        assert.equal(SEVERITY[d.severity ?? 1], "information", String(d.message));
        assert.match(String(d.message), /keeps its default/);
      }
      // The same value written in place keeps the rule's own severity.
      const inPlace = text.replace(/var\.\w+/, () => /default = (.*)\n/.exec(variables)![1]);
      const literal = diagnose(inPlace).filter((d) => d.code === code);
      assert.ok(literal.length > 0 && literal.every((d) => !/keeps its default/.test(String(d.message))), `${code} in place: ${literal.map((d) => d.message).join(' | ')}`);
    });
  }
});
