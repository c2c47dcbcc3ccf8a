// The only file of ours that touches AWS credentials. It builds the SDK client and otherwise leaves
// credential resolution to the SDK's own default chain (environment variables, shared config and
// credentials files, profiles including SSO, credential_process, web identity, container/instance
// metadata), so we never read, store or print a key.
//
// `profile` is passed as the client's own `profile` option: in this SDK generation the client hands its
// config to @aws-sdk/credential-provider-node's defaultProvider, which reads `init.profile` before
// AWS_PROFILE, and the region loader reads the same profile. No direct import of the transitive
// credential-provider packages is needed.
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { insecureEndpointProblem, OPTION_NAMES, type Surface } from './endpoint';
import { LiveCallError } from './errors';

export interface StaticCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface CognitoClientOptions {
  /** AWS region such as 'eu-west-1'. When empty, the SDK resolves it (AWS_REGION, the profile's region). */
  region?: string;
  /** Named profile from ~/.aws/config or ~/.aws/credentials (the `awsccCognito.profile` setting). */
  profile?: string;
  /** Custom endpoint URL (the `awsccCognito.endpoint` setting), e.g. a local emulator. */
  endpoint?: string;
  /** Total tries per request, including the first; the SDK retries throttling and 5xx in between. */
  maxAttempts?: number;
  /** Give up on a TCP connect after this long (default 5 s), so a wrong endpoint fails quickly. */
  connectionTimeoutMs?: number;
  /** Give up on a request with no response after this long (default 30 s). */
  requestTimeoutMs?: number;
  /**
   * Fixed credentials, for emulators and tests only. Leave unset in the product so the default chain
   * (including SSO and profiles) applies.
   */
  credentials?: StaticCredentials;
  /** Which front end makes the calls, so that advice names its options (default 'editor'). */
  surface?: Surface;
  /** The user's explicit opt-in to a plain-http endpoint that is not on this machine. */
  allowInsecureEndpoint?: boolean;
}

export const DEFAULT_MAX_ATTEMPTS = 3;

/** Where a client sends its requests, remembered so error messages can name the region, endpoint and profile. */
export interface LiveTarget {
  region?: string;
  endpoint?: string;
  profile?: string;
  surface?: Surface;
}

const targets = new WeakMap<object, LiveTarget>();

/** The target a client was created for by createCognitoClient (empty for clients built elsewhere). */
export function targetOf(client: object): LiveTarget {
  return targets.get(client) ?? {};
}

export function createCognitoClient(options: CognitoClientOptions = {}): CognitoIdentityProviderClient {
  // The SDK warns on Node < 22 that *future* SDK releases will need it. We bundle a fixed SDK version, so
  // the warning says nothing useful to our users and would only clutter CLI stderr and the extension log.
  // The SDK's documented switch is this variable; an explicit value set by the user is respected.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const region = options.region?.trim() || undefined;
  const profile = options.profile?.trim() || undefined;
  const endpoint = options.endpoint?.trim() || undefined;
  const surface = options.surface ?? 'editor';
  // The adapters check this before any call with their own wording; this is the guard for every other path.
  const envEndpoint = process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER || process.env.AWS_ENDPOINT_URL || undefined;
  const problem = insecureEndpointProblem(endpoint ?? envEndpoint ?? '', options.allowInsecureEndpoint === true, surface);
  if (problem) {
    throw new LiveCallError({
      kind: 'insecure-endpoint',
      message: problem,
      nextStep: endpoint
        ? `Change ${OPTION_NAMES[surface].endpoint}.`
        : 'Change AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER or AWS_ENDPOINT_URL in the environment.',
    });
  }
  const client = new CognitoIdentityProviderClient({
    ...(region ? { region } : {}),
    ...(profile ? { profile } : {}),
    ...(endpoint ? { endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    maxAttempts: Math.max(1, Math.floor(options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS)),
    requestHandler: {
      connectionTimeout: options.connectionTimeoutMs ?? 5_000,
      requestTimeout: options.requestTimeoutMs ?? 30_000,
      // Without this the handler only logs a warning when the timeout passes and keeps waiting.
      throwOnRequestTimeout: true,
    },
  });
  targets.set(client, { region, endpoint, profile, surface });
  return client;
}
