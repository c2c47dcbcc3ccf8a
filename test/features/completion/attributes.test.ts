import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { accept, completeSnippet, labels, pick } from '../../support/completion';
import { settableAttributes, resourceSchema } from '../../../server/src/knowledge';

const resource = (body: string) => `resource "awscc_cognito_user_pool_client" "web" {\n${body}\n}\n`;
const sorted = (items: { label: string; sortText?: string }[]) =>
  [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((i) => i.label);

describe('attribute names in the resource body', () => {
  test('every settable attribute is offered, required first, read-only ones never, then meta-arguments', () => {
    const { list } = completeSnippet(resource('  |'));
    const order = sorted(list.items);
    assert.equal(order[0], 'user_pool_id');
    for (const readOnly of ['client_id', 'client_secret', 'id', 'name']) assert.ok(!order.includes(readOnly), readOnly);
    const settable = settableAttributes(resourceSchema.attributes).map((a) => a.name);
    assert.deepEqual(order.slice(0, settable.length).sort(), [...settable].sort());
    assert.deepEqual(order.slice(settable.length), ['count', 'depends_on', 'for_each', 'lifecycle', 'provider']);
  });

  test('attributes already written are not offered again; count and for_each exclude each other', () => {
    const names = labels(completeSnippet(resource('  user_pool_id = "x"\n  for_each = {}\n  |')).list);
    assert.ok(!names.includes('user_pool_id'));
    assert.ok(!names.includes('for_each') && !names.includes('count'));
    assert.ok(names.includes('client_name'));
  });

  test('each item documents its attribute', () => {
    const item = pick(completeSnippet(resource('  |')).list, 'generate_secret');
    assert.equal(item.detail, 'bool, optional');
    assert.match((item.documentation as { value: string }).value, /Changing a configured value replaces the client/);
  });

  test('a list attribute inserts `= []` with the caret inside', () => {
    assert.equal(accept(resource('  |'), 'callback_ur_ls'), resource('  callback_ur_ls = []'));
  });

  test('an object attribute opens braces on their own lines, indented like the line', () => {
    assert.equal(accept(resource('  |'), 'token_validity_units'), resource('  token_validity_units = {\n    \n  }'));
  });

  test('a bool attribute offers true/false as a choice, the first being the default text', () => {
    assert.equal(accept(resource('  |'), 'generate_secret'), resource('  generate_secret = true'));
  });

  test('a number attribute starts with the AWS default (or the minimum)', () => {
    assert.equal(accept(resource('  |'), 'refresh_token_validity'), resource('  refresh_token_validity = 30'));
    assert.equal(accept(resource('  |'), 'auth_session_validity'), resource('  auth_session_validity = 3'));
  });

  test('a string attribute inserts quotes; an enum string a choice of its values', () => {
    assert.equal(accept(resource('  |'), 'client_name'), resource('  client_name = ""'));
    assert.equal(accept(resource('  |'), 'prevent_user_existence_errors'), resource('  prevent_user_existence_errors = "ENABLED"'));
  });

  test('user_pool_id is left unquoted so pool references can follow', () => {
    const item = pick(completeSnippet(resource('  |')).list, 'user_pool_id');
    assert.equal(item.command?.command, 'editor.action.triggerSuggest');
    assert.equal(accept(resource('  |'), 'user_pool_id'), resource('  user_pool_id = '));
  });

  test('the lifecycle meta-argument inserts an indented block', () => {
    assert.equal(accept(resource('  |'), 'lifecycle'), resource('  lifecycle {\n    prevent_destroy = true\n  }'));
  });

  test('in the middle of a word the item replaces the whole word', () => {
    assert.equal(accept(resource('  expl|icit'), 'explicit_auth_flows'), resource('  explicit_auth_flows = []'));
  });

  test('renaming an attribute that already has a value replaces only the name', () => {
    assert.equal(accept(resource('  read_attr|ibutes = ["email"]'), 'write_attributes'), resource('  write_attributes = ["email"]'));
  });

  test('an unclosed block at the end of the file still gets names', () => {
    const text = 'resource "awscc_cognito_user_pool_client" "web" {\n  user_pool_id = "x"\n  gen|';
    assert.equal(accept(text, 'generate_secret'), 'resource "awscc_cognito_user_pool_client" "web" {\n  user_pool_id = "x"\n  generate_secret = true');
  });

  test('typing a space, `=` or a quote at a name position does not pop up names', () => {
    assert.deepEqual(labels(completeSnippet(resource('  |'), { triggerCharacter: ' ' }).list), []);
  });

  test('the data source offers its one argument, id, and the meta-arguments', () => {
    const names = labels(completeSnippet('data "awscc_cognito_user_pool_client" "x" {\n  |\n}\n').list);
    assert.deepEqual(names.filter((n) => !['count', 'for_each', 'provider', 'depends_on', 'lifecycle'].includes(n)), ['id']);
  });

  test('nothing is offered inside blocks of types we do not model, nor in nested blocks', () => {
    assert.deepEqual(labels(completeSnippet('resource "aws_cognito_user_pool_client" "x" {\n  |\n}\n').list), []);
    assert.deepEqual(labels(completeSnippet('resource "aws_instance" "x" {\n  explicit_auth_flows = ["|"]\n}\n').list), []);
    assert.deepEqual(labels(completeSnippet(resource('  lifecycle {\n    |\n  }')).list), []);
    assert.deepEqual(labels(completeSnippet('locals {\n  |\n}\n').list), []);
  });
});

describe('keys of the nested objects', () => {
  test('inside `token_validity_units = {` the three unit keys, with their values as a choice', () => {
    const { list } = completeSnippet(resource('  token_validity_units = {\n    |\n  }'));
    assert.deepEqual(labels(list), ['access_token', 'id_token', 'refresh_token']);
    assert.equal(
      accept(resource('  token_validity_units = {\n    |\n  }'), 'id_token'),
      resource('  token_validity_units = {\n    id_token = "seconds"\n  }'),
    );
  });

  test('keys already present are left out, also on one line after a comma', () => {
    const names = labels(completeSnippet(resource('  token_validity_units = { access_token = "hours", | }'), { triggerCharacter: ',' }).list);
    assert.deepEqual(names, ['id_token', 'refresh_token']);
  });

  test('analytics_configuration and refresh_token_rotation keys', () => {
    assert.deepEqual(labels(completeSnippet(resource('  analytics_configuration = {\n    |\n  }')).list), [
      'application_arn',
      'application_id',
      'external_id',
      'role_arn',
      'user_data_shared',
    ]);
    assert.equal(
      accept(resource('  refresh_token_rotation = {\n    |\n  }'), 'retry_grace_period_seconds'),
      resource('  refresh_token_rotation = {\n    retry_grace_period_seconds = 0\n  }'),
    );
  });

  test('an unclosed object at the end of the file', () => {
    const text = 'resource "awscc_cognito_user_pool_client" "web" {\n  refresh_token_rotation = {\n    fe|';
    assert.equal(
      accept(text, 'feature'),
      'resource "awscc_cognito_user_pool_client" "web" {\n  refresh_token_rotation = {\n    feature = "ENABLED"',
    );
  });
});

describe('comments', () => {
  test('nothing is offered inside line or block comments', () => {
    for (const snippet of [
      resource('  # explicit_auth_flows = ["|'),
      resource('  // user_pool_id = |'),
      resource('  /* token_validity_units = { | } */'),
      resource('  generate_secret = true # then |'),
    ]) {
      assert.deepEqual(labels(completeSnippet(snippet).list), [], snippet);
    }
  });
});
