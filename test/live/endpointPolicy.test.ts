// Which endpoints live calls may use, and advice that names the options of the front end in use.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { explainAwsError, insecureEndpointProblem, isLoopbackHost, timeoutError } from '../../server/src/live';

describe('plain-http endpoints', () => {
  const host = (url: string) => new URL(url).hostname;
  test('loopback: 127.0.0.0/8 in any spelling the URL parser normalizes, localhost, [::1]', () => {
    for (const url of ['http://127.0.0.1:9229', 'http://127.1:1', 'http://127.255.0.9', 'http://0x7f.0.0.1', 'http://LOCALHOST:1', 'http://[::1]:9229', 'http://[0:0:0:0:0:0:0:1]']) {
      assert.equal(isLoopbackHost(host(url)), true, url);
      assert.equal(insecureEndpointProblem(url, false, 'cli'), undefined, url);
    }
  });
  test('anything else over plain http is refused, with the reason and the opt-in of the surface', () => {
    for (const url of ['http://10.0.0.5:9229', 'http://example.com', 'http://[::2]', 'http://localhost.example.com', 'http://127.0.0.1.nip.io', 'http://128.0.0.1']) {
      const cli = insecureEndpointProblem(url, false, 'cli');
      assert.match(cli ?? '', /unencrypted/, url);
      assert.match(cli ?? '', /--allow-insecure-endpoint/, url);
      assert.match(insecureEndpointProblem(url, false, 'editor') ?? '', /awsccCognito\.allowInsecureEndpoint/, url);
      assert.equal(insecureEndpointProblem(url, true, 'cli'), undefined, `${url} with the opt-in`);
    }
  });
  test('https is accepted anywhere', () => {
    assert.equal(insecureEndpointProblem('https://cognito.example.com', false, 'editor'), undefined);
  });
});

describe('advice names the options of the surface in use', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
  const ctx = { action: 'cognito-idp:ListUserPools' as const, endpoint: 'http://127.0.0.1:9' };
  test('the CLI names --endpoint, never the editor setting', () => {
    const live = explainAwsError(refused, { ...ctx, surface: 'cli' });
    assert.match(live.nextStep, /--endpoint/);
    assert.doesNotMatch(`${live.message} ${live.nextStep}`, /awsccCognito/);
  });
  test('the editor names the awsccCognito.endpoint setting', () => {
    const live = explainAwsError(refused, { ...ctx, surface: 'editor' });
    assert.match(live.nextStep, /awsccCognito\.endpoint setting/);
    assert.doesNotMatch(live.nextStep, /--endpoint/);
  });
  test('a timeout names the endpoint and the seconds; for a region, the regional endpoint', () => {
    assert.equal(timeoutError({ ...ctx, surface: 'cli' }, 15, false).message, 'No answer from http://127.0.0.1:9 in 15 s (cognito-idp:ListUserPools).');
    const regional = timeoutError({ action: 'cognito-idp:DescribeUserPoolClient', region: 'eu-west-1', surface: 'editor' }, 50, true);
    assert.match(regional.message, /^No answer from https:\/\/cognito-idp\.eu-west-1\.amazonaws\.com in 50 s/);
    assert.doesNotMatch(regional.nextStep, /--/);
  });
});
