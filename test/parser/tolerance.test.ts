// Broken input: the parser always returns a tree plus diagnostics, and damage stays inside the enclosing
// top-level block, so a block after the damage parses exactly as it would on its own.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, type Attribute, type Block, type Expression, type HclFile, type Traversal } from '../../server/src/parser';
import { treeProblems } from '../support/treeInvariants';

const LATER = 'resource "awscc_cognito_user_pool_client" "later" {\n  client_name = "later"\n  user_pool_id = var.pool\n}\n';

/** The `later` block is present, closed and has both attributes with their values. */
function assertLaterIntact(file: HclFile): void {
  const later = file.body.items.find((i): i is Block => i.kind === 'Block' && i.labels[1]?.value === 'later');
  assert.ok(later, 'the later block is missing');
  assert.ok(later.closeBrace > 0, 'the later block is not closed');
  const attrs = later.body.items as Attribute[];
  assert.deepEqual(attrs.map((a) => a.name.name), ['client_name', 'user_pool_id']);
  assert.equal(attrs[0].value.kind === 'String' && attrs[0].value.value, 'later');
  assert.equal(attrs[1].value.kind, 'Traversal');
  assert.ok(file.diagnostics.every((d) => d.start < later.start), 'a diagnostic leaked into the later block');
}

function broken(src: string): HclFile {
  const file = parse(src + LATER);
  assert.deepEqual(treeProblems(file), []);
  assert.ok(file.diagnostics.length > 0, 'expected at least one diagnostic');
  return file;
}

function messages(file: HclFile): string[] {
  return file.diagnostics.map((d) => d.message);
}

describe('half-typed attributes', () => {
  test('a name alone', () => {
    const src = 'resource "a" "b" {\n  client_na\n}\n';
    const file = broken(src);
    assertLaterIntact(file);
    assert.deepEqual(messages(file), ["Missing '=' or block body"]);
    const attr = (file.body.items[0] as Block).body.items[0] as Attribute;
    assert.equal(attr.name.name, 'client_na');
    assert.equal(attr.equals, -1);
    assert.equal(attr.value.kind, 'Invalid');
    assert.equal(file.diagnostics[0].start, src.indexOf('client_na') + 'client_na'.length);
  });

  test('a name and an equals sign', () => {
    const src = 'resource "a" "b" {\n  client_name =\n  other = 1\n}\n';
    const file = broken(src);
    assertLaterIntact(file);
    assert.deepEqual(messages(file), ['Missing expression']);
    const at = src.indexOf('=') + 1;
    assert.deepEqual([file.diagnostics[0].start, file.diagnostics[0].end], [at, at]);
    assert.deepEqual(((file.body.items[0] as Block).body.items as Attribute[]).map((a) => a.name.name), ['client_name', 'other']);
  });
});

describe('unclosed brackets', () => {
  test('an unclosed block brace recovers at the next top-level header', () => {
    const src = 'resource "a" "b" {\n  client_name = "x"\n\n';
    const file = broken(src);
    assertLaterIntact(file);
    assert.deepEqual(messages(file), ['Missing closing brace']);
    assert.equal(file.diagnostics[0].start, src.indexOf('{'));
    const first = file.body.items[0] as Block;
    assert.equal(first.closeBrace, -1);
    assert.equal(((first.body.items[0] as Attribute).value as { value: string }).value, 'x');
  });

  test('an unclosed nested block brace', () => {
    const file = broken('resource "a" "b" {\n  token_validity_units {\n    access_token = "hours"\n}\n');
    assertLaterIntact(file);
    assert.deepEqual(messages(file), ['Missing closing brace']);
  });

  for (const [opener, message] of [['[', 'Missing closing bracket'], ['(', 'Missing closing parenthesis'], ['{', 'Missing closing brace']] as const) {
    test(`an unclosed ${opener} in a value`, () => {
      const file = broken(`resource "a" "b" {\n  explicit_auth_flows = ${opener}"ALLOW_USER_SRP_AUTH"\n  other = 1\n}\n`);
      assertLaterIntact(file);
      assert.ok(messages(file).includes(message), messages(file).join(', '));
    });
  }

  test('an unclosed quote ends at its line end', () => {
    const src = 'resource "a" "b" {\n  client_name = "unterminated\n  other = 2\n}\n';
    const file = broken(src);
    assertLaterIntact(file);
    assert.deepEqual(messages(file), ['Unterminated string']);
    const block = file.body.items[0] as Block;
    assert.ok(block.closeBrace > 0, 'the block itself still closes');
    const [name, other] = block.body.items as Attribute[];
    assert.equal(name.value.kind === 'String' && !name.value.closed && name.value.value, 'unterminated');
    assert.equal(other.name.name, 'other');
  });

  test('an unclosed interpolation', () => {
    const file = broken('resource "a" "b" {\n  client_name = "${var.x"\n}\n');
    assertLaterIntact(file);
  });

  test('an unterminated heredoc is reported', () => {
    const file = parse('x = <<EOT\nnever closed\n');
    assert.deepEqual(messages(file), ['Unterminated heredoc']);
  });

  test('an unclosed block comment is reported', () => {
    const file = parse('a = 1\n/* never closed\nb = 2\n');
    assert.deepEqual(messages(file), ['Unclosed comment']);
    assert.equal(file.body.items.length, 1);
  });
});

