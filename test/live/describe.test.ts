// Describing app clients against real Cognito APIs: what comes back, in which order, how many requests
// are in flight at once, and that one failed client does not hide the others. moto: see moto.test.ts.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeUserPoolClients } from '../../server/src/live';
import type { ClientRef, LiveProgress } from '../../server/src/live/types';
import { seedEmulator, startCognitoLocal, variedClientSettings, type RunningEmulator, type SeededPool } from '../support/emulators';
import { startFaultProxy, type FaultProxy } from '../support/faultProxy';
import { clientFor, expectedFrom, rawDescribe, refsOf } from './liveHelpers';

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
      // The first `concurrency` requests are held open long enough that all of them overlap even on a
      // busy machine; any request beyond the limit would then show up as a higher peak.
      proxy.setFaults([{ operation: 'DescribeUserPoolClient', calls: (n) => n <= concurrency, fault: { type: 'delay', ms: 300 } }]);
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
