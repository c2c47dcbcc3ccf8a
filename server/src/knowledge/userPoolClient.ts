// The awscc_cognito_user_pool_client resource, attribute by attribute (fact sheet §1–§2).
// Every optional attribute is Optional+Computed in the provider: leaving it out keeps whatever AWS (or the
// previous state) has, so deleting a line from the configuration does not reset the setting in AWS.
import {
  builtInIdentityProviders,
  explicitAuthFlows,
  oauthFlows,
  preventUserExistenceErrors,
  standardOAuthScopes,
  standardUserAttributes,
} from './enums';
import { CFN_TYPE, RESOURCE_DOC_URL, RESOURCE_TYPE } from './meta';
import { analyticsConfigurationAttributes, refreshTokenRotationAttributes, tokenValidityUnitsAttributes } from './nestedAttributes';
import type { AttributeSpec, PatternConstraint, SchemaSpec } from './types';

const URL_PATTERN: PatternConstraint = {
  regex: String.raw`^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$`,
  flags: 'u',
  // In ASCII, letters, digits, punctuation and symbols are every printable character but the space.
  asciiRegex: String.raw`^[\x21-\x7E]+$`,
  meaning: 'letters, marks, symbols, digits and punctuation only (no spaces)',
  enforcedBy: 'aws',
};

const tokenValidity = (
  name: string,
  cfnName: string,
  token: string,
  unitKey: string,
  max: number,
  effective: string,
  dflt: string,
  extra = '',
): AttributeSpec => ({
  name,
  cfnName,
  type: 'number',
  mode: 'optional',
  summary: `Lifetime of the ${token}, counted in the unit set by \`token_validity_units.${unitKey}\`.`,
  description:
    `How long the ${token} stays valid. The number is read in the unit chosen by \`token_validity_units.${unitKey}\`. ` +
    `The provider only checks the raw number (1–${max}); AWS checks the resulting duration, which must be ${effective}.` +
    extra,
  range: { min: 1, max, enforcedBy: 'provider' },
  awsDefault: { text: dflt, confirmed: true },
  sources: ['P1', 'P2', 'A1', 'A2', 'C3'],
});

