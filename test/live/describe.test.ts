// Describing app clients against real Cognito APIs: what comes back, in which order, how many requests
// are in flight at once, and that one failed client does not hide the others.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DescribeUserPoolClientCommand, type UserPoolClientType } from '@aws-sdk/client-cognito-identity-provider';
import { createCognitoClient, describeUserPoolClients } from '../../server/src/live';
import type { ClientRef, DescribedClient, LiveProgress } from '../../server/src/live/types';
import {
  DUMMY_CREDENTIALS,
  EMULATOR_REGION,
  emulatorSdkClient,
  seedEmulator,
  startCognitoLocal,
  startMoto,
  variedClientSettings,
  type RunningEmulator,
  type RunningMoto,
  type SeededPool,
} from '../support/emulators';
import { startFaultProxy, type FaultProxy } from '../support/faultProxy';

const clientFor = (endpoint: string) =>
  createCognitoClient({ region: EMULATOR_REGION, endpoint, credentials: DUMMY_CREDENTIALS, maxAttempts: 1 });

const refsOf = (pools: SeededPool[]): ClientRef[] =>
  pools.flatMap((p) => p.clients.map((c) => ({ UserPoolId: p.id, ClientId: c.clientId, ClientName: c.clientName })));

/** What the live layer should make of a raw API description: everything but the secret, dates as ISO text. */
function expectedFrom(raw: UserPoolClientType): DescribedClient {
  const { ClientSecret, CreationDate, LastModifiedDate, ...rest } = raw;
  const expected: Record<string, unknown> = { ...rest, hasSecret: Boolean(ClientSecret) };
  if (CreationDate) expected.CreationDate = CreationDate.toISOString();
  if (LastModifiedDate) expected.LastModifiedDate = LastModifiedDate.toISOString();
  for (const [k, v] of Object.entries(expected)) if (v === undefined) delete expected[k];
  return expected as unknown as DescribedClient;
}

async function rawDescribe(endpoint: string, ref: ClientRef): Promise<UserPoolClientType> {
  const sdk = emulatorSdkClient(endpoint);
  try {
    const out = await sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: ref.UserPoolId, ClientId: ref.ClientId }));
    return out.UserPoolClient ?? {};
  } finally {
    sdk.destroy();
  }
}

