// The TextMate grammar in syntaxes/: it must load, every regex must compile, and VS Code's own engine
// must give the fixture's tokens the scopes that themes colour.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTextMate, type Token } from './textmate';

const root = join(__dirname, '..', '..');
const grammarPath = join(root, 'syntaxes', 'terraform.tmLanguage.json');
const grammar = JSON.parse(readFileSync(grammarPath, 'utf8'));
const fixtureLines = readFileSync(join(root, 'test', 'fixtures', 'client', 'highlight.tf'), 'utf8').split('\n');

interface FoundRegex {
  where: string;
  key: 'match' | 'begin' | 'end' | 'while';
  source: string;
}

function collect(node: unknown, where: string, out: FoundRegex[], names: Set<string>, includes: Set<string>): void {
  if (Array.isArray(node)) {
    node.forEach((child, i) => collect(child, `${where}[${i}]`, out, names, includes));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'match' || key === 'begin' || key === 'end' || key === 'while') && typeof value === 'string') {
      out.push({ where, key, source: value });
    } else if ((key === 'name' || key === 'contentName') && typeof value === 'string') {
      for (const scope of value.split(' ')) names.add(scope);
    } else if (key === 'include' && typeof value === 'string') {
      includes.add(value);
    } else {
      collect(value, `${where}.${key}`, out, names, includes);
    }
  }
}

const regexes: FoundRegex[] = [];
const scopeNames = new Set<string>();
const includes = new Set<string>();
collect(grammar, '$', regexes, scopeNames, includes);

// Constructs Oniguruma accepts and JavaScript does not; a pattern using one cannot be checked here.
const onigurumaOnly: Array<[RegExp, string]> = [
  [/\\[AzZGhH]/, 'anchor or class escape that only Oniguruma knows (\\A \\z \\Z \\G \\h \\H)'],
  [/\(\?[imx]+[-:)]/, 'inline option group'],
  [/[*+?}]\+/, 'possessive quantifier'],
  [/\(\?>/, 'atomic group'],
  [/\\p\{\^/, 'negated property shorthand'],
];

describe('TextMate grammar (syntaxes/terraform.tmLanguage.json)', () => {
  test('is registered under the scope name the manifest declares', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const entry = manifest.contributes.grammars.find((g: { path: string }) => g.path.endsWith('terraform.tmLanguage.json'));
    assert.ok(entry, 'package.json contributes the grammar');
    assert.equal(grammar.scopeName, entry.scopeName);
    assert.equal(entry.language, 'terraform');
  });

  test('every regex compiles as a JavaScript RegExp (Oniguruma-only syntax is reported, not hidden)', (t) => {
    assert.ok(regexes.length > 40, `expected a real grammar, found ${regexes.length} regexes`);
    const failures: string[] = [];
    for (const { where, key, source } of regexes) {
      const onigOnly = onigurumaOnly.find(([detector]) => detector.test(source));
      if (onigOnly) {
        const reason = `${where}.${key} uses ${onigOnly[1]}; JavaScript cannot compile it`;
        console.log(`skipped regex check: ${reason}`);
        t.diagnostic(`skipped: ${reason}`);
        continue;
      }
      // An `end` may back-reference the `begin` captures (heredoc markers); the engine substitutes the
      // captured text before compiling, so do the same with a sample word.
      const compiled = key === 'end' || key === 'while' ? source.replace(/\\(\d)/g, 'EOT') : source;
      try {
        new RegExp(compiled, 'u');
      } catch (error) {
        try {
          new RegExp(compiled);
        } catch {
          failures.push(`${where}.${key}: ${source} (${(error as Error).message})`);
        }
      }
    }
    assert.deepEqual(failures, []);
  });

  test('every include points at an existing repository rule', () => {
    const missing = [...includes].filter((ref) => ref.startsWith('#') && !(ref.slice(1) in grammar.repository));
    assert.deepEqual(missing, []);
    const unknownExternal = [...includes].filter((ref) => !ref.startsWith('#') && ref !== '$self' && ref !== '$base');
    assert.deepEqual(unknownExternal, [], 'the grammar must not depend on another extension');
  });

  test('defines the scopes themes colour for each kind of syntax', () => {
    const expected = [
      'comment.line.number-sign.terraform',
      'comment.line.double-slash.terraform',
      'comment.block.terraform',
      'storage.type.block.terraform',
      'entity.name.type.terraform',
      'entity.name.label.terraform',
      'variable.other.property.terraform',
      'string.quoted.double.terraform',
      'string.unquoted.heredoc.terraform',
      'constant.character.escape.terraform',
      'meta.interpolation.terraform',
      'constant.numeric.integer.terraform',
      'constant.numeric.float.terraform',
      'constant.language.terraform',
      'keyword.control.terraform',
      'keyword.operator.comparison.terraform',
      'keyword.operator.logical.terraform',
      'support.function.terraform',
      'variable.language.terraform',
      'variable.other.member.terraform',
    ];
    assert.deepEqual(expected.filter((scope) => !scopeNames.has(scope)), []);
  });
});

