// The live half of `awscc-cognito migrate`: the app client ID of each converted client, found by listing
// its user pool and matching the client's name. Only exact, unique name matches fill an ID; several
// clients with the name, or none, leave the placeholder and say why.
import { createCognitoClient, listClientsOfPools, LiveCallError, type CognitoClientOptions, type LiveError } from '../live';
import type { InstanceInfo } from '../features/migrate';
import { regionOfPoolId } from './importArgs';

export interface LiveFillArgs {
  regions: string[];
  profile?: string;
  endpoint?: string;
}

export interface LiveFillResult {
  /** awscc instance address → client ID. */
  clientIds: Record<string, string>;
  /** One line per client left unfilled, with the reason and what to do. */
  messages: string[];
  failures: { what: string; error: LiveError }[];
}

export async function fillClientIds(
  instances: readonly InstanceInfo[],
  args: LiveFillArgs,
  options: { signal?: AbortSignal; credentials?: CognitoClientOptions['credentials'] } = {},
): Promise<LiveFillResult> {
  const result: LiveFillResult = { clientIds: {}, messages: [], failures: [] };
  const wanted = instances.filter((i) => !i.filled);
  for (const i of wanted) {
    if (i.userPoolId === undefined) result.messages.push(`${i.address}: the user pool ID is not known from the configuration, so its clients cannot be listed; fill in the client ID by hand.`);
    else if (i.clientName === undefined) result.messages.push(`${i.address}: the client name is not known from the configuration; fill in the client ID by hand.`);
  }
  const listable = wanted.filter((i) => i.userPoolId !== undefined && i.clientName !== undefined);
  // One SDK client per region: a real pool ID names its region; emulator IDs use the first --region.
  const byRegion = new Map<string | undefined, string[]>();
  for (const i of listable) {
    const region = regionOfPoolId(i.userPoolId!) ?? args.regions[0];
    const pools = byRegion.get(region) ?? [];
    if (!pools.includes(i.userPoolId!)) pools.push(i.userPoolId!);
    byRegion.set(region, pools);
  }
  const clientsByPool = new Map<string, { ClientId: string; ClientName?: string }[]>();
  for (const [region, pools] of byRegion) {
    const sdk = createCognitoClient({ region, profile: args.profile, endpoint: args.endpoint, credentials: options.credentials });
    try {
      const listed = await listClientsOfPools(sdk, pools, { signal: options.signal });
      for (const c of listed.clients) clientsByPool.set(c.UserPoolId, [...(clientsByPool.get(c.UserPoolId) ?? []), c]);
      for (const f of listed.failures) result.failures.push({ what: `the app clients of user pool ${f.poolId}`, error: f.error });
      for (const pool of pools) if (!listed.failures.some((f) => f.poolId === pool) && !clientsByPool.has(pool)) clientsByPool.set(pool, []);
    } catch (err) {
      if (!(err instanceof LiveCallError) || err.live.kind === 'cancelled') throw err;
      result.failures.push({ what: `the user pools ${region ? `in ${region}` : 'in the default region'}`, error: err.live });
    } finally {
      sdk.destroy();
    }
  }
  for (const i of listable) {
    const clients = clientsByPool.get(i.userPoolId!);
    if (!clients) continue; // its listing failed: reported with the failures
    const matches = clients.filter((c) => c.ClientName === i.clientName);
    if (matches.length === 1) result.clientIds[i.address] = matches[0].ClientId;
    else if (matches.length === 0) result.messages.push(`${i.address}: user pool ${i.userPoolId} has no app client named "${i.clientName}"; check the name and region, or fill in the client ID by hand.`);
    else {
      result.messages.push(
        `${i.address}: user pool ${i.userPoolId} has ${matches.length} app clients named "${i.clientName}" (${matches.map((m) => m.ClientId).join(', ')}); ` +
          'the one Terraform manages is the `id` in `terraform state show aws_cognito_user_pool_client...`: fill it in by hand.',
      );
    }
  }
  return result;
}
