// Describing app clients with a bounded number of requests in flight, and stripping the client secret
// at the boundary so nothing downstream (renderer, LSP messages, CLI output, logs) can ever hold it.
import {
  DescribeUserPoolClientCommand,
  type CognitoIdentityProviderClient,
  type DescribeUserPoolClientResponse,
  type UserPoolClientType,
} from '@aws-sdk/client-cognito-identity-provider';
import { cancelledError, sendCommand, type LiveCallOptions } from './call';
import { LiveCallError } from './errors';
import type { ClientRef, DescribedClient, DescribeFailure, DescribeResult, LiveError, LiveProgress } from './types';

export const DEFAULT_DESCRIBE_CONCURRENCY = 4;
// DescribeUserPoolClient shares a per-account request quota; more parallelism than this only buys throttling.
export const MAX_DESCRIBE_CONCURRENCY = 32;

export interface DescribeOptions extends LiveCallOptions {
  /** Requests in flight at once (default 4, at most 32). 1 means one after another. */
  concurrency?: number;
  onProgress?: (progress: LiveProgress) => void;
}

// The SDK does not type-check answers, and an odd endpoint can send anything: every field is checked
// for its type here, so the renderer only ever sees the documented shapes.
function copyList(v: unknown): string[] | undefined {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
}

function isoDate(v: unknown): string | undefined {
  return v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString() : undefined;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);
const obj = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/**
 * The secret-free copy of an API client description. Fields are copied one by one (an allow-list), so a
 * field AWS adds later, secret or not, does not flow through unnoticed.
 */
export function toDescribedClient(raw: UserPoolClientType, ref: ClientRef): DescribedClient {
  const units = obj(raw.TokenValidityUnits);
  const analytics = obj(raw.AnalyticsConfiguration);
  const rotation = obj(raw.RefreshTokenRotation);
  const out: DescribedClient = {
    UserPoolId: text(raw.UserPoolId) ?? ref.UserPoolId,
    ClientId: text(raw.ClientId) ?? ref.ClientId,
    ClientName: text(raw.ClientName),
    hasSecret: typeof raw.ClientSecret === 'string' && raw.ClientSecret.length > 0,
    LastModifiedDate: isoDate(raw.LastModifiedDate),
    CreationDate: isoDate(raw.CreationDate),
    RefreshTokenValidity: num(raw.RefreshTokenValidity),
    AccessTokenValidity: num(raw.AccessTokenValidity),
    IdTokenValidity: num(raw.IdTokenValidity),
    TokenValidityUnits: units
      ? { AccessToken: text(units.AccessToken), IdToken: text(units.IdToken), RefreshToken: text(units.RefreshToken) }
      : undefined,
    ReadAttributes: copyList(raw.ReadAttributes),
    WriteAttributes: copyList(raw.WriteAttributes),
    ExplicitAuthFlows: copyList(raw.ExplicitAuthFlows),
    SupportedIdentityProviders: copyList(raw.SupportedIdentityProviders),
    CallbackURLs: copyList(raw.CallbackURLs),
    LogoutURLs: copyList(raw.LogoutURLs),
    DefaultRedirectURI: text(raw.DefaultRedirectURI),
    AllowedOAuthFlows: copyList(raw.AllowedOAuthFlows),
    AllowedOAuthScopes: copyList(raw.AllowedOAuthScopes),
    AllowedOAuthFlowsUserPoolClient: bool(raw.AllowedOAuthFlowsUserPoolClient),
    AnalyticsConfiguration: analytics
      ? {
          ApplicationId: text(analytics.ApplicationId),
          ApplicationArn: text(analytics.ApplicationArn),
          RoleArn: text(analytics.RoleArn),
          ExternalId: text(analytics.ExternalId),
          UserDataShared: bool(analytics.UserDataShared),
        }
      : undefined,
    PreventUserExistenceErrors: text(raw.PreventUserExistenceErrors),
    EnableTokenRevocation: bool(raw.EnableTokenRevocation),
    EnablePropagateAdditionalUserContextData: bool(raw.EnablePropagateAdditionalUserContextData),
    AuthSessionValidity: num(raw.AuthSessionValidity),
    RefreshTokenRotation: rotation
      ? { Feature: text(rotation.Feature), RetryGracePeriodSeconds: num(rotation.RetryGracePeriodSeconds) }
      : undefined,
    ClientType: text(raw.ClientType),
  };
  return dropUndefined(out);
}

