// Plain data shapes that leave the live layer. This file deliberately imports nothing (least of all the AWS
// SDK), so the renderer, the protocol and the VS Code client can use these types without pulling the SDK in.
//
// The shapes mirror the Cognito API (PascalCase field names, as DescribeUserPoolClient returns them), so the
// mapping to the awscc attribute names stays in one place (the renderer) instead of being split across two.

/** A user pool as ListUserPools reports it. */
export interface PoolSummary {
  Id: string;
  Name?: string;
}

/** An app client as ListUserPoolClients reports it (no settings; those need a describe). */
export interface ClientSummary {
  UserPoolId: string;
  ClientId: string;
  ClientName?: string;
}

/** Which client to describe. */
export interface ClientRef {
  UserPoolId: string;
  ClientId: string;
  /** Only used to make progress and failure messages readable. */
  ClientName?: string;
}

export type TimeUnit = 'seconds' | 'minutes' | 'hours' | 'days';

export interface TokenValidityUnits {
  AccessToken?: TimeUnit | string;
  IdToken?: TimeUnit | string;
  RefreshToken?: TimeUnit | string;
}

export interface AnalyticsConfiguration {
  ApplicationId?: string;
  ApplicationArn?: string;
  RoleArn?: string;
  ExternalId?: string;
  UserDataShared?: boolean;
}

export interface RefreshTokenRotation {
  /** 'ENABLED' | 'DISABLED' in today's API; kept open so a new value does not break the type. */
  Feature?: string;
  RetryGracePeriodSeconds?: number;
}

/**
 * One app client as DescribeUserPoolClient returned it, with the client secret removed at the boundary.
 *
 * Every field of the API's UserPoolClientType is here except `ClientSecret`; `hasSecret` says whether the
 * client has one (which is what `generate_secret = true` produced). Enum-valued fields are typed as strings
 * so that a value AWS adds later still flows through to the renderer, which decides what to do with it.
 * Dates are ISO-8601 strings so the object survives JSON (LSP messages, CLI `--json`).
 */
export interface DescribedClient {
  UserPoolId: string;
  ClientId: string;
  ClientName?: string;
  /** True when the API reported a client secret. The secret itself never leaves the live layer. */
  hasSecret: boolean;
  LastModifiedDate?: string;
  CreationDate?: string;
  RefreshTokenValidity?: number;
  AccessTokenValidity?: number;
  IdTokenValidity?: number;
  TokenValidityUnits?: TokenValidityUnits;
  ReadAttributes?: string[];
  WriteAttributes?: string[];
  ExplicitAuthFlows?: string[];
  SupportedIdentityProviders?: string[];
  CallbackURLs?: string[];
  LogoutURLs?: string[];
  DefaultRedirectURI?: string;
  AllowedOAuthFlows?: string[];
  AllowedOAuthScopes?: string[];
  AllowedOAuthFlowsUserPoolClient?: boolean;
  AnalyticsConfiguration?: AnalyticsConfiguration;
  PreventUserExistenceErrors?: string;
  EnableTokenRevocation?: boolean;
  EnablePropagateAdditionalUserContextData?: boolean;
  AuthSessionValidity?: number;
  RefreshTokenRotation?: RefreshTokenRotation;
  /** 'REGULAR' | 'DCR' (response only; not an awscc attribute). */
  ClientType?: string;
}

/** The IAM actions the live layer calls; error messages name the one that failed. */
export type CognitoAction =
  | 'cognito-idp:ListUserPools'
  | 'cognito-idp:ListUserPoolClients'
  | 'cognito-idp:DescribeUserPoolClient';

export type LiveErrorKind =
  | 'no-credentials'
  /** No region could be resolved from the settings, AWS_REGION or the profile. */
  | 'no-region'
  | 'sso-expired'
  /** The service rejected the credentials as expired (STS session, SSO role credentials, ...). */
  | 'expired-credentials'
  | 'access-denied'
  | 'throttled'
  | 'network'
  /** A call got no (complete) answer within its timeout, or the operation's deadline passed. */
  | 'timeout'
  /** A plain-http endpoint that is not on this machine, without the user's opt-in; nothing was sent. */
  | 'insecure-endpoint'
  | 'not-found'
  /** The caller's AbortSignal fired; not a failure to show as an error. */
  | 'cancelled'
  | 'unknown';

/** An AWS failure translated for people: what happened and what to do next. */
export interface LiveError {
  kind: LiveErrorKind;
  message: string;
  nextStep: string;
  /** The SDK error name (e.g. 'AccessDeniedException'), for logs and tests. */
  errorName?: string;
}

/** A progress note for a progress bar or a log line. Never contains secrets. */
export interface LiveProgress {
  message: string;
  done: number;
  /** Unknown while paging (the API does not say how many pages follow). */
  total?: number;
}

export interface DescribeFailure {
  ref: ClientRef;
  error: LiveError;
}

/** Successes and failures side by side, so one failed describe never hides the others. */
export interface DescribeResult {
  clients: DescribedClient[];
  failures: DescribeFailure[];
}
