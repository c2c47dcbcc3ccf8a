// Where live calls go and how the words for it differ between the CLI and the editor. No SDK here: the CLI's
// argument check and the VS Code client read this before anything loads the SDK.

/** Which front end runs the live calls; advice names that front end's options. */
export type Surface = 'cli' | 'editor';

/** The names of the options a user can change, per surface. */
export interface OptionNames {
  endpoint: string;
  profile: string;
  region: string;
  allowInsecure: string;
  /** Undefined where the surface has no option for it (advice then only says what happened). */
  timeout?: string;
  deadline?: string;
}

export const OPTION_NAMES: Record<Surface, OptionNames> = {
  cli: {
    endpoint: '--endpoint',
    profile: '--profile',
    region: '--region',
    allowInsecure: '--allow-insecure-endpoint',
    timeout: '--timeout',
    deadline: '--deadline',
  },
  editor: {
    endpoint: 'the awsccCognito.endpoint setting',
    profile: 'the awsccCognito.profile setting',
    region: 'the region step (or the awsccCognito.region setting)',
    allowInsecure: 'the awsccCognito.allowInsecureEndpoint setting',
  },
};

/** One call (its SDK retries included) gets this long for an answer unless the caller says otherwise. */
export const DEFAULT_CALL_TIMEOUT_MS = 15_000;
/** A whole import (CLI) or one step of the editor's flow gets this long. */
export const DEFAULT_DEADLINE_MS = 45_000;

/**
 * True for addresses that never leave this machine: 127.0.0.0/8, localhost and [::1]. `hostname` is a
 * WHATWG URL's, which has already turned spellings such as 127.1 or 0x7f.0.0.1 into dotted decimal.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Why an endpoint must not be used, or undefined when it may. Plain http is for a local emulator only:
 * towards any other host the access key id, the session token and the signed requests (replayable for
 * minutes) would cross the network unencrypted.
 */
export function insecureEndpointProblem(endpoint: string, allowInsecure: boolean, surface: Surface): string | undefined {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return undefined; // not a URL: the SDK's own error says so, and the CLI checks the shape before this
  }
  if (url.protocol !== 'http:' || allowInsecure || isLoopbackHost(url.hostname)) return undefined;
  const names = OPTION_NAMES[surface];
  return (
    `Refusing the plain-http endpoint ${url.origin}: it is not on this machine, so your AWS access key id, session token ` +
    `and signed requests would travel over the network unencrypted. Use an https:// endpoint, or a loopback address ` +
    `(127.0.0.1, localhost, [::1]) for a local emulator. To send them unencrypted anyway, ` +
    (surface === 'cli' ? `pass ${names.allowInsecure}.` : `turn on ${names.allowInsecure}.`)
  );
}

/** The endpoint in words for messages: the custom one, or the regional AWS one the SDK derives. */
export function endpointLabel(endpoint: string | undefined, region: string | undefined): string {
  if (endpoint) return endpoint;
  return region ? `https://cognito-idp.${region}.amazonaws.com` : 'the regional Cognito endpoint';
}
