// Argument parsing for `awscc-cognito import`. Kept apart from the run so usage errors (exit 2) are decided
// before any network call, and so the parser can be tested without an emulator.
import { DEFAULT_CALL_TIMEOUT_MS, DEFAULT_DEADLINE_MS, insecureEndpointProblem } from '../live/endpoint';

// Lives here rather than in import.ts so `--help` does not load the AWS SDK.
export const IMPORT_HELP = `  awscc-cognito import [--region R]... [--profile P] [--endpoint URL] [--user-pool-id ID]...
                       [--client-id ID]... [--style id|identity|for_each] [--with-resource]
                       [--module DIR] [--concurrency N] [--timeout S] [--deadline S]
                       [--allow-insecure-endpoint]
      Write Terraform import blocks (and with --with-resource, resource blocks) for live Cognito app clients.
      Credentials and, without --region, the region come from the AWS SDK's default chain (environment,
      shared config and credentials files, SSO). Without --user-pool-id every pool of each region is read.
      --module (default: the current folder) decides block names and skips clients it already imports or
      declares. --concurrency: describes in flight at once (1-32, default 4).
      --timeout: seconds one AWS call may take, its retries included (default ${DEFAULT_CALL_TIMEOUT_MS / 1000}).
      --deadline: seconds the whole import may take (default ${DEFAULT_DEADLINE_MS / 1000}); raise it for thousands of clients.
      --endpoint with plain http:// is accepted for this machine only (127.0.0.1, localhost, [::1]): elsewhere
      the credentials and tokens would travel unencrypted, unless --allow-insecure-endpoint is given.
      HCL goes to stdout; progress and errors go to stderr.
      Exit codes: 0 all read, 1 something could not be read (stdout has the complete blocks only), 2 usage error,
      130 cancelled (Ctrl+C; nothing written to stdout).
`;

export type ImportStyle = 'id' | 'identity' | 'for_each';

export interface ImportArgs {
  /** Regions to search, in the order given; empty means "whatever the SDK chain resolves". */
  regions: string[];
  profile?: string;
  endpoint?: string;
  /** Pools to import from; empty means every pool of each region. */
  poolIds: string[];
  /** Clients to import; empty means every client of the chosen pools. */
  clientIds: string[];
  style: ImportStyle;
  withResource: boolean;
  /** The Terraform module whose declarations decide names and what is already imported. */
  moduleDir: string;
  concurrency?: number;
  /** Milliseconds per AWS call, retries included. */
  callTimeoutMs?: number;
  /** Milliseconds for the whole import. */
  deadlineMs?: number;
  allowInsecureEndpoint: boolean;
  help: boolean;
}

export class ImportUsageError extends Error {}

const STYLES: readonly ImportStyle[] = ['id', 'identity', 'for_each'];
// Region names are short lowercase words with dashes and a trailing number (us-east-1, us-gov-west-1,
// eusc-de-east-1). Anything else is most likely a typo or a swapped argument, and the SDK would only turn
// it into a confusing DNS failure later.
const REGION_SHAPE = /^[a-z]{2,5}(-[a-z0-9]+)+-\d+$/;
const FLAGS_WITH_VALUE = new Set([
  '--region',
  '--profile',
  '--endpoint',
  '--user-pool-id',
  '--client-id',
  '--style',
  '--module',
  '--concurrency',
  '--timeout',
  '--deadline',
]);

export function looksLikeRegion(text: string): boolean {
  return REGION_SHAPE.test(text);
}

/** Parses the arguments after `import`. Throws ImportUsageError with a one-line reason. */
export function parseImportArgs(args: readonly string[], cwd: string): ImportArgs {
  const parsed: ImportArgs = {
    regions: [],
    poolIds: [],
    clientIds: [],
    style: 'id',
    withResource: false,
    moduleDir: cwd,
    allowInsecureEndpoint: false,
    help: false,
  };
  const seenOnce = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--help' || arg === '-h') {
      parsed.help = true;
      continue;
    }
    if (arg === '--with-resource') {
      parsed.withResource = true;
      continue;
    }
    if (arg === '--allow-insecure-endpoint') {
      parsed.allowInsecureEndpoint = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (!FLAGS_WITH_VALUE.has(flag)) {
      throw new ImportUsageError(
        arg.startsWith('-') ? `unknown option '${arg}' for import` : `import takes no positional arguments (got '${arg}')`,
      );
    }
    let value: string | undefined;
    if (flag !== arg) value = arg.slice(eq + 1);
    else {
      value = args[++i];
      // `--region --profile x` is a forgotten value, not a region called "--profile".
      if (value !== undefined && value.startsWith('--')) value = undefined;
    }
    if (value === undefined || value.trim() === '') throw new ImportUsageError(`${flag} needs a value`);
    value = value.trim();
    if (!['--region', '--user-pool-id', '--client-id'].includes(flag)) {
      if (seenOnce.has(flag)) throw new ImportUsageError(`${flag} may be given only once`);
      seenOnce.add(flag);
    }
    switch (flag) {
      case '--region':
        for (const region of value.split(',').map((r) => r.trim()).filter(Boolean)) {
          if (!looksLikeRegion(region)) throw new ImportUsageError(`'${region}' does not look like an AWS region (e.g. eu-west-1)`);
          if (!parsed.regions.includes(region)) parsed.regions.push(region);
        }
        break;
      case '--profile':
        parsed.profile = value;
        break;
      case '--endpoint':
        parsed.endpoint = checkEndpoint(value);
        break;
      case '--user-pool-id':
        if (!parsed.poolIds.includes(value)) parsed.poolIds.push(value);
        break;
      case '--client-id':
        if (!parsed.clientIds.includes(value)) parsed.clientIds.push(value);
        break;
      case '--style':
        if (!STYLES.includes(value as ImportStyle)) throw new ImportUsageError(`--style must be id, identity or for_each (got ${value})`);
        parsed.style = value as ImportStyle;
        break;
      case '--module':
        parsed.moduleDir = value;
        break;
      case '--concurrency': {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 1 || n > 32) throw new ImportUsageError(`--concurrency must be a whole number from 1 to 32 (got ${value})`);
        parsed.concurrency = n;
        break;
      }
      case '--timeout':
      case '--deadline': {
        const n = Number(value);
        if (!Number.isFinite(n) || n <= 0 || n > 3600) throw new ImportUsageError(`${flag} must be a number of seconds above 0, at most 3600 (got ${value})`);
        if (flag === '--timeout') parsed.callTimeoutMs = n * 1000;
        else parsed.deadlineMs = n * 1000;
        break;
      }
    }
  }
  // After the loop: --allow-insecure-endpoint may come after --endpoint.
  const problem = parsed.endpoint && insecureEndpointProblem(parsed.endpoint, parsed.allowInsecureEndpoint, 'cli');
  if (problem) throw new ImportUsageError(problem);
  return parsed;
}

function checkEndpoint(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ImportUsageError(`--endpoint must be a URL such as http://127.0.0.1:9229 (got ${value})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ImportUsageError(`--endpoint must be an http or https URL (got ${value})`);
  }
  return value;
}

/**
 * The region a pool id names, if any. Real pool ids start with their region (`eu-west-1_AbC123`); emulator
 * ids (`local_...`) do not, and then the pool is looked for in the first region asked for.
 */
export function regionOfPoolId(poolId: string): string | undefined {
  const underscore = poolId.indexOf('_');
  if (underscore <= 0) return undefined;
  const prefix = poolId.slice(0, underscore);
  return looksLikeRegion(prefix) ? prefix : undefined;
}
