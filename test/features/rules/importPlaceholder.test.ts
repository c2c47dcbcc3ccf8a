import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectAt, expectNone } from './helpers';

const RESOURCE = 'resource "awscc_cognito_user_pool_client" "c" {\n  user_pool_id = "us-east-1_Abc123"\n}\n';

describe('CUP613 import-placeholder', () => {
  test('the client-ID marker is an Error in id strings, templates and identity objects', () => {
    expectAt(`${RESOURCE}import {\n  to = awscc_cognito_user_pool_client.c\n  id = «"us-east-1_Abc123|FILL-IN-CLIENT-ID"»\n}\n`, 'CUP613', 'error');
    expectAt(`${RESOURCE}import {\n  to = awscc_cognito_user_pool_client.c\n  id = "\${var.pool}«|FILL-IN-CLIENT-ID»"\n}\n`, 'CUP613', 'error');
    const [d] = expectAt(
      `${RESOURCE}import {\n  to = awscc_cognito_user_pool_client.c\n  identity = {\n    user_pool_id = «"FILL-IN-USER-POOL-ID"»\n    client_id    = «"FILL-IN-CLIENT-ID"»\n  }\n}\n`,
      'CUP613',
      'error',
    );
    assert.match(d.message, /user pool ID/);
  });
  test('CUP605 leaves the marker to CUP613; a real ID is fine', () => {
    expectNone(`${RESOURCE}import {\n  to = awscc_cognito_user_pool_client.c\n  id = "us-east-1_Abc123|FILL-IN-CLIENT-ID"\n}\n`, 'CUP605');
    expectNone(`${RESOURCE}import {\n  to = awscc_cognito_user_pool_client.c\n  id = "us-east-1_Abc123|1h57kf5cpq17m0eml12EXAMPLE"\n}\n`, 'CUP613');
  });
});
