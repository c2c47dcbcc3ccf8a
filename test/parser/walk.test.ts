// The generic walker, the node path at a caret, static strings and the formatter's token stream.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachChild, nodePathAt, parse, staticString, tokenize, TOKEN_NAMES, TokenKind, type Attribute, type Block, type Node } from '../../server/src/parser';

describe('forEachChild', () => {
  test('visits children in source order', () => {
    const file = parse('resource "a" "b" {\n  x = f(1, [2, y.z], "${w}")\n}\n');
    const seen: string[] = [];
    const walk = (n: Node) => {
      seen.push(n.kind);
      forEachChild(n, walk);
    };
    walk(file.body);
    assert.deepEqual(seen, [
      'Body', 'Block', 'Identifier', 'Label', 'Label', 'Body', 'Attribute', 'Identifier', 'FunctionCall', 'Identifier', 'Literal', 'Tuple',
      'Literal', 'Traversal', 'Variable', 'GetAttr', 'Template', 'TemplateInterpolation', 'Variable',
    ]);
  });
});

describe('nodePathAt', () => {
  const src = 'import {\n  to = awscc_cognito_user_pool_client.web\n}\n';
  const file = parse(src);

  test('descends from the body to the innermost node', () => {
    const path = nodePathAt(file, src.indexOf('web') + 1);
    assert.deepEqual(path.map((n) => n.kind), ['Body', 'Block', 'Body', 'Attribute', 'Traversal', 'GetAttr']);
  });

  test('a caret right after a token is in it (end inclusive)', () => {
    const path = nodePathAt(file, src.indexOf('web') + 3);
    assert.equal(path[path.length - 1].kind, 'GetAttr');
  });

  test('between items only the body contains the offset', () => {
    const two = parse('a = 1\n\nb = 2\n');
    assert.deepEqual(nodePathAt(two, 6).map((n) => n.kind), ['Body']);
  });

  test('works on incomplete trees: a trailing dot', () => {
    const broken = 'import {\n  to = awscc_cognito_user_pool_client.\n}\n';
    const f = parse(broken);
    const path = nodePathAt(f, broken.indexOf('client.') + 'client.'.length);
    const last = path[path.length - 1];
    assert.equal(last.kind, 'GetAttr');
    assert.equal(last.kind === 'GetAttr' && last.name, '');
  });

  test('inside a block label', () => {
    const f = parse('resource "awscc_cognito_user_pool_client" "x" {}\n');
    const path = nodePathAt(f, 12);
    assert.equal(path[path.length - 1].kind, 'Label');
  });
});

describe('staticString', () => {
  const value = (src: string) => (parse(`x = ${src}\n`).body.items[0] as Attribute).value;
  test('plain strings, literal-only templates and heredocs', () => {
    assert.equal(staticString(value('"a\\tb"')), 'a\tb');
    assert.equal(staticString(value('<<EOT\nhello\nEOT')), 'hello\n');
  });
  test('anything dynamic is undefined', () => {
    assert.equal(staticString(value('"a${b}"')), undefined);
    assert.equal(staticString(value('var.x')), undefined);
    assert.equal(staticString(value('1')), undefined);
  });
});

describe('tokenize', () => {
  test('kinds and offsets, with comments and line breaks, ending in EOF', () => {
    const src = 'a = "x${y}" # c\n';
    const t = tokenize(src);
    const rows = Array.from({ length: t.count }, (_, i) => [TOKEN_NAMES[t.kinds[i]], src.slice(t.starts[i], t.ends[i])]);
    assert.deepEqual(rows, [
      ['Ident', 'a'], ['Equal', '='], ['OQuote', '"'], ['QuotedLit', 'x'], ['TemplateInterp', '${'], ['Ident', 'y'], ['TemplateSeqEnd', '}'],
      ['CQuote', '"'], ['Comment', '# c'], ['Newline', '\n'], ['EOF', ''],
    ]);
    assert.equal(t.kinds[t.count - 1], TokenKind.EOF);
  });

  test('heredocs: opener, literal lines, closing marker', () => {
    const src = 'h = <<-EOT\n  a\n  EOT\n';
    const t = tokenize(src);
    const names = Array.from({ length: t.count }, (_, i) => TOKEN_NAMES[t.kinds[i]]);
    assert.deepEqual(names, ['Ident', 'Equal', 'OHeredoc', 'StringLit', 'CHeredoc', 'Newline', 'EOF']);
  });

  test('the returned arrays are independent of later parses', () => {
    const t = tokenize('a = 1\n');
    parse('b = [1, 2, 3]\n');
    assert.equal(TOKEN_NAMES[t.kinds[0]], 'Ident');
    assert.equal(t.count, 5);
  });
});

describe('blocks', () => {
  test('block ranges cover type to closing brace', () => {
    const src = '  locals {\n    a = 1\n  }\n';
    const f = parse(src);
    const b = f.body.items[0] as Block;
    assert.equal(src.slice(b.start, b.end), 'locals {\n    a = 1\n  }');
  });
});
