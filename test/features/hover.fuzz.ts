// Property: hover never throws and always returns a range inside the document, whatever the text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { hover } from '../../server/src/features/hover';
import { contextFor } from '../support/context';

const fragments = [
  'resource "awscc_cognito_user_pool_client" "x" {', 'data "awscc_cognito_user_pool_client" "d" {', 'import {', '}', '{', '[', ']',
  '"', '${', 'to = awscc_cognito_user_pool_client.x', 'id = "us-east-1_a|b"', 'identity = { user_pool_id = "p" }',
  'explicit_auth_flows = ["ALLOW_USER_AUTH"', 'token_validity_units = { access_token = "hours" }', '\n', '\r\n', ' ',
  'awscc_cognito_user_pool_client.x.id', 'data.awscc_cognito_user_pool_client.d.', 'lifecycle { ignore_changes = [',
  '😀', '\uFEFF', '/*', '#', '<<EOT\n', 'EOT\n', '? "ENABLED" : "LEGACY"', '=', ',', '.', '(',
];

test('hover on random Terraform-ish text never throws', () => {
  const text = fc.oneof(
    fc.array(fc.constantFrom(...fragments), { maxLength: 60 }).map((parts) => parts.join('')),
    fc.string({ unit: 'binary', maxLength: 300 }),
  );
  fc.assert(
    fc.property(text, fc.array(fc.nat(), { minLength: 1, maxLength: 20 }), (src, picks) => {
      const ctx = contextFor(src);
      const end = ctx.document.file.lines.positionAt(src.length);
      for (const pick of picks) {
        const h = hover(ctx, pick % (src.length + 1));
        if (!h) continue;
        assert.ok(h.range.end.line <= end.line);
        assert.ok(h.contents.length > 0);
      }
    }),
    { numRuns: process.env.FUZZ ? 3000 : 200 },
  );
});
