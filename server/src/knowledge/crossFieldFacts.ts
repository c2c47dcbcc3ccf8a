// Rules that involve more than one attribute (fact sheet §3). None is enforced by the awscc provider; AWS
// rejects (or ignores) the combination at apply time.
//
// Each fact has ONE record and ONE wording: `statement` says what we know in words that carry its evidence
// (an UNCONFIRMED fact says so in the sentence itself). Hover shows the statement on every attribute (and
// value) the fact is about, and the rule reference shows it as the evidence of every rule in `rules`, so
// the two cannot tell different stories. `evidence` caps the severity of those rules: 'primary' facts may
// be errors, 'secondary' ones at most warnings, 'unconfirmed' ones only information whose message says
// UNCONFIRMED (test/knowledge/factsAgree.test.ts walks the records and checks hover and rules against them).

export type Evidence = 'primary' | 'secondary' | 'unconfirmed';

export interface CrossFieldFact {
  /** Paragraph number in fact sheet §3. */
  id: number;
  /** Attribute paths involved, top level unless dotted (`refresh_token_rotation.feature`). */
  attributes: readonly string[];
  /** Values of those attributes the fact is about; their value hover shows it too. */
  values?: readonly string[];
  /** What we know, worded for its evidence. Shown verbatim in hover and in the rule reference. */
  statement: string;
  evidence: Evidence;
  sources: readonly string[];
  /** Codes of the diagnostics rules that report a configuration going against this fact. */
  rules?: readonly string[];
}

