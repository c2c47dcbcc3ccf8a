import {
  to = awscc_cognito_user_pool_client.web
  identity = {
    user_pool_id = "us-east-1_Ab12Cd34E"
    client_id    = "1h57kf5cpq17m0eml12example"
  }
}
