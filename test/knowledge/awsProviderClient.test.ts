// The aws → awscc table against both attribute lists: every aws argument is in the table, every mapped
// name exists in the awscc schema (nested keys too), and every settable awscc attribute has a source.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { awsClientArguments, awsClientComputedAttributes, awsccAttributeFor, findAttribute, resourceSchema, settableAttributes } from '../../server/src/knowledge';

// hashicorp/aws aws_cognito_user_pool_client, Argument Reference (block keys after the colon), transcribed
// from the provider's documentation page; refresh_token_rotation and region are the 6.x additions.
const AWS_ARGUMENTS: Record<string, string[] | undefined> = {
  name: undefined,
  user_pool_id: undefined,
  access_token_validity: undefined,
  allowed_oauth_flows_user_pool_client: undefined,
  allowed_oauth_flows: undefined,
  allowed_oauth_scopes: undefined,
  analytics_configuration: ['application_arn', 'application_id', 'external_id', 'role_arn', 'user_data_shared'],
  auth_session_validity: undefined,
  callback_urls: undefined,
  default_redirect_uri: undefined,
  enable_token_revocation: undefined,
  enable_propagate_additional_user_context_data: undefined,
  explicit_auth_flows: undefined,
  generate_secret: undefined,
  id_token_validity: undefined,
  logout_urls: undefined,
  prevent_user_existence_errors: undefined,
  read_attributes: undefined,
  refresh_token_rotation: ['feature', 'retry_grace_period_seconds'],
  refresh_token_validity: undefined,
  supported_identity_providers: undefined,
  token_validity_units: ['access_token', 'id_token', 'refresh_token'],
  write_attributes: undefined,
  region: undefined,
};
const AWS_COMPUTED = ['id', 'client_secret'];

test('every aws argument is in the table once, blocks with exactly their keys', () => {
  assert.deepEqual(awsClientArguments.map((a) => a.aws).sort(), Object.keys(AWS_ARGUMENTS).sort());
  for (const a of awsClientArguments) {
    const keys = AWS_ARGUMENTS[a.aws];
    assert.equal(a.kind, keys ? 'block' : 'attribute', a.aws);
    if (keys) assert.deepEqual(Object.keys(a.keys ?? {}).sort(), [...keys].sort(), a.aws);
    assert.ok(a.source.length > 0, `${a.aws} names its source`);
  }
  assert.deepEqual(awsClientComputedAttributes.map((a) => a.aws).sort(), [...AWS_COMPUTED].sort());
});

test('every mapped name is a settable awscc attribute of the right shape; unmapped ones say why', () => {
  for (const a of awsClientArguments) {
    if (!a.awscc) {
      assert.ok(a.note, `${a.aws} has no awscc name and must say why`);
      continue;
    }
    const spec = findAttribute([a.awscc]);
    assert.ok(spec && spec.mode !== 'computed', `${a.awscc} is settable in awscc`);
    assert.equal(spec.type === 'object', a.kind === 'block', a.aws);
    for (const [from, to] of Object.entries(a.keys ?? {})) assert.ok(findAttribute([a.awscc, to]), `${a.aws}.${from} → ${a.awscc}.${to}`);
  }
});

test('every settable awscc attribute has an aws source (nothing is lost in the conversion)', () => {
  const targets = new Set(awsClientArguments.map((a) => a.awscc));
  for (const spec of settableAttributes(resourceSchema.attributes)) assert.ok(targets.has(spec.name), spec.name);
});

test('references: id becomes client_id, arguments their awscc names, the secret is flagged sensitive', () => {
  assert.equal(awsccAttributeFor('id'), 'client_id');
  assert.equal(awsccAttributeFor('callback_urls'), 'callback_ur_ls');
  assert.equal(awsccAttributeFor('name'), 'client_name');
  assert.equal(awsccAttributeFor('region'), undefined);
  assert.equal(awsClientComputedAttributes.find((a) => a.aws === 'client_secret')?.sensitive, true);
  assert.ok(findAttribute(['client_id'])?.mode === 'computed' && findAttribute(['client_secret'])?.mode === 'computed');
});