describe('stray tokens', () => {
  test('a stray closing brace at the top level', () => {
    const file = broken('}\n');
    assertLaterIntact(file);
    assert.deepEqual(messages(file), ['Unexpected closing brace']);
  });

  test('a stray character inside a block', () => {
    const file = broken('resource "a" "b" {\n  @@\n  ok = 1\n}\n');
    assertLaterIntact(file);
    assert.ok(messages(file).includes('Invalid character'));
    assert.ok(((file.body.items[0] as Block).body.items as Attribute[]).some((a) => a.name.name === 'ok'));
  });

  test('two arguments on one line', () => {
    const file = broken('resource "a" "b" {\n  a = 1 b = 2\n}\n');
    assertLaterIntact(file);
    assert.deepEqual(messages(file), ['Missing newline after argument']);
  });

  test('a quoted string where an argument name belongs', () => {
    const file = broken('resource "a" "b" {\n  "quoted" = 1\n}\n');
    assertLaterIntact(file);
    assert.deepEqual(messages(file), ['Argument or block definition required']);
  });

  test('an invalid expression token', () => {
    const file = broken('resource "a" "b" {\n  a = *\n}\n');
    assertLaterIntact(file);
    assert.deepEqual(messages(file), ['Invalid expression']);
  });
});

describe('for expressions', () => {
  test('`for` after an opening brace always starts a for expression (as in HCL); one problem is reported', () => {
    const file = broken('locals {\n  a = { for = 1 }\n  b = 2\n}\n');
    assertLaterIntact(file);
    assert.deepEqual(messages(file), ['Missing variable name after "for"']);
    assert.deepEqual(((file.body.items[0] as Block).body.items as Attribute[]).map((a) => a.name.name), ['a', 'b']);
  });
});

describe('completion support', () => {
  test('a trailing dot yields an empty GetAttr step', () => {
    const src = 'import {\n  to = awscc_cognito_user_pool_client.x.\n  id = "a|b"\n}\n';
    const file = broken(src);
    assertLaterIntact(file);
    const to = ((file.body.items[0] as Block).body.items[0] as Attribute).value as Traversal;
    assert.equal(to.kind, 'Traversal');
    const last = to.steps[to.steps.length - 1];
    assert.deepEqual(last, { kind: 'GetAttr', start: src.indexOf('x.') + 1, end: src.indexOf('x.') + 2, name: '', nameStart: src.indexOf('x.') + 2 });
    assert.deepEqual(messages(file), ['Invalid attribute name']);
  });
});

describe('hostile nesting', () => {
  for (const opener of ['[', '(', '{', '"${', '!', '-', 'a {\n']) {
    test(`100,000 nested ${JSON.stringify(opener)} give a diagnostic, not a stack overflow`, () => {
      const prefix = opener.endsWith('\n') ? '' : 'x = ';
      const src = prefix + opener.repeat(100_000) + '\n' + LATER;
      const file = parse(src);
      assert.ok(messages(file).includes('Nesting too deep'), messages(file).slice(0, 3).join(', '));
      assert.ok(file.diagnostics.length < 50, `${file.diagnostics.length} diagnostics`);
      assertLaterIntact(file);
    });
  }

  test('a chain of 100,000 binary operators gives a diagnostic (the tree would be 100,000 levels deep)', () => {
    const src = 'x = ' + '1 + '.repeat(100_000) + '1\n' + LATER;
    const file = parse(src);
    assert.deepEqual(messages(file), ['Nesting too deep']);
    assertLaterIntact(file);
    let depth = 0;
    for (let e = (file.body.items[0] as { value: Expression }).value; e.kind === 'Binary'; e = e.left) depth++;
    assert.ok(depth > 200 && depth <= 256, `chain depth ${depth}`);
  });

  test('a chain of 200 operators is still an ordinary expression', () => {
    const file = parse('x = ' + '1 + '.repeat(200) + '1\n');
    assert.deepEqual(messages(file), []);
  });
});
