// Faults the emulators cannot produce, injected by the tests' proxy in front of cognito-local:
// throttling (retried by the SDK, bounded), access denied, expired tokens, timeouts, dropped and refused
// connections, and cancellation through an AbortSignal.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createCognitoClient,
  describeUserPoolClients,
  listUserPools,
  LiveCallError,
  type CognitoClientOptions,
} from '../../server/src/live';
import type { ClientRef } from '../../server/src/live/types';
import {
  DUMMY_CREDENTIALS,
  EMULATOR_REGION,
  freeLoopbackPort,
  seedEmulator,
  startCognitoLocal,
  variedClientSettings,
  type RunningEmulator,
} from '../support/emulators';
import { accessDenied, expiredToken, notAuthorized, startFaultProxy, throttle, type FaultProxy } from '../support/faultProxy';
import { failureOf } from './liveHelpers';

describe('faults between the live layer and Cognito', () => {
  let emulator: RunningEmulator;
  let proxy: FaultProxy;
  let refs: ClientRef[];
  const client = (options: Partial<CognitoClientOptions> = {}) =>
    createCognitoClient({ region: EMULATOR_REGION, endpoint: proxy.endpoint, credentials: DUMMY_CREDENTIALS, ...options });

  before(async () => {
    emulator = await startCognitoLocal();
    const pools = await seedEmulator(emulator.endpoint, {
      pools: [
        { name: 'faults', clients: Array.from({ length: 8 }, (_, i) => ({ name: `f-${i}`, settings: variedClientSettings(i) })) },
        { name: 'faults-2', clients: [] },
      ],
    });
    refs = pools[0].clients.map((c) => ({ UserPoolId: pools[0].id, ClientId: c.clientId, ClientName: c.clientName }));
    proxy = await startFaultProxy({ upstream: emulator.endpoint, pageSize: { ListUserPools: 1 } });
  });
  after(async () => {
    await proxy?.stop();
    await emulator?.stop();
  });

  test('throttling on the first two tries is retried by the SDK and the call succeeds on the third', async () => {
    proxy.reset();
    proxy.setFaults([{ operation: 'DescribeUserPoolClient', calls: [1, 2], fault: throttle() }]);
    const result = await describeUserPoolClients(client({ maxAttempts: 3 }), [refs[0]]);
    assert.deepEqual(result.failures, []);
    assert.equal(result.clients[0].ClientId, refs[0].ClientId);
    assert.equal(proxy.attempts('DescribeUserPoolClient'), 3);
  });

  test('throttling that never ends stops after maxAttempts and says the retries ran out', async () => {
    proxy.reset();
    proxy.setFaults([{ operation: 'ListUserPools', fault: throttle() }]);
    const err = await failureOf(listUserPools(client({ maxAttempts: 2 })));
    assert.equal(proxy.attempts('ListUserPools'), 2);
    assert.equal(err.live.kind, 'throttled');
    assert.match(err.live.message, /cognito-idp:ListUserPools/);
    assert.match(err.live.message, /gave up after 2 attempts/);
  });

  test('one throttled client becomes a failure while the other clients are described', async () => {
    proxy.reset();
    const victim = refs[3];
    proxy.setFaults([{ operation: 'DescribeUserPoolClient', when: (input) => input.ClientId === victim.ClientId, fault: throttle() }]);
    const result = await describeUserPoolClients(client({ maxAttempts: 2 }), refs, { concurrency: 3 });
    assert.deepEqual(
      result.clients.map((c) => c.ClientId),
      refs.filter((r) => r !== victim).map((r) => r.ClientId),
    );
    assert.equal(result.failures.length, 1);
    assert.equal(result.failures[0].ref.ClientId, victim.ClientId);
    assert.equal(result.failures[0].error.kind, 'throttled');
    assert.equal(proxy.attempts('DescribeUserPoolClient'), refs.length + 1, 'the victim was tried twice, the rest once');
  });

  test('AccessDenied on listing names the ListUserPools IAM action and is not retried', async () => {
    proxy.reset();
    proxy.setFaults([{ operation: 'ListUserPools', fault: accessDenied('cognito-idp:ListUserPools') }]);
    const err = await failureOf(listUserPools(client()));
    assert.equal(err.live.kind, 'access-denied');
    assert.match(err.live.message, /cognito-idp:ListUserPools/);
    assert.match(err.live.nextStep, /cognito-idp:ListUserPools/);
    assert.equal(proxy.attempts('ListUserPools'), 1);
  });

  test('AccessDenied on describe names the DescribeUserPoolClient action and the pool', async () => {
    proxy.reset();
    proxy.setFaults([{ operation: 'DescribeUserPoolClient', fault: accessDenied('cognito-idp:DescribeUserPoolClient') }]);
    const result = await describeUserPoolClients(client(), refs.slice(0, 2));
    assert.equal(result.clients.length, 0);
    assert.equal(result.failures.length, 2);
    for (const failure of result.failures) {
      assert.equal(failure.error.kind, 'access-denied');
      assert.match(failure.error.message, /cognito-idp:DescribeUserPoolClient/);
      assert.ok(failure.error.message.includes(refs[0].UserPoolId));
    }
  });

  test('NotAuthorizedException is reported as access denied too', async () => {
    proxy.reset();
    proxy.setFaults([{ operation: 'ListUserPools', fault: notAuthorized() }]);
    const err = await failureOf(listUserPools(client()));
    assert.equal(err.live.kind, 'access-denied');
    assert.equal(err.live.errorName, 'NotAuthorizedException');
  });

  test('an expired token is reported with a refresh step and is not retried', async () => {
    proxy.reset();
    proxy.setFaults([{ operation: 'ListUserPools', fault: expiredToken() }]);
    const err = await failureOf(listUserPools(client({ profile: 'work' })));
    assert.equal(err.live.kind, 'expired-credentials');
    assert.match(err.live.nextStep, /aws sso login --profile work/);
    assert.equal(proxy.attempts('ListUserPools'), 1);
  });

  test('a failure on the second page of pools fails the listing (no silent half list)', async () => {
    proxy.reset();
    proxy.setFaults([{ operation: 'ListUserPools', calls: [2], fault: accessDenied() }]);
    const err = await failureOf(listUserPools(client({ maxAttempts: 1 })));
    assert.equal(err.live.kind, 'access-denied');
    assert.equal(proxy.attempts('ListUserPools'), 2);
  });

  test('a request with no answer times out as a network error naming the endpoint, after maxAttempts tries', async () => {
    proxy.reset();
    proxy.setFaults([{ operation: 'ListUserPools', fault: { type: 'hang' } }]);
    const err = await failureOf(listUserPools(client({ maxAttempts: 2, requestTimeoutMs: 250 })));
    assert.equal(err.live.kind, 'network');
    assert.ok(err.live.message.includes(proxy.endpoint), err.live.message);
    assert.equal(proxy.attempts('ListUserPools'), 2);
  });

  test('a dropped connection is a network error', async () => {
    proxy.reset();
    proxy.setFaults([{ operation: 'ListUserPools', fault: { type: 'drop' } }]);
    const err = await failureOf(listUserPools(client({ maxAttempts: 1 })));
    assert.equal(err.live.kind, 'network');
  });

  test('an HTML error page from something in between (a corporate proxy) is explained, not a crash', async () => {
    proxy.reset();
    proxy.setFaults([
      { operation: 'ListUserPools', fault: { type: 'raw', status: 502, body: '<html><body><h1>502 Bad Gateway</h1></body></html>' } },
    ]);
    const err = await failureOf(listUserPools(client({ maxAttempts: 1 })));
    assert.equal(err.live.kind, 'network');
    assert.match(err.live.message, /was not a Cognito API response \(HTTP 502\)/);
    assert.ok(err.live.message.includes(proxy.endpoint));
    assert.match(err.live.nextStep, /awsccCognito\.endpoint/);
  });

  test('random bytes in a 200 answer are explained, not a crash, and nothing half-parsed is returned', async () => {
    const garbage = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7919 + 13) % 256));
    for (const operation of ['ListUserPools', 'DescribeUserPoolClient']) {
      proxy.reset();
      proxy.setFaults([{ operation, fault: { type: 'raw', status: 200, body: garbage, contentType: 'application/x-amz-json-1.1' } }]);
      if (operation === 'ListUserPools') {
        const err = await failureOf(listUserPools(client({ maxAttempts: 1 })));
        assert.equal(err.live.kind, 'network');
        assert.doesNotMatch(err.live.message, /[\u0000-\u0008]/, 'no raw bytes in the message');
      } else {
        const result = await describeUserPoolClients(client({ maxAttempts: 1 }), refs.slice(0, 2));
        assert.equal(result.clients.length, 0);
        assert.equal(result.failures.length, 2);
        assert.ok(result.failures.every((f) => f.error.kind === 'network'));
      }
    }
  });

  test('a closed port is a network error that names the endpoint and points at the endpoint setting', async () => {
    const port = await freeLoopbackPort(); // nothing listens there any more
    const endpoint = `http://127.0.0.1:${port}`;
    const err = await failureOf(
      listUserPools(createCognitoClient({ region: EMULATOR_REGION, endpoint, credentials: DUMMY_CREDENTIALS, maxAttempts: 1 })),
    );
    assert.equal(err.live.kind, 'network');
    assert.ok(err.live.message.includes(endpoint));
    assert.match(err.live.message, /ECONNREFUSED/);
    assert.match(err.live.nextStep, /awsccCognito\.endpoint/);
  });
});

