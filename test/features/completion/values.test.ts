import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { accept, completeSnippet, labels, pick } from '../../support/completion';
import { explicitAuthFlows, oauthFlows, standardUserAttributes } from '../../../server/src/knowledge';

const resource = (body: string) => `resource "awscc_cognito_user_pool_client" "web" {\n${body}\n}\n`;

describe('enum values in lists', () => {
  test('inside `["` all nine explicit auth flows are offered', () => {
    const names = labels(completeSnippet(resource('  explicit_auth_flows = ["|"]')).list);
    assert.equal(names.length, 9);
    assert.deepEqual([...names].sort(), explicitAuthFlows.map((v) => v.value).sort());
  });

  test('inside auto-closed quotes `[""]` the item inserts the bare value', () => {
    assert.equal(
      accept(resource('  explicit_auth_flows = ["|"]'), 'ALLOW_USER_SRP_AUTH'),
      resource('  explicit_auth_flows = ["ALLOW_USER_SRP_AUTH"]'),
    );
  });

  test('inside an unclosed `["` (no auto-close) the item also closes the quote', () => {
    assert.equal(
      accept(resource('  explicit_auth_flows = ["|'), 'ALLOW_USER_AUTH'),
      resource('  explicit_auth_flows = ["ALLOW_USER_AUTH"'),
    );
  });

  test('a partly typed value is replaced, not appended to', () => {
    assert.equal(
      accept(resource('  explicit_auth_flows = ["ALLOW_RE|"]'), 'ALLOW_REFRESH_TOKEN_AUTH'),
      resource('  explicit_auth_flows = ["ALLOW_REFRESH_TOKEN_AUTH"]'),
    );
  });

  test('after `[` without a quote the item inserts the quoted value', () => {
    assert.equal(accept(resource('  allowed_o_auth_flows = [|]'), 'code'), resource('  allowed_o_auth_flows = ["code"]'));
    assert.equal(accept(resource('  allowed_o_auth_flows = [|'), 'implicit'), resource('  allowed_o_auth_flows = ["implicit"'));
  });

  test('values already in the list are not offered again', () => {
    const { list } = completeSnippet(resource('  allowed_o_auth_flows = ["code", |]'), { triggerCharacter: ' ' });
    assert.deepEqual(labels(list), oauthFlows.map((v) => v.value).filter((v) => v !== 'code'));
    assert.equal(accept(resource('  allowed_o_auth_flows = ["code", |]'), 'implicit'), resource('  allowed_o_auth_flows = ["code", "implicit"]'));
  });

  test('on a new line of a multi-line list', () => {
    assert.equal(
      accept(resource('  allowed_o_auth_scopes = [\n    "openid",\n    |\n  ]'), 'email'),
      resource('  allowed_o_auth_scopes = [\n    "openid",\n    "email"\n  ]'),
    );
  });

  test('right after `[` of a list that already has values (Ctrl+Space), the value goes first with its comma', () => {
    const flows = '  explicit_auth_flows = [|"ALLOW_USER_SRP_AUTH"]';
    const names = labels(completeSnippet(resource(flows)).list);
    assert.ok(!names.includes('ALLOW_USER_SRP_AUTH') && names.includes('ALLOW_REFRESH_TOKEN_AUTH'), names.join(','));
    assert.equal(accept(resource(flows), 'ALLOW_REFRESH_TOKEN_AUTH'), resource('  explicit_auth_flows = ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"]'));
    assert.equal(
      accept(resource('  explicit_auth_flows = [| "ALLOW_USER_SRP_AUTH"]'), 'ALLOW_REFRESH_TOKEN_AUTH'),
      resource('  explicit_auth_flows = ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"]'),
    );
  });

  test('between two values, and before a value on the next line', () => {
    assert.equal(
      accept(resource('  allowed_o_auth_flows = ["code", |"implicit"]'), 'client_credentials'),
      resource('  allowed_o_auth_flows = ["code", "client_credentials", "implicit"]'),
    );
    assert.equal(
      accept(resource('  explicit_auth_flows = [\n    |\n    "ALLOW_USER_SRP_AUTH",\n  ]'), 'ALLOW_REFRESH_TOKEN_AUTH'),
      resource('  explicit_auth_flows = [\n    "ALLOW_REFRESH_TOKEN_AUTH",\n    "ALLOW_USER_SRP_AUTH",\n  ]'),
    );
  });

  test('legacy values come last and are marked deprecated', () => {
    const legacy = pick(completeSnippet(resource('  explicit_auth_flows = ["|"]')).list, 'ADMIN_NO_SRP_AUTH');
    assert.deepEqual(legacy.tags, [1]);
    assert.ok(legacy.sortText!.startsWith('1_'));
    assert.match((legacy.documentation as { value: string }).value, /Legacy value/);
  });

  test('standard scopes, built-in identity providers and standard user attributes', () => {
    assert.ok(labels(completeSnippet(resource('  allowed_o_auth_scopes = ["|"]')).list).includes('aws.cognito.signin.user.admin'));
    assert.ok(labels(completeSnippet(resource('  supported_identity_providers = ["|"]')).list).includes('COGNITO'));
    const read = labels(completeSnippet(resource('  read_attributes = ["email", "|"]')).list);
    assert.equal(read.length, standardUserAttributes.length - 1);
    assert.ok(!read.includes('email'));
    assert.ok(labels(completeSnippet(resource('  write_attributes = ["|"]')).list).includes('given_name'));
  });

  test('lists of free text (callback URLs) get nothing', () => {
    assert.deepEqual(labels(completeSnippet(resource('  callback_ur_ls = ["|"]')).list), []);
  });
});

