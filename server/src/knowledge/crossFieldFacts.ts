// Rules that involve more than one attribute (fact sheet §3). None is enforced by the awscc provider; AWS
// rejects (or ignores) the combination at apply time. `evidence` says how well each is sourced, so a rule can
// pick a severity: only 'primary' facts should ever become warnings stronger than a hint, and
// 'unconfirmed' ones must never become errors.

export type Evidence = 'primary' | 'secondary' | 'unconfirmed';

export interface CrossFieldFact {
  /** Paragraph number in fact sheet §3. */
  id: number;
  /** Attribute paths involved, top level unless dotted (`refresh_token_rotation.feature`). */
  attributes: readonly string[];
  summary: string;
  evidence: Evidence;
  sources: readonly string[];
}

export const crossFieldFacts: readonly CrossFieldFact[] = [
  {
    id: 1,
    attributes: ['allowed_o_auth_flows_user_pool_client', 'allowed_o_auth_flows', 'allowed_o_auth_scopes', 'callback_ur_ls', 'logout_ur_ls'],
    summary: 'OAuth flows, scopes, callback and logout URLs only take effect when allowed_o_auth_flows_user_pool_client is true.',
    evidence: 'primary',
    sources: ['A2'],
  },
  {
    id: 2,
    attributes: ['allowed_o_auth_flows_user_pool_client', 'allowed_o_auth_flows', 'allowed_o_auth_scopes'],
    summary: 'With allowed_o_auth_flows_user_pool_client = true, both allowed_o_auth_flows and allowed_o_auth_scopes must be non-empty.',
    evidence: 'secondary',
    sources: ['S2'],
  },
  {
    id: 3,
    attributes: ['allowed_o_auth_flows', 'callback_ur_ls'],
    summary: 'The code and implicit flows need at least one callback URL.',
    evidence: 'secondary',
    sources: ['S2'],
  },
  {
    id: 4,
    attributes: ['allowed_o_auth_flows'],
    summary: 'client_credentials cannot be combined with code or implicit.',
    evidence: 'primary',
    sources: ['A2', 'A4'],
  },
  {
    id: 5,
    attributes: ['allowed_o_auth_flows', 'generate_secret'],
    summary: 'client_credentials needs a client secret (generate_secret = true).',
    evidence: 'secondary',
    sources: ['S2'],
  },
  {
    id: 6,
    attributes: ['allowed_o_auth_flows', 'allowed_o_auth_scopes'],
    summary: 'client_credentials clients should use custom resource-server scopes rather than OpenID scopes.',
    evidence: 'unconfirmed',
    sources: ['S2'],
  },
  {
    id: 7,
    attributes: ['default_redirect_uri', 'callback_ur_ls'],
    summary: 'default_redirect_uri must be one of callback_ur_ls.',
    evidence: 'primary',
    sources: ['A2'],
  },
  {
    id: 8,
    attributes: ['allowed_o_auth_scopes'],
    summary: 'Each scope must be a standard scope or a scope of a resource server in the pool.',
    evidence: 'secondary',
    sources: ['S2', 'A1'],
  },
  {
    id: 9,
    attributes: ['supported_identity_providers'],
    summary: 'Names other than COGNITO must be identity providers configured in the pool.',
    evidence: 'primary',
    sources: ['A2'],
  },
  {
    id: 10,
    attributes: ['explicit_auth_flows'],
    summary: 'The legacy values ADMIN_NO_SRP_AUTH, CUSTOM_AUTH_FLOW_ONLY and USER_PASSWORD_AUTH cannot be mixed with ALLOW_* values.',
    evidence: 'primary',
    sources: ['A2'],
  },
  {
    id: 11,
    attributes: ['explicit_auth_flows'],
    summary: "ALLOW_USER_AUTH needs the user pool's Essentials feature plan or higher.",
    evidence: 'primary',
    sources: ['A2'],
  },
  {
    id: 12,
    attributes: ['explicit_auth_flows'],
    summary: 'Historically ALLOW_REFRESH_TOKEN_AUTH had to be present whenever ALLOW_* flows were listed; whether that still holds is unknown.',
    evidence: 'unconfirmed',
    sources: ['S2'],
  },
  {
    id: 13,
    attributes: ['refresh_token_rotation.feature', 'explicit_auth_flows'],
    summary: 'With refresh token rotation ENABLED, ALLOW_REFRESH_TOKEN_AUTH should be removed; refresh through GetTokensFromRefreshToken. Whether AWS rejects the combination at apply is unconfirmed.',
    evidence: 'primary',
    sources: ['A3', 'A4'],
  },
  {
    id: 14,
    attributes: ['refresh_token_rotation', 'refresh_token_rotation.feature'],
    summary: 'The AWS API requires feature whenever refresh_token_rotation is sent.',
    evidence: 'primary',
    sources: ['A3'],
  },
  {
    id: 15,
    attributes: ['generate_secret'],
    summary: 'generate_secret is chosen at creation; changing a configured value replaces the client.',
    evidence: 'primary',
    sources: ['P1', 'P2'],
  },
  {
    id: 16,
    attributes: ['enable_propagate_additional_user_context_data', 'generate_secret'],
    summary: 'enable_propagate_additional_user_context_data = true needs a client with a secret.',
    evidence: 'primary',
    sources: ['A2'],
  },
  {
    id: 18,
    attributes: ['access_token_validity', 'id_token_validity', 'refresh_token_validity', 'token_validity_units'],
    summary: 'Value × unit must be 5 minutes–1 day for access and ID tokens and 60 minutes–10 years for refresh tokens (see tokenValidity).',
    evidence: 'primary',
    sources: ['A2', 'C3'],
  },
  {
    id: 21,
    attributes: ['access_token_validity', 'id_token_validity', 'refresh_token_validity'],
    summary: 'Access or ID token lifetimes longer than the refresh token lifetime may be rejected.',
    evidence: 'unconfirmed',
    sources: ['S2'],
  },
  {
    id: 22,
    attributes: ['read_attributes', 'write_attributes'],
    summary: 'Entries must be standard attributes, the verification flags, or custom:<name> attributes.',
    evidence: 'primary',
    sources: ['A4', 'A2'],
  },
  {
    id: 23,
    attributes: ['write_attributes'],
    summary: 'email_verified and phone_number_verified are probably not writable by app clients.',
    evidence: 'unconfirmed',
    sources: ['S2'],
  },
  {
    id: 26,
    attributes: ['write_attributes', 'supported_identity_providers'],
    summary: 'With IdP sign-in, write_attributes must include every attribute that has an IdP attribute mapping.',
    evidence: 'primary',
    sources: ['A2'],
  },
  {
    id: 27,
    attributes: ['analytics_configuration.application_arn', 'analytics_configuration.application_id', 'analytics_configuration.role_arn', 'analytics_configuration.external_id'],
    summary: 'Either application_arn alone, or application_id with role_arn and external_id (as hashicorp/aws validates it).',
    evidence: 'unconfirmed',
    sources: ['S1'],
  },
];
