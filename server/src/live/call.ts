// One place where SDK calls are made, so every call gets the caller's AbortSignal and every failure comes
// out as a LiveCallError with a message that names the IAM action, region or endpoint.
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { targetOf } from './cognitoClient';
import { explainAwsError, LiveCallError, type ErrorContext } from './errors';
import type { CognitoAction } from './types';

/** What every live function accepts besides its own arguments. */
export interface LiveCallOptions {
  /** Cancels the work: in-flight requests are aborted and nothing new is started. */
  signal?: AbortSignal;
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
  try {
    const send = client.send.bind(client) as unknown as (c: unknown, o: { abortSignal?: AbortSignal }) => Promise<Output>;
    return await send(command, options.signal ? { abortSignal: options.signal } : {});
  } catch (err) {
    if (err instanceof LiveCallError) throw err;
    // An abort can surface as a network error (socket destroyed) depending on timing; the signal is the truth.
    if (options.signal?.aborted) throw cancelledError(client, action);
    const context = contextFor(client, action, about);
    // When the region came from AWS_REGION or the profile, ask the SDK which one, so the message can name it.
    if (!context.region) context.region = await resolvedRegion(client);
    throw new LiveCallError(explainAwsError(err, context), err);
  }
}

async function resolvedRegion(client: CognitoIdentityProviderClient): Promise<string | undefined> {
  try {
    const region = await client.config.region();
    return typeof region === 'string' && region ? region : undefined;
  } catch {
    return undefined;
  }
}
