import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { accept, completeSnippet, labels } from '../../support/completion';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'completion');
const mainTf = readFileSync(join(FIXTURES, 'main.tf'), 'utf8');
const importsTf = readFileSync(join(FIXTURES, 'imports.tf'), 'utf8');
const inImports = { name: 'imports.tf', otherFiles: { 'main.tf': mainTf } };

describe('import block arguments', () => {
  test('to (required) first, then the optional ones', () => {
    const { list } = completeSnippet('import {\n  |\n}\n');
    const order = [...list.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label);
    assert.deepEqual(order, ['to', 'for_each', 'id', 'identity', 'provider']);
  });

  test('arguments already present are left out, and id and identity exclude each other', () => {
    assert.deepEqual(labels(completeSnippet('import {\n  to = awscc_cognito_user_pool_client.web\n  id = "a|b"\n  ^\n}\n', { marker: '^' }).list), [
      'for_each',
      'provider',
    ]);
  });

  test('identity opens an indented object', () => {
    assert.equal(accept('import {\n  |\n}\n', 'identity'), 'import {\n  identity = {\n    \n  }\n}\n');
  });

  test('imports of other resource types are not ours', () => {
    assert.deepEqual(labels(completeSnippet('import {\n  to = aws_instance.x\n  |\n}\n').list), []);
  });
});

describe('import `to` targets', () => {
  test('after `to = ` in imports.tf the clients of main.tf without an import yet are offered', () => {
    const snippet = importsTf.replace('to = \n', 'to = ^\n');
    const at = { ...inImports, marker: '^' };
    const { list } = completeSnippet(snippet, at);
    // `legacy` is already imported by the first block.
    assert.deepEqual(labels(list), ['awscc_cognito_user_pool_client.web', 'awscc_cognito_user_pool_client.mobile']);
    assert.equal(accept(snippet, 'awscc_cognito_user_pool_client.web', at), importsTf.replace('to = \n', 'to = awscc_cognito_user_pool_client.web\n'));
  });

  test('a partly typed address is replaced as a whole', () => {
    const snippet = 'import {\n  to = awscc_cognito_user_pool_client.mo|\n}\n';
    assert.equal(accept(snippet, 'awscc_cognito_user_pool_client.mobile', inImports), 'import {\n  to = awscc_cognito_user_pool_client.mobile\n}\n');
  });

  test("the block's own target is still offered while it is being edited", () => {
    const snippet = 'import {\n  to = awscc_cognito_user_pool_client.legacy|\n}\n';
    assert.deepEqual(labels(completeSnippet(snippet, inImports).list), [
      'awscc_cognito_user_pool_client.web',
      'awscc_cognito_user_pool_client.mobile',
      'awscc_cognito_user_pool_client.legacy',
    ]);
  });
});

describe('import id and identity', () => {
  test('in `id = "` the `<user_pool_id>|<client_id>` shape, with the pool ID of the target prefilled', () => {
    const snippet = 'import {\n  to = awscc_cognito_user_pool_client.web\n  id = "^"\n}\n';
    const { list } = completeSnippet(snippet, { ...inImports, marker: '^' });
    assert.deepEqual(labels(list), ['eu-west-1_AbCdEf123|<client_id>', '<user_pool_id>|<client_id>']);
    assert.equal(
      accept(snippet, 'eu-west-1_AbCdEf123|<client_id>', { ...inImports, marker: '^' }),
      'import {\n  to = awscc_cognito_user_pool_client.web\n  id = "eu-west-1_AbCdEf123|<client_id>"\n}\n',
    );
  });

  test('without a literal pool ID only the generic shape; after `id = ` it brings its quotes; unclosed quote gets closed', () => {
    const to = 'to = awscc_cognito_user_pool_client.mobile';
    assert.deepEqual(labels(completeSnippet(`import {\n  ${to}\n  id = "^"\n}\n`, { ...inImports, marker: '^' }).list), ['<user_pool_id>|<client_id>']);
    assert.equal(
      accept(`import {\n  ${to}\n  id = ^\n}\n`, '<user_pool_id>|<client_id>', { ...inImports, marker: '^' }),
      `import {\n  ${to}\n  id = "<user_pool_id>|<client_id>"\n}\n`,
    );
    assert.equal(
      accept(`import {\n  ${to}\n  id = "^\n}\n`, '<user_pool_id>|<client_id>', { ...inImports, marker: '^' }),
      `import {\n  ${to}\n  id = "<user_pool_id>|<client_id>"\n}\n`,
    );
  });

  test('inside `identity = {` its keys, required first, with the pool ID prefilled when known', () => {
    const snippet = 'import {\n  to = awscc_cognito_user_pool_client.web\n  identity = {\n    |\n  }\n}\n';
    const { list } = completeSnippet(snippet, inImports);
    const order = [...list.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label);
    assert.deepEqual(order, ['user_pool_id', 'client_id', 'account_id', 'region']);
    assert.equal(
      accept(snippet, 'user_pool_id', inImports),
      'import {\n  to = awscc_cognito_user_pool_client.web\n  identity = {\n    user_pool_id = "eu-west-1_AbCdEf123"\n  }\n}\n',
    );
    const withPool = 'import {\n  to = awscc_cognito_user_pool_client.web\n  identity = {\n    user_pool_id = "p"\n    |\n  }\n}\n';
    assert.deepEqual(labels(completeSnippet(withPool, inImports).list), ['client_id', 'account_id', 'region']);
  });

  test('the data source id gets the same shape', () => {
    assert.equal(
      accept('data "awscc_cognito_user_pool_client" "x" {\n  id = "^"\n}\n', '<user_pool_id>|<client_id>', { marker: '^' }),
      'data "awscc_cognito_user_pool_client" "x" {\n  id = "<user_pool_id>|<client_id>"\n}\n',
    );
  });
});

describe('long lists in big modules', () => {
  const many = Array.from({ length: 250 }, (_, i) => `resource "awscc_cognito_user_pool_client" "client_${i}" {\n  user_pool_id = "p"\n}\n`).join('\n');

  test('more than 100 targets: the first 100, marked incomplete so the editor asks again while typing', () => {
    const { list } = completeSnippet('import {\n  to = |\n}\n', { name: 'imports.tf', otherFiles: { 'main.tf': many } });
    assert.equal(list.isIncomplete, true);
    assert.equal(list.items.length, 100);
  });

  test('what is typed narrows the list on the server, matching characters in order like the editor', () => {
    const { list } = completeSnippet('import {\n  to = awscc_cognito_user_pool_client.client_24|\n}\n', { name: 'imports.tf', otherFiles: { 'main.tf': many } });
    assert.equal(list.isIncomplete, true);
    const names = labels(list).map((l) => l.replace('awscc_cognito_user_pool_client.', ''));
    for (let i = 240; i < 250; i++) assert.ok(names.includes(`client_${i}`), `client_${i}`);
    assert.ok(names.includes('client_24') && names.includes('client_124'));
    assert.ok(names.every((n) => /^client_.*2.*4/.test(n)), names.join());
    assert.ok(names.length < 100);
    const refs = labels(completeSnippet('output "o" {\n  value = awscc_cognito_user_pool_client.c7|\n}\n', { otherFiles: { 'b.tf': many } }).list);
    assert.ok(refs.length > 0 && refs.length <= 100);
    assert.ok(refs.every((n) => /^client_.*7/.test(n)), refs.join());
  });

  test('short lists are complete and left to the editor to filter', () => {
    assert.equal(completeSnippet('import {\n  to = |\n}\n', { name: 'imports.tf', otherFiles: { 'main.tf': mainTf } }).list.isIncomplete, false);
  });
});
