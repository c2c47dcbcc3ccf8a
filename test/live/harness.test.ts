// The shared test harness itself (test/support/emulators.ts, test/support/faultProxy.ts): other suites
// (CLI import, e2e) rely on these promises, so they are checked here against the real emulator.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { emulatorEnv, emulatorSdkClient, findMotoServer, seedEmulator, startCognitoLocal, startMoto, type RunningEmulator } from '../support/emulators';
import { startFaultProxy, type FaultProxy } from '../support/faultProxy';

const liveIndex = resolve(__dirname, '../../server/src/live/index.ts');

describe('test harness', () => {
  let emulator: RunningEmulator;
  let proxy: FaultProxy;

  before(async () => {
    emulator = await startCognitoLocal();
    await seedEmulator(emulator.endpoint, { pools: ['h1', 'h2', 'h3'].map((name) => ({ name, clients: [] })) });
    proxy = await startFaultProxy({ upstream: emulator.endpoint, pageSize: { ListUserPools: 2 } });
  });
  after(async () => {
    await proxy?.stop();
    await emulator?.stop();
  });

  test('emulatorEnv lets a child process use the real credential chain even if the parent set AWS_PROFILE', () => {
    const script = `
      const live = require(${JSON.stringify(liveIndex)});
      live.listUserPools(live.createCognitoClient({ endpoint: process.argv[1], maxAttempts: 1 }))
        .then((pools) => console.log(JSON.stringify(pools.map((p) => p.Name).sort())))
        .catch((e) => { console.log('FAILED ' + (e.live ? e.live.kind : e)); });`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', script, emulator.endpoint], {
      env: { ...process.env, AWS_PROFILE: 'a-profile-that-does-not-exist', ...emulatorEnv() },
      cwd: resolve(__dirname, '../..'),
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(child.status, 0, child.stderr);
    assert.equal(child.stdout.trim(), JSON.stringify(['h1', 'h2', 'h3']));
  });

  test('the proxy rejects a NextToken it did not issue, like the service does', async () => {
    const sdk = emulatorSdkClient(proxy.endpoint);
    try {
      const err = await sdk.send(new ListUserPoolsCommand({ MaxResults: 10, NextToken: 'made-up' })).then(
        () => assert.fail('expected an error'),
        (e: unknown) => e as Error,
      );
      assert.equal(err.name, 'InvalidParameterException');
    } finally {
      sdk.destroy();
    }
  });

  test('the proxy serves pages whose union is the upstream list', async () => {
    const sdk = emulatorSdkClient(proxy.endpoint);
    const upstream = emulatorSdkClient(emulator.endpoint);
    try {
      const first = await sdk.send(new ListUserPoolsCommand({ MaxResults: 10 }));
      assert.equal(first.UserPools?.length, 2);
      assert.ok(first.NextToken);
      const second = await sdk.send(new ListUserPoolsCommand({ MaxResults: 10, NextToken: first.NextToken }));
      assert.equal(second.UserPools?.length, 1);
      assert.equal(second.NextToken, undefined);
      const direct = await upstream.send(new ListUserPoolsCommand({ MaxResults: 60 }));
      assert.deepEqual(
        [...(first.UserPools ?? []), ...(second.UserPools ?? [])].map((p) => p.Id).sort(),
        (direct.UserPools ?? []).map((p) => p.Id).sort(),
      );
    } finally {
      sdk.destroy();
      upstream.destroy();
    }
  });

  test('startMoto explains itself instead of failing when moto_server is not on PATH', async () => {
    const savedPath = process.env.PATH;
    process.env.PATH = '';
    try {
      assert.equal(findMotoServer(), undefined);
      const result = await startMoto();
      assert.ok('skipReason' in result);
      assert.match(result.skipReason, /moto_server is not on PATH/);
    } finally {
      process.env.PATH = savedPath;
    }
  });
});
