// The parser on each construct of HCL native syntax: node kinds, decoded values and exact offsets.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, staticString, type Attribute, type Block, type Expression, type HclFile } from '../../server/src/parser';

function valueOf(src: string): { value: Expression; file: HclFile } {
  const file = parse(`x = ${src}\n`);
  assert.deepEqual(file.diagnostics, [], `unexpected diagnostics for ${src}`);
  const attr = file.body.items[0] as Attribute;
  return { value: attr.value, file };
}

function value(src: string): Expression {
  return valueOf(src).value;
}

/** The source text a node covers (offsets are into `x = <src>\n`). */
function covered(src: string, node: { start: number; end: number }): string {
  return `x = ${src}\n`.slice(node.start, node.end);
}

describe('structure', () => {
  test('attributes and blocks with quoted and bare labels', () => {
    const src = 'resource "awscc_cognito_user_pool_client" web {\n  client_name = "web"\n}\n';
    const file = parse(src);
    assert.deepEqual(file.diagnostics, []);
    const block = file.body.items[0] as Block;
    assert.equal(block.kind, 'Block');
    assert.equal(block.type.name, 'resource');
    assert.deepEqual(block.labels.map((l) => [l.value, l.quoted, l.closed]), [['awscc_cognito_user_pool_client', true, true], ['web', false, true]]);
    assert.equal(src.slice(block.labels[0].start, block.labels[0].end), '"awscc_cognito_user_pool_client"');
    assert.equal(block.openBrace, src.indexOf('{'));
    assert.equal(block.closeBrace, src.lastIndexOf('}'));
    assert.equal(block.end, src.lastIndexOf('}') + 1);
    const attr = block.body.items[0] as Attribute;
    assert.equal(attr.name.name, 'client_name');
    assert.equal(attr.equals, src.indexOf('='));
    assert.equal(src.slice(attr.start, attr.end), 'client_name = "web"');
  });

  test('one-line blocks, empty blocks and nested blocks', () => {
    const file = parse('a { b = 1 }\nc {}\nd "x" {\n  e {\n    f = 2\n  }\n}\n');
    assert.deepEqual(file.diagnostics, []);
    const [a, c, d] = file.body.items as Block[];
    assert.equal((a.body.items[0] as Attribute).name.name, 'b');
    assert.equal(c.body.items.length, 0);
    const e = d.body.items[0] as Block;
    assert.equal(e.type.name, 'e');
    assert.equal(((e.body.items[0] as Attribute).value as { value: number }).value, 2);
  });

  test('any number of labels', () => {
    const file = parse('a "1" "2" "3" four {\n}\n');
    assert.deepEqual((file.body.items[0] as Block).labels.map((l) => l.value), ['1', '2', '3', 'four']);
  });

  test('identifiers may contain dashes and unicode letters', () => {
    const file = parse('foo-bar = 1\nnaïve_名前 = 2\n');
    assert.deepEqual(file.diagnostics, []);
    assert.deepEqual(file.body.items.map((i) => (i as Attribute).name.name), ['foo-bar', 'naïve_名前']);
  });
});

describe('literals', () => {
  test('numbers including fractions and exponents', () => {
    for (const [src, expected] of [['0', 0], ['42', 42], ['3.25', 3.25], ['1e3', 1000], ['2.5E-2', 0.025], ['6e+2', 600], ['007', 7]] as const) {
      const v = value(src);
      assert.equal(v.kind, 'Literal', src);
      assert.equal((v as { value: number }).value, expected, src);
    }
  });

  test('true, false and null', () => {
    assert.deepEqual([value('true'), value('false'), value('null')].map((v) => (v as { value: unknown }).value), [true, false, null]);
  });

  test('a plain quoted string is one lean String node', () => {
    const v = value('"hello"');
    assert.deepEqual(v, { kind: 'String', start: 4, end: 11, value: 'hello', closed: true });
  });

  test('escapes are decoded', () => {
    const v = value('"a\\nb\\tc\\"d\\\\e\\u00e9\\U0001F600 $${x} %%{y}"');
    assert.equal(v.kind, 'String');
    assert.equal(staticString(v), 'a\nb\tc"d\\eé😀 ${x} %{y}');
  });

  test('an invalid escape is reported on the escape', () => {
    const file = parse('x = "a\\qb"\n');
    assert.equal(file.diagnostics.length, 1);
    assert.equal(file.diagnostics[0].message, 'Invalid escape sequence');
    assert.equal(file.text.slice(file.diagnostics[0].start, file.diagnostics[0].end), '\\q');
  });
});

