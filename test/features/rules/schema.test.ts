import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, client, expectAt, expectNone } from './helpers';

describe('CUP101 unknown-attribute', () => {
  test('names from hashicorp/aws are reported with the awscc spelling, and the fix renames', () => {
    expectAt(client('  «callback_urls» = ["https://a.example/cb"]\n  «allowed_oauth_flows» = ["code"]'), 'CUP101', 'error');
    const fixed = applyFix(client('  callback_urls = ["https://a.example/cb"]'), 'CUP101');
    assert.equal(fixed, client('  callback_ur_ls = ["https://a.example/cb"]'));
  });
  test('a typo gets a did-you-mean, a name far from everything gets none', () => {
    const [typo] = expectAt(client('  «client_nmae» = "x"'), 'CUP101', 'error');
    assert.match(typo.message, /Did you mean 'client_name'\?/);
    const [far] = expectAt(client('  «zzzzzzzz» = 1'), 'CUP101', 'error');
    assert.doesNotMatch(far.message, /Did you mean/);
  });
  test('meta-arguments and meta blocks are fine; other types are left alone', () => {
    expectNone(
      client('  count = 2\n  provider = awscc.eu\n  depends_on = []\n  lifecycle {\n    ignore_changes = [client_name]\n  }') +
        'resource "aws_cognito_user_pool_client" "x" {\n  callback_urls = []\n}\n',
      'CUP101',
    );
  });
  test('an unknown nested block is reported on its type name', () => {
    expectAt(client('  «callback» {\n  }'), 'CUP101', 'error');
  });
});

describe('CUP102 unknown-object-key', () => {
  test('an unknown key in token_validity_units, with a fix', () => {
    expectAt(client('  token_validity_units = {\n    «access» = "hours"\n  }'), 'CUP102', 'error');
    assert.equal(
      applyFix(client('  token_validity_units = { acces_token = "hours" }'), 'CUP102'),
      client('  token_validity_units = { access_token = "hours" }'),
    );
  });
});

describe('CUP103 missing-required-attribute', () => {
  test('is reported on the block header and the fix adds user_pool_id', () => {
    const text = 'resource "awscc_cognito_user_pool_client" "c" {\n  client_name = "x"\n}\n';
    expectAt('«resource "awscc_cognito_user_pool_client" "c"» {\n  client_name = "x"\n}\n', 'CUP103', 'error');
    assert.equal(applyFix(text, 'CUP103'), 'resource "awscc_cognito_user_pool_client" "c" {\n  user_pool_id = ""\n  client_name = "x"\n}\n');
  });
  test("the fix points at the module's only user pool", () => {
    const pool = 'resource "awscc_cognito_user_pool" "main" {\n}\n';
    const text = 'resource "awscc_cognito_user_pool_client" "c" {}\n';
    assert.equal(
      applyFix(text, 'CUP103', undefined, { 'pool.tf': pool }),
      'resource "awscc_cognito_user_pool_client" "c" {\n  user_pool_id = awscc_cognito_user_pool.main.user_pool_id\n}\n',
    );
  });
  test('an unclosed block being typed is not reported yet', () => {
    expectNone('resource "awscc_cognito_user_pool_client" "c" {\n  client_name = "x"\n', 'CUP103');
  });
  test('the data source needs id', () => {
    expectAt('«data "awscc_cognito_user_pool_client" "d"» {\n}\n', 'CUP103', 'error');
  });
});

describe('CUP104 read-only-attribute', () => {
  test('name is renamed to client_name; client_secret is removed', () => {
    expectAt(client('  «name» = "web"\n  «client_secret» = "s"'), 'CUP104', 'error');
    assert.equal(applyFix(client('  name = "web"'), 'CUP104'), client('  client_name = "web"'));
    assert.equal(applyFix(client('  client_id = "abc"\n  client_name = "x"'), 'CUP104'), client('  client_name = "x"'));
  });
});

describe('CUP105 wrong-type', () => {
  test('lists for strings, words for numbers, fractions, and non-string list items', () => {
    expectAt(
      client('  client_name = «["a"]»\n  access_token_validity = «"one"»\n  id_token_validity = «1.5»\n  generate_secret = «"yes"»\n  read_attributes = ["email", «{ a = 1 }»]\n  callback_ur_ls = «"https://x.example"»'),
      'CUP105',
      'error',
    );
  });
  test("values Terraform converts are accepted: \"5\" as a number, \"true\" as a bool, 5 as a string", () => {
    expectNone(client('  access_token_validity = "5"\n  generate_secret = "true"\n  client_name = 5'), 'CUP105');
  });
  test('a [for ...] is a list even when its items are unknown', () => {
    expectAt(client('  client_name = «[for s in var.x : s]»'), 'CUP105', 'error');
  });
});

describe('CUP106 object-written-as-block', () => {
  test('block syntax is reported and the fix inserts =', () => {
    expectAt(client('  «token_validity_units» {\n    access_token = "hours"\n  }'), 'CUP106', 'error');
    assert.equal(
      applyFix(client('  token_validity_units {\n    access_token = "hours"\n  }'), 'CUP106'),
      client('  token_validity_units = {\n    access_token = "hours"\n  }'),
    );
  });
});

describe('CUP107 duplicate-object-key', () => {
  test('the second occurrence of a key inside an object attribute is reported', () => {
    expectAt(client('  token_validity_units = { id_token = "hours", «id_token» = "days" }'), 'CUP107', 'error');
  });
});
