terraform {
  required_version = ">= 1.12"
  required_providers {
    awscc = {
      source  = "hashicorp/awscc"
      version = ">= 1.56"
    }
  }
}

resource "awscc_cognito_user_pool" "main" {
  user_pool_name = "example-pool"
}

resource "awscc_cognito_user_pool_client" "web" {
  user_pool_id = awscc_cognito_user_pool.main.user_pool_id
  client_name  = "web"

  allowed_o_auth_flows                  = ["code"]
  allowed_o_auth_flows_user_pool_client = true
  allowed_o_auth_scopes                 = ["openid", "email"]
  callback_ur_ls                        = ["https://example.com/callback"]
  default_redirect_uri                  = "https://example.com/callback"

  explicit_auth_flows = ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]

  access_token_validity = 60
  token_validity_units = {
    access_token  = "minutes"
    id_token      = "hours"
    refresh_token = "days"
  }

  prevent_user_existence_errors = "ENABLED"
  enable_token_revocation       = true
}

output "web_client_id" {
  value = awscc_cognito_user_pool_client.web.client_id
}
