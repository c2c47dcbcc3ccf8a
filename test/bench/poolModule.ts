// A module with 10 user pools, each with its resource server, identity provider, schema and 20 app clients
// (200 in all) that name those scopes, providers and custom attributes: the pool graph's keystroke cost.
export function poolGraphModuleText(pools = 10, clientsPerPool = 20): string {
  const out: string[] = [];
  for (let p = 0; p < pools; p++) {
    const awsccPool = p % 2 === 0;
    const poolRef = awsccPool ? `awscc_cognito_user_pool.pool_${p}.user_pool_id` : `aws_cognito_user_pool.pool_${p}.id`;
    if (awsccPool) {
      out.push(`resource "awscc_cognito_user_pool" "pool_${p}" {
  user_pool_name = "pool-${p}"
  schema = [
    { name = "tenant_id", attribute_data_type = "String", mutable = true },
    { name = "plan", attribute_data_type = "String", mutable = true },
  ]
}
`);
      out.push(`resource "awscc_cognito_user_pool_resource_server" "api_${p}" {
  user_pool_id = ${poolRef}
  identifier   = "https://api-${p}.example.com"
  name         = "api-${p}"
  scopes = [
    { scope_name = "read", scope_description = "Read" },
    { scope_name = "write", scope_description = "Write" },
  ]
}
`);
      out.push(`resource "awscc_cognito_user_pool_identity_provider" "corp_${p}" {
  user_pool_id  = ${poolRef}
  provider_name = "Corp${p}"
  provider_type = "SAML"
  provider_details = { MetadataURL = "https://idp.example.com/${p}/metadata" }
}
`);
    } else {
      out.push(`resource "aws_cognito_user_pool" "pool_${p}" {
  name = "pool-${p}"
  schema {
    name                = "tenant_id"
    attribute_data_type = "String"
    mutable             = true
  }
}
`);
      out.push(`resource "aws_cognito_resource_server" "api_${p}" {
  user_pool_id = ${poolRef}
  identifier   = "https://api-${p}.example.com"
  name         = "api-${p}"
  scope {
    scope_name        = "read"
    scope_description = "Read"
  }
}
`);
      out.push(`resource "aws_cognito_identity_provider" "corp_${p}" {
  user_pool_id  = ${poolRef}
  provider_name = "Corp${p}"
  provider_type = "SAML"
  provider_details = { MetadataURL = "https://idp.example.com/${p}/metadata" }
}
`);
    }
    const server = awsccPool ? `awscc_cognito_user_pool_resource_server.api_${p}` : `aws_cognito_resource_server.api_${p}`;
    const idp = awsccPool ? `awscc_cognito_user_pool_identity_provider.corp_${p}` : `aws_cognito_identity_provider.corp_${p}`;
    // Each pool also gets a client through a call of a local child module.
    out.push(`module "partner_${p}" {
  source       = "./modules/partner-client"
  user_pool_id = ${poolRef}
  client_name  = "partner-${p}"
  scopes       = ["https://api-${p}.example.com/read"]
  depends_on   = [${server}]
}
`);
    for (let c = 0; c < clientsPerPool; c++) {
      // Half name their scope through the server (ordered), half as a string with depends_on.
      const scope = c % 2 === 0 ? `"\${${server}.identifier}/read"` : `"https://api-${p}.example.com/read"`;
      out.push(`resource "awscc_cognito_user_pool_client" "app_${p}_${c}" {
  user_pool_id                         = ${poolRef}
  client_name                          = "app-${p}-${c}"
  allowed_o_auth_flows_user_pool_client = true
  allowed_o_auth_flows                 = ["code"]
  allowed_o_auth_scopes                = ["openid", ${scope}]
  callback_ur_ls                       = ["https://app-${c}.example.com/callback"]
  supported_identity_providers         = ["COGNITO", "Corp${p}"]
  read_attributes                      = ["email", "custom:tenant_id"]
  prevent_user_existence_errors        = "ENABLED"
  depends_on                           = [${server}, ${idp}]
}
`);
    }
  }
  return out.join('\n');
}

/** The child module the pool graph module calls: file name → text. */
export const PARTNER_CLIENT_MODULE: Readonly<Record<string, string>> = {
  'variables.tf': `variable "user_pool_id" {
  type = string
}

variable "client_name" {
  type    = string
  default = ""
}

variable "scopes" {
  type    = list(string)
  default = []
}
`,
  'main.tf': `resource "awscc_cognito_user_pool_client" "this" {
  user_pool_id                          = var.user_pool_id
  client_name                           = var.client_name
  allowed_o_auth_flows_user_pool_client = true
  allowed_o_auth_flows                  = ["client_credentials"]
  allowed_o_auth_scopes                 = var.scopes
  generate_secret                       = true
  prevent_user_existence_errors         = "ENABLED"
}
`,
};
