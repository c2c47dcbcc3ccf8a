// The real SDK credential chain, fed by throw-away AWS config files: which credentials sign the requests
// (seen by the proxy through the access key id in the signature), and what we say when there are none
// or when an SSO session has expired.
//
// This file changes process.env (HOME, AWS_*) for the whole file; node:test runs each file in its own
// process, so nothing leaks into other suites. Instance metadata is switched off so no test waits on it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCognitoClient, listUserPools, LiveCallError } from '../../server/src/live';
import { EMULATOR_REGION, seedEmulator, startCognitoLocal, type RunningEmulator } from '../support/emulators';
import { accessDenied, startFaultProxy, type FaultProxy } from '../support/faultProxy';
import { failureOf } from './liveHelpers';

const savedEnv = { ...process.env };
let home = '';

function useAwsEnv(extra: Record<string, string> = {}) {
  for (const key of Object.keys(process.env)) if (key.startsWith('AWS_')) delete process.env[key];
  Object.assign(process.env, {
    HOME: home,
    USERPROFILE: home,
    AWS_CONFIG_FILE: join(home, '.aws', 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws', 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    ...extra,
  });
}

// The SSO token cache file name is the SHA-1 of the session name (sso-session style) or of the start URL.
function writeExpiredSsoToken(key: string, startUrl: string) {
  const file = join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update(key).digest('hex')}.json`);
  writeFileSync(file, JSON.stringify({ accessToken: 'expired-token', expiresAt: '2020-01-01T00:00:00Z', region: 'us-east-1', startUrl }));
}

describe('credentials from the SDK default chain', () => {
  let emulator: RunningEmulator;
  let proxy: FaultProxy;

  before(async () => {
    home = mkdtempSync(join(tmpdir(), 'awscc-cognito-home-'));
    mkdirSync(join(home, '.aws', 'sso', 'cache'), { recursive: true });
    writeFileSync(
      join(home, '.aws', 'config'),
      [
        '[profile from-file]',
        'region = us-east-1',
        '',
        '[profile sso-session-user]',
        'sso_session = corp',
        'sso_account_id = 123456789012',
        'sso_role_name = ReadOnly',
        'region = us-east-1',
        '',
        '[sso-session corp]',
        'sso_start_url = https://corp.example.awsapps.com/start',
        'sso_region = us-east-1',
        '',
        '[profile legacy-sso-user]',
        'sso_start_url = https://legacy.example.awsapps.com/start',
        'sso_region = us-east-1',
        'sso_account_id = 123456789012',
        'sso_role_name = ReadOnly',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(home, '.aws', 'credentials'),
      ['[from-file]', 'aws_access_key_id = AKIDFROMPROFILEFILE', 'aws_secret_access_key = profile-dummy-secret', ''].join('\n'),
    );
    writeExpiredSsoToken('corp', 'https://corp.example.awsapps.com/start');
    writeExpiredSsoToken('https://legacy.example.awsapps.com/start', 'https://legacy.example.awsapps.com/start');

    emulator = await startCognitoLocal();
    await seedEmulator(emulator.endpoint, { pools: [{ name: 'creds', clients: [] }] });
    proxy = await startFaultProxy({ upstream: emulator.endpoint });
  });
  after(async () => {
    for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
    Object.assign(process.env, savedEnv);
    await proxy?.stop();
    await emulator?.stop();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  test('environment variables sign the requests when no profile is chosen', async () => {
    useAwsEnv({ AWS_ACCESS_KEY_ID: 'AKIDFROMENVIRONMENT', AWS_SECRET_ACCESS_KEY: 'env-dummy-secret' });
    proxy.reset();
    const pools = await listUserPools(createCognitoClient({ region: EMULATOR_REGION, endpoint: proxy.endpoint }));
    assert.equal(pools.length, 1);
    assert.deepEqual(
      proxy.requests.map((r) => r.accessKeyId),
      ['AKIDFROMENVIRONMENT'],
    );
  });

  test('the profile option picks the named profile from the shared credentials file', async () => {
    useAwsEnv();
    proxy.reset();
    const pools = await listUserPools(createCognitoClient({ region: EMULATOR_REGION, endpoint: proxy.endpoint, profile: 'from-file' }));
    assert.equal(pools.length, 1);
    assert.deepEqual(
      proxy.requests.map((r) => r.accessKeyId),
      ['AKIDFROMPROFILEFILE'],
    );
  });

  test('the profile also supplies the region when none is given (without it the call fails: see the no-region test)', async () => {
    useAwsEnv();
    proxy.reset();
    const pools = await listUserPools(createCognitoClient({ endpoint: proxy.endpoint, profile: 'from-file' }));
    assert.equal(pools.length, 1);
  });

  test('an endpoint set through AWS_ENDPOINT_URL is used and named in error messages', async () => {
    useAwsEnv({ AWS_ENDPOINT_URL: proxy.endpoint });
    proxy.reset();
    proxy.setFaults([{ operation: 'ListUserPools', fault: accessDenied() }]);
    try {
      const err = await failureOf(listUserPools(createCognitoClient({ profile: 'from-file', maxAttempts: 1 })));
      assert.equal(err.live.kind, 'access-denied');
      assert.equal(proxy.attempts('ListUserPools'), 1);
      assert.ok(err.live.message.includes(`at endpoint ${proxy.endpoint}`), err.live.message);
    } finally {
      proxy.reset();
    }
  });

  test('no credentials anywhere: a no-credentials message with a next step, and nothing is sent', async () => {
    useAwsEnv();
    proxy.reset();
    const err = await failureOf(listUserPools(createCognitoClient({ region: EMULATOR_REGION, endpoint: proxy.endpoint, maxAttempts: 1 })));
    assert.equal(err.live.kind, 'no-credentials');
    assert.match(err.live.nextStep, /aws configure|aws sso login/);
    assert.equal(proxy.attempts(), 0);
  });

  test('a profile that does not exist is named in the message', async () => {
    useAwsEnv();
    const err = await failureOf(
      listUserPools(createCognitoClient({ region: EMULATOR_REGION, endpoint: proxy.endpoint, profile: 'no-such-profile', maxAttempts: 1 })),
    );
    assert.equal(err.live.kind, 'no-credentials');
    assert.match(err.live.message, /"no-such-profile"/);
  });

  for (const profile of ['sso-session-user', 'legacy-sso-user']) {
    test(`an expired SSO session (${profile}) says to run aws sso login for that profile`, async () => {
      useAwsEnv();
      proxy.reset();
      const err = await failureOf(
        listUserPools(createCognitoClient({ region: EMULATOR_REGION, endpoint: proxy.endpoint, profile, maxAttempts: 1 })),
      );
      assert.equal(err.live.kind, 'sso-expired');
      assert.ok(err.live.nextStep.includes(`aws sso login --profile ${profile}`), err.live.nextStep);
      assert.equal(proxy.attempts(), 0);
    });
  }

  test('a profile chosen through AWS_PROFILE is named in the SSO step too', async () => {
    useAwsEnv({ AWS_PROFILE: 'legacy-sso-user' });
    const err = await failureOf(listUserPools(createCognitoClient({ region: EMULATOR_REGION, endpoint: proxy.endpoint, maxAttempts: 1 })));
    assert.equal(err.live.kind, 'sso-expired');
    assert.match(err.live.nextStep, /aws sso login --profile legacy-sso-user/);
  });

  test('no region at all is reported as such', async () => {
    useAwsEnv({ AWS_ACCESS_KEY_ID: 'AKIDFROMENVIRONMENT', AWS_SECRET_ACCESS_KEY: 'env-dummy-secret' });
    proxy.reset();
    // Even with a custom endpoint the SDK needs a region to sign the request.
    const err = await failureOf(listUserPools(createCognitoClient({ endpoint: proxy.endpoint, maxAttempts: 1 })));
    assert.equal(err.live.kind, 'no-region');
    assert.equal(proxy.attempts(), 0);
  });
});
