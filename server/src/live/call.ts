// One place where SDK calls are made, so every call gets the caller's AbortSignal and every failure comes
// out as a LiveCallError with a message that names the IAM action, region or endpoint.
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { targetOf } from './cognitoClient';
import { DEFAULT_CALL_TIMEOUT_MS } from './endpoint';
import { explainAwsError, LiveCallError, timeoutError, type ErrorContext } from './errors';
import type { CognitoAction } from './types';

/** What every live function accepts besides its own arguments. */
export interface LiveCallOptions {
  /** Cancels the work: in-flight requests are aborted and nothing new is started. */
  signal?: AbortSignal;
  /**
   * Longest wait for one call's complete answer, its SDK retries included (default 15 s). The SDK's own
   * timeout only notices a silent socket: an endpoint that trickles a byte a second would keep it happy forever.
   */
  callTimeoutMs?: number;
  /** When the whole operation must be over: later calls fail at once, calls in flight are abandoned. */
  deadline?: Deadline;
}

export interface Deadline {
  /** Date.now() value at which the operation is over. */
  at: number;
  /** Its length, for messages. */
  ms: number;
}

export function deadlineIn(ms: number): Deadline {
  return { at: Date.now() + ms, ms };
}

export type About = Pick<ErrorContext, 'poolId' | 'clientId'>;

export function contextFor(client: CognitoIdentityProviderClient, action: CognitoAction, about: About = {}): ErrorContext {
  const target = targetOf(client);
  // A profile chosen through AWS_PROFILE rather than the setting still deserves to be named in messages.
  const profile = target.profile ?? (process.env.AWS_PROFILE || undefined);
  // Likewise an endpoint from the SDK's own environment variables (which it honours without being told).
  const endpoint =
    target.endpoint ?? (process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER || process.env.AWS_ENDPOINT_URL || undefined);
  return { action, ...target, profile, endpoint, ...about };
}

export function cancelledError(client: CognitoIdentityProviderClient, action: CognitoAction): LiveCallError {
  const abort = Object.assign(new Error('The operation was aborted'), { name: 'AbortError' });
  return new LiveCallError(explainAwsError(abort, contextFor(client, action)), abort);
}

/**
 * Sends one command. The command type stays generic so each caller keeps the SDK's precise output type.
 * `send` is typed loosely on purpose: the SDK's overloads do not survive a generic wrapper.
 */
export async function sendCommand<Output>(
  client: CognitoIdentityProviderClient,
  command: { readonly input: unknown },
  action: CognitoAction,
  about: About,
  options: LiveCallOptions,
): Promise<Output> {
  if (options.signal?.aborted) throw cancelledError(client, action);
  const callMs = options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  const leftMs = options.deadline ? options.deadline.at - Date.now() : Infinity;
  const byDeadline = leftMs < callMs;
  if (leftMs <= 0) throw await timedOut(client, action, about, options.deadline!.ms, true);
  // Our own controller, so that the timer can abort the request too (freeing its socket) without aborting the caller.
  const controller = new AbortController();
  const forward = () => controller.abort();
  options.signal?.addEventListener('abort', forward, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const TIMED_OUT = Symbol('timed out');
  // A race rather than the abort alone: once headers have arrived, the SDK reads the body without
  // looking at the signal, so a trickling body would still hold the call.
  const expired = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => {
      resolve(TIMED_OUT);
      controller.abort();
    }, Math.min(callMs, leftMs));
  });
  try {
    const send = client.send.bind(client) as unknown as (c: unknown, o: { abortSignal?: AbortSignal }) => Promise<Output>;
    const sent = send(command, { abortSignal: controller.signal });
    sent.catch(() => undefined); // after a timeout its rejection (the abort) has no one left to hear it
    const answer = await Promise.race([sent, expired]);
    if (answer !== TIMED_OUT) return answer as Output;
    if (options.signal?.aborted) throw cancelledError(client, action);
    throw await timedOut(client, action, about, byDeadline ? options.deadline!.ms : callMs, byDeadline);
  } catch (err) {
    if (err instanceof LiveCallError) throw err;
    // An abort can surface as a network error (socket destroyed) depending on timing; the signal is the truth.
    if (options.signal?.aborted) throw cancelledError(client, action);
    const context = contextFor(client, action, about);
    // When the region came from AWS_REGION or the profile, ask the SDK which one, so the message can name it.
    if (!context.region) context.region = await resolvedRegion(client);
    throw new LiveCallError(explainAwsError(err, context), err);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', forward);
  }
}

async function timedOut(client: CognitoIdentityProviderClient, action: CognitoAction, about: About, ms: number, deadline: boolean) {
  const context = contextFor(client, action, about);
  if (!context.region) context.region = await resolvedRegion(client);
  return new LiveCallError(timeoutError(context, ms / 1000, deadline));
}

async function resolvedRegion(client: CognitoIdentityProviderClient): Promise<string | undefined> {
  try {
    const region = await client.config.region();
    return typeof region === 'string' && region ? region : undefined;
  } catch {
    return undefined;
  }
}
