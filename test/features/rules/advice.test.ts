import { describe, test } from 'node:test';
import { applyFix, client, diagnose, expectAt, expectNone } from './helpers';
import assert from 'node:assert/strict';
import { rules, rulesByCode } from '../../../server/src/features/rules';
import { renderRuleDocs } from '../../../server/src/features/rules/docs';
import { hover } from '../../../server/src/features/hover';
import { contextFor } from '../../support/context';

describe('advice (information, each switchable)', () => {
  test('CUP501 implicit flow', () => {
    expectAt(client('  allowed_o_auth_flows = [«"implicit"», "code"]'), 'CUP501', 'information');
  });
  test('CUP502 LEGACY user existence errors, set or left at the default', () => {
    expectAt(client('  prevent_user_existence_errors = «"LEGACY"»'), 'CUP502', 'information');
    expectAt('resource "awscc_cognito_user_pool_client" «"c"» {\n  user_pool_id = "us-east-1_AbC123"\n}\n', 'CUP502', 'information');
    expectNone(client('  prevent_user_existence_errors = "ENABLED"'), 'CUP502');
  });
  test('CUP502 quick fix sets "ENABLED": replacing LEGACY, or adding the argument', () => {
    const title = 'Set prevent_user_existence_errors = "ENABLED"';
    assert.equal(applyFix(client('  prevent_user_existence_errors = "LEGACY"'), 'CUP502', title), client('  prevent_user_existence_errors = "ENABLED"'));
    assert.equal(
      applyFix('resource "awscc_cognito_user_pool_client" "c" {\n  user_pool_id = "us-east-1_AbC123"\n}\n', 'CUP502', title),
      'resource "awscc_cognito_user_pool_client" "c" {\n  user_pool_id = "us-east-1_AbC123"\n  prevent_user_existence_errors = "ENABLED"\n}\n',
    );
  });
  test('CUP503 token revocation off', () => {
    expectAt(client('  enable_token_revocation = «false»'), 'CUP503', 'information');
  });
  test('generate_secret is not reported (CUP504 is retired): the replacement reminder lives in hover', () => {
    assert.deepEqual(
      diagnose(client('  generate_secret = true\n  prevent_user_existence_errors = "ENABLED"')).map((d) => d.code),
      [],
    );
    assert.ok(!rulesByCode.has('CUP504'));
    assert.match(renderRuleDocs(rules), /CUP504 generate-secret-replaces \(retired\)/);
    const text = client('  generate_secret = true');
    const at = hover(contextFor(text), text.indexOf('generate_secret') + 3);
    assert.match(String(at?.contents), /replaces the client/);
  });
  test('a rule switched off in the settings reports nothing; a severity override applies', () => {
    const text = client('  enable_token_revocation = false');
    assert.equal(diagnose(text, {}, { severities: { CUP503: 'off' } }).filter((d) => d.code === 'CUP503').length, 0);
    assert.equal(diagnose(text, {}, { severities: { CUP503: 'warning' } }).find((d) => d.code === 'CUP503')?.severity, 2);
  });
});
