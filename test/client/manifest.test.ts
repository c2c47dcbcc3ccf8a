// The extension manifest and the static files it points at: what VS Code reads before any code runs.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const languageConfiguration = JSON.parse(readFileSync(join(root, 'language-configuration.json'), 'utf8'));

describe('extension manifest', () => {
  test('activation reads no AWS SDK: the live part is its own bundle, shipped in the .vsix', () => {
    // npm test builds dist/ first; without a build there is nothing to check.
    const client = join(root, 'dist', 'client.js');
    assert.ok(existsSync(client), 'dist/client.js exists (npm test builds it)');
    assert.doesNotMatch(readFileSync(client, 'utf8'), /ListUserPoolClientsCommand/, 'the Cognito SDK is not in the entry bundle');
    assert.match(readFileSync(join(root, 'dist', 'live.js'), 'utf8'), /ListUserPoolClientsCommand/);
    assert.match(readFileSync(join(root, '.vscodeignore'), 'utf8'), /^!dist\/live\.js$/m);
  });

  test('the .vsix ships every bundle of the language server: the loader and the two bundles it runs', () => {
    const shipped = readFileSync(join(root, '.vscodeignore'), 'utf8');
    for (const bundle of ['server.js', 'serverMain.js', 'serverCore.js']) {
      assert.ok(existsSync(join(root, 'dist', bundle)), `dist/${bundle} is built`);
      assert.match(shipped, new RegExp(`^!dist/${bundle.replace('.', '\\.')}$`, 'm'), `dist/${bundle} is packaged`);
    }
    // The files the loader names are these (serverLoader.ts runs serverMain.js; server.ts requires ./serverCore).
    assert.match(readFileSync(join(root, 'dist', 'server.js'), 'utf8'), /"serverCore\.js"/);
  });

  test('activates lazily on Terraform files and starts from the bundled client', () => {
    assert.deepEqual(manifest.activationEvents, ['onLanguage:terraform']);
    assert.equal(manifest.main, './dist/client.js');
  });

  test('contributes the terraform language for .tf files with a configuration that exists', () => {
    const language = manifest.contributes.languages.find((l: { id: string }) => l.id === 'terraform');
    assert.ok(language, 'the terraform language id, the same id HashiCorp uses so the two merge');
    assert.ok(language.extensions.includes('.tf'));
    assert.ok(language.aliases.includes('Terraform'), 'the language mode shows as "Terraform"');
    assert.ok(existsSync(join(root, language.configuration)));
  });

  test('every contributed grammar file exists', () => {
    for (const { path } of manifest.contributes.grammars) assert.ok(existsSync(join(root, path)), path);
  });

  test('no snippets file is contributed: VS Code would offer its blocks everywhere, completion offers them at the top level only', () => {
    assert.equal(manifest.contributes.snippets, undefined);
  });

  test('the restart command is contributed', () => {
    const ids = manifest.contributes.commands.map((c: { command: string }) => c.command);
    assert.ok(ids.includes('awsccCognito.restartServer'));
  });
});

describe('language configuration', () => {
  test('uses # line comments and /* */ block comments', () => {
    assert.equal(languageConfiguration.comments.lineComment, '#');
    assert.deepEqual(languageConfiguration.comments.blockComment, ['/*', '*/']);
  });

  test('pairs every bracket and auto-closes strings and template openers', () => {
    const brackets = languageConfiguration.brackets.map((pair: string[]) => pair.join(''));
    assert.deepEqual(brackets.sort(), ['()', '[]', '{}']);
    const opens = languageConfiguration.autoClosingPairs.map((p: { open: string }) => p.open);
    for (const open of ['{', '[', '(', '"', '${', '%{']) assert.ok(opens.includes(open), open);
    const quote = languageConfiguration.autoClosingPairs.find((p: { open: string }) => p.open === '"');
    assert.ok(quote.notIn.includes('string'), 'no second quote is added inside a string');
  });

  test('its regexes compile and the word pattern keeps identifiers and ids whole', () => {
    const word = new RegExp(languageConfiguration.wordPattern, 'g');
    for (const text of ['explicit_auth_flows', 'us-east-1_AbCdEf123']) assert.deepEqual(text.match(word), [text]);
    assert.deepEqual('a.b'.match(word), ['a', 'b'], 'a reference splits at the dot');
    new RegExp(languageConfiguration.indentationRules.increaseIndentPattern);
    new RegExp(languageConfiguration.indentationRules.decreaseIndentPattern);
    assert.match('resource "a" "b" {', new RegExp(languageConfiguration.indentationRules.increaseIndentPattern));
    assert.match('  }', new RegExp(languageConfiguration.indentationRules.decreaseIndentPattern));
  });
});
