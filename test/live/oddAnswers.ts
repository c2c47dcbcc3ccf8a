// Properties shared by oddAnswers.test.ts (few runs, in `npm test`) and oddAnswers.fuzz.ts (many runs):
// whatever a 200 answer contains, the live layer returns only well-typed data or a LiveCallError /
// per-client failure, never crashes, and never passes a ClientSecret on.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createCognitoClient, describeUserPoolClients, listUserPools, LiveCallError } from '../../server/src/live';
import type { DescribedClient } from '../../server/src/live/types';
import { after, before, describe, test } from 'node:test';
import { startFaultProxy, type FaultProxy } from '../support/faultProxy';
import { DUMMY_CREDENTIALS, EMULATOR_REGION, startCognitoLocal, type RunningEmulator } from '../support/emulators';

const odd = fc.jsonValue({ maxDepth: 2 });

const CLIENT_KEYS = [
  'UserPoolId', 'ClientId', 'ClientName', 'LastModifiedDate', 'CreationDate', 'RefreshTokenValidity',
  'AccessTokenValidity', 'IdTokenValidity', 'TokenValidityUnits', 'ReadAttributes', 'WriteAttributes',
  'ExplicitAuthFlows', 'SupportedIdentityProviders', 'CallbackURLs', 'LogoutURLs', 'DefaultRedirectURI',
  'AllowedOAuthFlows', 'AllowedOAuthScopes', 'AllowedOAuthFlowsUserPoolClient', 'AnalyticsConfiguration',
  'PreventUserExistenceErrors', 'EnableTokenRevocation', 'EnablePropagateAdditionalUserContextData',
  'AuthSessionValidity', 'RefreshTokenRotation', 'ClientType',
] as const;

const oddClient = fc.record(Object.fromEntries(CLIENT_KEYS.map((k) => [k, odd])) as Record<(typeof CLIENT_KEYS)[number], typeof odd>, {
  requiredKeys: [],
});

const LISTS = new Set(['ReadAttributes', 'WriteAttributes', 'ExplicitAuthFlows', 'SupportedIdentityProviders', 'CallbackURLs', 'LogoutURLs', 'AllowedOAuthFlows', 'AllowedOAuthScopes']);
const NUMBERS = new Set(['RefreshTokenValidity', 'AccessTokenValidity', 'IdTokenValidity', 'AuthSessionValidity']);
const BOOLS = new Set(['hasSecret', 'AllowedOAuthFlowsUserPoolClient', 'EnableTokenRevocation', 'EnablePropagateAdditionalUserContextData']);
const OBJECTS = new Set(['TokenValidityUnits', 'AnalyticsConfiguration', 'RefreshTokenRotation']);

/** Checks a DescribedClient field by field against the documented shape. */
export function assertWellTyped(c: DescribedClient) {
  assert.equal(typeof c.UserPoolId, 'string');
  assert.equal(typeof c.ClientId, 'string');
  for (const [key, value] of Object.entries(c)) {
    assert.ok(!/secret/i.test(key) || key === 'hasSecret', `unexpected key ${key}`);
    if (LISTS.has(key)) assert.ok(Array.isArray(value) && value.every((x) => typeof x === 'string'), key);
    else if (NUMBERS.has(key)) assert.ok(typeof value === 'number' && Number.isFinite(value), key);
    else if (BOOLS.has(key)) assert.equal(typeof value, 'boolean', key);
    else if (OBJECTS.has(key)) {
      assert.ok(value && typeof value === 'object' && !Array.isArray(value), key);
      for (const inner of Object.values(value as object)) assert.ok(['string', 'number', 'boolean'].includes(typeof inner), key);
    } else assert.equal(typeof value, 'string', key);
  }
}

export async function oddDescribeAnswersProperty(proxy: FaultProxy, numRuns: number) {
  const client = createCognitoClient({ region: EMULATOR_REGION, endpoint: proxy.endpoint, credentials: DUMMY_CREDENTIALS, maxAttempts: 1 });
  let run = 0;
  await fc.assert(
    fc.asyncProperty(fc.oneof(oddClient.map((c) => ({ UserPoolClient: c })), odd), fc.boolean(), async (body, withSecret) => {
      const secret = `SECRETMARKER${++run}x${Date.now()}`;
      const answer =
        withSecret && body && typeof body === 'object' && 'UserPoolClient' in body && body.UserPoolClient
          ? { UserPoolClient: { ...(body.UserPoolClient as object), ClientSecret: secret } }
          : body;
      proxy.setFaults([{ operation: 'DescribeUserPoolClient', fault: { type: 'raw', status: 200, body: JSON.stringify(answer), contentType: 'application/x-amz-json-1.1' } }]);
      const result = await describeUserPoolClients(client, [{ UserPoolId: 'pool_1', ClientId: 'client1' }]);
      assert.equal(result.clients.length + result.failures.length, 1);
      for (const c of result.clients) assertWellTyped(c);
      for (const f of result.failures) assert.equal(typeof f.error.message, 'string');
      assert.ok(!JSON.stringify(result).includes(secret), 'the secret leaked');
    }),
    { numRuns },
  );
  client.destroy();
}

export async function oddListAnswersProperty(proxy: FaultProxy, numRuns: number) {
  const client = createCognitoClient({ region: EMULATOR_REGION, endpoint: proxy.endpoint, credentials: DUMMY_CREDENTIALS, maxAttempts: 1 });
  const oddPools = fc.record({ UserPools: fc.oneof(odd, fc.array(fc.record({ Id: odd, Name: odd }, { requiredKeys: [] }))), NextToken: odd }, { requiredKeys: [] });
  await fc.assert(
    fc.asyncProperty(fc.oneof(oddPools, odd), async (body) => {
      proxy.setFaults([{ operation: 'ListUserPools', fault: { type: 'raw', status: 200, body: JSON.stringify(body), contentType: 'application/x-amz-json-1.1' } }]);
      try {
        const pools = await listUserPools(client);
        for (const p of pools) {
          assert.ok(typeof p.Id === 'string' && p.Id.length > 0);
          assert.ok(p.Name === undefined || typeof p.Name === 'string');
        }
      } catch (err) {
        // A NextToken that comes back every time is caught as a paging loop; anything else is explained.
        assert.ok(err instanceof LiveCallError, `not a LiveCallError: ${String(err)}`);
      }
    }),
    { numRuns },
  );
  client.destroy();
}

/** The suite itself, run with few cases in `npm test` and many in `npm run fuzz`. */
export function describeOddAnswers(title: string, runs: number): void {
  describe(title, () => {
    let emulator: RunningEmulator;
    let proxy: FaultProxy;
    before(async () => {
      emulator = await startCognitoLocal();
      proxy = await startFaultProxy({ upstream: emulator.endpoint });
    });
    after(async () => {
      await proxy?.stop();
      await emulator?.stop();
    });

    test('describe answers of any shape give typed clients or failures, never a crash or the secret', async () => {
      await oddDescribeAnswersProperty(proxy, runs);
    });

    test('list answers of any shape give typed pools or a LiveCallError', async () => {
      await oddListAnswersProperty(proxy, runs);
    });
  });
}
