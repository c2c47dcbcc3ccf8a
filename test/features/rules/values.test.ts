import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, client, diagnose, expectAt, expectNone } from './helpers';

describe('CUP201 invalid-enum-value', () => {
  test('wrong case and typos in lists and strings, fixed to the allowed value', () => {
    expectAt(
      client('  explicit_auth_flows = [«"allow_user_srp_auth"», "ALLOW_REFRESH_TOKEN_AUTH"]\n  prevent_user_existence_errors = «"ENABLE"»\n  allowed_o_auth_flows = [«"authorization_code"»]'),
      'CUP201',
      'error',
    );
    assert.equal(
      applyFix(client('  explicit_auth_flows = ["allow_user_srp_auth"]'), 'CUP201'),
      client('  explicit_auth_flows = ["ALLOW_USER_SRP_AUTH"]'),
    );
  });
  test('nested units and the provider-checked rotation feature', () => {
    expectAt(client('  token_validity_units = { access_token = «"hour"» }\n  refresh_token_rotation = { feature = «"on"» }'), 'CUP201', 'error');
  });
  test('a value from local.x is reported on the reference, without a fix', () => {
    const [d] = expectAt(client('  prevent_user_existence_errors = «local.mode»') + 'locals {\n  mode = "enabled"\n}\n', 'CUP201', 'error');
    assert.match(d.message, /value of local\.mode/);
  });
  test("a variable's literal default is checked (as Information: callers may pass another value); a variable without default is not", () => {
    const vars = { 'variables.tf': 'variable "mode" {\n  default = "Legacy"\n}\nvariable "free" {}\n' };
    expectAt(client('  prevent_user_existence_errors = «var.mode»'), 'CUP201', 'information', vars);
    expectNone(client('  prevent_user_existence_errors = var.free'), 'CUP201', vars);
  });
  test('expressions are left alone', () => {
    expectNone(
      client('  prevent_user_existence_errors = var.strict ? "ENABLED" : "LEGACY"\n  explicit_auth_flows = concat(["x"], var.more)\n  allowed_o_auth_flows = [for f in var.flows : f]\n  token_validity_units = { access_token = "${var.unit}" }'),
      'CUP201',
    );
  });
});

describe('CUP202 number-out-of-range', () => {
  test('provider ranges, including negative numbers and zero refresh validity', () => {
    expectAt(client('  auth_session_validity = «2»\n  refresh_token_validity = «0»\n  access_token_validity = «-1»\n  refresh_token_rotation = { retry_grace_period_seconds = «61» }'), 'CUP202', 'error');
    expectNone(client('  auth_session_validity = 3\n  refresh_token_rotation = { retry_grace_period_seconds = 0 }'), 'CUP202');
  });
});

describe('CUP203 string-length / CUP204 string-pattern', () => {
  test('empty and over-long values', () => {
    expectAt(client(`  client_name = «""»\n  callback_ur_ls = [«"https://x.example/${'a'.repeat(1100)}"»]`), 'CUP203', 'error');
  });
  test('user pool id, client name and scope shapes', () => {
    const text = 'resource "awscc_cognito_user_pool_client" "c" {\n  user_pool_id = «"my pool"»\n  client_name = «"web/app"»\n  allowed_o_auth_scopes = [«"has space"», "openid"]\n}\n';
    expectAt(text, 'CUP204', 'error');
  });
  test('a reference for user_pool_id is not checked', () => {
    expectNone('resource "awscc_cognito_user_pool_client" "c" {\n  user_pool_id = awscc_cognito_user_pool.p.user_pool_id\n}\n', 'CUP204');
  });
});

describe('CUP205 list-too-long', () => {
  test('four OAuth flows: reported on the first item over the limit', () => {
    expectAt(client('  allowed_o_auth_flows = ["code", "implicit", "code", «"implicit"»]'), 'CUP205', 'error');
  });
});

describe('CUP206 duplicate-list-item', () => {
  test('the repeat is a warning and the fix removes it', () => {
    expectAt(client('  read_attributes = ["email", "name", «"email"»]'), 'CUP206', 'warning');
    assert.equal(applyFix(client('  read_attributes = ["email", "name", "email"]'), 'CUP206'), client('  read_attributes = ["email", "name"]'));
    assert.equal(applyFix(client('  read_attributes = ["email", "email", "name"]'), 'CUP206'), client('  read_attributes = ["email", "name"]'));
    const multiLine = client('  read_attributes = [\n    "email",\n    "email",\n    "name",\n  ]');
    assert.equal(applyFix(multiLine, 'CUP206'), client('  read_attributes = [\n    "email",\n    "name",\n  ]'));
  });
});

describe('CUP207 invalid-callback-url / CUP208 questionable-logout-url', () => {
  test('relative, fragment and plain-http callback URLs are errors; loopback http and app schemes are fine', () => {
    expectAt(
      client('  callback_ur_ls = [«"/cb"», «"https://a.example/cb#x"», «"http://a.example/cb"», "http://localhost:3000/cb", "http://127.0.0.1/cb", "http://[::1]:8080/", "myapp://cb"]\n  default_redirect_uri = «"http://a.example/cb"»'),
      'CUP207',
      'error',
    );
  });
  test('the same on logout URLs is information and says UNCONFIRMED', () => {
    const [d] = expectAt(client('  logout_ur_ls = [«"http://a.example/bye"», "https://a.example/bye"]'), 'CUP208', 'information');
    assert.match(d.message, /UNCONFIRMED/);
  });
});

describe('CUP209 unknown-user-attribute / CUP210 unknown-oauth-scope', () => {
  test('misspelt attributes warn with a fix; custom: and standard names pass', () => {
    expectAt(client('  read_attributes = [«"emial"», "custom:tenant", "email_verified"]\n  write_attributes = [«"tenant"», «"dev:x"»]'), 'CUP209', 'warning');
    assert.equal(applyFix(client('  read_attributes = ["emial"]'), 'CUP209'), client('  read_attributes = ["email"]'));
  });
  test('scopes: case typos warn, custom resource-server scopes pass', () => {
    expectAt(client('  allowed_o_auth_scopes = [«"OpenID"», "orders/read", "aws.cognito.signin.user.admin"]'), 'CUP210', 'warning');
    assert.equal(applyFix(client('  allowed_o_auth_scopes = ["OpenID"]'), 'CUP210'), client('  allowed_o_auth_scopes = ["openid"]'));
  });
});

describe('values resolved through locals', () => {
  test('a list in a local is checked item by item, reported on the reference', () => {
    const text = client('  callback_ur_ls = «local.urls»') + 'locals {\n  urls = ["http://a.example/cb"]\n}\n';
    const codes = diagnose(text.replace(/[«»]/g, '')).map((d) => d.code);
    assert.ok(codes.includes('CUP207'));
  });
});
