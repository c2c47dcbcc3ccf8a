// Property: on random Terraform-ish text, completion, definition and outline never throw and every
// completion edit is one an editor accepts.
import { test } from 'node:test';
import fc from 'fast-check';
import { contextFor } from '../../support/context';
import { checkFeaturesAt, checkSymbols } from '../../support/completionChecks';

const fragments = [
  'resource "awscc_cognito_user_pool_client" "x" {', 'data "awscc_cognito_user_pool_client" "d" {', 'import {', 'resource "', '}', '{',
  '[', ']', '"', '${', 'to = ', 'to = awscc_cognito_user_pool_client.x', 'id = "', 'identity = {', 'user_pool_id = ',
  'explicit_auth_flows = [', 'token_validity_units = {', 'access_token = ', 'generate_secret = ', '\n', '\r\n', ' ',
  'awscc_cognito_user_pool_client.', 'x.', 'data.awscc_cognito_user_pool_client.d.', 'lifecycle {', '😀', '\uFEFF', '/*',
  '#', '<<EOT\n', 'EOT\n', '? "ENABLED" : "LEGACY"', '=', ',', '.', '(', 'ALLOW_', 'var.',
];

test('completion on random Terraform-ish text never throws and gives editor-valid edits', () => {
  const text = fc.oneof(
    fc.array(fc.constantFrom(...fragments), { maxLength: 80 }).map((parts) => parts.join('')),
    fc.string({ unit: 'binary', maxLength: 300 }),
  );
  fc.assert(
    fc.property(text, fc.array(fc.nat(), { minLength: 1, maxLength: 30 }), (src, picks) => {
      const ctx = contextFor(src, { 'other.tf': 'resource "awscc_cognito_user_pool_client" "y" {\n  user_pool_id = "p"\n}\n' });
      for (const pick of picks) checkFeaturesAt(ctx, pick % (src.length + 1));
      checkSymbols(ctx);
    }),
    { numRuns: process.env.FUZZ ? 3000 : 100 },
  );
});