describe('describeUserPoolClients over cognito-local', () => {
  let emulator: RunningEmulator;
  let proxy: FaultProxy;
  let pools: SeededPool[];
  let refs: ClientRef[];

  before(async () => {
    emulator = await startCognitoLocal();
    pools = await seedEmulator(emulator.endpoint, {
      pools: [
        { name: 'alpha', clients: Array.from({ length: 7 }, (_, i) => ({ name: `alpha-${i}`, settings: variedClientSettings(i) })) },
        { name: 'beta', clients: Array.from({ length: 5 }, (_, i) => ({ name: `beta-${i}`, settings: variedClientSettings(i + 7) })) },
      ],
    });
    refs = refsOf(pools);
    proxy = await startFaultProxy({ upstream: emulator.endpoint });
  });
  after(async () => {
    await proxy?.stop();
    await emulator?.stop();
  });

  test('every client comes back with all the settings the API returned, except the secret', async () => {
    const result = await describeUserPoolClients(clientFor(emulator.endpoint), refs);
    assert.deepEqual(result.failures, []);
    assert.equal(result.clients.length, refs.length);
    for (const [i, described] of result.clients.entries()) {
      const raw = await rawDescribe(emulator.endpoint, refs[i]);
      assert.deepEqual(described, expectedFrom(raw), `client ${refs[i].ClientName}`);
      assert.ok(!('ClientSecret' in described));
    }
  });

  test('hasSecret is true exactly for the clients created with GenerateSecret', async () => {
    const result = await describeUserPoolClients(clientFor(emulator.endpoint), refs);
    const byId = new Map(result.clients.map((c) => [c.ClientId, c]));
    for (const pool of pools) {
      for (const seeded of pool.clients) {
        assert.equal(byId.get(seeded.clientId)?.hasSecret, seeded.settings.GenerateSecret === true, seeded.clientName);
      }
    }
  });

  test('results keep the order of the refs, whatever order the answers arrive in', async () => {
    const reversed = [...refs].reverse();
    // Slow answers for the first refs so later ones finish first.
    proxy.reset();
    proxy.setFaults([
      { operation: 'DescribeUserPoolClient', when: (input) => input.ClientId === reversed[0].ClientId, fault: { type: 'delay', ms: 150 } },
    ]);
    try {
      const result = await describeUserPoolClients(clientFor(proxy.endpoint), reversed, { concurrency: 4 });
      assert.deepEqual(
        result.clients.map((c) => c.ClientId),
        reversed.map((r) => r.ClientId),
      );
    } finally {
      proxy.reset();
    }
  });

  for (const concurrency of [1, 4]) {
    test(`no more than ${concurrency} describe request(s) are in flight at once`, async () => {
      proxy.reset();
      // A delay on every describe keeps requests open long enough to overlap if the limit were ignored.
      proxy.setFaults([{ operation: 'DescribeUserPoolClient', fault: { type: 'delay', ms: 40 } }]);
      const progress: LiveProgress[] = [];
      try {
        const result = await describeUserPoolClients(clientFor(proxy.endpoint), refs, {
          concurrency,
          onProgress: (p) => progress.push(p),
        });
        assert.equal(result.clients.length, refs.length);
        assert.equal(proxy.attempts('DescribeUserPoolClient'), refs.length);
        assert.equal(proxy.peakInFlight(), concurrency);
        assert.deepEqual(
          progress.map((p) => p.done),
          refs.map((_, i) => i + 1),
        );
        assert.ok(progress.every((p) => p.total === refs.length));
      } finally {
        proxy.reset();
      }
    });
  }

  test('a client that cannot be described is reported as a failure and the others still come back', async () => {
    const missing: ClientRef = { UserPoolId: pools[0].id, ClientId: 'nosuchclient0000000000000', ClientName: 'ghost' };
    const mixed = [refs[0], missing, refs[1], refs[2]];
    const result = await describeUserPoolClients(clientFor(emulator.endpoint), mixed, { concurrency: 2 });
    assert.deepEqual(
      result.clients.map((c) => c.ClientId),
      [refs[0], refs[1], refs[2]].map((r) => r.ClientId),
    );
    assert.equal(result.failures.length, 1);
    assert.deepEqual(result.failures[0].ref, missing);
    assert.equal(result.failures[0].error.kind, 'not-found');
    assert.match(result.failures[0].error.message, /nosuchclient0000000000000/);
  });

  test('an empty list of refs makes no requests', async () => {
    proxy.reset();
    const result = await describeUserPoolClients(clientFor(proxy.endpoint), []);
    assert.deepEqual(result, { clients: [], failures: [] });
    assert.equal(proxy.attempts(), 0);
  });
});

describe('describeUserPoolClients over moto (all fields)', () => {
  let moto: RunningMoto | undefined;
  let skipReason = '';
  let pools: SeededPool[] = [];

  before(async () => {
    const started = await startMoto();
    if ('skipReason' in started) {
      skipReason = started.skipReason;
      console.log(`# skipping moto describe tests: ${skipReason}`);
      return;
    }
    moto = started;
    pools = await seedEmulator(moto.endpoint, {
      pools: [{ name: 'full', clients: [0, 1, 2, 3].map((i) => ({ name: `full-${i}`, settings: variedClientSettings(i) })) }],
    });
  });
  after(async () => {
    await moto?.stop();
  });

  test('keeps AuthSessionValidity, EnablePropagateAdditionalUserContextData and RefreshTokenRotation', async (t) => {
    if (!moto) return t.skip(skipReason);
    const result = await describeUserPoolClients(clientFor(moto.endpoint), refsOf(pools), { concurrency: 2 });
    assert.deepEqual(result.failures, []);
    let secretClients = 0;
    for (const [i, described] of result.clients.entries()) {
      const settings = pools[0].clients[i].settings;
      assert.equal(described.AuthSessionValidity, settings.AuthSessionValidity);
      // moto answers false/absent for what was not set, so compare only what the seed set.
      if (settings.GenerateSecret) {
        secretClients++;
        assert.equal(described.EnablePropagateAdditionalUserContextData, true);
        assert.deepEqual(described.RefreshTokenRotation, settings.RefreshTokenRotation);
      }
      assert.equal(described.hasSecret, settings.GenerateSecret === true);
      const raw = await rawDescribe(moto.endpoint, refsOf(pools)[i]);
      assert.deepEqual(described, expectedFrom(raw));
    }
    assert.ok(secretClients > 0, 'the seed includes clients with a secret');
  });
});
