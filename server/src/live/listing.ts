// Listing user pools and their app clients, following NextToken until the API stops returning one.
import {
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  type CognitoIdentityProviderClient,
  type ListUserPoolClientsResponse,
  type ListUserPoolsResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import { cancelledError, sendCommand, type LiveCallOptions } from './call';
import { LiveCallError } from './errors';
import type { ClientSummary, CognitoAction, LiveError, LiveProgress, PoolSummary } from './types';

/** The API's own upper bound for MaxResults on both list calls. */
export const MAX_PAGE_SIZE = 60;

export interface ListOptions extends LiveCallOptions {
  /** MaxResults per request (1-60, default 60). Small values are for tests; fewer calls is better in real use. */
  pageSize?: number;
  onProgress?: (progress: LiveProgress) => void;
}

// A service (or a proxy) that keeps answering with a token would otherwise page forever.
const MAX_PAGES = 10_000;

// The SDK does not type-check answers; an odd endpoint can send anything, so items are checked one by one.
function arrayOf<T>(value: T[] | undefined): Array<T | undefined> {
  return Array.isArray(value) ? value : [];
}

function pageSizeOf(options: ListOptions): number {
  const n = Math.floor(options.pageSize ?? MAX_PAGE_SIZE);
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Number.isFinite(n) ? n : MAX_PAGE_SIZE));
}

async function collectPages<T>(
  client: CognitoIdentityProviderClient,
  action: CognitoAction,
  options: ListOptions,
  fetchPage: (nextToken: string | undefined) => Promise<{ items: T[]; nextToken?: string }>,
  describeProgress: (count: number, page: number) => string,
): Promise<T[]> {
  const all: T[] = [];
  const seenTokens = new Set<string>();
  let nextToken: string | undefined;
  for (let page = 1; page <= MAX_PAGES; page++) {
    if (options.signal?.aborted) throw cancelledError(client, action);
    const result = await fetchPage(nextToken);
    all.push(...result.items);
    options.onProgress?.({ message: describeProgress(all.length, page), done: all.length });
    nextToken = result.nextToken || undefined;
    if (!nextToken) return all;
    if (seenTokens.has(nextToken)) throw pagingLoop(action);
    seenTokens.add(nextToken);
  }
  throw pagingLoop(action);
}

function pagingLoop(action: CognitoAction): LiveCallError {
  const live: LiveError = {
    kind: 'unknown',
    message: `${action} kept returning a NextToken it had already returned, so the listing was stopped.`,
    nextStep: 'Try again; if it repeats, report it (it looks like a service or proxy fault).',
  };
  return new LiveCallError(live);
}

/** All user pools visible to the client's credentials in its region, in the order the API returns them. */
export async function listUserPools(client: CognitoIdentityProviderClient, options: ListOptions = {}): Promise<PoolSummary[]> {
  const action = 'cognito-idp:ListUserPools';
  const maxResults = pageSizeOf(options);
  return collectPages<PoolSummary>(
    client,
    action,
    options,
    async (nextToken) => {
      const out = await sendCommand<ListUserPoolsResponse>(
        client,
        new ListUserPoolsCommand({ MaxResults: maxResults, NextToken: nextToken }),
        action,
        {},
        options,
      );
      const items: PoolSummary[] = [];
      for (const p of arrayOf(out.UserPools)) {
        if (typeof p?.Id !== 'string' || !p.Id) continue;
        items.push(typeof p.Name === 'string' ? { Id: p.Id, Name: p.Name } : { Id: p.Id });
      }
      return { items, nextToken: typeof out.NextToken === 'string' ? out.NextToken : undefined };
    },
    (count, page) => `Listed ${count} user pool${count === 1 ? '' : 's'} (page ${page})`,
  );
}

/** All app clients of one user pool. */
export async function listUserPoolClients(
  client: CognitoIdentityProviderClient,
  poolId: string,
  options: ListOptions = {},
): Promise<ClientSummary[]> {
  const action = 'cognito-idp:ListUserPoolClients';
  const maxResults = pageSizeOf(options);
  return collectPages<ClientSummary>(
    client,
    action,
    options,
    async (nextToken) => {
      const out = await sendCommand<ListUserPoolClientsResponse>(
        client,
        new ListUserPoolClientsCommand({ UserPoolId: poolId, MaxResults: maxResults, NextToken: nextToken }),
        action,
        { poolId },
        options,
      );
      const items: ClientSummary[] = [];
      for (const c of arrayOf(out.UserPoolClients)) {
        if (typeof c?.ClientId !== 'string' || !c.ClientId) continue;
        const summary: ClientSummary = { UserPoolId: typeof c.UserPoolId === 'string' ? c.UserPoolId : poolId, ClientId: c.ClientId };
        if (typeof c.ClientName === 'string') summary.ClientName = c.ClientName;
        items.push(summary);
      }
      return { items, nextToken: typeof out.NextToken === 'string' ? out.NextToken : undefined };
    },
    (count, page) => `Listed ${count} app client${count === 1 ? '' : 's'} of ${poolId} (page ${page})`,
  );
}

export interface PoolClientsResult {
  clients: ClientSummary[];
  /** Pools whose listing failed; the other pools' clients are still in `clients`. */
  failures: Array<{ poolId: string; error: LiveError }>;
}

/**
 * The app clients of several pools, one pool after another (a handful of pools is the normal case, and
 * ListUserPoolClients has a low request quota). A pool that fails does not hide the others; cancellation
 * does stop everything and throws.
 */
export async function listClientsOfPools(
  client: CognitoIdentityProviderClient,
  poolIds: readonly string[],
  options: ListOptions = {},
): Promise<PoolClientsResult> {
  const result: PoolClientsResult = { clients: [], failures: [] };
  for (const poolId of poolIds) {
    try {
      result.clients.push(...(await listUserPoolClients(client, poolId, options)));
    } catch (err) {
      if (!(err instanceof LiveCallError) || err.live.kind === 'cancelled') throw err;
      result.failures.push({ poolId, error: err.live });
    }
  }
  return result;
}
