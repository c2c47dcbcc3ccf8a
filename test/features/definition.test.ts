import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { definition } from '../../server/src/features/definition';
import { createModuleFromTexts } from '../../server/src/model';
import { withCaret } from '../support/caret';

const FIXTURES = join(__dirname, '..', 'fixtures', 'completion');
const mainTf = readFileSync(join(FIXTURES, 'main.tf'), 'utf8');

/** Line/character of the first `needle` in `text`, counted independently of the server. */
function positionOf(text: string, needle: string) {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, needle);
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

function definitionAt(snippet: string, name = 'imports.tf', marker = '^') {
  const { text, offset } = withCaret(snippet, marker);
  const module = createModuleFromTexts({ 'main.tf': mainTf, [name]: text });
  return definition(module.contextFor(name), offset);
}

describe('go to definition', () => {
  test("from an import's `to` to the resource block in another file, selecting its name label", () => {
    const [link, ...rest] = definitionAt('import {\n  to = awscc_cognito_user_pool_client.mob^ile\n  id = "p|c"\n}\n');
    assert.equal(rest.length, 0);
    assert.ok(link.targetUri.endsWith('/main.tf'));
    assert.deepEqual(link.targetRange.start, positionOf(mainTf, 'resource "awscc_cognito_user_pool_client" "mobile"'));
    const label = positionOf(mainTf, '"mobile"');
    assert.deepEqual(link.targetSelectionRange, { start: label, end: { line: label.line, character: label.character + 8 } });
    assert.deepEqual(link.originSelectionRange, { start: { line: 1, character: 7 }, end: { line: 1, character: 44 } });
  });

  test('from references in outputs, locals and template interpolations', () => {
    for (const snippet of [
      'output "o" {\n  value = awscc_cognito_user_pool_client.we^b.client_id\n}\n',
      'locals {\n  a = awscc_cognito_user_pool_client.web.client_^id\n}\n',
      'output "o" {\n  value = "id: ${awscc_cognito_user_pool_client.web[0].^id}"\n}\n',
    ]) {
      const links = definitionAt(snippet, 'outputs.tf');
      assert.equal(links.length, 1, snippet);
      assert.deepEqual(links[0].targetSelectionRange.start, positionOf(mainTf, '"web"'), snippet);
    }
  });

  test('a data source reference goes to the data block', () => {
    const snippet = 'data "awscc_cognito_user_pool_client" "x" {\n  id = "a|b"\n}\noutput "o" {\n  value = data.awscc_cognito_user_pool_client.x.client_^id\n}\n';
    const [link] = definitionAt(snippet, 'data.tf');
    assert.ok(link.targetUri.endsWith('/data.tf'));
    assert.deepEqual(link.targetRange.start, { line: 0, character: 0 });
  });

  test('unknown names, other types and module addresses resolve to nothing', () => {
    assert.deepEqual(definitionAt('import {\n  to = awscc_cognito_user_pool_client.nope^\n}\n'), []);
    assert.deepEqual(definitionAt('import {\n  to = module.m.awscc_cognito_user_pool_client.web^\n}\n'), []);
    assert.deepEqual(definitionAt('output "o" {\n  value = aws_cognito_user_pool.main.i^d\n}\n'), []);
    assert.deepEqual(definitionAt('output "o" {\n  value = "^"\n}\n'), []);
  });
});