export const crossFieldFacts: readonly CrossFieldFact[] = [
  {
    id: 1,
    attributes: ['allowed_o_auth_flows_user_pool_client', 'allowed_o_auth_flows', 'allowed_o_auth_scopes', 'callback_ur_ls', 'logout_ur_ls'],
    statement:
      'OAuth flows, scopes, callback and logout URLs need `allowed_o_auth_flows_user_pool_client = true`: the API reference says the flag must be true before they can be configured, and that while it is false only SDK-based sign-in is permitted. It does not say whether AWS refuses or ignores them while the flag is false.',
    evidence: 'primary',
    sources: ['A2'],
    rules: ['CUP407'],
  },
  {
    id: 2,
    attributes: ['allowed_o_auth_flows_user_pool_client', 'allowed_o_auth_flows', 'allowed_o_auth_scopes'],
    statement:
      'With `allowed_o_auth_flows_user_pool_client = true`, AWS wants non-empty `allowed_o_auth_flows` and `allowed_o_auth_scopes` (a service error message quoted in public posts; the API reference does not state it).',
    evidence: 'secondary',
    sources: ['S2'],
    rules: ['CUP409'],
  },
  {
    id: 3,
    attributes: ['allowed_o_auth_flows', 'callback_ur_ls'],
    values: ['code', 'implicit'],
    statement:
      'The `code` and `implicit` flows need at least one callback URL (service error "CallbackUrls can not be empty ..." quoted in public pull requests; the API reference does not state it).',
    evidence: 'secondary',
    sources: ['S2'],
    rules: ['CUP406'],
  },
  {
    id: 4,
    attributes: ['allowed_o_auth_flows'],
    values: ['client_credentials'],
    statement: '`client_credentials` must be the only OAuth flow of a client; it cannot be combined with `code` or `implicit` (API reference and developer guide).',
    evidence: 'primary',
    sources: ['A2', 'A4'],
    rules: ['CUP401'],
  },
  {
    id: 5,
    attributes: ['allowed_o_auth_flows', 'generate_secret'],
    values: ['client_credentials'],
    statement:
      '`client_credentials` needs a client secret (`generate_secret = true`): the service refuses the flow otherwise (error message quoted on AWS re:Post and in blogs; the API reference does not state it).',
    evidence: 'secondary',
    sources: ['S2'],
    rules: ['CUP405'],
  },
  {
    id: 6,
    attributes: ['allowed_o_auth_flows', 'allowed_o_auth_scopes'],
    values: ['client_credentials', 'openid', 'email', 'phone', 'profile', 'aws.cognito.signin.user.admin'],
    statement:
      'A `client_credentials` client takes custom resource-server scopes, not the user scopes: AWS refuses `openid` and `email` on it (InvalidOAuthFlowException "... is not supported with client_credentials flow", quoted in hashicorp/terraform-provider-aws#4984 and other public reports; the API reference does not state it). `phone`, `profile` and `aws.cognito.signin.user.admin` describe a user too and are most likely refused the same way.',
    evidence: 'secondary',
    sources: ['S2'],
    rules: ['CUP412'],
  },
  {
    id: 7,
    attributes: ['default_redirect_uri', 'callback_ur_ls'],
    statement: '`default_redirect_uri` must be one of `callback_ur_ls` (API reference).',
    evidence: 'primary',
    sources: ['A2'],
    rules: ['CUP403'],
  },
  {
    id: 8,
    attributes: ['allowed_o_auth_scopes'],
    statement:
      'Each scope must be a standard scope or `<resource-server-identifier>/<scope-name>` of a resource server in the same pool; otherwise creating the client fails with ScopeDoesNotExistException (in the API error list; "Invalid scope requested" quoted in public issues).',
    evidence: 'primary',
    sources: ['A1', 'S2'],
    rules: ['CUP210', 'CUP801'],
  },
  {
    id: 9,
    attributes: ['supported_identity_providers'],
    statement:
      'Names other than `COGNITO` must be identity providers configured in the pool (implied by the API reference; the exact error is not documented).',
    evidence: 'primary',
    sources: ['A2'],
    rules: ['CUP802'],
  },
  {
    id: 10,
    attributes: ['explicit_auth_flows'],
    values: ['ADMIN_NO_SRP_AUTH', 'CUSTOM_AUTH_FLOW_ONLY', 'USER_PASSWORD_AUTH'],
    statement: 'The legacy values `ADMIN_NO_SRP_AUTH`, `CUSTOM_AUTH_FLOW_ONLY` and `USER_PASSWORD_AUTH` cannot be mixed with `ALLOW_*` values (API reference).',
    evidence: 'primary',
    sources: ['A2'],
    rules: ['CUP402'],
  },
  {
    id: 11,
    attributes: ['explicit_auth_flows'],
    values: ['ALLOW_USER_AUTH'],
    statement: "`ALLOW_USER_AUTH` needs the user pool's Essentials feature plan or higher (API reference).",
    evidence: 'primary',
    sources: ['A2'],
  },
  {
    id: 12,
    attributes: ['explicit_auth_flows'],
    values: ['ALLOW_REFRESH_TOKEN_AUTH'],
    statement:
      'In 2020 AWS required `ALLOW_REFRESH_TOKEN_AUTH` whenever `ALLOW_*` flows were listed ("REFRESH_TOKEN_AUTH should always be allowed", quoted in a public issue); whether that still holds is UNCONFIRMED.',
    evidence: 'unconfirmed',
    sources: ['S2'],
  },
  {
    id: 13,
    attributes: ['refresh_token_rotation.feature', 'explicit_auth_flows'],
    values: ['ENABLED', 'ALLOW_REFRESH_TOKEN_AUTH'],
    statement:
      "With refresh token rotation `ENABLED`, apps refresh through GetTokensFromRefreshToken (API reference), and AWS's developer guide, seen only as quoted in a public issue, says to leave `ALLOW_REFRESH_TOKEN_AUTH` out of `explicit_auth_flows`. Whether AWS refuses a client that keeps it is UNCONFIRMED.",
    evidence: 'unconfirmed',
    sources: ['A3', 'A4', 'S2'],
    rules: ['CUP408'],
  },
  {
    id: 14,
    attributes: ['refresh_token_rotation', 'refresh_token_rotation.feature'],
    statement: 'The AWS API requires `feature` whenever `refresh_token_rotation` is sent (API reference), although the provider lets it be left out.',
    evidence: 'primary',
    sources: ['A3'],
    rules: ['CUP410'],
  },
  {
    id: 15,
    attributes: ['generate_secret'],
    statement: '`generate_secret` is chosen at creation: changing a configured value replaces the client, which gets a new client ID (the provider marks it "requires replace").',
    evidence: 'primary',
    sources: ['P1', 'P2'],
  },
  {
    id: 16,
    attributes: ['enable_propagate_additional_user_context_data', 'generate_secret'],
    statement: '`enable_propagate_additional_user_context_data = true` is only allowed on a client that has a client secret (API reference).',
    evidence: 'primary',
    sources: ['A2'],
    rules: ['CUP404'],
  },
  {
    id: 18,
    attributes: ['access_token_validity', 'id_token_validity', 'refresh_token_validity', 'token_validity_units'],
    statement:
      'Value × unit must be 5 minutes–1 day for access and ID tokens and 60 minutes–10 years for refresh tokens (API reference; the provider checks only the raw number).',
    evidence: 'primary',
    sources: ['A2', 'C3'],
    rules: ['CUP301'],
  },
  {
    id: 21,
    attributes: ['access_token_validity', 'id_token_validity', 'refresh_token_validity'],
    statement: 'That AWS refuses access or ID token lifetimes longer than the refresh token lifetime is UNCONFIRMED (only a community module says so).',
    evidence: 'unconfirmed',
    sources: ['S2'],
    rules: ['CUP302'],
  },
  {
    id: 22,
    attributes: ['read_attributes', 'write_attributes'],
    statement: 'Entries must be standard attributes, the verification flags, or `custom:<name>` attributes (developer guide).',
    evidence: 'primary',
    sources: ['A4', 'A2'],
    rules: ['CUP209', 'CUP803'],
  },
  {
    id: 23,
    attributes: ['write_attributes'],
    values: ['email_verified', 'phone_number_verified'],
    statement:
      'That app clients cannot write `email_verified` and `phone_number_verified` is UNCONFIRMED: only an emulator issue and an SDK issue report the failure.',
    evidence: 'unconfirmed',
    sources: ['S2'],
  },
  {
    id: 26,
    attributes: ['write_attributes', 'supported_identity_providers'],
    statement: 'If users sign in through an external identity provider, `write_attributes` must include every attribute that has an IdP attribute mapping (API reference).',
    evidence: 'primary',
    sources: ['A2'],
  },
  {
    id: 27,
    attributes: ['analytics_configuration', 'analytics_configuration.application_arn', 'analytics_configuration.application_id', 'analytics_configuration.role_arn', 'analytics_configuration.external_id'],
    statement:
      'hashicorp/aws accepts either `application_arn` alone, or `application_id` with `role_arn` and `external_id`; whether AWS itself refuses other combinations is UNCONFIRMED.',
    evidence: 'unconfirmed',
    sources: ['S1'],
    rules: ['CUP411'],
  },
];

/** The strongest severity a rule built on a fact of this evidence may have. */
export const SEVERITY_CAP: Readonly<Record<Evidence, 'error' | 'warning' | 'information'>> = {
  primary: 'error',
  secondary: 'warning',
  unconfirmed: 'information',
};

/** Facts about an attribute path (`explicit_auth_flows`, `refresh_token_rotation.feature`), optionally narrowed to one of its values. */
export function factsAbout(path: string, value?: string): CrossFieldFact[] {
  return crossFieldFacts.filter((f) => f.attributes.includes(path) && (value === undefined || (f.values?.includes(value) ?? false)));
}

/** Facts that a rule reports against. */
export function factsOfRule(code: string): CrossFieldFact[] {
  return crossFieldFacts.filter((f) => f.rules?.includes(code));
}
