import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { InsertTextFormat } from 'vscode-languageserver-types';
import { accept, applyCompletion, completeSnippet, labels } from '../../support/completion';

describe('completion of the type label after resource " and data "', () => {
  test('after `resource "` (quote not closed) the type is inserted with its closing quote', () => {
    const { list } = completeSnippet('resource "|');
    const plain = list.items.find((i) => i.label === 'awscc_cognito_user_pool_client' && i.insertTextFormat !== InsertTextFormat.Snippet);
    assert.ok(plain, JSON.stringify(labels(list)));
    assert.match(String((plain.documentation as { value: string }).value), /AWS::Cognito::UserPoolClient/);
  });

  test('the plain item completes a typed prefix inside auto-closed quotes', () => {
    const { list, text } = completeSnippet('resource "awscc_co|" "web" {\n}\n');
    const plain = list.items.find((i) => i.insertTextFormat !== InsertTextFormat.Snippet)!;
    assert.equal(plain.textEdit && 'range' in plain.textEdit ? plain.textEdit.range.start.character : -1, 10);
    assert.equal(
      text.slice(0, 10) + plain.textEdit!.newText + text.slice(18),
      'resource "awscc_cognito_user_pool_client" "web" {\n}\n',
    );
    // Once the block has a name label and a body, no whole-block snippet is offered.
    assert.equal(list.items.length, 1);
  });

  test('the block snippet writes the header, the name placeholder and the required user_pool_id', () => {
    const { list, text } = completeSnippet('resource "|"');
    const snippet = list.items.find((i) => i.insertTextFormat === InsertTextFormat.Snippet);
    assert.ok(snippet);
    assert.equal(
      applyCompletion(text, snippet),
      'resource "awscc_cognito_user_pool_client" "name" {\n  user_pool_id = \n}',
    );
  });

  test('for data sources the snippet asks for the `<user_pool_id>|<client_id>` id', () => {
    const { list, text } = completeSnippet('data "aws|');
    const snippet = list.items.find((i) => i.insertTextFormat === InsertTextFormat.Snippet)!;
    assert.equal(
      applyCompletion(text, snippet),
      'data "awscc_cognito_user_pool_client" "name" {\n  id = "<user_pool_id>|<client_id>"\n}',
    );
    assert.equal(accept('data "aws|', 'awscc_cognito_user_pool_client'), 'data "awscc_cognito_user_pool_client"');
  });

  test('nothing is offered in the second label or in other block types', () => {
    assert.deepEqual(labels(completeSnippet('resource "awscc_cognito_user_pool_client" "|"').list), []);
    assert.deepEqual(labels(completeSnippet('module "|"').list), []);
  });
});