describe('TextMate grammar tokenized by VS Code\'s engine', async () => {
  // The engine is a devDependency: if it cannot load, every test below fails rather than skips.
  const tokenizer = await loadTextMate(grammarPath);
  const lines = tokenizer(fixtureLines);

  /** The innermost scope of the first token with this text on the 1-based line. */
  function scopesOf(lineNumber: number, text: string, nth = 0): string[] {
    const found = (lines[lineNumber - 1] ?? []).filter((tok: Token) => tok.text.trim() === text)[nth];
    assert.ok(found, `no token ${JSON.stringify(text)} on line ${lineNumber}: ${fixtureLines[lineNumber - 1]}`);
    return found.scopes;
  }
  const innermost = (line: number, text: string, nth = 0) => scopesOf(line, text, nth).at(-1);

  test('comments of all three kinds', () => {
    assert.ok(scopesOf(1, 'A user pool client with most kinds of syntax the grammar must colour.').includes('comment.line.number-sign.terraform'));
    assert.ok(scopesOf(2, 'slash comment').includes('comment.line.double-slash.terraform'));
    assert.ok(scopesOf(4, 'comment').includes('comment.block.terraform'), 'block comments continue across lines');
  });

  test('block types, resource type and name labels, attribute names', () => {
    assert.equal(innermost(27, 'resource'), 'storage.type.block.terraform');
    assert.equal(innermost(27, 'awscc_cognito_user_pool_client'), 'entity.name.type.terraform');
    assert.ok(scopesOf(27, 'web').includes('string.quoted.double.terraform'), 'the local name is coloured like a string');
    assert.equal(innermost(28, 'user_pool_id'), 'variable.other.property.terraform');
    assert.equal(innermost(41, 'import'), 'storage.type.block.terraform');
    assert.equal(innermost(36, 'lifecycle'), 'storage.type.block.terraform');
    assert.ok(scopesOf(14, 'callback_urls').includes('entity.name.label.terraform'));
  });

  test('strings: escapes, interpolation and a string that ends at the line end', () => {
    assert.equal(innermost(20, '\\n'), 'constant.character.escape.terraform');
    assert.equal(innermost(20, '${'), 'punctuation.section.interpolation.begin.terraform');
    assert.equal(innermost(20, 'var'), 'variable.language.terraform');
    assert.ok(scopesOf(20, 'env').includes('meta.interpolation.terraform'));
    assert.ok(!scopesOf(21, 'flows').some((s) => s.startsWith('string')), 'the previous line closed its string');
  });

  test('heredocs with directives, escapes and the closing marker', () => {
    assert.equal(innermost(47, 'EOT'), 'keyword.control.heredoc-token.terraform');
    assert.equal(innermost(48, 'if'), 'keyword.control.directive.terraform');
    assert.equal(innermost(48, 'endif'), 'keyword.control.directive.terraform');
    assert.equal(innermost(48, 'upper'), 'support.function.terraform');
    assert.equal(innermost(49, '$${'), 'constant.character.escape.template.terraform');
    assert.equal(innermost(50, 'EOT'), 'keyword.control.heredoc-token.terraform');
    assert.ok(!scopesOf(51, '}').some((s) => s.startsWith('string')), 'the heredoc ended at its marker');
  });

  test('numbers, constants, operators, for expressions and function calls', () => {
    assert.equal(innermost(23, '3600'), 'constant.numeric.integer.terraform');
    assert.equal(innermost(23, '1.5e2'), 'constant.numeric.float.terraform');
    assert.equal(innermost(24, 'true'), 'constant.language.terraform');
    assert.equal(innermost(24, 'null'), 'constant.language.terraform');
    assert.equal(innermost(24, '&&'), 'keyword.operator.logical.terraform');
    assert.equal(innermost(24, '=='), 'keyword.operator.comparison.terraform');
    assert.equal(innermost(21, 'for'), 'keyword.control.terraform');
    assert.equal(innermost(21, 'in'), 'keyword.control.terraform');
    assert.equal(innermost(21, 'if'), 'keyword.control.terraform');
    assert.equal(innermost(22, '=>'), 'keyword.operator.arrow.terraform');
    assert.equal(innermost(15, 'list'), 'support.function.terraform');
    assert.equal(innermost(15, 'string'), 'support.type.primitive.terraform');
    assert.equal(innermost(54, 'provider::awscc::arn_parse'), 'support.function.terraform');
  });

  test('references: named values, resource addresses and splats', () => {
    assert.equal(innermost(30, 'local'), 'variable.language.terraform');
    assert.equal(innermost(30, 'flows'), 'variable.other.member.terraform');
    assert.equal(innermost(42, 'awscc_cognito_user_pool_client'), 'variable.other.readwrite.terraform');
    assert.equal(innermost(31, '*'), 'keyword.operator.splat.terraform');
  });

  test('survives hostile input: unbalanced braces, stray quotes, emoji, long lines', () => {
    const hostile = ['resource "x" {{{{ "', '}}}}] ) ${ %{ <<EOT', '"🎉😀 ${"\\u00e9"} \\q', 'a = ' + '"x",'.repeat(5000), '*/ /* ', 'EOT'];
    const result = tokenizer(hostile);
    assert.equal(result.length, hostile.length);
    result.forEach((tokens, i) => {
      assert.equal(tokens.map((tok) => tok.text).join(''), hostile[i], 'tokens cover the line exactly');
    });
  });
});
