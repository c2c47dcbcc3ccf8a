// The live layer against moto_server, when it is on PATH: real service-side paging, the client fields
// cognito-local drops, AWS-like not-found errors, and the secret check on a second implementation.
// One moto process serves the whole file because it is slow to start.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeUserPoolClients, listUserPoolClients, listUserPools, LiveCallError } from '../../server/src/live';
import type { LiveProgress } from '../../server/src/live/types';
import { seedEmulator, startMoto, variedClientSettings, type RunningMoto, type SeededPool } from '../support/emulators';
import { assertNoSecret, captureConsole, clientFor, exerciseEverything, expectedFrom, rawDescribe, refsOf, secretsOf } from './liveHelpers';

// variedClientSettings gives a secret to every 3rd index: 0, 3 and 6 have one, 1 and 2 do not.
const CLIENT_VARIANTS = [0, 1, 2, 3, 6];

describe('live layer over moto', () => {
  let moto: RunningMoto | undefined;
  let skipReason = '';
  let pools: SeededPool[] = [];

  before(async () => {
    const started = await startMoto();
    if ('skipReason' in started) {
      skipReason = started.skipReason;
      console.log(`# skipping the moto suite: ${skipReason}`);
      return;
    }
    moto = started;
    pools = await seedEmulator(moto.endpoint, {
      pools: [
        { name: 'm-one', clients: CLIENT_VARIANTS.map((i) => ({ name: `m-app-${i}`, settings: variedClientSettings(i) })) },
        { name: 'm-two', clients: [] },
        { name: 'm-three', clients: [] },
      ],
    });
  });
  after(async () => {
    await moto?.stop();
  });

  test('listUserPools pages with MaxResults 2 and finds every pool', async (t) => {
    if (!moto) return t.skip(skipReason);
    const pages: LiveProgress[] = [];
    const found = await listUserPools(clientFor(moto.endpoint), { pageSize: 2, onProgress: (p) => pages.push(p) });
    assert.deepEqual(found.map((p) => p.Id).sort(), pools.map((p) => p.id).sort());
    assert.ok(found.every((p) => /^us-east-1_/.test(p.Id)), 'moto issues region-style pool ids');
    assert.ok(pages.length >= 2, `expected at least 2 pages, saw ${pages.length}`);
  });

  test('listUserPoolClients pages with MaxResults 2 and finds every client', async (t) => {
    if (!moto) return t.skip(skipReason);
    const pages: LiveProgress[] = [];
    const found = await listUserPoolClients(clientFor(moto.endpoint), pools[0].id, { pageSize: 2, onProgress: (p) => pages.push(p) });
    assert.deepEqual(found.map((c) => c.ClientId).sort(), pools[0].clients.map((c) => c.clientId).sort());
    assert.ok(pages.length >= 3, `5 clients in pages of 2 need 3 pages, saw ${pages.length}`);
  });

  test('listing the clients of a pool that does not exist fails with a not-found message naming the pool', async (t) => {
    if (!moto) return t.skip(skipReason);
    const missing = 'us-east-1_doesnotexist';
    const err = await listUserPoolClients(clientFor(moto.endpoint), missing).then(
      () => assert.fail('expected a failure'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof LiveCallError);
    assert.equal(err.live.kind, 'not-found');
    assert.match(err.live.message, new RegExp(`User pool ${missing} was not found`));
  });

  test('describe keeps AuthSessionValidity, EnablePropagateAdditionalUserContextData and RefreshTokenRotation', async (t) => {
    if (!moto) return t.skip(skipReason);
    const refs = refsOf(pools);
    const result = await describeUserPoolClients(clientFor(moto.endpoint), refs, { concurrency: 2 });
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
      assert.deepEqual(described, expectedFrom(await rawDescribe(moto.endpoint, refs[i])));
    }
    assert.equal(secretClients, 3);
  });

  test('no client secret appears in results, progress notes or console output', async (t) => {
    if (!moto) return t.skip(skipReason);
    const secrets = secretsOf(pools);
    assert.equal(secrets.length, 3, 'moto returns a secret for each GenerateSecret client');
    const { value, output } = await captureConsole(() => exerciseEverything(moto!.endpoint, pools));
    assertNoSecret(JSON.stringify(value), secrets, 'the returned results');
    assertNoSecret(output, secrets, 'console output');
    assert.equal(value.described.clients.filter((c) => c.hasSecret).length, 3);
  });
});
