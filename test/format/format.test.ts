import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { applyEdits, format, formatEdits } from '../../server/src/format';
import { isBodyDeferred, parse, type Block } from '../../server/src/parser';
import { randomHclDocument } from '../support/randomHcl';
import { fileToJson } from '../support/hclJson';
import { findTerraform, terraformFmtBatch } from './references';

function fmt(text: string, terraformRewrites = true): string {
  const result = format(text, { terraformRewrites });
  assert.ok('text' in result, 'error' in result ? result.error : '');
  return result.text;
}

describe('layout like terraform fmt', () => {
  test('indents two spaces per open bracket level and aligns = of consecutive attributes', () => {
    assert.equal(fmt('resource "a" "b" {\nx=1\nlonger_name = "v"\n\nz = [\n1,\n2,\n]\n}\n'),
      'resource "a" "b" {\n  x           = 1\n  longer_name = "v"\n\n  z = [\n    1,\n    2,\n  ]\n}\n');
  });
  test('aligns object items in multi-line objects and trailing comments', () => {
    assert.equal(fmt('x = {\na = 1 # one\nbbb = 22 # two\n}\n'), 'x = {\n  a   = 1  # one\n  bbb = 22 # two\n}\n');
  });
  test('spacing between tokens', () => {
    assert.equal(fmt('a=f( x ,y )\nb = a . b [ 0 ]\nc = ! x\nd = - 1\ne = x?y:z\nf = [ 1,2 ]\n'),
      'a = f(x, y)\nb = a.b[0]\nc = !x\nd = -1\ne = x ? y : z\nf = [1, 2]\n');
  });
  test('template contents and heredoc bodies are kept, interpolation delimiters tightened as hclwrite does', () => {
    assert.equal(fmt('a = "  x ${ y }  "\nb = <<EOT\n   keep   this  \nEOT\n'), 'a = "  x ${y}  "\nb = <<EOT\n   keep   this  \nEOT\n');
  });
  test('blank lines are kept, trailing blanks removed, a final newline added', () => {
    assert.equal(fmt('a = 1   \n\n\n\nb = 2  '), 'a = 1\n\n\n\nb = 2\n');
  });
  test('CRLF documents stay CRLF, including the added final line break', () => {
    assert.equal(fmt('a=1\r\nbb = 2'), 'a  = 1\r\nbb = 2\r\n');
  });
  test('a leading byte-order mark is dropped, as terraform does', () => {
    assert.equal(fmt('\ufeffa=1\n'), 'a = 1\n');
  });
  test('alignment counts characters the way people see them (emoji and accents are one column)', () => {
    assert.equal(fmt('x = {\n"é" = 1\n"ab" = 2\n}\n'), 'x = {\n  "é"  = 1\n  "ab" = 2\n}\n');
  });
});

describe('terraform fmt rewrites', () => {
  test('unwraps a lone interpolation, quotes bare labels, modernises variable types', () => {
    assert.equal(fmt('resource aws_x y {\n  a = "${var.x}"\n  b = "x${var.x}"\n}\nvariable "v" {\n  type = "list"\n}\n'),
      'resource "aws_x" "y" {\n  a = var.x\n  b = "x${var.x}"\n}\nvariable "v" {\n  type = list(string)\n}\n');
  });
  test('can be turned off for the plain hclwrite layout', () => {
    assert.equal(fmt('a = "${var.x}"\n', false), 'a = "${var.x}"\n');
  });
  test('nested lone interpolations unwrap one level per run, as terraform fmt does', () => {
    const nested = 'x = "${ "${ var.k[1] }" }"\n';
    const once = fmt(nested);
    assert.equal(once, 'x = "${var.k[1]}"\n');
    assert.equal(fmt(once), 'x = var.k[1]\n');
  });
  test('and terraform fmt unwraps the same way', (t) => {
    const terraform = findTerraform();
    if (!terraform) {
      console.log('# skipped: no terraform binary on PATH');
      t.skip('no terraform binary on PATH');
      return;
    }
    const nested = 'x = "${ "${ var.k[1] }" }"\n';
    const once = fmt(nested);
    assert.deepEqual(terraformFmtBatch(terraform, [nested, once]).outputs, [once, fmt(once)]);
  });
});