// Absent and undefined mean the same here; dropping the keys keeps JSON and deepEqual comparisons simple.
function dropUndefined<T extends object>(value: T): T {
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) delete (value as Record<string, unknown>)[key];
    else if (v && typeof v === 'object' && !Array.isArray(v)) dropUndefined(v);
  }
  return value;
}

// A bug of ours must not lose the other clients' results either; it becomes this client's failure.
function unexpected(err: unknown, ref: ClientRef): LiveError {
  return {
    kind: 'unknown',
    message: `Could not read the description of ${label(ref)}: ${err instanceof Error ? err.message : String(err)}`,
    nextStep: 'Try again; if it repeats, please report it with the client settings (not the secret).',
  };
}

function label(ref: ClientRef): string {
  return ref.ClientName ? `${ref.ClientName} (${ref.ClientId})` : ref.ClientId;
}

/** Describes one app client. Throws LiveCallError. */
export async function describeUserPoolClient(
  client: CognitoIdentityProviderClient,
  ref: ClientRef,
  options: LiveCallOptions = {},
): Promise<DescribedClient> {
  const out = await sendCommand<DescribeUserPoolClientResponse>(
    client,
    new DescribeUserPoolClientCommand({ UserPoolId: ref.UserPoolId, ClientId: ref.ClientId }),
    'cognito-idp:DescribeUserPoolClient',
    { poolId: ref.UserPoolId, clientId: ref.ClientId },
    options,
  );
  const raw = out.UserPoolClient;
  if (!raw || !obj(raw)) {
    throw new LiveCallError({
      kind: 'unknown',
      message: `DescribeUserPoolClient returned no description for ${label(ref)}.`,
      nextStep: 'Try again; if it repeats, describe the client with the AWS CLI to compare.',
    });
  }
  return toDescribedClient(raw, ref);
}

/**
 * Describes the given clients with at most `concurrency` requests in flight. Results keep the order of
 * `refs`; a client that fails lands in `failures` and the rest still come back. Cancellation throws a
 * LiveCallError of kind 'cancelled' (the caller asked to stop, so partial results are not returned).
 */
export async function describeUserPoolClients(
  client: CognitoIdentityProviderClient,
  refs: readonly ClientRef[],
  options: DescribeOptions = {},
): Promise<DescribeResult> {
  const action = 'cognito-idp:DescribeUserPoolClient';
  const requested = Math.floor(options.concurrency ?? DEFAULT_DESCRIBE_CONCURRENCY);
  const concurrency = Math.min(MAX_DESCRIBE_CONCURRENCY, Math.max(1, Number.isFinite(requested) ? requested : 1));
  const slots: Array<DescribedClient | DescribeFailure | undefined> = new Array(refs.length);
  let nextIndex = 0;
  let finished = 0;

  const worker = async (): Promise<void> => {
    while (nextIndex < refs.length && !options.signal?.aborted) {
      const index = nextIndex++;
      const ref = refs[index];
      try {
        slots[index] = await describeUserPoolClient(client, ref, options);
      } catch (err) {
        if (err instanceof LiveCallError && err.live.kind === 'cancelled') return;
        slots[index] = { ref: { ...ref }, error: err instanceof LiveCallError ? err.live : unexpected(err, ref) };
      }
      finished++;
      options.onProgress?.({ message: `Described ${label(ref)}`, done: finished, total: refs.length });
    }
  };

  await Promise.all(Array.from({ length: Math.min(concurrency, refs.length) }, worker));
  if (options.signal?.aborted) throw cancelledError(client, action);

  const result: DescribeResult = { clients: [], failures: [] };
  for (const slot of slots) {
    if (!slot) continue;
    if ('error' in slot) result.failures.push(slot);
    else result.clients.push(slot);
  }
  return result;
}
