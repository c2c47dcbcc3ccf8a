// hashicorp/aws `aws_cognito_user_pool_client` → awscc `awscc_cognito_user_pool_client`: every argument and
// attribute of the aws resource with its awscc name, as data. The conversion (code action and
// `awscc-cognito migrate`) and its tests read this table; nothing else spells these names.
//
// Sources:
//   AWS-DOC   hashicorp/terraform-provider-aws, website/docs/r/cognito_user_pool_client.html.markdown
//             (Argument Reference and Attribute Reference; revision 093c411 read for this table).
//   AWS-V6    hashicorp/aws 6.x additions not in that revision: the `refresh_token_rotation` block
//             (`feature`, `retry_grace_period_seconds`) and the per-resource `region` argument every
//             aws 6 resource has. From the provider's release notes as we know them; not re-read here.
//   AWSCC-DOC reference/000_f5b45593b30e5c65.txt (awscc registry page: Required / Optional / Read-Only and
//             the nested schemas), with CFN names from AWS_Cognito_UserPoolClient.cfn-schema.json.
import { RESOURCE_TYPE } from './meta';

export const AWS_CLIENT_TYPE = 'aws_cognito_user_pool_client';

export interface AwsArgumentMapping {
  /** The hashicorp/aws argument. */
  aws: string;
  /** The awscc attribute it becomes; undefined when awscc has none (see `note`). */
  awscc?: string;
  /** `block`: a nested block (MaxItems 1) in aws, a single object attribute in awscc. */
  kind: 'attribute' | 'block';
  /** For blocks: aws key → awscc key inside the object. */
  keys?: Readonly<Record<string, string>>;
  source: readonly string[];
  /** Why a name has no counterpart, or what changes with it. */
  note?: string;
}

export const awsClientArguments: readonly AwsArgumentMapping[] = [
  { aws: 'name', awscc: 'client_name', kind: 'attribute', source: ['AWS-DOC', 'AWSCC-DOC'], note: 'Required in aws, optional in awscc.' },
  { aws: 'user_pool_id', awscc: 'user_pool_id', kind: 'attribute', source: ['AWS-DOC', 'AWSCC-DOC'] },
  { aws: 'access_token_validity', awscc: 'access_token_validity', kind: 'attribute', source: ['AWS-DOC', 'AWSCC-DOC'] },
  { aws: 'allowed_oauth_flows', awscc: 'allowed_o_auth_flows', kind: 'attribute', source: ['AWS-DOC', 'AWSCC-DOC'] },
  { aws: 'allowed_oauth_flows_user_pool_client', awscc: 'allowed_o_auth_flows_user_pool_client', kind: 'attribute', source: ['AWS-DOC', 'AWSCC-DOC'] },
  { aws: 'allowed_oauth_scopes', awscc: 'allowed_o_auth_scopes', kind: 'attribute', source: ['AWS-DOC', 'AWSCC-DOC'] },
  {
    aws: 'analytics_configuration',
    awscc: 'analytics_configuration',
    kind: 'block',
    keys: { application_arn: 'application_arn', application_id: 'application_id', external_id: 'external_id', role_arn: 'role_arn', user_data_shared: 'user_data_shared' },
    source: ['AWS-DOC', 'AWSCC-DOC'],
  },
  { aws: 'auth_session_validity', awscc: 'auth_session_validity', kind: 'attribute', source: ['AWS-DOC', 'AWSCC-DOC'] },
  { aws: 'callback_urls', awscc: 'callback_ur_ls', kind: 'attribute', source: ['AWS-DOC', 'AWSCC-DOC'] },
  { aws: 'default_redirect_uri', awscc: 'default_redirect_uri', kind: 'attribute', source: ['AWS-DOC', 'AWSCC-DOC'] },
  { aws: 'enable_token_revocation', awscc: 'enable_token_revocation', kind: 'attribute', source: ['AWS-DOC', 'AWSCC-DOC'] },
  { aws: 'enable_propagate_additional_user_context_data', awscc: 'enable_propagate_additional_user_context_data', kind: 'attribute', source: ['AWS-DOC', 'AWSCC-DOC'] },
  { aws: 'explicit_auth_flows', awscc: 'explicit_auth_flows', kind: 'attribute', source: ['AWS-DOC', 'AWSCC-DOC'] },
  { aws: 'generate_secret', awscc: 'generate_secret', kind: 'attribute', source: ['AWS-DOC', 'AWSCC-DOC'] },
  { aws: 'id_token_validity', awscc: 'id_token_validity', kind: 'attribute', source: ['AWS-DOC', 'AWSCC-DOC'] },
  { aws: 'logout_urls', awscc: 'logout_ur_ls', kind: 'attribute', source: ['AWS-DOC', 'AWSCC-DOC'] },
  { aws: 'prevent_user_existence_errors', awscc: 'prevent_user_existence_errors', kind: 'attribute', source: ['AWS-DOC', 'AWSCC-DOC'] },
  { aws: 'read_attributes', awscc: 'read_attributes', kind: 'attribute', source: ['AWS-DOC', 'AWSCC-DOC'] },
  {
    aws: 'refresh_token_rotation',
    awscc: 'refresh_token_rotation',
    kind: 'block',
    keys: { feature: 'feature', retry_grace_period_seconds: 'retry_grace_period_seconds' },
    source: ['AWS-V6', 'AWSCC-DOC'],
  },
  { aws: 'refresh_token_validity', awscc: 'refresh_token_validity', kind: 'attribute', source: ['AWS-DOC', 'AWSCC-DOC'] },
  { aws: 'supported_identity_providers', awscc: 'supported_identity_providers', kind: 'attribute', source: ['AWS-DOC', 'AWSCC-DOC'] },
  {
    aws: 'token_validity_units',
    awscc: 'token_validity_units',
    kind: 'block',
    keys: { access_token: 'access_token', id_token: 'id_token', refresh_token: 'refresh_token' },
    source: ['AWS-DOC', 'AWSCC-DOC'],
  },
  { aws: 'write_attributes', awscc: 'write_attributes', kind: 'attribute', source: ['AWS-DOC', 'AWSCC-DOC'] },
  {
    aws: 'region',
    kind: 'attribute',
    source: ['AWS-V6'],
    note: 'awscc has no per-resource region: give the awscc block a `provider` configured for that region.',
  },
];

