import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, client, diagnose, expectAt, expectNone } from './helpers';

const OAUTH = '  allowed_o_auth_flows_user_pool_client = true\n  allowed_o_auth_scopes = ["openid"]\n';

describe('CUP401 client-credentials-not-alone', () => {
  test('client_credentials with code is an error on client_credentials', () => {
    expectAt(client(`${OAUTH}  generate_secret = true\n  callback_ur_ls = ["https://a.example/cb"]\n  allowed_o_auth_flows = ["code", «"client_credentials"»]`), 'CUP401', 'error');
    expectNone(client(`${OAUTH}  generate_secret = true\n  allowed_o_auth_flows = ["client_credentials"]`), 'CUP401');
  });
});

describe('CUP402 legacy-auth-flows-mixed', () => {
  test('legacy values next to ALLOW_* values; legacy alone is fine', () => {
    expectAt(client('  explicit_auth_flows = [«"USER_PASSWORD_AUTH"», "ALLOW_REFRESH_TOKEN_AUTH"]'), 'CUP402', 'error');
    expectNone(client('  explicit_auth_flows = ["USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH"]'), 'CUP402');
  });
  test('the message names the ALLOW_ form; the fix writes it', () => {
    const [d] = expectAt(client('  explicit_auth_flows = [«"ADMIN_NO_SRP_AUTH"», "ALLOW_REFRESH_TOKEN_AUTH"]'), 'CUP402', 'error');
    assert.match(d.message as string, /use "ALLOW_ADMIN_USER_PASSWORD_AUTH" instead/);
    assert.equal(
      applyFix(client('  explicit_auth_flows = ["CUSTOM_AUTH_FLOW_ONLY", "ALLOW_REFRESH_TOKEN_AUTH"]'), 'CUP402', 'Change to "ALLOW_CUSTOM_AUTH"'),
      client('  explicit_auth_flows = ["ALLOW_CUSTOM_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]'),
    );
  });
  test('when the ALLOW_ form is already listed the fix removes the legacy value instead of repeating it', () => {
    assert.equal(
      applyFix(client('  explicit_auth_flows = ["ALLOW_USER_PASSWORD_AUTH", "USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]'), 'CUP402', 'Remove "USER_PASSWORD_AUTH" ("ALLOW_USER_PASSWORD_AUTH" is already listed)'),
      client('  explicit_auth_flows = ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]'),
    );
  });
  test('every legacy value gets its own fix; applying them all leaves no legacy value and no repeat', () => {
    let text = client('  explicit_auth_flows = [\n    "USER_PASSWORD_AUTH",\n    "ADMIN_NO_SRP_AUTH",\n    "ALLOW_ADMIN_USER_PASSWORD_AUTH",\n    "ALLOW_REFRESH_TOKEN_AUTH",\n  ]');
    for (let i = 0; i < 3 && diagnose(text).some((d) => d.code === 'CUP402'); i++) text = applyFix(text, 'CUP402');
    assert.equal(text, client('  explicit_auth_flows = [\n    "ALLOW_USER_PASSWORD_AUTH",\n    "ALLOW_ADMIN_USER_PASSWORD_AUTH",\n    "ALLOW_REFRESH_TOKEN_AUTH",\n  ]'));
  });
  test('a value that came through a local gets no fix', () => {
    const text = 'locals {\n  flows = ["USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]\n}\n' + client('  explicit_auth_flows = local.flows');
    assert.throws(() => applyFix(text, 'CUP402'), /no fix|no CUP402 reported/);
  });
});

describe('CUP403 default-redirect-not-in-callbacks', () => {
  const body = `${OAUTH}  allowed_o_auth_flows = ["code"]\n`;
  test('reported on the default URI; the fix appends it to the callbacks', () => {
    expectAt(client(`${body}  callback_ur_ls = ["https://a.example/cb"]\n  default_redirect_uri = «"https://a.example/home"»`), 'CUP403', 'error');
    assert.equal(
      applyFix(client(`${body}  callback_ur_ls = ["https://a.example/cb"]\n  default_redirect_uri = "https://a.example/home"`), 'CUP403'),
      client(`${body}  callback_ur_ls = ["https://a.example/cb", "https://a.example/home"]\n  default_redirect_uri = "https://a.example/home"`),
    );
  });
  test('without any callbacks the fix adds the list', () => {
    const fixed = applyFix(client(`${body}  default_redirect_uri = "https://a.example/cb"`), 'CUP403');
    assert.equal(
      fixed,
      'resource "awscc_cognito_user_pool_client" "c" {\n  callback_ur_ls = ["https://a.example/cb"]\n  user_pool_id = "us-east-1_AbC123"\n' +
        `${body}  default_redirect_uri = "https://a.example/cb"\n}\n`,
    );
  });
  test('callbacks that are not all known: nothing', () => {
    expectNone(client(`${body}  callback_ur_ls = concat(var.urls, ["https://a.example/cb"])\n  default_redirect_uri = "https://a.example/home"`), 'CUP403');
  });
});

