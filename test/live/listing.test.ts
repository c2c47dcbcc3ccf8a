// Listing pools and clients against cognito-local over HTTP, with the fault proxy adding the paging it
// lacks. Real paging by moto is tested in moto.test.ts.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { listClientsOfPools, listUserPoolClients, listUserPools, noAppClientsMessage } from '../../server/src/live';
import type { LiveProgress } from '../../server/src/live/types';
import { seedEmulator, startCognitoLocal, variedClientSettings, type RunningEmulator, type SeededPool } from '../support/emulators';
import { startFaultProxy, type FaultProxy } from '../support/faultProxy';
import { clientFor } from './liveHelpers';

// 5 pools (one empty) and 5 clients in the first pool: with pages of 2 that is 3 pages of each.
const SPEC = {
  pools: [
    { name: 'orders', clients: Array.from({ length: 5 }, (_, i) => ({ name: `orders-app-${i}`, settings: variedClientSettings(i) })) },
    { name: 'billing', clients: [{ name: 'billing-web', settings: variedClientSettings(7) }] },
    { name: 'support', clients: [] },
    { name: 'search', clients: [{ name: 'search-api', settings: variedClientSettings(3) }] },
    { name: 'reports', clients: [{ name: 'reports-cli' }] },
  ],
};

describe('listing over cognito-local behind a paging proxy', () => {
  let emulator: RunningEmulator;
  let proxy: FaultProxy;
  let pools: SeededPool[];

  before(async () => {
    emulator = await startCognitoLocal();
    pools = await seedEmulator(emulator.endpoint, SPEC);
    proxy = await startFaultProxy({ upstream: emulator.endpoint, pageSize: { ListUserPools: 2, ListUserPoolClients: 2 } });
  });
  after(async () => {
    await proxy?.stop();
    await emulator?.stop();
  });

  test('listUserPools follows NextToken across pages and returns every pool once', async () => {
    proxy.reset();
    const progress: LiveProgress[] = [];
    const found = await listUserPools(clientFor(proxy.endpoint), { onProgress: (p) => progress.push(p) });
    assert.deepEqual(
      found.map((p) => p.Id).sort(),
      pools.map((p) => p.id).sort(),
    );
    assert.deepEqual(
      found.map((p) => p.Name).sort(),
      SPEC.pools.map((p) => p.name).sort(),
    );
    assert.equal(proxy.attempts('ListUserPools'), 3, '5 pools in pages of 2 take 3 requests');
    assert.deepEqual(progress.map((p) => p.done), [2, 4, 5]);
  });

  test('listUserPoolClients follows NextToken across pages for one pool', async () => {
    proxy.reset();
    const found = await listUserPoolClients(clientFor(proxy.endpoint), pools[0].id);
    assert.deepEqual(
      found.map((c) => c.ClientId).sort(),
      pools[0].clients.map((c) => c.clientId).sort(),
    );
    assert.ok(found.every((c) => c.UserPoolId === pools[0].id));
    assert.deepEqual(
      found.map((c) => c.ClientName).sort(),
      SPEC.pools[0].clients.map((c) => c.name).sort(),
    );
    assert.equal(proxy.attempts('ListUserPoolClients'), 3);
  });

  test('a page size the caller asks for is honoured (pages of 1 without the proxy limit)', async () => {
    proxy.reset();
    proxy.setPageSize({ ListUserPools: 60 });
    try {
      const found = await listUserPools(clientFor(proxy.endpoint), { pageSize: 1 });
      assert.equal(found.length, pools.length);
      assert.equal(proxy.attempts('ListUserPools'), pools.length);
    } finally {
      proxy.setPageSize({ ListUserPools: 2, ListUserPoolClients: 2 });
    }
  });

  test('listClientsOfPools gathers the clients of several pools, including an empty one', async () => {
    const result = await listClientsOfPools(
      clientFor(proxy.endpoint),
      pools.map((p) => p.id),
    );
    assert.deepEqual(result.failures, []);
    const expected = pools.flatMap((p) => p.clients.map((c) => `${p.id}/${c.clientId}`)).sort();
    assert.deepEqual(result.clients.map((c) => `${c.UserPoolId}/${c.ClientId}`).sort(), expected);
  });

  test('a pool with no app clients lists as empty, and the message names the pool', async () => {
    const empty = pools[2];
    const found = await listUserPoolClients(clientFor(emulator.endpoint), empty.id);
    assert.deepEqual(found, []);
    const message = noAppClientsMessage(empty.id, empty.name);
    assert.match(message.message, new RegExp(`"support" \\(${empty.id}\\) has no app clients`));
    assert.ok(message.nextStep.length > 0);
  });
});

describe('empty region', () => {
  test('a region without pools lists nothing (an empty array, not an error)', async () => {
    const emulator = await startCognitoLocal();
    try {
      const found = await listUserPools(clientFor(emulator.endpoint));
      assert.deepEqual(found, []);
    } finally {
      await emulator.stop();
    }
  });
});
