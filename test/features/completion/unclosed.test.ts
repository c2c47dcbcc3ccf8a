// Completion and hover while a block is still open: its closing brace (and any enclosing ones) not typed
// yet, at the end of the file or with the next top-level block following. Editors without auto-closing
// brackets (Neovim, Helix, Emacs) and pasted text live in this state.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { accept, completeSnippet, labels } from '../../support/completion';
import { withCaret } from '../../support/caret';
import { contextFor } from '../../support/context';
import { hover } from '../../../server/src/features/hover';
import { parse } from '../../../server/src/parser';
import { checkUnclosed, unclosedCorpus } from '../../support/unclosedBlocks';

const CLIENT = 'resource "awscc_cognito_user_pool_client" "x" {\n';
const NEXT = '\nresource "awscc_cognito_user_pool_client" "next" {\n  user_pool_id = "eu-west-1_Abc"\n}\n';
const IMPORT_NEXT = '\nimport {\n  to = awscc_cognito_user_pool_client.next\n  identity = {\n    user_pool_id = "eu-west-1_Abc"\n    client_id    = "abc"\n  }\n}\n';

describe('a new client block without its closing brace', () => {
  for (const [where, after] of [['at the end of the file', ''], ['before the next block', NEXT], ['before an import block', IMPORT_NEXT]]) {
    test(`attribute names ${where}`, () => {
      assert.equal(accept(`${CLIENT}  |${after}`, 'client_name'), `${CLIENT}  client_name = ""${after}`);
      const names = labels(completeSnippet(`${CLIENT}  user_pool_id = "p"\n  |${after}`).list);
      assert.ok(names.includes('generate_secret') && !names.includes('user_pool_id'), names.join(','));
    });

    test(`keys of an unclosed token_validity_units ${where}`, () => {
      const snippet = `${CLIENT}  token_validity_units = {\n    |${after}`;
      assert.deepEqual(labels(completeSnippet(snippet).list).sort(), ['access_token', 'id_token', 'refresh_token']);
      assert.equal(accept(snippet, 'id_token'), `${CLIENT}  token_validity_units = {\n    id_token = "seconds"${after}`);
    });

    test(`values after = ${where}`, () => {
      assert.equal(accept(`${CLIENT}  prevent_user_existence_errors = |${after}`, 'ENABLED'), `${CLIENT}  prevent_user_existence_errors = "ENABLED"${after}`);
    });

    test(`a list left open ${where}`, () => {
      const snippet = `${CLIENT}  explicit_auth_flows = [\n    "ALLOW_USER_SRP_AUTH",\n    |${after}`;
      const names = labels(completeSnippet(snippet).list);
      assert.ok(names.includes('ALLOW_REFRESH_TOKEN_AUTH') && !names.includes('ALLOW_USER_SRP_AUTH'), names.join(','));
    });
  }

  test('the missing brace is still reported as a syntax error', () => {
    const messages = parse(`${CLIENT}  client_name = "a"\n${NEXT}`).diagnostics.map((d) => d.message);
    assert.deepEqual(messages, ['Missing closing brace']);
  });

  test('a nested block left open: nothing from the client schema inside lifecycle, as when it is closed', () => {
    assert.deepEqual(labels(completeSnippet(`${CLIENT}  lifecycle {\n    |${NEXT}`).list), labels(completeSnippet(`${CLIENT}  lifecycle {\n    |\n  }\n}\n${NEXT}`).list));
  });

  test('a comment after the last token does not end the block', () => {
    assert.ok(labels(completeSnippet(`${CLIENT}  client_name = "a" # the web app\n  |${NEXT}`).list).includes('generate_secret'));
  });
});

describe('an import block without its closing brace', () => {
  for (const [where, after] of [['at the end of the file', ''], ['before the next block', NEXT]]) {
    test(`its arguments ${where}`, () => {
      assert.equal(accept(`import {\n  |${after}`, 'to'), `import {\n  to = ${after}`);
    });

    test(`to = offers client addresses ${where}`, () => {
      const other = { 'clients.tf': 'resource "awscc_cognito_user_pool_client" "web" {\n  user_pool_id = "eu-west-1_Abc"\n}\n' };
      assert.equal(accept(`import {\n  to = |${after}`, 'awscc_cognito_user_pool_client.web', { otherFiles: other }), `import {\n  to = awscc_cognito_user_pool_client.web${after}`);
    });

    test(`identity keys in an unclosed identity = { ${where}`, () => {
      const snippet = `import {\n  to = awscc_cognito_user_pool_client.next\n  identity = {\n    |${after}`;
      const names = labels(completeSnippet(snippet, { otherFiles: after ? {} : { 'n.tf': NEXT } }).list);
      assert.deepEqual(names.slice(0, 2), ['user_pool_id', 'client_id']);
    });
  }

  test('hover on an argument of an unclosed import block', () => {
    const { text, offset } = withCaret(`import {\n  to = awscc_cognito_user_pool_client.next\n  ide|ntity = {\n    user_pool_id = "p"\n${NEXT}`);
    assert.match(hover(contextFor(text), offset)?.contents ?? '', /identity/);
  });
});

describe('property: removing the closing braces after the caret keeps completion and hover the same', () => {
  // A sample here (every 13th position, and every position before a closing brace); every position under npm run fuzz.
  for (const corpus of unclosedCorpus()) {
    test(corpus.name, () => {
      const offsets: number[] = [];
      for (let i = 0; i <= corpus.text.length; i++) if (i % 13 === 0 || /^\s*\}/.test(corpus.text.slice(i, i + 8))) offsets.push(i);
      const result = checkUnclosed(corpus, offsets);
      assert.deepEqual(result.failures.slice(0, 5), []);
      // Not vacuous: some of the checked places are inside blocks and get items.
      if (corpus.name.includes('cognito') || corpus.name.startsWith('completion/')) assert.ok(result.nonEmpty > 0, `${result.nonEmpty} of ${result.cases}`);
    });
  }
});