describe('templates', () => {
  test('interpolations split a string into parts', () => {
    const src = '"web-${var.env}-x"';
    const v = value(src);
    assert.equal(v.kind, 'Template');
    if (v.kind !== 'Template') return;
    assert.deepEqual(v.parts.map((p) => p.kind), ['TemplateLiteral', 'TemplateInterpolation', 'TemplateLiteral']);
    assert.equal(covered(src, v.parts[1]), '${var.env}');
    assert.equal(staticString(v), undefined);
  });

  test('strip markers trim the neighbouring literals', () => {
    const v = value('"a  ${~ b ~}  c"');
    if (v.kind !== 'Template') throw new Error('expected a template');
    const [left, interp, right] = v.parts;
    assert.equal(left.kind === 'TemplateLiteral' && left.value, 'a');
    assert.equal(interp.kind === 'TemplateInterpolation' && interp.stripLeft && interp.stripRight, true);
    assert.equal(right.kind === 'TemplateLiteral' && right.value, 'c');
  });

  test('if/else and for directives', () => {
    const v = value('"%{ if a }yes%{ else }no%{ endif }|%{ for k, v in m }${k}%{ endfor }"');
    if (v.kind !== 'Template') throw new Error('expected a template');
    const [ifd, , ford] = v.parts;
    assert.equal(ifd.kind, 'TemplateDirective');
    if (ifd.kind !== 'TemplateDirective' || ford.kind !== 'TemplateDirective') return;
    assert.equal(ifd.directive, 'if');
    assert.equal(staticString({ kind: 'Template', start: 0, end: 0, parts: ifd.then, closed: true }), 'yes');
    assert.equal(ifd.else?.length, 1);
    assert.equal(ford.directive, 'for');
    assert.equal(ford.keyVar?.name, 'k');
    assert.equal(ford.valueVar?.name, 'v');
  });

  test('heredocs keep their text; <<- removes the common indentation', () => {
    const plain = value('<<EOT\n  a\n    b\nEOT');
    assert.equal(staticString(plain), '  a\n    b\n');
    assert.deepEqual(plain.kind === 'Template' && plain.heredoc, { marker: 'EOT', indented: false });
    const indented = value('<<-EOT\n    a\n      b\n\n    c\n  EOT');
    assert.equal(staticString(indented), 'a\n  b\n\nc\n');
  });

  test('heredoc backslashes are literal and interpolations work', () => {
    const v = value('<<EOT\nraw \\n ${name} $${kept}\nEOT');
    if (v.kind !== 'Template') throw new Error('expected a template');
    assert.deepEqual(v.parts.map((p) => p.kind), ['TemplateLiteral', 'TemplateInterpolation', 'TemplateLiteral']);
    assert.equal(v.parts[0].kind === 'TemplateLiteral' && v.parts[0].value, 'raw \\n ');
    assert.equal(v.parts[2].kind === 'TemplateLiteral' && v.parts[2].value, ' ${kept}\n');
  });
});

describe('collections', () => {
  test('tuples across lines with a trailing comma', () => {
    const v = value('[\n  1,\n  "two",\n]');
    assert.equal(v.kind, 'Tuple');
    assert.equal(v.kind === 'Tuple' && v.items.length, 2);
  });

  test('objects with bare, quoted and parenthesised keys, = and : separators, commas or newlines', () => {
    const src = '{\n  a = 1\n  "b c" : 2, (var.k) = 3\n}';
    const v = value(src);
    if (v.kind !== 'Object') throw new Error('expected an object');
    assert.deepEqual(v.items.map((i) => i.key.kind), ['Variable', 'String', 'Parens']);
    assert.deepEqual(v.items.map((i) => covered(src, i)), ['a = 1', '"b c" : 2', '(var.k) = 3']);
  });
});

