// The live half of `awscc-cognito import`: which regions and pools to look in, listing, filtering and
// describing. Everything that went wrong is collected (not thrown), so the caller can still print the
// complete blocks it has and say exactly what is missing.
import {
  createCognitoClient,
  describeUserPoolClients,
  listClientsOfPools,
  listUserPools,
  deadlineIn,
  DEFAULT_DEADLINE_MS,
  LiveCallError,
  noAppClientsMessage,
  noUserPoolsMessage,
  type CognitoClientOptions,
  type DescribedClient,
  type LiveError,
  type PoolSummary,
} from '../live';
import { regionOfPoolId, type ImportArgs } from './importArgs';

/** One region's share of the work; `poolIds` undefined means "every pool there". */
export interface RegionPlan {
  /** undefined: let the SDK chain pick (AWS_REGION, the profile's region). */
  region?: string;
  poolIds?: string[];
}

/** Something that did not come back: a region's pool list, a pool's client list, or one client. */
export interface Missing {
  what: string;
  error: LiveError;
}

export interface GatherResult {
  clients: DescribedClient[];
  /** Region each described client came from (by client id), when one was named or resolved. */
  regionOf: Map<string, string | undefined>;
  missing: Missing[];
  /** Not failures, but worth a line on stderr (an empty region, a pool without clients). */
  notes: string[];
}

export interface GatherOptions {
  signal?: AbortSignal;
  progress?: (line: string) => void;
  /** Called after each describe (for a live counter in a terminal). */
  described?: (done: number, total: number) => void;
  /** Only for emulators and tests; the product leaves credentials to the SDK's default chain. */
  credentials?: CognitoClientOptions['credentials'];
  maxAttempts?: number;
}

export class PlanError extends Error {}

/** Splits the requested pools over the requested regions. Throws PlanError for contradictions. */
export function planRegions(args: Pick<ImportArgs, 'regions' | 'poolIds'>): RegionPlan[] {
  const regions: Array<string | undefined> = args.regions.length > 0 ? args.regions : [undefined];
  if (args.poolIds.length === 0) return regions.map((region) => ({ region }));
  const byRegion = new Map<string | undefined, string[]>();
  for (const poolId of args.poolIds) {
    const named = regionOfPoolId(poolId);
    if (named && args.regions.length > 0 && !args.regions.includes(named)) {
      throw new PlanError(`user pool ${poolId} lives in ${named}, which is not among the --region values (${args.regions.join(', ')})`);
    }
    // Ids without a region prefix (emulators) go to the first region asked for.
    const region = named ?? regions[0];
    byRegion.set(region, [...(byRegion.get(region) ?? []), poolId]);
  }
  return [...byRegion].map(([region, poolIds]) => ({ region, poolIds }));
}

function where(region: string | undefined, endpoint: string | undefined): string {
  if (endpoint) return `at ${endpoint}`;
  return region ? `in ${region}` : 'in the default region';
}

function rethrowCancel(err: unknown): LiveError {
  if (err instanceof LiveCallError && err.live.kind !== 'cancelled') return err.live;
  throw err;
}

export async function gatherClients(args: ImportArgs, plans: RegionPlan[], options: GatherOptions = {}): Promise<GatherResult> {
  const result: GatherResult = { clients: [], regionOf: new Map(), missing: [], notes: [] };
  const progress = options.progress ?? (() => undefined);
  const wantedClients = new Set(args.clientIds);
  const foundClients = new Set<string>();
  // One deadline for the whole import, so that a stalled endpoint ends it in bounded time however many calls remain.
  const calls = { signal: options.signal, callTimeoutMs: args.callTimeoutMs, deadline: deadlineIn(args.deadlineMs ?? DEFAULT_DEADLINE_MS) };

  for (const plan of plans) {
    const sdk = createCognitoClient({
      region: plan.region,
      profile: args.profile,
      endpoint: args.endpoint,
      credentials: options.credentials,
      maxAttempts: options.maxAttempts,
      surface: 'cli',
      allowInsecureEndpoint: args.allowInsecureEndpoint,
    });
    try {
      // The region the SDK settled on, so messages and the region note can name it.
      const region = plan.region ?? (await sdk.config.region().catch(() => undefined));
      const place = where(region, args.endpoint);
      let pools: PoolSummary[];
      if (plan.poolIds) pools = plan.poolIds.map((Id) => ({ Id }));
      else {
        progress(`Listing user pools ${place}...`);
        try {
          pools = await listUserPools(sdk, calls);
        } catch (err) {
          result.missing.push({ what: `the user pools ${place}`, error: rethrowCancel(err) });
          continue;
        }
        if (pools.length === 0) {
          const empty = noUserPoolsMessage(region, args.endpoint);
          result.notes.push(`${empty.message} ${empty.nextStep}`);
          continue;
        }
      }

      progress(`Listing app clients of ${pools.length} user pool${pools.length === 1 ? '' : 's'} ${place}...`);
      const listed = await listClientsOfPools(
        sdk,
        pools.map((p) => p.Id),
        calls,
      );
      for (const failure of listed.failures) {
        const name = pools.find((p) => p.Id === failure.poolId)?.Name;
        result.missing.push({ what: `the app clients of user pool ${poolLabel(failure.poolId, name)}`, error: failure.error });
      }
      if (wantedClients.size === 0) {
        for (const pool of pools) {
          if (listed.failures.some((f) => f.poolId === pool.Id)) continue;
          if (!listed.clients.some((c) => c.UserPoolId === pool.Id)) {
            const empty = noAppClientsMessage(pool.Id, pool.Name);
            result.notes.push(`${empty.message} ${empty.nextStep}`);
          }
        }
      }

      const refs = wantedClients.size === 0 ? listed.clients : listed.clients.filter((c) => wantedClients.has(c.ClientId));
      for (const ref of refs) foundClients.add(ref.ClientId);
      if (refs.length === 0) continue;
      progress(`Describing ${refs.length} app client${refs.length === 1 ? '' : 's'} ${place}...`);
      const described = await describeUserPoolClients(sdk, refs, {
        ...calls,
        concurrency: args.concurrency,
        onProgress: (p) => options.described?.(p.done, p.total ?? refs.length),
      });
      for (const client of described.clients) {
        result.clients.push(client);
        result.regionOf.set(client.ClientId, region);
      }
      for (const failure of described.failures) {
        const { ref } = failure;
        const name = ref.ClientName ? `"${ref.ClientName}" (${ref.ClientId})` : ref.ClientId;
        result.missing.push({ what: `app client ${name} of user pool ${ref.UserPoolId}`, error: failure.error });
      }
    } catch (err) {
      result.missing.push({ what: `the work ${where(plan.region, args.endpoint)}`, error: rethrowCancel(err) });
    } finally {
      sdk.destroy();
    }
  }

  // A client id that no listing produced is missing too, unless a failed listing may be hiding it.
  for (const clientId of wantedClients) {
    if (foundClients.has(clientId)) continue;
    result.missing.push({
      what: `app client ${clientId}`,
      error: {
        kind: 'not-found',
        message: `No listed user pool has an app client with id ${clientId}${result.missing.length > 0 ? ' (some listings failed, see above)' : ''}.`,
        nextStep: 'Check the client id, and pass its pool with --user-pool-id and its region with --region.',
      },
    });
  }
  return result;
}

function poolLabel(id: string, name: string | undefined): string {
  return name ? `"${name}" (${id})` : id;
}
