// Turns whatever the SDK threw into a message a person can act on. The SDK's own messages are written for
// SDK users ("Could not load credentials from any providers"); ours say which IAM action, which region or
// endpoint, and the next command to run.
//
// Recognition goes by error name / code first (stable across SDK versions) and falls back to message text
// only for the credential providers, whose errors all share one class name.
import { endpointLabel, OPTION_NAMES, type Surface } from './endpoint';
import type { CognitoAction, LiveError, LiveErrorKind } from './types';

export interface ErrorContext {
  action: CognitoAction;
  /** The region the client was built for or the SDK resolved (undefined when neither is known). */
  region?: string;
  endpoint?: string;
  profile?: string;
  /** The resource the call was about, to name it in not-found messages. */
  poolId?: string;
  clientId?: string;
  /** The front end in use, whose options the advice names (default 'editor'). */
  surface?: Surface;
}

const THROTTLING = new Set([
  'TooManyRequestsException',
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
]);
const ACCESS_DENIED = new Set(['AccessDeniedException', 'AccessDenied', 'NotAuthorizedException', 'UnauthorizedOperation']);
const EXPIRED = new Set(['ExpiredTokenException', 'ExpiredToken', 'RequestExpired', 'TokenRefreshRequired']);
const BAD_CREDENTIALS = new Set([
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'MissingAuthenticationToken',
]);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ECONNABORTED',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

// TLS failures: usually a corporate proxy that re-signs HTTPS with its own certificate authority.
const TLS_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  $metadata?: { attempts?: number; httpStatusCode?: number };
}

function fields(err: unknown): ErrorLike {
  return typeof err === 'object' && err !== null ? (err as ErrorLike) : { message: String(err) };
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** Where the request went, in words: the custom endpoint if one is set, else the region. */
function target(ctx: ErrorContext): string {
  if (ctx.endpoint) return `at endpoint ${ctx.endpoint}`;
  return ctx.region ? `in region ${ctx.region}` : 'in the default region';
}

// Service messages end up in status bars and terminals: no control characters, no screenfuls.
function printable(text: string): string {
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\ufffd]+/g, ' ').trim();
  return clean.length > 300 ? `${clean.slice(0, 297)}...` : clean;
}

function profileFlag(ctx: ErrorContext): string {
  return ctx.profile ? ` --profile ${ctx.profile}` : '';
}

function make(kind: LiveErrorKind, message: string, nextStep: string, errorName: string): LiveError {
  return errorName ? { kind, message, nextStep, errorName } : { kind, message, nextStep };
}

function networkCode(err: ErrorLike): string {
  for (let e: ErrorLike | undefined = err, depth = 0; e && depth < 4; e = fields(e.cause), depth++) {
    const code = str(e.code);
    if (NETWORK_CODES.has(code)) return code;
    if (!e.cause) break;
  }
  return '';
}