describe('operators', () => {
  test('binary precedence: || < && < ==,!= < <,>,<=,>= < +,- < *,/,%', () => {
    const v = value('a || b && c == d < e + f * g');
    const shape = (e: Expression): unknown => (e.kind === 'Binary' ? [shape(e.left), e.operator, shape(e.right)] : e.kind === 'Variable' ? e.name : e.kind);
    assert.deepEqual(shape(v), ['a', '||', ['b', '&&', ['c', '==', ['d', '<', ['e', '+', ['f', '*', 'g']]]]]]);
  });

  test('left associativity and parentheses', () => {
    const v = value('1 - 2 - (3 - 4)');
    if (v.kind !== 'Binary') throw new Error('expected binary');
    assert.equal(v.left.kind, 'Binary');
    assert.equal(v.right.kind, 'Parens');
  });

  test('unary operators and conditionals', () => {
    const v = value('!a ? -1 : b ? 2 : 3');
    if (v.kind !== 'Conditional') throw new Error('expected a conditional');
    assert.equal(v.condition.kind, 'Unary');
    assert.equal(v.trueResult.kind, 'Unary');
    assert.equal(v.falseResult.kind, 'Conditional');
  });
});

describe('calls and traversals', () => {
  test('function calls with expansion and provider functions', () => {
    const v = value('concat(a, b...)');
    assert.equal(v.kind === 'FunctionCall' && v.expandFinal, true);
    const p = value('provider::aws::arn_parse(var.arn)');
    assert.equal(p.kind === 'FunctionCall' && p.name.name, 'provider::aws::arn_parse');
  });

  test('attribute access, index, legacy index and splats', () => {
    const src = 'aws_instance.web[0].tags["Name"].list.0[*].id.*.x';
    const v = value(src);
    if (v.kind !== 'Traversal') throw new Error('expected a traversal');
    assert.equal(v.source.kind === 'Variable' && v.source.name, 'aws_instance');
    assert.deepEqual(v.steps.map((s) => s.kind), ['GetAttr', 'Index', 'GetAttr', 'Index', 'GetAttr', 'LegacyIndex', 'SplatStep', 'GetAttr', 'SplatStep', 'GetAttr']);
    assert.equal(covered(src, v.steps[1]), '[0]');
    assert.deepEqual(v.steps.filter((s) => s.kind === 'SplatStep').map((s) => s.kind === 'SplatStep' && s.full), [true, false]);
  });

  test('for expressions: tuple and object forms with conditions and grouping', () => {
    const t = value('[for i, v in var.list : upper(v) if v != ""]');
    assert.equal(t.kind === 'For' && !t.object && t.keyVar?.name === 'i' && t.condition !== undefined, true);
    const o = value('{ for v in var.list : v.kind => v.name... }');
    if (o.kind !== 'For') throw new Error('expected a for');
    assert.equal(o.object, true);
    assert.equal(o.grouping, true);
    assert.equal(o.keyExpr?.kind, 'Traversal');
  });

  test('for expressions may span lines, even starting on the line after the bracket', () => {
    assert.equal(value('[\n  for v in var.list :\n  v\n]').kind, 'For');
    assert.equal(value('{\n\n  for k, v in var.map : k => v\n}').kind, 'For');
  });
});

describe('comments', () => {
  test('all three comment forms are recorded and skipped', () => {
    const src = '# one\na = 1 // two\n/* three\n */ b = 2\n';
    const file = parse(src);
    assert.deepEqual(file.diagnostics, []);
    assert.deepEqual(file.comments.map((c) => src.slice(c.start, c.end)), ['# one', '// two', '/* three\n */']);
    assert.deepEqual(file.body.items.map((i) => (i as Attribute).name.name), ['a', 'b']);
  });
});

describe('positions', () => {
  test('UTF-16 offsets after emoji (surrogate pairs)', () => {
    const src = 'a = "😀😀"\nb = 1\n';
    const file = parse(src);
    const b = file.body.items[1] as Attribute;
    assert.equal(b.start, src.indexOf('b'));
    assert.deepEqual(file.rangeOf(b.name), { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } });
    const a = file.body.items[0] as Attribute;
    assert.deepEqual(file.rangeOf(a.value), { start: { line: 0, character: 4 }, end: { line: 0, character: 10 } });
  });

  test('CRLF line ends', () => {
    const src = 'a {\r\n  b = "x"\r\n}\r\nc = 2\r\n';
    const file = parse(src);
    assert.deepEqual(file.diagnostics, []);
    const c = file.body.items[1] as Attribute;
    assert.deepEqual(file.rangeOf(c), { start: { line: 3, character: 0 }, end: { line: 3, character: 5 } });
  });

  test('a byte order mark is skipped by the lexer but counts as a character', () => {
    const src = '\uFEFFa = 1\n';
    const file = parse(src);
    assert.deepEqual(file.diagnostics, []);
    const a = file.body.items[0] as Attribute;
    assert.equal(a.start, 1);
    assert.deepEqual(file.rangeOf(a).start, { line: 0, character: 1 });
  });
});