export interface AwsAttributeMapping {
  /** Attribute of the aws resource (arguments included) as referenced elsewhere: `aws_cognito_user_pool_client.x.<aws>`. */
  aws: string;
  awscc?: string;
  /** The aws provider marks it sensitive; awscc does not, so outputs exposing it need `sensitive = true`. */
  sensitive?: boolean;
  source: readonly string[];
  note?: string;
}

/** Read-only attributes whose names or meanings differ. Arguments read back under their mapped names. */
export const awsClientComputedAttributes: readonly AwsAttributeMapping[] = [
  {
    aws: 'id',
    awscc: 'client_id',
    source: ['AWS-DOC', 'AWSCC-DOC'],
    note: 'aws `id` is the client ID; awscc `id` is `<user_pool_id>|<client_id>`.',
  },
  { aws: 'client_secret', awscc: 'client_secret', sensitive: true, source: ['AWS-DOC', 'AWSCC-DOC'], note: 'Sensitive in aws, not in awscc.' },
];

/** The awscc name of what `aws_cognito_user_pool_client.x.<name>` reads, or undefined when there is none. */
export function awsccAttributeFor(awsName: string): string | undefined {
  const computed = awsClientComputedAttributes.find((a) => a.aws === awsName);
  if (computed) return computed.awscc;
  return awsClientArguments.find((a) => a.aws === awsName)?.awscc;
}

/** Terraform's `removed` block, which forgets an object without destroying it (`lifecycle { destroy = false }`). */
export const removedBlock = {
  sinceTerraform: '1.7.0',
  docUrl: 'https://developer.hashicorp.com/terraform/language/resources/syntax#removing-resources',
} as const;

/** What every marker the conversion leaves starts with; CUP613 reports import IDs holding one. */
export const PLACEHOLDER_PREFIX = 'FILL-IN-';
/** Where the app client ID must go (the aws resource computed it; the configuration does not hold it). */
export const CLIENT_ID_PLACEHOLDER = 'FILL-IN-CLIENT-ID';
/** Where the user pool ID must go when the configuration's expression cannot be used in an import. */
export const POOL_ID_PLACEHOLDER = 'FILL-IN-USER-POOL-ID';

export const MIGRATION_TARGET_TYPE = RESOURCE_TYPE;