describe('cancellation', () => {
  let emulator: RunningEmulator;
  let proxy: FaultProxy;
  let refs: ClientRef[];
  const client = () =>
    createCognitoClient({ region: EMULATOR_REGION, endpoint: proxy.endpoint, credentials: DUMMY_CREDENTIALS, maxAttempts: 3 });

  before(async () => {
    emulator = await startCognitoLocal();
    const pools = await seedEmulator(emulator.endpoint, {
      pools: [{ name: 'cancel', clients: Array.from({ length: 10 }, (_, i) => ({ name: `c-${i}` })) }, { name: 'cancel-2', clients: [] }],
    });
    refs = pools[0].clients.map((c) => ({ UserPoolId: pools[0].id, ClientId: c.clientId }));
    proxy = await startFaultProxy({ upstream: emulator.endpoint, pageSize: { ListUserPools: 1 } });
  });
  after(async () => {
    await proxy?.stop();
    await emulator?.stop();
  });

  test('an already aborted signal sends nothing', async () => {
    proxy.reset();
    const err = await failureOf(listUserPools(client(), { signal: AbortSignal.abort() }));
    assert.equal(err.live.kind, 'cancelled');
    assert.equal(proxy.attempts(), 0);
  });

  test('aborting while describes are in flight stops the work and starts nothing new', async () => {
    proxy.reset();
    proxy.setFaults([{ operation: 'DescribeUserPoolClient', fault: { type: 'hang' } }]);
    const controller = new AbortController();
    const work = describeUserPoolClients(client(), refs, { concurrency: 2, signal: controller.signal });
    while (proxy.attempts('DescribeUserPoolClient') < 2) await new Promise((r) => setTimeout(r, 10));
    controller.abort();
    const err = await failureOf(work);
    assert.equal(err.live.kind, 'cancelled');
    // Every worker has returned by now, so the count is final: the two hanging requests and no others.
    assert.equal(proxy.attempts('DescribeUserPoolClient'), 2);
  });

  test('aborting between pages stops the listing of pools', async () => {
    proxy.reset();
    proxy.setFaults([{ operation: 'ListUserPools', calls: [2], fault: { type: 'hang' } }]);
    const controller = new AbortController();
    const work = listUserPools(client(), { signal: controller.signal });
    while (proxy.attempts('ListUserPools') < 2) await new Promise((r) => setTimeout(r, 10));
    controller.abort();
    const err = await failureOf(work);
    assert.equal(err.live.kind, 'cancelled');
    assert.equal(proxy.attempts('ListUserPools'), 2);
  });
});
