// explainAwsError on error shapes that the emulator tests cannot produce here: a DNS failure for a real
// region (there is no internet to fail against), TLS trust failures, rejected keys, and an unrecognised
// service error.
// The objects below copy the fields the SDK sets (name, code, $metadata); they stand in for faults the
// real parts cannot produce on this machine. Everything reachable over loopback is tested for real in
// faults.test.ts and credentials.test.ts.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { explainAwsError, noAppClientsMessage, noUserPoolsMessage } from '../../server/src/live';

const sdkError = (name: string, message: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400, attempts: 1 }, ...extra });

describe('explainAwsError', () => {
  test('a DNS failure against a real region names the region and suggests checking the network', () => {
    const err = Object.assign(new Error('getaddrinfo ENOTFOUND cognito-idp.mars-north-1.amazonaws.com'), { code: 'ENOTFOUND' });
    const live = explainAwsError(err, { action: 'cognito-idp:ListUserPools', region: 'mars-north-1' });
    assert.equal(live.kind, 'network');
    assert.match(live.message, /in region mars-north-1 \(ENOTFOUND\)/);
    assert.match(live.nextStep, /region name/);
  });

  test('a network code wrapped as the cause of another error is still recognised', () => {
    const inner = Object.assign(new Error('connect EHOSTUNREACH'), { code: 'EHOSTUNREACH' });
    const live = explainAwsError(new Error('request failed', { cause: inner }), { action: 'cognito-idp:ListUserPools', region: 'eu-west-1' });
    assert.equal(live.kind, 'network');
    assert.match(live.message, /EHOSTUNREACH/);
  });

  test('an untrusted HTTPS certificate (an inspecting company proxy) points at NODE_EXTRA_CA_CERTS', () => {
    const err = Object.assign(new Error('self-signed certificate in certificate chain'), { code: 'SELF_SIGNED_CERT_IN_CHAIN' });
    const live = explainAwsError(err, { action: 'cognito-idp:ListUserPools', region: 'eu-west-1' });
    assert.equal(live.kind, 'network');
    assert.match(live.message, /certificate in region eu-west-1 was not trusted/);
    assert.match(live.nextStep, /NODE_EXTRA_CA_CERTS/);
  });

  test('keys that AWS does not recognise are a credentials problem, not an unknown error', () => {
    const live = explainAwsError(sdkError('UnrecognizedClientException', 'The security token included in the request is invalid.'), {
      action: 'cognito-idp:ListUserPools',
      region: 'eu-west-1',
    });
    assert.equal(live.kind, 'no-credentials');
    assert.match(live.message, /UnrecognizedClientException/);
  });

  test('not-found names the client and the pool when both are known', () => {
    const live = explainAwsError(sdkError('ResourceNotFoundException', 'x'), {
      action: 'cognito-idp:DescribeUserPoolClient',
      region: 'eu-west-1',
      poolId: 'eu-west-1_AbC',
      clientId: 'abc123',
    });
    assert.equal(live.kind, 'not-found');
    assert.match(live.message, /App client abc123 in user pool eu-west-1_AbC was not found in region eu-west-1/);
  });

  test('an expired SSO token reported by the token provider asks for aws sso login', () => {
    const live = explainAwsError(sdkError('TokenProviderError', 'Token is expired. To refresh this SSO session run aws sso login.'), {
      action: 'cognito-idp:ListUserPools',
      region: 'eu-west-1',
      profile: 'dev',
    });
    assert.equal(live.kind, 'sso-expired');
    assert.match(live.nextStep, /aws sso login --profile dev/);
  });

  test('an error it does not know keeps the service name and message and names the action', () => {
    const live = explainAwsError(sdkError('InternalErrorException', 'Something odd'), {
      action: 'cognito-idp:DescribeUserPoolClient',
      region: 'ap-south-1',
    });
    assert.equal(live.kind, 'unknown');
    assert.match(live.message, /cognito-idp:DescribeUserPoolClient failed in region ap-south-1: InternalErrorException: Something odd/);
  });

  test('control characters and very long service messages are cleaned up for display', () => {
    const live = explainAwsError(sdkError('WeirdException', `bad\u0001\u0002 bytes ${'x'.repeat(1000)}`), {
      action: 'cognito-idp:ListUserPools',
      region: 'eu-west-1',
    });
    assert.equal(live.kind, 'unknown');
    assert.doesNotMatch(live.message, /[\u0000-\u001f]/);
    assert.ok(live.message.length < 400);
  });

  test('non-Error values do not crash it', () => {
    for (const value of [undefined, null, 42, 'text', {}, [], Symbol('x')]) {
      const live = explainAwsError(value, { action: 'cognito-idp:ListUserPools' });
      assert.equal(typeof live.message, 'string');
      assert.equal(typeof live.nextStep, 'string');
    }
  });
});

describe('empty-list messages', () => {
  test('no pools names the region, or the endpoint when one is set', () => {
    assert.match(noUserPoolsMessage('eu-central-1').message, /no Cognito user pools in region eu-central-1/);
    assert.match(noUserPoolsMessage('eu-central-1', 'http://localhost:9229').message, /at endpoint http:\/\/localhost:9229/);
    assert.match(noUserPoolsMessage('eu-central-1').nextStep, /region/);
  });

  test('no app clients names the pool by name and id', () => {
    assert.match(noAppClientsMessage('eu-west-1_X', 'prod').message, /"prod" \(eu-west-1_X\) has no app clients/);
    assert.match(noAppClientsMessage('eu-west-1_X').message, /User pool eu-west-1_X has no app clients/);
  });
});