describe('CUP404 context-data-needs-secret and CUP405 client-credentials-needs-secret', () => {
  test('without generate_secret: error for context data, warning for client_credentials', () => {
    expectAt(client('  enable_propagate_additional_user_context_data = «true»'), 'CUP404', 'error');
    expectAt(client(`${OAUTH}  allowed_o_auth_flows = [«"client_credentials"»]\n  generate_secret = false`), 'CUP405', 'warning');
    expectNone(client('  enable_propagate_additional_user_context_data = true\n  generate_secret = true'), 'CUP404');
    expectNone(client(`${OAUTH}  allowed_o_auth_flows = ["client_credentials"]\n  generate_secret = var.secret`), 'CUP405');
  });
});

describe('CUP406 browser-flow-needs-callback', () => {
  test('code without callbacks is a warning on the flow', () => {
    expectAt(client(`${OAUTH}  allowed_o_auth_flows = [«"code"»]`), 'CUP406', 'warning');
    expectNone(client(`${OAUTH}  allowed_o_auth_flows = ["code"]\n  callback_ur_ls = var.urls`), 'CUP406');
  });
});

describe('CUP407 oauth-settings-ignored', () => {
  test('OAuth settings without the switch: warning, and the fix adds it', () => {
    const text = client('  «allowed_o_auth_flows» = ["code"]\n  callback_ur_ls = ["https://a.example/cb"]');
    const [d] = expectAt(text, 'CUP407', 'warning');
    // Only what the API reference says: the flag must be true before these can be configured (not "silently ignored").
    assert.match(d.message, /^allowed_o_auth_flows, callback_ur_ls can only be configured when allowed_o_auth_flows_user_pool_client = true/);
    assert.doesNotMatch(d.message, /ignore/);
    assert.equal(
      applyFix(text.replace(/[«»]/g, ''), 'CUP407'),
      'resource "awscc_cognito_user_pool_client" "c" {\n  allowed_o_auth_flows_user_pool_client = true\n  user_pool_id = "us-east-1_AbC123"\n  allowed_o_auth_flows = ["code"]\n  callback_ur_ls = ["https://a.example/cb"]\n}\n',
    );
  });
  test('an explicit false is reported on the value and set to true', () => {
    const text = client('  allowed_o_auth_flows_user_pool_client = «false»\n  allowed_o_auth_scopes = ["openid"]');
    expectAt(text, 'CUP407', 'warning');
    assert.equal(applyFix(text.replace(/[«»]/g, ''), 'CUP407'), client('  allowed_o_auth_flows_user_pool_client = true\n  allowed_o_auth_scopes = ["openid"]'));
  });
  test('a switch from a variable is unknown: nothing', () => {
    expectNone(client('  allowed_o_auth_flows_user_pool_client = var.oauth\n  allowed_o_auth_flows = ["code"]'), 'CUP407');
  });
});

describe('CUP408 rotation-with-refresh-token-auth', () => {
  test('information, UNCONFIRMED, with a fix that drops the flow', () => {
    const text = client('  refresh_token_rotation = { feature = "ENABLED" }\n  explicit_auth_flows = ["ALLOW_USER_SRP_AUTH", «"ALLOW_REFRESH_TOKEN_AUTH"»]');
    const [d] = expectAt(text, 'CUP408', 'information');
    assert.match(d.message, /UNCONFIRMED/);
    assert.equal(applyFix(text.replace(/[«»]/g, ''), 'CUP408'), client('  refresh_token_rotation = { feature = "ENABLED" }\n  explicit_auth_flows = ["ALLOW_USER_SRP_AUTH"]'));
  });
});

describe('CUP409 oauth-needs-flows-and-scopes / CUP410 rotation-feature-missing', () => {
  test('OAuth on without scopes is a warning on the switch', () => {
    expectAt(client('  allowed_o_auth_flows_user_pool_client = «true»\n  allowed_o_auth_flows = ["code"]\n  callback_ur_ls = ["https://a.example/cb"]'), 'CUP409', 'warning');
  });
  test('rotation settings without feature', () => {
    expectAt(client('  «refresh_token_rotation» = { retry_grace_period_seconds = 10 }'), 'CUP410', 'warning');
  });
});

describe('CUP411 analytics-pairing', () => {
  test('application_arn alone, or application_id with role_arn and external_id: nothing', () => {
    expectNone(client('  analytics_configuration = { application_arn = "arn:aws:mobiletargeting:us-east-1:111122223333:apps/abc" }'), 'CUP411');
    expectNone(client('  analytics_configuration = {\n    application_id = "abc"\n    role_arn = "arn:aws:iam::111122223333:role/r"\n    external_id = var.external_id\n  }'), 'CUP411');
  });
  test('an application_id setting next to application_arn is information on that key', () => {
    const [d] = expectAt(client('  analytics_configuration = {\n    application_arn = "arn:aws:mobiletargeting:us-east-1:111122223333:apps/abc"\n    «role_arn» = "arn:aws:iam::111122223333:role/r"\n  }'), 'CUP411', 'information');
    assert.match(d.message, /^'role_arn' next to 'application_arn': .*UNCONFIRMED/);
  });
  test('application_id without role_arn or external_id names what is missing', () => {
    const [d] = expectAt(client('  analytics_configuration = { «application_id» = "abc", role_arn = "arn:aws:iam::111122223333:role/r" }'), 'CUP411', 'information');
    assert.match(d.message, /^'application_id' without 'external_id': /);
  });
  test('no project at all is reported on the attribute; null counts as absent', () => {
    expectAt(client('  «analytics_configuration» = { user_data_shared = true, application_arn = null }'), 'CUP411', 'information');
  });
});
