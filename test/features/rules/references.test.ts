import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectAt, expectNone } from './helpers';

const RESOURCE = 'resource "awscc_cognito_user_pool_client" "web" {\n  user_pool_id = "us-east-1_AbC123"\n  prevent_user_existence_errors = "ENABLED"\n}\n';

describe('CUP701 id-used-as-client-id', () => {
  test('an argument named client_id in another resource type, with a fix to .client_id', () => {
    const text = 'resource "awscc_cognito_user_pool_risk_configuration_attachment" "r" {\n  user_pool_id = "us-east-1_AbC123"\n  client_id = awscc_cognito_user_pool_client.web.«id»\n}\n';
    expectAt(text + RESOURCE, 'CUP701', 'warning');
    assert.equal(applyFix(text.replace(/[«»]/g, '') + RESOURCE, 'CUP701'), text.replace('.«id»', '.client_id') + RESOURCE);
  });
  test('outputs, locals and object keys named ..._client_id; with an instance key', () => {
    const text =
      'output "web_client_id" {\n  value = awscc_cognito_user_pool_client.web.«id»\n}\n' +
      'locals {\n  app_client_id = awscc_cognito_user_pool_client.web[0].«id»\n  settings = { client_id = "${awscc_cognito_user_pool_client.web.«id»}" }\n}\n';
    expectAt(text + RESOURCE, 'CUP701', 'warning');
  });
  test('.id where the whole identifier is meant is fine', () => {
    expectNone('output "client" {\n  value = awscc_cognito_user_pool_client.web.id\n}\nlocals {\n  ref = awscc_cognito_user_pool_client.web.id\n}\n' + RESOURCE, 'CUP701');
  });
});

describe('CUP702 unknown-attribute-reference', () => {
  test('.secret is an error with did-you-mean and a fix', () => {
    const text = 'output "s" {\n  value     = awscc_cognito_user_pool_client.web.«secret»\n  sensitive = true\n}\n';
    const [d] = expectAt(text + RESOURCE, 'CUP702', 'error');
    assert.match(d.message, /Did you mean 'client_secret'/);
    assert.equal(applyFix(text.replace(/[«»]/g, '') + RESOURCE, 'CUP702'), text.replace('«secret»', 'client_secret') + RESOURCE);
  });
  test('data source references and known attributes pass', () => {
    expectNone('locals {\n  a = data.awscc_cognito_user_pool_client.d.callback_ur_ls\n  b = awscc_cognito_user_pool_client.web.token_validity_units.access_token\n}\n' + RESOURCE, 'CUP702');
    expectAt('locals {\n  a = data.awscc_cognito_user_pool_client.d.«callback_urls»\n}\n', 'CUP702', 'error');
  });
});

describe('CUP703 secret-output-not-sensitive', () => {
  test('an output with the secret and no sensitive flag; the fix adds it', () => {
    const text = 'output "secret" {\n  value = awscc_cognito_user_pool_client.web.«client_secret»\n}\n';
    expectAt(text + RESOURCE, 'CUP703', 'warning');
    assert.equal(
      applyFix(text.replace(/[«»]/g, '') + RESOURCE, 'CUP703'),
      'output "secret" {\n  sensitive = true\n  value = awscc_cognito_user_pool_client.web.client_secret\n}\n' + RESOURCE,
    );
  });
  test('sensitive = false is switched to true; sensitive = true is fine', () => {
    const text = 'output "secret" {\n  value     = { s = awscc_cognito_user_pool_client.web.«client_secret» }\n  sensitive = false\n}\n';
    expectAt(text + RESOURCE, 'CUP703', 'warning');
    assert.equal(applyFix(text.replace(/[«»]/g, '') + RESOURCE, 'CUP703'), text.replace(/[«»]/g, '').replace('false', 'true') + RESOURCE);
    expectNone(text.replace(/[«»]/g, '').replace('false', 'true') + RESOURCE, 'CUP703');
  });
});