export const userPoolClientAttributes: readonly AttributeSpec[] = [
  {
    name: 'user_pool_id',
    cfnName: 'UserPoolId',
    type: 'string',
    mode: 'required',
    replaceOnChange: 'always',
    summary: 'The user pool this app client belongs to.',
    description:
      'ID of the Cognito user pool, such as `us-east-1_AbCdEf123`: the region, an underscore and a random suffix. Usually a reference like `awscc_cognito_user_pool.pool.user_pool_id`.',
    length: { min: 1, max: 55, enforcedBy: 'aws' },
    pattern: { regex: String.raw`^[\w-]+_[0-9a-zA-Z]+$`, meaning: '`<region>_<letters and digits>`', enforcedBy: 'aws' },
    sources: ['P1', 'P2', 'A1'],
  },
  tokenValidity(
    'access_token_validity',
    'AccessTokenValidity',
    'access token',
    'access_token',
    86400,
    'between 5 minutes and 1 day',
    '1 hour (unit `hours`)',
  ),
  {
    name: 'allowed_o_auth_flows',
    cfnName: 'AllowedOAuthFlows',
    type: 'list',
    mode: 'optional',
    summary: 'OAuth 2.0 grants the client may use with the user pool authorization server.',
    description:
      '`code` (authorization code grant), `implicit` (tokens straight in the redirect) or `client_credentials` (machine to machine, no user).',
    enum: { values: oauthFlows, enforcedBy: 'aws', closed: true },
    listSize: { max: 3, enforcedBy: 'aws' },
    sources: ['P1', 'A1', 'A2', 'A4'],
  },
  {
    name: 'allowed_o_auth_flows_user_pool_client',
    cfnName: 'AllowedOAuthFlowsUserPoolClient',
    type: 'bool',
    mode: 'optional',
    summary: 'Switch that lets this client use the OAuth 2.0 endpoints (managed login / hosted UI).',
    description:
      'Turns on the OAuth 2.0 authorization server features of the user pool (managed login pages, the authorize and token endpoints) for this client.',
    awsDefault: { text: '`false`', confirmed: true },
    sources: ['P1', 'A1', 'A2'],
  },
  {
    name: 'allowed_o_auth_scopes',
    cfnName: 'AllowedOAuthScopes',
    type: 'list',
    mode: 'optional',
    summary: 'OAuth scopes the client may request.',
    description:
      'Standard scopes (`openid`, `email`, `phone`, `profile`, `aws.cognito.signin.user.admin`) or custom scopes of a resource server written `<resource-server-identifier>/<scope-name>`. The identifier may be a URL, as in `https://api.example.com/orders.read`.',
    enum: { values: standardOAuthScopes, enforcedBy: 'aws', closed: false },
    listSize: { max: 50, enforcedBy: 'aws' },
    length: { min: 1, max: 256, enforcedBy: 'aws' },
    pattern: {
      regex: String.raw`^[\x21\x23-\x5B\x5D-\x7E]+$`,
      meaning: 'printable ASCII without spaces, double quotes or backslashes',
      enforcedBy: 'aws',
    },
    sources: ['P1', 'A1', 'A2', 'A4'],
  },
  {
    name: 'analytics_configuration',
    cfnName: 'AnalyticsConfiguration',
    type: 'object',
    mode: 'optional',
    summary: 'Sends sign-in analytics for this client to an Amazon Pinpoint project.',
    description:
      'An object (`analytics_configuration = { ... }`) naming the Amazon Pinpoint project that receives sign-in events.',
    attributes: analyticsConfigurationAttributes,
    sources: ['P1', 'P2', 'A2'],
  },
  {
    name: 'auth_session_validity',
    cfnName: 'AuthSessionValidity',
    type: 'number',
    mode: 'optional',
    summary: 'Minutes a sign-in session token stays valid between the steps of a multi-step sign-in.',
    description:
      'Lifetime of the session token passed between the challenges of one authentication flow (e.g. password then MFA code). If the user takes longer, they must start again.',
    range: { min: 3, max: 15, unit: 'minutes', enforcedBy: 'provider' },
    awsDefault: { text: '3 minutes', confirmed: false },
    sources: ['P1', 'P2', 'A1', 'A2'],
  },
  {
    name: 'callback_ur_ls',
    cfnName: 'CallbackURLs',
    type: 'list',
    mode: 'optional',
    summary: 'URLs the authorization server may redirect to after sign-in.',
    description:
      'Each entry is an absolute URL without a `#fragment`. HTTPS is required except for `http://localhost`, `http://127.0.0.1` and `http://[::1]`; app schemes like `myapp://callback` are allowed. ' +
      'The odd name is the provider\'s snake_case of `CallbackURLs`.',
    listSize: { max: 100, enforcedBy: 'aws' },
    length: { min: 1, max: 1024, enforcedBy: 'aws' },
    pattern: URL_PATTERN,
    sources: ['P1', 'A1', 'A2'],
  },
  {
    name: 'client_name',
    cfnName: 'ClientName',
    type: 'string',
    mode: 'optional',
    summary: 'Display name of the app client.',
    description:
      'A friendly name shown in the console and in API listings; it does not have to be unique. The AWS API requires a name at creation, but CloudFormation and awscc make it optional (what is sent when it is missing is UNCONFIRMED).',
    length: { min: 1, max: 128, enforcedBy: 'provider' },
    pattern: {
      regex: String.raw`^[\w\s+=,.@-]+$`,
      meaning: 'letters, digits, underscores, whitespace and `+ = , . @ -`',
      enforcedBy: 'aws',
    },
    sources: ['P1', 'P2', 'A1', 'A3'],
  },
  {
    name: 'default_redirect_uri',
    cfnName: 'DefaultRedirectURI',
    type: 'string',
    mode: 'optional',
    summary: 'Callback URL used when a sign-in request names none.',
    description: 'Where the authorization server redirects when an authorization request names no `redirect_uri`.',
    length: { min: 1, max: 1024, enforcedBy: 'aws' },
    pattern: URL_PATTERN,
    sources: ['P1', 'A1', 'A2'],
  },
  {
    name: 'enable_propagate_additional_user_context_data',
    cfnName: 'EnablePropagateAdditionalUserContextData',
    type: 'bool',
    mode: 'optional',
    summary: "Lets the app pass the user's IP address and device data to Cognito's threat protection.",
    description:
      'Allows the `UserContextData` (such as the end user\'s IP address) sent by the app to be used for adaptive authentication.',
    sources: ['P1', 'A2'],
  },
  {
    name: 'enable_token_revocation',
    cfnName: 'EnableTokenRevocation',
    type: 'bool',
    mode: 'optional',
    summary: 'Whether refresh tokens issued to this client can be revoked.',
    description: 'When on, the app can revoke a refresh token (and the access tokens issued from it) through the revocation endpoint or API.',
    awsDefault: { text: 'on (`true`) for new clients', confirmed: true },
    sources: ['P1', 'A2'],
  },
  {
    name: 'explicit_auth_flows',
    cfnName: 'ExplicitAuthFlows',
    type: 'list',
    mode: 'optional',
    summary: 'Sign-in flows the app may call directly through the Cognito APIs.',
    description:
      'Use the `ALLOW_*` values; the three values without that prefix are legacy spellings.',
    enum: { values: explicitAuthFlows, enforcedBy: 'aws', closed: true },
    awsDefault: { text: '`ALLOW_REFRESH_TOKEN_AUTH`, `ALLOW_USER_SRP_AUTH`, `ALLOW_CUSTOM_AUTH`', confirmed: true },
    sources: ['P1', 'A1', 'A2', 'C2'],
  },
  {
    name: 'generate_secret',
    cfnName: 'GenerateSecret',
    type: 'bool',
    mode: 'optional',
    replaceOnChange: 'if-configured',
    summary: 'Whether Cognito creates a client secret for this client.',
    description:
      'Confidential (server-side) clients use a secret; browser and mobile apps should not. The choice is fixed at creation: changing a configured value replaces the client (and gives it a new ID).',
    awsDefault: { text: '`false`', confirmed: true },
    sources: ['P1', 'P2', 'A1', 'C3'],
  },
  tokenValidity(
    'id_token_validity',
    'IdTokenValidity',
    'ID token',
    'id_token',
    86400,
    'between 5 minutes and 1 day',
    '1 hour (unit `hours`)',
  ),
  {
    name: 'logout_ur_ls',
    cfnName: 'LogoutURLs',
    type: 'list',
    mode: 'optional',
    summary: 'URLs the `/logout` endpoint may redirect to after sign-out.',
    description:
      "Allowed targets for the `logout_uri` parameter. The name is the provider's snake_case of `LogoutURLs`. Whether the HTTPS/localhost rule of callback URLs also applies is UNCONFIRMED.",
    listSize: { max: 100, enforcedBy: 'aws' },
    length: { min: 1, max: 1024, enforcedBy: 'aws' },
    pattern: URL_PATTERN,
    sources: ['P1', 'A1', 'A2'],
  },
  {
    name: 'prevent_user_existence_errors',
    cfnName: 'PreventUserExistenceErrors',
    type: 'string',
    mode: 'optional',
    summary: 'Whether sign-in and recovery errors hide if a user exists.',
    description: '`ENABLED` returns generic errors; `LEGACY` may reveal that a username does not exist. The provider does not check the value.',
    enum: { values: preventUserExistenceErrors, enforcedBy: 'aws', closed: true },
    awsDefault: { text: '`LEGACY` (per the API reference)', confirmed: true },
    sources: ['P1', 'A1', 'A2'],
  },
  {
    name: 'read_attributes',
    cfnName: 'ReadAttributes',
    type: 'list',
    mode: 'optional',
    summary: 'User attributes this client may read.',
    description:
      'Standard attribute names, `email_verified`, `phone_number_verified`, or custom attributes written `custom:<name>`.',
    enum: { values: standardUserAttributes, enforcedBy: 'aws', closed: false },
    length: { min: 1, max: 2048, enforcedBy: 'aws' },
    awsDefault: { text: 'all standard attributes plus `email_verified` and `phone_number_verified`', confirmed: true },
    sources: ['P1', 'A1', 'A2', 'A4'],
  },
  {
    name: 'refresh_token_rotation',
    cfnName: 'RefreshTokenRotation',
    type: 'object',
    mode: 'optional',
    summary: 'Refresh token rotation settings.',
    description:
      'An object (`refresh_token_rotation = { ... }`) with `feature` and `retry_grace_period_seconds`.',
    attributes: refreshTokenRotationAttributes,
    awsDefault: { text: 'rotation off when the object is absent', confirmed: false },
    since: '1.39.0',
    sources: ['P1', 'P2', 'A3', 'C3'],
  },
  tokenValidity(
    'refresh_token_validity',
    'RefreshTokenValidity',
    'refresh token',
    'refresh_token',
    315360000,
    'between 60 minutes and 10 years',
    '30 days (unit `days`)',
    ' AWS itself would accept 0 (meaning the default), but the provider rejects it.',
  ),
  {
    name: 'supported_identity_providers',
    cfnName: 'SupportedIdentityProviders',
    type: 'list',
    mode: 'optional',
    summary: 'Identity providers offered on the managed login pages for this client.',
    description:
      '`COGNITO` for the pool\'s own users, a social provider (`Google`, `Facebook`, `LoginWithAmazon`, `SignInWithApple`), or the name of a SAML/OIDC provider configured in the pool. Removing `COGNITO` only hides it from managed login; SDK sign-in still works.',
    enum: { values: builtInIdentityProviders, enforcedBy: 'aws', closed: false },
    length: { min: 1, max: 32, enforcedBy: 'aws' },
    pattern: {
      regex: String.raw`^[\p{L}\p{M}\p{S}\p{N}\p{P}\p{Z}]+$`,
      flags: 'u',
      // In ASCII: every printable character, the space included.
      asciiRegex: String.raw`^[\x20-\x7E]+$`,
      meaning: 'letters, marks, symbols, digits, punctuation and spaces',
      enforcedBy: 'aws',
    },
    sources: ['P1', 'A1', 'A2'],
  },
  {
    name: 'token_validity_units',
    cfnName: 'TokenValidityUnits',
    type: 'object',
    mode: 'optional',
    summary: 'Units for the three token validity numbers.',
    description:
      'An object (`token_validity_units = { ... }`) with `access_token`, `id_token` and `refresh_token`, each `seconds`, `minutes`, `hours` or `days`.',
    attributes: tokenValidityUnitsAttributes,
    sources: ['P1', 'P2', 'A2', 'C3'],
  },
  {
    name: 'write_attributes',
    cfnName: 'WriteAttributes',
    type: 'list',
    mode: 'optional',
    summary: 'User attributes this client may change.',
    description:
      'Standard attribute names or `custom:<name>`.',
    enum: { values: standardUserAttributes, enforcedBy: 'aws', closed: false },
    length: { min: 1, max: 2048, enforcedBy: 'aws' },
    awsDefault: { text: 'all standard attributes', confirmed: true },
    sources: ['P1', 'A1', 'A2', 'A4'],
  },
  // ----- read-only ------------------------------------------------------------------------------------
  {
    name: 'client_id',
    cfnName: 'ClientId',
    type: 'string',
    mode: 'computed',
    summary: 'The app client ID that AWS assigns.',
    description: 'Use this (not `id`) wherever an app needs its Cognito client ID.',
    length: { min: 1, max: 128, enforcedBy: 'aws' },
    pattern: { regex: String.raw`^[\w+]+$`, meaning: 'letters, digits, underscores and `+`', enforcedBy: 'aws' },
    sources: ['P1', 'P2', 'A1'],
  },
  {
    name: 'client_secret',
    cfnName: 'ClientSecret',
    type: 'string',
    mode: 'computed',
    summary: 'The client secret, when `generate_secret = true`.',
    description:
      'Empty for clients without a secret. awscc does **not** mark it sensitive, so it is stored in state in plain text and can appear in plan output; protect the state.',
    sources: ['P1', 'P2', 'A1'],
  },
  {
    name: 'id',
    cfnName: '',
    type: 'string',
    mode: 'computed',
    summary: 'Terraform identifier: `<user_pool_id>|<client_id>`.',
    description:
      'The user pool ID and client ID joined by `|`. This is also the string import ID. It is **not** the client ID: use `client_id` for that.',
    sources: ['P1', 'P5'],
  },
  {
    name: 'name',
    cfnName: 'Name',
    type: 'string',
    mode: 'computed',
    summary: 'Read-only name returned by CloudFormation.',
    description: 'Presumably the client name echoed back; its exact meaning is UNCONFIRMED. Set `client_name` to name the client.',
    sources: ['P1', 'P2'],
  },
];

export const resourceSchema: SchemaSpec = {
  type: RESOURCE_TYPE,
  kind: 'resource',
  cfnType: CFN_TYPE,
  summary: 'A Cognito user pool app client, managed through the AWS Cloud Control API.',
  description:
    'An app client is how an application talks to a user pool: its sign-in flows, OAuth settings, token lifetimes and attribute permissions. ' +
    'Maps to CloudFormation `AWS::Cognito::UserPoolClient`. Nested settings are objects written with `=`, not blocks. ' +
    'Import ID: `<user_pool_id>|<client_id>`.',
  docUrl: RESOURCE_DOC_URL,
  since: '0.63.0',
  attributes: userPoolClientAttributes,
};
