// Client secrets must never leave the live layer. The emulators do return ClientSecret for clients created
// with GenerateSecret, so these tests first prove the secret is really on the wire, then search everything
// the live layer hands out (results, failures, thrown errors, progress notes, console output) for it.
// The same check against moto is in moto.test.ts.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DescribeUserPoolClientCommand } from '@aws-sdk/client-cognito-identity-provider';
import { createCognitoClient, describeUserPoolClients, listClientsOfPools, LiveCallError } from '../../server/src/live';
import {
  DUMMY_CREDENTIALS,
  EMULATOR_REGION,
  emulatorSdkClient,
  seedEmulator,
  startCognitoLocal,
  variedClientSettings,
  type RunningEmulator,
  type SeededPool,
} from '../support/emulators';
import { startFaultProxy, throttle, type FaultProxy } from '../support/faultProxy';
import { assertNoSecret, captureConsole, exerciseEverything, secretsOf } from './liveHelpers';

describe('no client secret leaves the live layer (cognito-local)', () => {
  let emulator: RunningEmulator;
  let proxy: FaultProxy;
  let pools: SeededPool[];

  before(async () => {
    emulator = await startCognitoLocal();
    pools = await seedEmulator(emulator.endpoint, {
      pools: [
        { name: 'secretive', clients: Array.from({ length: 6 }, (_, i) => ({ name: `s-${i}`, settings: variedClientSettings(i) })) },
        { name: 'also-secret', clients: [{ name: 'only-secret', settings: { GenerateSecret: true } }] },
      ],
    });
    proxy = await startFaultProxy({ upstream: emulator.endpoint, pageSize: { ListUserPools: 1, ListUserPoolClients: 2 } });
  });
  after(async () => {
    await proxy?.stop();
    await emulator?.stop();
  });

  test('the emulator really returns the secrets (otherwise the leak checks prove nothing)', async () => {
    const secrets = secretsOf(pools);
    assert.ok(secrets.length >= 3, `expected several secret clients, got ${secrets.length}`);
    const sdk = emulatorSdkClient(emulator.endpoint);
    try {
      const withSecret = pools[1].clients[0];
      const raw = await sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: pools[1].id, ClientId: withSecret.clientId }));
      assert.equal(raw.UserPoolClient?.ClientSecret, withSecret.secretForLeakChecks);
    } finally {
      sdk.destroy();
    }
  });

  test('results, progress notes and console output never contain a secret', async () => {
    const secrets = secretsOf(pools);
    const { value, output } = await captureConsole(() => exerciseEverything(proxy.endpoint, pools));
    assertNoSecret(JSON.stringify(value), secrets, 'the returned results');
    assertNoSecret(value.progress.map((p) => p.message).join('\n'), secrets, 'progress messages');
    assertNoSecret(output, secrets, 'console output');
    assert.ok(value.described.clients.some((c) => c.hasSecret), 'the secret is reported only as hasSecret');
    for (const c of value.described.clients) assert.ok(!Object.keys(c).some((k) => /secret/i.test(k) && k !== 'hasSecret'));
  });

  test('failures and thrown errors never contain a secret either', async () => {
    const secrets = secretsOf(pools);
    const refs = pools[0].clients.map((c) => ({ UserPoolId: pools[0].id, ClientId: c.clientId }));
    proxy.reset();
    // Half the describes fail, so the failure path is exercised next to successful secret-bearing answers.
    proxy.setFaults([{ operation: 'DescribeUserPoolClient', calls: (n) => n % 2 === 0, fault: throttle() }]);
    const client = createCognitoClient({ region: EMULATOR_REGION, endpoint: proxy.endpoint, credentials: DUMMY_CREDENTIALS, maxAttempts: 1 });
    const { value, output } = await captureConsole(() => describeUserPoolClients(client, refs, { concurrency: 2 }));
    assert.ok(value.failures.length > 0 && value.clients.length > 0);
    assertNoSecret(JSON.stringify(value), secrets, 'a partial result');
    assertNoSecret(output, secrets, 'console output');

    proxy.setFaults([{ operation: 'ListUserPoolClients', fault: { type: 'error', errorType: 'InternalErrorException', status: 500 } }]);
    const thrown = await captureConsole(() =>
      listClientsOfPools(client, [pools[0].id]).then((r) => r.failures.map((f) => f.error)),
    );
    assert.equal(thrown.value.length, 1);
    const err = new LiveCallError(thrown.value[0]);
    assertNoSecret(JSON.stringify(err) + String(err) + JSON.stringify(thrown.value), secrets, 'errors');
    proxy.reset();
  });
});