describe('refusal and edits', () => {
  test('a document with a syntax error is refused with the reason and line', () => {
    const result = format('a = {\n  b = \n');
    assert.ok('error' in result);
    assert.match(result.error, /syntax error \(line \d+:/);
  });
  test('edits touch only the whitespace that changes, and applying them gives the formatted text', () => {
    const text = 'a=1\nbb = 2\n';
    const result = formatEdits(parse(text));
    assert.ok('edits' in result);
    assert.deepEqual(result.edits, [{ start: 1, end: 1, text: '  ' }, { start: 2, end: 2, text: ' ' }]);
    assert.equal(applyEdits(text, result.edits), fmt(text));
  });
  test('a formatted document needs no edits', () => {
    const result = formatEdits(parse('a  = 1\nbb = 2\n'));
    assert.deepEqual(result, { edits: [] });
  });
});

describe('properties over random documents', () => {
  test('formatting is stable (the layout at once, rewrites within a few runs) and keeps every parsed value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.boolean(), (seed, rewrites) => {
        const text = randomHclDocument(seed);
        const once = fmt(text, rewrites);
        // The layout is stable. With rewrites a second run may unwrap one more level of nested lone
        // interpolations (terraform fmt does the same, see above); a few runs reach a fixed point.
        assert.equal(fmt(once, false), once);
        if (rewrites) {
          let previous = once;
          let next = fmt(previous);
          for (let runs = 0; next !== previous && runs < 4; runs++) [previous, next] = [next, fmt(next)];
          assert.equal(next, previous, 'rewrites reach a fixed point');
        }
        if (!rewrites) assert.deepEqual(stripSpaces(fileToJson(parse(once))), stripSpaces(fileToJson(parse(text))));
      }),
      { numRuns: 150, examples: [[74159, true]] },
    );
  });
  test('never throws on arbitrary text, and never loses non-blank characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const result = format(text);
        if ('text' in result) assert.equal(result.text.replace(/[ \t\r\n\ufeff]/g, ''), text.replace(/[ \t\r\n\ufeff]/g, ''));
      }),
      { numRuns: 500 },
    );
  });
});

/** Expressions other than literals are compared by their source text, where spacing legitimately changes. */
function stripSpaces(value: unknown): unknown {
  if (typeof value === 'string') return withoutSpacesInInterpolations(value);
  if (Array.isArray(value)) return value.map(stripSpaces);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stripSpaces(v)]));
  return value;
}

/** Whitespace inside `${...}` and `%{...}` (balanced braces) removed; literal text around it kept. */
function withoutSpacesInInterpolations(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (text.startsWith('${', i) || text.startsWith('%{', i)) {
      let depth = 0;
      let j = i;
      for (; j < text.length; j++) {
        if (text[j] === '{') depth++;
        else if (text[j] === '}' && --depth === 0) break;
      }
      out += text.slice(i, j + 1).replace(/\s+/g, '');
      i = j;
    } else out += text[i];
  }
  return out;
}

describe('formatting a large document', () => {
  test('bodies the formatter read for its rewrites go back to records; edits match the whole-text format', () => {
    const blocks = 40;
    // Misaligned `=` and a quoted interpolation in each block: both kinds of edit.
    const text = Array.from({ length: blocks }, (_, i) => `resource "awscc_cognito_user_pool_client" "c${i}" {\n  user_pool_id = "\${var.pool}"\n  client_name = "c${i}"\n  generate_secret   = false\n}\n`).join('\n');
    const file = parse(text);
    const topLevel = file.body.items.filter((item): item is Block => item.kind === 'Block');
    assert.equal(topLevel.length, blocks);
    topLevel[2].body; // read by someone else: stays built
    const before = topLevel.map(isBodyDeferred);
    assert.ok(before.filter(Boolean).length === blocks - 1);
    const result = formatEdits(file);
    assert.ok('edits' in result);
    assert.deepEqual(topLevel.map(isBodyDeferred), before);
    const formatted = applyEdits(text, result.edits);
    assert.equal(formatted, fmt(text));
    assert.match(formatted, /user_pool_id    = var\.pool\n  client_name     = "c0"\n/);
  });

  test('the final line break: kept, added with the document\'s own ending, or not doubled after a comment', () => {
    assert.equal(fmt('a = 1'), 'a = 1\n');
    assert.equal(fmt('a = 1\r\nb = 2'), 'a = 1\r\nb = 2\r\n');
    assert.equal(fmt('a = 1 # note\n'), 'a = 1 # note\n');
    assert.equal(fmt('a = 1 # note'), 'a = 1 # note\n');
    assert.equal(fmt(''), '\n');
  });
});
