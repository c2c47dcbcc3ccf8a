// The live layer's public surface: build a client, list pools and clients, describe clients, explain errors.
// Adapters (VS Code client, CLI) import from here; the renderer and protocol import only './types'.
// The profile reader (./awsProfiles) is not re-exported: adapters import it from its own file, so reading
// profiles never loads the SDK this index pulls in.
export { createCognitoClient, targetOf, DEFAULT_MAX_ATTEMPTS } from './cognitoClient';
export type { CognitoClientOptions, LiveTarget, StaticCredentials } from './cognitoClient';
export { listUserPools, listUserPoolClients, listClientsOfPools, MAX_PAGE_SIZE } from './listing';
export type { ListOptions, PoolClientsResult } from './listing';
export {
  describeUserPoolClient,
  describeUserPoolClients,
  toDescribedClient,
  DEFAULT_DESCRIBE_CONCURRENCY,
  MAX_DESCRIBE_CONCURRENCY,
} from './describe';
export type { DescribeOptions } from './describe';
export { explainAwsError, timeoutError, noUserPoolsMessage, noAppClientsMessage, LiveCallError } from './errors';
export type { ErrorContext } from './errors';
export type { LiveCallOptions, Deadline } from './call';
export { deadlineIn } from './call';
export {
  insecureEndpointProblem,
  isLoopbackHost,
  endpointLabel,
  OPTION_NAMES,
  DEFAULT_CALL_TIMEOUT_MS,
  DEFAULT_DEADLINE_MS,
} from './endpoint';
export type { Surface } from './endpoint';
export type * from './types';
