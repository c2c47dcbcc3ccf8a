// Whole-block snippets are offered only where a block can start: at the top level, on a line that holds
// nothing else. Inside a resource body they would be noise (and invalid text).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { accept, completeSnippet, labels, pick } from '../../support/completion';
import { blockSnippets } from '../../../server/src/knowledge';

const CLIENT = 'resource "awscc_cognito_user_pool_client" "web" {\n  user_pool_id = "eu-west-1_Abc"\n}\n';
const snippetLabels = blockSnippets.map((s) => s.prefixes[0]);

describe('block snippets', () => {
  test('on an empty line between blocks all of them are offered', () => {
    assert.deepEqual(labels(completeSnippet(`${CLIENT}\n|\n${CLIENT.replace('web', 'api')}`).list), snippetLabels);
  });

  test('a typed prefix is replaced by the whole import block', () => {
    assert.equal(
      accept(`${CLIENT}\nimport-aw|`, 'import-awscc-cognito-user-pool-client-id'),
      `${CLIENT}\nimport {\n  to = awscc_cognito_user_pool_client.app\n  id = "user_pool_id|client_id"\n}\n`,
    );
  });

  test('every prefix finds its snippet', () => {
    const item = pick(completeSnippet('|').list, 'awscc_cognito_user_pool_client');
    assert.match(item.filterText ?? '', /resource-awscc-cognito-user-pool-client/);
  });

  test('never inside a resource body, an import block or an object', () => {
    for (const snippet of [
      'resource "awscc_cognito_user_pool_client" "web" {\n  |\n}\n',
      'resource "awscc_cognito_user_pool_client" "web" {\n  imp|\n}\n',
      'resource "awscc_cognito_user_pool_client" "web" {\n  token_validity_units = {\n    |\n  }\n}\n',
      'import {\n  |\n}\n',
      'locals {\n  |\n}\n',
      // Not closed yet: still a body.
      'resource "awscc_cognito_user_pool_client" "web" {\n  client_name = "a"\n  |',
    ]) {
      const names = labels(completeSnippet(snippet).list);
      assert.deepEqual(names.filter((n) => snippetLabels.includes(n)), [], snippet);
    }
  });

  test('not after other text on the line, in a comment, or when a quote or space was typed', () => {
    assert.deepEqual(labels(completeSnippet(`${CLIENT}x = |`).list), []);
    assert.deepEqual(labels(completeSnippet(`${CLIENT}# about |`).list), []);
    assert.deepEqual(labels(completeSnippet(`${CLIENT}\n|`, { triggerCharacter: '"' }).list), []);
  });
});
