// Completion, definition and outline at every offset of real and broken files: nothing throws, and every
// item's edit is one a real editor accepts (one line, containing the caret, a well-formed snippet).
import { test, describe } from 'node:test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contextFor } from '../../support/context';
import { checkFeaturesAt, checkSymbols } from '../../support/completionChecks';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');
const files = ['completion/main.tf', 'completion/imports.tf', 'hover/complete.tf', 'hover/broken.tf'].map((f) => ({
  name: f,
  text: readFileSync(join(FIXTURES, f), 'utf8'),
}));

const crafted: Record<string, string> = {
  'every construct unclosed': 'resource "awscc_cognito_user_pool_client" "x" {\n  explicit_auth_flows = ["ALLOW_\n  token_validity_units = {\n    access_token = "\n  user_pool_id = aws_cognito_user_pool.\nimport {\n  to = awscc_cognito_user_pool_client.\n  identity = {\n    user_pool_id = "',
  'CRLF, BOM and emoji': '\uFEFFresource "awscc_cognito_user_pool_client" "😀" {\r\n  client_name = "🙂 ${var.x}"\r\n  prevent_user_existence_errors = "\r\n}\r\n',
  'control characters and lone surrogates': 'resource "awscc_cognito_user_pool_client" "x" {\u0000\u0007 \ud800 explicit_auth_flows = [\udc00"\u001b\n',
  'deep nesting': 'resource "awscc_cognito_user_pool_client" "x" {\n  token_validity_units = ' + '{ a = '.repeat(300) + '\n}\n',
  // Found by the fuzz suite: a key that swallowed a half-typed block spanned two lines, and so did its edit.
  'a block typed inside an object': 'resource "awscc_cognito_user_pool_client" "x" {token_validity_units = {resource "awscc_cognito_user_pool_client" "x" {EOT\nexplicit_auth_flows = [',
  'templates and heredocs': 'resource "awscc_cognito_user_pool_client" "x" {\n  client_name = <<-EOT\n    ${awscc_cognito_user_pool_client.x.}\n  EOT\n  callback_ur_ls = ["%{ if true }a%{ endif }", "${', 
};

describe('completion robustness', () => {
  for (const { name, text } of [...files, ...Object.entries(crafted).map(([name, text]) => ({ name, text }))]) {
    test(`every offset of ${name}`, () => {
      const ctx = contextFor(text);
      for (let offset = 0; offset <= text.length; offset++) checkFeaturesAt(ctx, offset);
      checkSymbols(ctx);
    });
  }
});