describe('enum values of strings and booleans', () => {
  test('after `= ` a string enum inserts the quoted value', () => {
    assert.equal(
      accept(resource('  prevent_user_existence_errors = |'), 'ENABLED'),
      resource('  prevent_user_existence_errors = "ENABLED"'),
    );
  });

  test('inside the quotes it inserts the bare value', () => {
    assert.equal(
      accept(resource('  prevent_user_existence_errors = "|"'), 'LEGACY'),
      resource('  prevent_user_existence_errors = "LEGACY"'),
    );
  });

  test('a bare word being typed is replaced by the quoted value', () => {
    assert.equal(
      accept(resource('  prevent_user_existence_errors = EN|'), 'ENABLED'),
      resource('  prevent_user_existence_errors = "ENABLED"'),
    );
  });

  test('token units and the rotation feature inside their objects', () => {
    assert.deepEqual(labels(completeSnippet(resource('  token_validity_units = {\n    access_token = "|"\n  }')).list), [
      'seconds',
      'minutes',
      'hours',
      'days',
    ]);
    assert.equal(
      accept(resource('  refresh_token_rotation = {\n    feature = |\n  }'), 'DISABLED'),
      resource('  refresh_token_rotation = {\n    feature = "DISABLED"\n  }'),
    );
  });

  test('bool attributes offer true and false', () => {
    assert.deepEqual(labels(completeSnippet(resource('  generate_secret = |')).list), ['true', 'false']);
    assert.equal(accept(resource('  enable_token_revocation = fa|'), 'false'), resource('  enable_token_revocation = false'));
    assert.equal(
      accept(resource('  analytics_configuration = {\n    user_data_shared = |\n  }'), 'true'),
      resource('  analytics_configuration = {\n    user_data_shared = true\n  }'),
    );
  });

  test('a value that is a reference or function call gets no enum values', () => {
    assert.deepEqual(labels(completeSnippet(resource('  prevent_user_existence_errors = var.mo|')).list), []);
    assert.deepEqual(labels(completeSnippet(resource('  explicit_auth_flows = concat(["|"])')).list), []);
  });

  test('works with CRLF line ends, a BOM and emoji before the caret', () => {
    const text = '\uFEFF# 🔐 clients\r\nresource "awscc_cognito_user_pool_client" "web" {\r\n  client_name = "🙂"\r\n  prevent_user_existence_errors = "|"\r\n}\r\n';
    assert.equal(
      accept(text, 'ENABLED'),
      '\uFEFF# 🔐 clients\r\nresource "awscc_cognito_user_pool_client" "web" {\r\n  client_name = "🙂"\r\n  prevent_user_existence_errors = "ENABLED"\r\n}\r\n',
    );
  });
});

describe('right after a typed `=`', () => {
  test('the inserted value gets the space terraform fmt puts after `=`', () => {
    assert.equal(
      accept(resource('  prevent_user_existence_errors =|'), 'LEGACY', { triggerCharacter: '=' }),
      resource('  prevent_user_existence_errors = "LEGACY"'),
    );
    assert.equal(
      accept('import {\n  to =|\n}\n', 'awscc_cognito_user_pool_client.web', { triggerCharacter: '=', otherFiles: { 'b.tf': resource('') } }),
      'import {\n  to = awscc_cognito_user_pool_client.web\n}\n',
    );
  });
});

describe('a list attribute with nothing after `=` yet', () => {
  test('each value is offered as a one-value list', () => {
    assert.equal(accept(resource('  allowed_o_auth_flows = |'), 'code'), resource('  allowed_o_auth_flows = ["code"]'));
    assert.equal(labels(completeSnippet(resource('  explicit_auth_flows = |')).list).length, 9);
  });
});
