// Value sets with a one-line meaning per value. The closed sets mirror the AWS SDK enums
// (test/knowledge/enums.test.ts compares them with the installed @aws-sdk/client-cognito-identity-provider).
import type { EnumValue } from './types';

/** ExplicitAuthFlowsType: which sign-in APIs the client may call directly (outside the hosted/OAuth pages). */
export const explicitAuthFlows: readonly EnumValue[] = [
  {
    value: 'ALLOW_USER_SRP_AUTH',
    summary:
      'Sign-in with the Secure Remote Password protocol: the app proves it knows the password without ever sending it.',
  },
  {
    value: 'ALLOW_REFRESH_TOKEN_AUTH',
    summary: 'Lets the app trade a refresh token for fresh ID and access tokens.',
  },
  {
    value: 'ALLOW_USER_PASSWORD_AUTH',
    summary:
      'Sign-in by sending the username and plain password to Cognito (over TLS); simpler than SRP but the password leaves the app.',
  },
  {
    value: 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
    summary:
      'Server-side sign-in through the admin APIs (AdminInitiateAuth) with username and password, using AWS credentials. Replaces ADMIN_NO_SRP_AUTH.',
  },
  {
    value: 'ALLOW_CUSTOM_AUTH',
    summary: 'Custom challenge/response sign-in driven by your Lambda triggers (define, create and verify auth challenge).',
  },
  {
    value: 'ALLOW_USER_AUTH',
    summary:
      'Choice-based sign-in (the USER_AUTH flow): the user picks password, SRP, a one-time code by email/SMS, or a passkey. Does not cover custom auth.',
  },
  {
    value: 'ADMIN_NO_SRP_AUTH',
    summary: 'Old spelling of the admin username/password flow; prefer ALLOW_ADMIN_USER_PASSWORD_AUTH.',
    legacy: true,
    replacedBy: 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  },
  {
    value: 'CUSTOM_AUTH_FLOW_ONLY',
    summary: 'Old setting that allowed only Lambda-driven custom auth; prefer ALLOW_CUSTOM_AUTH.',
    legacy: true,
    replacedBy: 'ALLOW_CUSTOM_AUTH',
  },
  {
    value: 'USER_PASSWORD_AUTH',
    summary: 'Old spelling of the plain username/password flow; prefer ALLOW_USER_PASSWORD_AUTH.',
    legacy: true,
    replacedBy: 'ALLOW_USER_PASSWORD_AUTH',
  },
];

/** OAuthFlowType: OAuth 2.0 grants the client may use at the user pool's authorization server. */
export const oauthFlows: readonly EnumValue[] = [
  {
    value: 'code',
    summary:
      'Authorization code grant: the browser receives a short-lived code that the app exchanges for tokens at the token endpoint (use PKCE for public clients).',
  },
  {
    value: 'implicit',
    summary:
      'Implicit grant: tokens come back directly in the redirect URL, with no code exchange. Older and less safe than `code`.',
  },
  {
    value: 'client_credentials',
    summary:
      'Machine-to-machine grant: the client signs in as itself with its ID and secret and gets an access token for custom resource-server scopes.',
  },
];

/** PreventUserExistenceErrorTypes */
export const preventUserExistenceErrors: readonly EnumValue[] = [
  {
    value: 'ENABLED',
    summary:
      'Sign-in, confirmation and password-recovery APIs answer with generic errors, so a caller cannot find out whether a username exists.',
  },
  {
    value: 'LEGACY',
    summary: 'Those APIs may answer "user not found", which lets a caller probe which usernames exist.',
  },
];

/** TimeUnitsType: units for the three token validity numbers. */
export const timeUnits: readonly EnumValue[] = [
  { value: 'seconds', summary: 'The matching `*_token_validity` number counts seconds.' },
  { value: 'minutes', summary: 'The matching `*_token_validity` number counts minutes.' },
  { value: 'hours', summary: 'The matching `*_token_validity` number counts hours.' },
  { value: 'days', summary: 'The matching `*_token_validity` number counts days.' },
];

/** FeatureType as used by `refresh_token_rotation.feature`. */
export const rotationFeature: readonly EnumValue[] = [
  {
    value: 'ENABLED',
    summary:
      'Every refresh returns a new refresh token and retires the old one (after the grace period).',
  },
  { value: 'DISABLED', summary: 'Refresh tokens are reused until they expire (no rotation).' },
];

/** Scopes every user pool knows. Custom scopes are `<resource-server-identifier>/<scope-name>`. */
export const standardOAuthScopes: readonly EnumValue[] = [
  { value: 'openid', summary: 'OpenID Connect sign-in: the token response includes an ID token.' },
  { value: 'email', summary: 'Grants read access to the `email` and `email_verified` claims.' },
  { value: 'phone', summary: 'Grants read access to the `phone_number` and `phone_number_verified` claims.' },
  { value: 'profile', summary: 'Grants read access to the profile attributes the client is allowed to read.' },
  {
    value: 'aws.cognito.signin.user.admin',
    summary:
      "Lets the access token call Cognito's user self-service APIs for the signed-in user (e.g. GetUser, UpdateUserAttributes).",
  },
];

/** Identity providers every pool can name; SAML/OIDC providers use the name they were created with. */
export const builtInIdentityProviders: readonly EnumValue[] = [
  { value: 'COGNITO', summary: "The user pool's own user directory (username/password and other built-in sign-in)." },
  { value: 'Google', summary: 'Sign-in with Google, once a Google identity provider is configured in the pool.' },
  { value: 'Facebook', summary: 'Sign-in with Facebook, once a Facebook identity provider is configured in the pool.' },
  { value: 'LoginWithAmazon', summary: 'Sign-in with Amazon, once that identity provider is configured in the pool.' },
  { value: 'SignInWithApple', summary: 'Sign in with Apple, once that identity provider is configured in the pool.' },
];

const standard = (value: string, summary: string): EnumValue => ({ value, summary });

/** Standard (OIDC) user attributes plus the two verification flags. Custom attributes are `custom:<name>`. */
export const standardUserAttributes: readonly EnumValue[] = [
  standard('address', 'Postal address.'),
  standard('birthdate', 'Date of birth (YYYY-MM-DD).'),
  standard('email', 'Email address.'),
  standard('family_name', 'Surname.'),
  standard('gender', 'Gender.'),
  standard('given_name', 'First name.'),
  standard('locale', 'Preferred locale.'),
  standard('middle_name', 'Middle name.'),
  standard('name', 'Full name.'),
  standard('nickname', 'Casual name.'),
  standard('phone_number', 'Phone number in E.164 format.'),
  standard('picture', 'URL of a profile picture.'),
  standard('preferred_username', 'Name the user prefers to be known by.'),
  standard('profile', 'URL of a profile page.'),
  standard('updated_at', 'Time the profile was last updated.'),
  standard('website', 'URL of a web page or blog.'),
  standard('zoneinfo', 'Time zone.'),
  {
    value: 'sub',
    summary: "The user's unique, immutable identifier.",
    unconfirmed: 'Whether `sub` may be listed in read_attributes/write_attributes is UNCONFIRMED.',
  },
  {
    value: 'email_verified',
    summary: 'Whether the email address has been verified.',
    unconfirmed: 'Readable by default; that app clients cannot write it is UNCONFIRMED.',
  },
  {
    value: 'phone_number_verified',
    summary: 'Whether the phone number has been verified.',
    unconfirmed: 'Readable by default; that app clients cannot write it is UNCONFIRMED.',
  },
];

/** Prefix of custom user attributes in read/write lists. */
export const CUSTOM_ATTRIBUTE_PREFIX = 'custom:';
