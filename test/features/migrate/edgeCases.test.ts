// The conversion where the configuration does not tell everything: count, a for_each with unknown keys,
// the aws 6 `region` argument, a pool ID from a variable, and what it cannot rewrite.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createModuleFromTexts } from '../../../server/src/model';
import { planMigration } from '../../../server/src/features/migrate';

function migrate(text: string, others: Record<string, string> = {}) {
  const module = createModuleFromTexts({ 'main.tf': text, ...others }).contextFor('main.tf').module;
  const plan = planMigration(module, { style: 'id' });
  return { text: plan.changes.find((c) => c.uri.endsWith('/main.tf'))?.after ?? '', plan };
}

test('count with a literal: one import per index', () => {
  const { text, plan } = migrate('resource "aws_cognito_user_pool_client" "c" {\n  count        = 2\n  name         = "app-${count.index}"\n  user_pool_id = "us-east-1_Abc123"\n}\n');
  assert.match(text, /to = awscc_cognito_user_pool_client\.c\[0\]\n  id = "us-east-1_Abc123\|FILL-IN-CLIENT-ID"/);
  assert.match(text, /to = awscc_cognito_user_pool_client\.c\[1\]/);
  assert.deepEqual(plan.instances.map((i) => i.address), ['awscc_cognito_user_pool_client.c[0]', 'awscc_cognito_user_pool_client.c[1]']);
});

test('for_each over a variable: one import over the same for_each, with a note; Terraform 1.7 for import for_each', () => {
  const { text, plan } = migrate('resource "aws_cognito_user_pool_client" "c" {\n  for_each     = var.clients\n  name         = each.key\n  user_pool_id = each.value.pool\n}\n');
  assert.match(text, /import \{\n  for_each = var\.clients\n\n  to = awscc_cognito_user_pool_client\.c\[each\.key\]\n  id = "\$\{each\.value\.pool\}\|FILL-IN-CLIENT-ID"\n\}/);
  assert.ok(plan.notes.some((n) => /not known statically/.test(n)));
  assert.match(plan.requirements[0], /`for_each` in an import block: 1\.7\.0/);
});

test('a pool ID that only a variable default supplies is not taken as the literal', () => {
  const { text } = migrate('variable "pool" {\n  default = "us-east-1_Dflt01"\n}\n\nresource "aws_cognito_user_pool_client" "c" {\n  name         = "x"\n  user_pool_id = var.pool\n}\n');
  assert.match(text, /id = "\$\{var\.pool\}\|FILL-IN-CLIENT-ID"/);
});

test('region has no awscc counterpart: commented out with the reason; provider aws.x becomes awscc.x', () => {
  const { text, plan } = migrate('resource "aws_cognito_user_pool_client" "c" {\n  provider     = aws.eu\n  region       = "eu-west-1"\n  name         = "x"\n  user_pool_id = "eu-west-1_Abc123"\n}\n');
  assert.match(text, /\n  provider = awscc\.eu\n/);
  assert.match(text, /# Not converted: awscc has no per-resource region[^\n]*\n  # region\s+= "eu-west-1"\n/);
  assert.ok(plan.notes.some((n) => /awscc\.eu/.test(n)));
});

test('a dynamic block that cannot be rewritten is kept, and CUP108 will report it', () => {
  const { text, plan } = migrate(
    'resource "aws_cognito_user_pool_client" "c" {\n  name         = "x"\n  user_pool_id = "eu-west-1_Abc123"\n  dynamic "token_validity_units" {\n    for_each = []\n    labels   = ["a"]\n    content {}\n  }\n}\n',
  );
  assert.match(text, /dynamic "token_validity_units" \{/);
  assert.ok(plan.notes.some((n) => /could not be rewritten/.test(n)));
});

test('a module without aws clients is left alone', () => {
  const { plan } = migrate('resource "awscc_cognito_user_pool_client" "c" {\n  user_pool_id = "eu-west-1_Abc123"\n}\n');
  assert.deepEqual(plan.changes, []);
});

test('an existing import into the aws address is named in the notes (the conversion removes its target)', () => {
  const { plan } = migrate(
    'resource "aws_cognito_user_pool_client" "c" {\n  name         = "x"\n  user_pool_id = "eu-west-1_Abc123"\n}\n\nimport {\n  to = aws_cognito_user_pool_client.c\n  id = "eu-west-1_Abc123/abc"\n}\n',
  );
  assert.ok(plan.notes.some((n) => /imports into aws_cognito_user_pool_client\.c/.test(n)), plan.notes.join('\n'));
});
