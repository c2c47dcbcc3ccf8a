// Which upstream versions this knowledge reflects, and where its documentation lives.

/** Latest awscc provider release the schema was checked against (2026-08-06). */
export const AWSCC_PROVIDER_VERSION = '1.96.0';
/** Date the provider regenerated this resource from the CloudFormation registry schema. */
export const AWSCC_SCHEMA_GENERATED = '2025-05-01';
/** awscc release that introduced resource identity (import by `identity = {...}`) for all resources. */
export const AWSCC_IDENTITY_SINCE = '1.56.0';

export const RESOURCE_TYPE = 'awscc_cognito_user_pool_client';
export const CFN_TYPE = 'AWS::Cognito::UserPoolClient';

export const RESOURCE_DOC_URL =
  'https://registry.terraform.io/providers/hashicorp/awscc/latest/docs/resources/cognito_user_pool_client';
export const DATA_SOURCE_DOC_URL =
  'https://registry.terraform.io/providers/hashicorp/awscc/latest/docs/data-sources/cognito_user_pool_client';
export const IMPORT_BLOCK_DOC_URL = 'https://developer.hashicorp.com/terraform/language/block/import';
