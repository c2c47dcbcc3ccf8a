// Helpers shared by the live suites (not a test file itself).
import assert from 'node:assert/strict';
import { DescribeUserPoolClientCommand, type UserPoolClientType } from '@aws-sdk/client-cognito-identity-provider';
import { createCognitoClient, describeUserPoolClients, listClientsOfPools, listUserPools, LiveCallError } from '../../server/src/live';
import type { ClientRef, DescribedClient, LiveProgress } from '../../server/src/live/types';
import { DUMMY_CREDENTIALS, EMULATOR_REGION, emulatorSdkClient, type SeededPool } from '../support/emulators';

/** A live-layer client for an emulator: dummy keys, one attempt (retries are tested on purpose elsewhere). */
export const clientFor = (endpoint: string) =>
  createCognitoClient({ region: EMULATOR_REGION, endpoint, credentials: DUMMY_CREDENTIALS, maxAttempts: 1 });

export const refsOf = (pools: SeededPool[]): ClientRef[] =>
  pools.flatMap((p) => p.clients.map((c) => ({ UserPoolId: p.id, ClientId: c.clientId, ClientName: c.clientName })));

/** What the live layer should make of a raw API description: everything but the secret, dates as ISO text. */
export function expectedFrom(raw: UserPoolClientType): DescribedClient {
  const { ClientSecret, CreationDate, LastModifiedDate, ...rest } = raw;
  const expected: Record<string, unknown> = { ...rest, hasSecret: Boolean(ClientSecret) };
  if (CreationDate) expected.CreationDate = CreationDate.toISOString();
  if (LastModifiedDate) expected.LastModifiedDate = LastModifiedDate.toISOString();
  for (const [k, v] of Object.entries(expected)) if (v === undefined) delete expected[k];
  return expected as unknown as DescribedClient;
}

/** DescribeUserPoolClient straight through the SDK, secret included (for comparisons only). */
export async function rawDescribe(endpoint: string, ref: ClientRef): Promise<UserPoolClientType> {
  const sdk = emulatorSdkClient(endpoint);
  try {
    const out = await sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: ref.UserPoolId, ClientId: ref.ClientId }));
    return out.UserPoolClient ?? {};
  } finally {
    sdk.destroy();
  }
}

/** Runs `work` while copying everything written to stdout and stderr (still passing it through). */
export async function captureConsole<T>(work: () => Promise<T>): Promise<{ value: T; output: string }> {
  let output = '';
  const originals = { out: process.stdout.write, err: process.stderr.write };
  const tap = (original: typeof process.stdout.write, stream: NodeJS.WriteStream) =>
    function (chunk: unknown, ...rest: unknown[]) {
      output += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
      return (original as (...a: unknown[]) => boolean).call(stream, chunk, ...rest);
    } as typeof process.stdout.write;
  process.stdout.write = tap(originals.out, process.stdout);
  process.stderr.write = tap(originals.err, process.stderr);
  try {
    return { value: await work(), output };
  } finally {
    process.stdout.write = originals.out;
    process.stderr.write = originals.err;
  }
}

export function secretsOf(pools: SeededPool[]): string[] {
  return pools.flatMap((p) => p.clients.map((c) => c.secretForLeakChecks).filter((s): s is string => Boolean(s)));
}

export function assertNoSecret(haystack: string, secrets: string[], where: string) {
  for (const secret of secrets) {
    // The failure message must not print the secret either.
    assert.ok(!haystack.includes(secret), `a client secret appeared in ${where}`);
  }
}

/** Lists every pool and client (pages of 2) and describes them all, collecting progress notes. */
export async function exerciseEverything(endpoint: string, pools: SeededPool[]) {
  const progress: LiveProgress[] = [];
  const onProgress = (p: LiveProgress) => progress.push(p);
  const client = createCognitoClient({ region: EMULATOR_REGION, endpoint, credentials: DUMMY_CREDENTIALS, maxAttempts: 2 });
  const listed = await listUserPools(client, { onProgress, pageSize: 2 });
  const clients = await listClientsOfPools(client, listed.map((p) => p.Id), { onProgress, pageSize: 2 });
  const refs: ClientRef[] = clients.clients.map((c) => ({ ...c }));
  const described = await describeUserPoolClients(client, refs, { concurrency: 4, onProgress });
  const single = await describeUserPoolClients(client, refs.slice(0, 1), { concurrency: 1, onProgress });
  assert.equal(described.clients.length, pools.reduce((n, p) => n + p.clients.length, 0));
  return { listed, clients, described, single, progress };
}

/** The LiveCallError a call must fail with (any other outcome fails the test). */
export async function failureOf(promise: Promise<unknown>): Promise<LiveCallError> {
  const err = await promise.then(
    () => assert.fail('expected the call to fail'),
    (e: unknown) => e,
  );
  assert.ok(err instanceof LiveCallError, `expected a LiveCallError, got ${String(err)}`);
  return err;
}
