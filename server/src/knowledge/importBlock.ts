// Terraform's `import` block (fact sheet §5), this resource's import identity and string import ID (§4, §6),
// and the meta-arguments every resource block accepts.
import { AWSCC_IDENTITY_SINCE, IMPORT_BLOCK_DOC_URL } from './meta';

export interface ImportArgumentSpec {
  name: 'to' | 'id' | 'identity' | 'for_each' | 'provider';
  required: boolean;
  summary: string;
  description: string;
  /** Terraform version that introduced the argument (all exist since import blocks did, 1.5.0, unless later). */
  sinceTerraform?: string;
}

export const importBlockSchema = {
  docUrl: IMPORT_BLOCK_DOC_URL,
  sinceTerraform: '1.5.0',
  /** Until 1.15.x import blocks are allowed only in the root module; 1.16.0 (unreleased at the time) lifts that. */
  childModulesSinceTerraform: '1.16.0',
  arguments: [
    {
      name: 'to',
      required: true,
      summary: 'Address of the resource to import into.',
      description:
        'A managed resource address such as `awscc_cognito_user_pool_client.web`, optionally with an instance key or module path. A `data.` address is not importable. Only one import block may target the same address.',
    },
    {
      name: 'id',
      required: false,
      summary: 'The provider-specific import ID of the existing object.',
      description:
        'A string known at plan time. Give either `id` or `identity`, not both and not neither. Expressions are allowed since Terraform 1.6 (1.5 took only literals); it may not refer to the resource being imported.',
      sinceTerraform: '1.5.0',
    },
    {
      name: 'identity',
      required: false,
      summary: "The object's identity as an object of the provider's identity attributes.",
      description:
        'An object (`identity = { ... }`) with the keys of the target type\'s identity schema, fully known at plan time. Alternative to `id`; needs Terraform 1.12 or later and a provider that supports identity.',
      sinceTerraform: '1.12.0',
    },
    {
      name: 'for_each',
      required: false,
      summary: 'Imports several objects from one block.',
      description:
        'A map or set of strings; `to`, `id` and `identity` may then use `each.key` and `each.value`.',
      sinceTerraform: '1.7.0',
    },
    {
      name: 'provider',
      required: false,
      summary: 'Provider configuration to use, e.g. `awscc.eu`.',
      description:
        'Mainly for generated configuration (`terraform plan -generate-config-out=...`). If the target `resource` block exists, it must use the same provider configuration; not allowed when `to` points into a module.',
    },
  ] as const satisfies readonly ImportArgumentSpec[],
};

export interface IdentityAttributeSpec {
  name: 'user_pool_id' | 'client_id' | 'account_id' | 'region';
  required: boolean;
  summary: string;
  description: string;
}

export const identitySchema = {
  sinceTerraform: '1.12.0',
  sinceAwscc: AWSCC_IDENTITY_SINCE,
  attributes: [
    {
      name: 'user_pool_id',
      required: true,
      summary: 'ID of the user pool that owns the client.',
      description: 'For example `us-east-1_AbCdEf123`.',
    },
    {
      name: 'client_id',
      required: true,
      summary: 'The app client ID.',
      description: 'The ID AWS assigned to the client, not the Terraform `id`.',
    },
    {
      name: 'account_id',
      required: false,
      summary: 'AWS account that holds the client.',
      description:
        'When set it must equal the account of the provider configuration, or import fails with an account mismatch. The provider does not check its format (12 digits is the usual shape).',
    },
    {
      name: 'region',
      required: false,
      summary: 'AWS region that holds the client.',
      description: 'When set it must equal the region of the provider configuration, or import fails with a region mismatch.',
    },
  ] as const satisfies readonly IdentityAttributeSpec[],
};

/** The string import ID `<user_pool_id>|<client_id>`; the provider passes it through unchecked. */
export const importId = {
  separator: '|',
  format: '<user_pool_id>|<client_id>',
  example: 'us-east-1_AbCdEf123|1h57kf5cpq17m0eml12EXAMPLE',
  poolIdPattern: String.raw`^[\w-]+_[0-9a-zA-Z]+$`,
  poolIdMaxLength: 55,
  clientIdPattern: String.raw`^[\w+]+$`,
  clientIdMaxLength: 128,
  /** hashicorp/aws `aws_cognito_user_pool_client` separates with `/`; awscc does not accept that. */
  awsProviderSeparator: '/',
} as const;

export interface SplitImportId {
  userPoolId: string;
  clientId: string;
  /** The part of the pool ID before `_` (a region such as `eu-west-1`), when there is one. */
  region?: string;
  separator: '|' | '/';
  /** Offsets of the two parts inside the ID string. */
  userPoolIdStart: number;
  clientIdStart: number;
}

/** Splits `pool|client` (or the hashicorp/aws form `pool/client`); undefined when there is no separator. */
export function splitImportId(id: string): SplitImportId | undefined {
  let at = id.indexOf('|');
  let separator: '|' | '/' = '|';
  if (at < 0) {
    at = id.indexOf('/');
    separator = '/';
  }
  if (at < 0) return undefined;
  const userPoolId = id.slice(0, at);
  const underscore = userPoolId.indexOf('_');
  return {
    userPoolId,
    clientId: id.slice(at + 1),
    region: underscore > 0 ? userPoolId.slice(0, underscore) : undefined,
    separator,
    userPoolIdStart: 0,
    clientIdStart: at + 1,
  };
}

export interface MetaArgumentSpec {
  name: 'count' | 'for_each' | 'provider' | 'depends_on' | 'lifecycle';
  /** `lifecycle` is a nested block; the rest are attributes. */
  block: boolean;
  summary: string;
  /** LSP snippet syntax. */
  snippet: string;
}

export const metaArguments: readonly MetaArgumentSpec[] = [
  { name: 'count', block: false, summary: 'Creates this many instances, addressed by `count.index`.', snippet: 'count = ${1:1}' },
  {
    name: 'for_each',
    block: false,
    summary: 'Creates one instance per map key or set element, addressed by `each.key`/`each.value`.',
    snippet: 'for_each = ${1:var.clients}',
  },
  { name: 'provider', block: false, summary: 'Selects a non-default provider configuration, e.g. `awscc.eu`.', snippet: 'provider = ${1:awscc.alias}' },
  { name: 'depends_on', block: false, summary: 'Extra ordering dependencies Terraform cannot infer.', snippet: 'depends_on = [${1}]' },
  {
    name: 'lifecycle',
    block: true,
    summary: 'Lifecycle options: create_before_destroy, prevent_destroy, ignore_changes, replace_triggered_by, pre/postconditions.',
    snippet: 'lifecycle {\n  ${1:prevent_destroy = true}\n}',
  },
];
