// With HashiCorp's extension active (yieldPlainItems), items terraform-ls offers itself are left out and
// the ones only we can give stay. The table in docs/coexistence.md is the spec of these tests.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { completeSnippet, labels } from '../../support/completion';

const resource = (body: string) => `resource "awscc_cognito_user_pool_client" "web" {\n${body}\n}\n`;
const both = (snippet: string, options: Parameters<typeof completeSnippet>[1] = {}) => ({
  alone: labels(completeSnippet(snippet, { ...options, yieldPlainItems: false }).list),
  coexisting: labels(completeSnippet(snippet, { ...options, yieldPlainItems: true }).list),
});
const pools = { 'pools.tf': 'resource "aws_cognito_user_pool" "main" {}\nvariable "user_pool_id" {}\n' };

describe('yielding to terraform-ls', () => {
  test('plain names yield: type label, attribute names, meta-arguments, nested keys, import arguments', () => {
    for (const snippet of [
      'resource "|"',
      resource('  |'),
      resource('  token_validity_units = {\n    |\n  }'),
      'import {\n  |\n}\n',
    ]) {
      const { alone, coexisting } = both(snippet);
      assert.ok(alone.length > 0, snippet);
      assert.deepEqual(coexisting, [], snippet);
    }
  });

  test('booleans and generic references (resource names, variables) yield', () => {
    assert.deepEqual(both(resource('  generate_secret = |')).coexisting, []);
    assert.deepEqual(both('output "o" {\n  value = awscc_cognito_user_pool_client.|\n}\n', { otherFiles: { 'b.tf': resource('') } }).coexisting, []);
    const pool = both(resource('  user_pool_id = |'), { otherFiles: pools });
    assert.deepEqual(pool.alone, ['aws_cognito_user_pool.main.id', 'var.user_pool_id']);
    assert.deepEqual(pool.coexisting, ['aws_cognito_user_pool.main.id']);
  });

  test('what only we know stays: enum values, typed attribute references, to targets, identity keys, the id shape', () => {
    for (const snippet of [
      resource('  explicit_auth_flows = ["|"]'),
      resource('  prevent_user_existence_errors = |'),
      resource('  token_validity_units = {\n    access_token = "|"\n  }'),
      'output "o" {\n  value = awscc_cognito_user_pool_client.web.|\n}\n',
      'import {\n  to = awscc_cognito_user_pool_client.web\n  identity = {\n    |\n  }\n}\n',
    ]) {
      const { alone, coexisting } = both(snippet);
      assert.ok(alone.length > 0, snippet);
      assert.deepEqual(coexisting, alone, snippet);
    }
    const target = both('import {\n  to = |\n}\n', { otherFiles: { 'b.tf': resource('') } });
    assert.deepEqual(target.coexisting, ['awscc_cognito_user_pool_client.web']);
    const shape = both('import {\n  id = "^"\n}\n', { marker: '^' });
    assert.deepEqual(shape.coexisting, ['<user_pool_id>|<client_id>']);
  });
});
