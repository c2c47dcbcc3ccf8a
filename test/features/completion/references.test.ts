import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { accept, completeSnippet, labels, pick } from '../../support/completion';
import { resourceSchema } from '../../../server/src/knowledge';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'completion');
const mainTf = readFileSync(join(FIXTURES, 'main.tf'), 'utf8');

describe('references to awscc_cognito_user_pool_client', () => {
  test('after `NAME.` in an output: every attribute, read-only ones included', () => {
    const { list } = completeSnippet('output "client" {\n  value = awscc_cognito_user_pool_client.web.|\n}\n', { otherFiles: { 'clients.tf': mainTf } });
    assert.deepEqual([...labels(list)].sort(), resourceSchema.attributes.map((a) => a.name).sort());
    for (const readOnly of ['client_id', 'client_secret', 'id', 'name']) assert.ok(labels(list).includes(readOnly));
  });

  test('`id` says it is `<user_pool_id>|<client_id>`, not the client ID; client_id sorts first', () => {
    const { list } = completeSnippet('output "client" {\n  value = awscc_cognito_user_pool_client.web.|\n}\n');
    const id = pick(list, 'id');
    assert.match(id.detail!, /<user_pool_id>\|<client_id>.*NOT the client ID/);
    assert.match((id.documentation as { value: string }).value, /\*\*not\*\* the client ID/);
    const first = [...list.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!))[0];
    assert.equal(first.label, 'client_id');
  });

  test('choosing an attribute completes the reference in place, in locals and inside other resources', () => {
    assert.equal(
      accept('locals {\n  id = awscc_cognito_user_pool_client.web.cl|\n}\n', 'client_id'),
      'locals {\n  id = awscc_cognito_user_pool_client.web.client_id\n}\n',
    );
    assert.equal(
      accept('resource "aws_ssm_parameter" "p" {\n  value = awscc_cognito_user_pool_client.web[0].|\n}\n', 'client_id'),
      'resource "aws_ssm_parameter" "p" {\n  value = awscc_cognito_user_pool_client.web[0].client_id\n}\n',
    );
    assert.equal(
      accept('output "o" {\n  value = "${awscc_cognito_user_pool_client.web.|}"\n}\n', 'client_id'),
      'output "o" {\n  value = "${awscc_cognito_user_pool_client.web.client_id}"\n}\n',
    );
  });

  test('nested attributes after an object attribute', () => {
    const { list } = completeSnippet('output "u" {\n  value = awscc_cognito_user_pool_client.web.token_validity_units.|\n}\n');
    assert.deepEqual(labels(list), ['access_token', 'id_token', 'refresh_token']);
  });

  test('the data source: `data.awscc_cognito_user_pool_client.NAME.`', () => {
    const names = labels(completeSnippet('output "o" {\n  value = data.awscc_cognito_user_pool_client.x.|\n}\n').list);
    assert.ok(names.includes('client_id') && names.includes('id'));
  });

  test('after `awscc_cognito_user_pool_client.` the declared clients of the module, from every file', () => {
    const { list } = completeSnippet('output "o" {\n  value = awscc_cognito_user_pool_client.|\n}\n', { otherFiles: { 'clients.tf': mainTf } });
    assert.deepEqual(labels(list), ['web', 'mobile', 'legacy']);
    assert.equal(
      accept('output "o" {\n  value = awscc_cognito_user_pool_client.mo|\n}\n', 'mobile', { otherFiles: { 'clients.tf': mainTf } }),
      'output "o" {\n  value = awscc_cognito_user_pool_client.mobile\n}\n',
    );
  });

  test('references to other types are left to terraform-ls', () => {
    assert.deepEqual(labels(completeSnippet('output "o" {\n  value = aws_cognito_user_pool.main.|\n}\n', { otherFiles: { 'clients.tf': mainTf } }).list), []);
  });
});

describe('user_pool_id values', () => {
  const body = (value: string) => `resource "awscc_cognito_user_pool_client" "new" {\n  user_pool_id = ${value}\n}\n`;
  const pools = [
    'resource "aws_cognito_user_pool" "main" {\n  name = "main"\n}\n',
    'resource "awscc_cognito_user_pool" "next" {\n  user_pool_name = "next"\n}\n',
    'variable "region" {}\nvariable "user_pool_id" {}\n',
  ].join('\n');

  test('pools of the module first (with the attribute holding the pool ID), then variables', () => {
    const { list } = completeSnippet(body('|'), { otherFiles: { 'pools.tf': pools } });
    const order = [...list.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label);
    assert.deepEqual(order, [
      'aws_cognito_user_pool.main.id',
      'awscc_cognito_user_pool.next.user_pool_id',
      'var.user_pool_id',
      'var.region',
    ]);
  });

  test('a partly typed reference is replaced as a whole', () => {
    assert.equal(
      accept(body('awscc_cognito_user_pool.n|'), 'awscc_cognito_user_pool.next.user_pool_id', { otherFiles: { 'pools.tf': pools } }),
      body('awscc_cognito_user_pool.next.user_pool_id'),
    );
    assert.equal(accept(body('var.us|'), 'var.user_pool_id', { otherFiles: { 'pools.tf': pools } }), body('var.user_pool_id'));
  });
});