/** Maps an error thrown by an SDK call (or by the credential chain behind it) to a LiveError. */
export function explainAwsError(err: unknown, ctx: ErrorContext): LiveError {
  const e = fields(err);
  const name = str(e.name);
  const message = str(e.message);
  const where = target(ctx);
  const names = OPTION_NAMES[ctx.surface ?? 'editor'];

  if (name === 'AbortError') {
    return make('cancelled', 'The request was cancelled.', 'Nothing to do; run the command again when you want the list.', name);
  }

  if (name === 'CredentialsProviderError' || name === 'TokenProviderError') {
    if ((/\bSSO\b/i.test(message) && /expired|invalid|refresh/i.test(message)) || /Token is expired/i.test(message)) {
      return make(
        'sso-expired',
        `The AWS SSO session${ctx.profile ? ` of profile "${ctx.profile}"` : ''} has expired or is not signed in.`,
        `Run \`aws sso login${profileFlag(ctx)}\` and try again.`,
        name,
      );
    }
    if (ctx.profile) {
      return make(
        'no-credentials',
        `Profile "${ctx.profile}" gave no usable AWS credentials (it may not exist, or it has no keys, role or SSO settings).`,
        `Check that profile "${ctx.profile}" exists in ~/.aws/config or ~/.aws/credentials (\`aws configure list-profiles\`), or change ${names.profile}.`,
        name,
      );
    }
    return make(
      'no-credentials',
      'No AWS credentials were found (looked at environment variables, shared config and credentials files, SSO, and instance or container roles).',
      `Run \`aws configure\` or \`aws sso login --profile <name>\`, or set AWS_PROFILE (or ${names.profile}) to a configured profile.`,
      name,
    );
  }

  if (/region is missing|region not accepted/i.test(message)) {
    return make(
      'no-region',
      'No AWS region is set, so there is no Cognito endpoint to ask.',
      `Choose a region (${names.region}) or set AWS_REGION or a region in your AWS profile.`,
      name,
    );
  }

  if (THROTTLING.has(name)) {
    const attempts = e.$metadata?.attempts;
    return make(
      'throttled',
      `Cognito kept throttling ${ctx.action} ${where}; the SDK gave up after ${attempts ? `${attempts} ${attempts === 1 ? 'attempt' : 'attempts'}` : 'its retries'}.`,
      'Wait a minute and try again, lower the describe concurrency, or raise the account quota for this API.',
      name,
    );
  }

  if (ACCESS_DENIED.has(name)) {
    return make(
      'access-denied',
      `Access denied: the credentials in use may not call ${ctx.action}${ctx.poolId ? ` on user pool ${ctx.poolId}` : ''} ${where}.`,
      `Allow the IAM action ${ctx.action} for this identity, or switch to a profile that has it${ctx.profile ? ` (currently "${ctx.profile}")` : ''}.`,
      name,
    );
  }

  if (EXPIRED.has(name)) {
    return make(
      'expired-credentials',
      `The AWS credentials were rejected as expired ${where}.`,
      ctx.profile
        ? `Refresh them: \`aws sso login${profileFlag(ctx)}\` for an SSO profile, otherwise renew the profile's session credentials.`
        : 'Refresh them: `aws sso login --profile <name>` for SSO, or fetch new session credentials and update the environment.',
      name,
    );
  }

  if (BAD_CREDENTIALS.has(name)) {
    return make(
      'no-credentials',
      `AWS did not accept the credentials in use ${where} (${name}).`,
      'Check the access key and secret key of the profile or environment, or sign in again (`aws sso login`).',
      name,
    );
  }

  if (name === 'ResourceNotFoundException') {
    const what = ctx.clientId
      ? `App client ${ctx.clientId}${ctx.poolId ? ` in user pool ${ctx.poolId}` : ''}`
      : ctx.poolId
        ? `User pool ${ctx.poolId}`
        : 'The requested Cognito resource';
    return make(
      'not-found',
      `${what} was not found ${where}.`,
      'Check the region and account (a pool lives in one region), then refresh the list.',
      name,
    );
  }

  const tlsCode = str(e.code);
  if (TLS_CODES.has(tlsCode)) {
    return make(
      'network',
      `The HTTPS certificate ${where} was not trusted (${tlsCode}).`,
      'If a company proxy inspects HTTPS, point NODE_EXTRA_CA_CERTS at its CA certificate file; otherwise check the endpoint URL.',
      name || tlsCode,
    );
  }

  const code = networkCode(e);
  if (code || name === 'TimeoutError' || name === 'RequestTimeout' || /socket hang up|timed out|timeout/i.test(message)) {
    const detail = name === 'TimeoutError' && (!code || code === 'ETIMEDOUT') ? 'no answer before the timeout' : code || message || name;
    return make(
      'network',
      `Could not reach Cognito ${where} (${detail}).`,
      ctx.endpoint
        ? `Check that the endpoint URL given by ${names.endpoint} is right and the service there is running.`
        : 'Check the network connection, proxy and VPN, and that the region name is right.',
      name || code,
    );
  }

  // The SDK could not parse the answer: something other than Cognito answered (a corporate proxy's HTML
  // page, a wrong endpoint, a captive portal).
  if (name === 'SyntaxError' || /Deserialization error/i.test(message)) {
    const status = e.$metadata?.httpStatusCode;
    return make(
      'network',
      `The answer ${where} was not a Cognito API response${status ? ` (HTTP ${status})` : ''}.`,
      ctx.endpoint
        ? `Check that ${names.endpoint} points at a Cognito user-pool API.`
        : 'Something between this machine and AWS (a proxy, firewall or captive portal) may be answering instead; check HTTPS_PROXY and the network.',
      name,
    );
  }

  return make(
    'unknown',
    `${ctx.action} failed ${where}: ${name && name !== 'Error' ? `${name}: ` : ''}${printable(message) || 'no details'}`,
    'Try again; if it keeps failing, run the same call with the AWS CLI to see the full error.',
    name,
  );
}

/**
 * A call that got no complete answer in time: its own timeout (`deadline` false) or the deadline of the
 * whole operation. Both name the endpoint and the seconds, and the option that changes them where there is one.
 */
export function timeoutError(ctx: ErrorContext, seconds: number, deadline: boolean): LiveError {
  const names = OPTION_NAMES[ctx.surface ?? 'editor'];
  const at = endpointLabel(ctx.endpoint, ctx.region);
  const option = deadline ? names.deadline : names.timeout;
  const check = ctx.endpoint
    ? `Check that the service at ${names.endpoint} (${ctx.endpoint}) is running and answering`
    : 'Check the network connection, proxy and VPN';
  return {
    kind: 'timeout',
    message: deadline
      ? `No answer from ${at} in ${fmtSeconds(seconds)} s: the ${ctx.action} call was stopped at the deadline of the whole operation.`
      : `No answer from ${at} in ${fmtSeconds(seconds)} s (${ctx.action}).`,
    nextStep: `${check}${option ? `; if it is only slow, raise ${option} (seconds)` : ''}.`,
  };
}

function fmtSeconds(seconds: number): string {
  return Number.isInteger(seconds) ? String(seconds) : seconds.toFixed(1);
}

/** The friendly line for an empty ListUserPools answer. */
export function noUserPoolsMessage(region: string | undefined, endpoint?: string): LiveError {
  const where = endpoint ? `at endpoint ${endpoint}` : region ? `in region ${region}` : 'in the default region';
  return {
    kind: 'not-found',
    message: `There are no Cognito user pools ${where}.`,
    nextStep: 'Pick another region (user pools are regional) or check that the profile points at the right account.',
  };
}

/** The friendly line for a pool without app clients. */
export function noAppClientsMessage(poolId: string, poolName?: string): LiveError {
  return {
    kind: 'not-found',
    message: `User pool ${poolName ? `"${poolName}" (${poolId})` : poolId} has no app clients.`,
    nextStep: 'Pick another pool, or create an app client first.',
  };
}

/** A thrown Error carrying a LiveError; every live function throws this and nothing else. */
export class LiveCallError extends Error {
  /** The SDK error behind it, for debugging. Not enumerable, so JSON output and logs carry only `live`. */
  declare readonly original: unknown;

  constructor(
    readonly live: LiveError,
    original?: unknown,
  ) {
    super(live.message);
    this.name = 'LiveCallError';
    Object.defineProperty(this, 'original', { value: original, enumerable: false });
  }
}
