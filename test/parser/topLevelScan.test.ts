// The skim's top-level scanner (server/src/parser/topLevelScan.ts): a pass over the characters that finds
// each top-level block and its closing brace without tokens. It must find exactly what the token skim finds,
// through every construct that can hide a brace (strings, templates, heredocs, comments), and step aside
// (undefined: the token skim decides, parsing in full where it must) wherever it is not sure.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, skim } from '../../server/src/parser';
import { scanTopLevel } from '../../server/src/parser/topLevelScan';
import { generateModuleText, seededRandom } from '../support/generate';
import { randomHclDocument } from '../support/randomHcl';
import { applyChange, randomMutation } from '../support/mutate';
import { scanCase } from './scanCase';

const fixtures = join(__dirname, '..', 'fixtures', 'valid');

/** The scanner answers, agrees with the token skim, and the skim reads as the full parse. */
function assertScanned(text: string, label: string): void {
  const result = scanCase(text);
  assert.equal(result.problem, undefined, `${label}: ${result.problem}`);
  assert.ok(result.scanned, `${label}: the scanner stepped aside`);
  const skimmed = skim(text);
  const full = parse(text);
  assert.equal(JSON.stringify(skimmed.body), JSON.stringify(full.body), `${label}: tree differs from the full parse`);
  assert.deepStrictEqual(skimmed.diagnostics, full.diagnostics, `${label}: diagnostics differ`);
  assert.deepStrictEqual(skimmed.comments, full.comments, `${label}: comments differ`);
}

/** The scanner steps aside, and the skim is still the full parse's tree where the text has no broken body. */
function assertUnsure(text: string, label: string): void {
  assert.equal(scanTopLevel(text), undefined, `${label}: the scanner should step aside`);
  const skimmed = skim(text);
  const full = parse(text);
  assert.deepStrictEqual(skimmed.diagnostics, full.diagnostics, `${label}: diagnostics differ`);
}

describe('top-level scanner of skims', () => {
  test('finds the blocks of a generated module (the fast path is taken) with each body deferred', () => {
    const text = generateModuleText(60, 5);
    const items = scanTopLevel(text);
    assert.ok(items && items.length >= 60);
    assert.ok(items.every((b) => b.kind === 'Block' && (b as unknown as { isPacked: boolean }).isPacked));
    assertScanned(text, 'generated module');
  });

  test('the valid fixtures: every block found as the token skim finds it', () => {
    const files = readdirSync(fixtures).filter((f) => f.endsWith('.tf'));
    let scanned = 0;
    for (const f of files) {
      const result = scanCase(readFileSync(join(fixtures, f), 'utf8'));
      assert.equal(result.problem, undefined, `${f}: ${result.problem}`);
      if (result.scanned) scanned++;
    }
    assert.ok(scanned >= files.length / 2, `most fixtures are scanned (${scanned} of ${files.length})`);
  });

  test('braces inside heredocs (plain and indented, a header keyword at column 0 inside) do not count', () => {
    assertScanned('locals {\n  h = <<EOT\n  } { "\nresource "x" "y" {\n}\nEOT\n}\nresource "a" "b" {\n}\n', 'heredoc with a header-looking line');
    assertScanned('locals {\n  h = <<-EOT\n    }\n    EOT\n  g = 1\n}\n', 'indented heredoc');
    assertScanned('locals {\n  h = <<EOT\n${ {a = "}"}["a"] }\n%{ if true }}%{ endif }\nEOT\n}\n', 'heredoc with templates holding braces');
    assertScanned('locals {\n  h = <<EOT\nEOTX }\n  EOT\n}\n', 'a line that only starts with the marker');
    assertScanned('locals {\n  h = "${<<EOT\n}\nEOT\n}"\n}\n', 'a heredoc inside an interpolation');
    // Inside a directive the marker is a word, not the end of the heredoc.
    assertScanned('locals {\n  h = <<EOT\n%{ if true\nEOT\n}x%{ endif }\nEOT\n}\n', 'the marker inside a directive');
    assertScanned('locals {\n  h = <<EOT\n${ true\nEOT\n}x\nEOT\n}\n', 'the marker inside an interpolation');
  });

  test('braces inside strings and nested templates do not count, escapes included', () => {
    assertScanned('locals {\n  s = "${ "}" }"\n  t = "${ {x = "{"} }"\n  u = "%{ if true }}%{ endif }"\n  v = "$${ not a sequence"\n  w = "\\"}\\\\"\n  x = "${~ y ~}"\n}\n', 'nested templates');
    assertScanned('locals {\n  s = "a ${ "b ${ "c }" } }" } d"\n}\n', 'templates three deep');
    assertScanned('locals {\n  s = "unterminated {\n}\n', 'an unterminated string ends at its line');
    assertScanned('locals {\n  s = "ends with a backslash \\\n}\n', 'a backslash before the line break');
  });

  test('comments with braces, between and after blocks', () => {
    assertScanned('# {\nlocals { # }\n  a = 1 // {\n  /* } */ b = 2\n} # }\n/* { */\n// }\nlocals {\n}\n', 'comments with braces');
    assertScanned('locals {\n}  /* spans\nlines */\nlocals {\n}', 'a block comment after the brace, then the end');
  });

  test('CRLF line breaks, a BOM, labels of every plain form, no final line break', () => {
    assertScanned(generateModuleText(8, 3).replace(/\n/g, '\r\n'), 'CRLF module');
    assertScanned('\ufeff' + generateModuleText(4, 2), 'BOM');
    assertScanned('resource "a" b {\n}\ndata "x"  "y"{\n}\nmodule "é😀 {x}" {\n}\nterraform {}', 'labels');
    assertScanned('', 'empty');
    assertScanned('\n\n# only a comment\n', 'only a comment');
  });

  test('steps aside where the token skim must decide: unclosed, header stops, lexer problems, odd tops', () => {
    for (const [text, label] of [
      ['resource "a" "b" {\n  x = 1\n', 'unclosed block'],
      ['resource "a" "b" {\n  x = 1\nresource "c" "d" {\n  y = 2\n}\n', 'a header stop inside a body'],
      ['resource "a" "b" {\r\n  x = 1\r\nresource "c" "d" {\r\n  y = 2\r\n}\r\n', 'a header stop inside a body (CRLF)'],
      ['locals {\n  x = [\nlocals {\n]\n}\n', 'a header stop inside brackets'],
      ['locals {\n  s = "${ x\nlocals {\n}\n}\n', 'a header stop inside an interpolation'],
      ['locals {\n  a = @\n}\n', 'an invalid character'],
      ['locals {\n  s = "a\rb"\n}\n', 'a lone CR in a string'],
      ['locals {\n  h = <<EOT\na\rb\nEOT\n}\n', 'a lone CR in a heredoc'],
      ['locals {\n  /* unclosed\n}\n', 'an unclosed comment'],
      ['locals {\n  s = "${ ~ }"\n}\n', 'a stray ~'],
      ['a = 1\n', 'a top-level attribute'],
      [' resource "a" "b" {\n}\n', 'an indented block'],
      ['resource "a" "b" {\n} resource "c" "d" {\n}\n', 'a block after a brace on the same line'],
      ['resource "a\\"q" "b" {\n}\n', 'an escape in a label'],
      ['resource "${a}" "b" {\n}\n', 'a template label'],
      ['resource /* c */ "a" "b" {\n}\n', 'a comment in a header'],
      ['ephemeral "a" "b" {\n}\n', 'a block type the lexer does not take for a header'],
      ['locals {\n  h = <<EOT\n}\n', 'an unclosed heredoc'],
    ]) {
      assertUnsure(text, label);
    }
  });

  test('random documents, their CRLF forms and random edits of them agree with the token skim', () => {
    const rand = seededRandom(5);
    let scanned = 0;
    let cases = 0;
    for (let seed = 1; seed <= 40; seed++) {
      let text = randomHclDocument(300 + seed);
      for (const variant of [text, text.replace(/\n/g, '\r\n')]) {
        const result = scanCase(variant);
        assert.equal(result.problem, undefined, `seed ${seed}: ${result.problem}`);
        if (result.scanned) scanned++;
        cases++;
      }
      for (let k = 0; k < 4; k++) {
        text = applyChange(text, randomMutation(text, rand).change);
        const result = scanCase(text);
        assert.equal(result.problem, undefined, `seed ${seed} edit ${k}: ${result.problem}`);
        cases++;
      }
    }
    assert.ok(scanned >= 40, `most unedited documents are scanned (${scanned})`);
    assert.equal(cases, 240);
  });

  test('random bytes and token soup never throw and never disagree', () => {
    const rand = seededRandom(9);
    const pieces = ['{', '}', '"', '${', '%{', '~}', '$${', '\\', '<<EOT\n', '<<-EOT\n', 'EOT\n', '  EOT\n', '/*', '*/', '#', '//', '\n', '\r\n', '\r', ' ', '=', 'a', '\nresource "r" "n" {', '\nlocals {', '\n}', '\ufeff', 'é', '@'];
    let scanned = 0;
    for (let i = 0; i < 400; i++) {
      let text = '';
      const n = Math.floor(rand() * 40);
      for (let k = 0; k < n; k++) text += rand() < 0.8 ? pieces[Math.floor(rand() * pieces.length)] : String.fromCharCode(Math.floor(rand() * 0x10000));
      if (rand() < 0.5) text = 'locals {\n' + text;
      assert.equal(scanCase(text).problem, undefined);
    }
    // A tamer soup (no character the lexer rejects) inside a block: many of these are scanned.
    const tame = ['{', '}', '"', '${', '%{', '~}', '$${', '\\', '<<EOT\n', '<<-EOT\n', 'EOT\n', '  EOT\n', '# }\n', '/* { */', '\n', '\r\n', ' ', 'a', '\nresource "r" "n" {', '\n}\n'];
    for (let i = 0; i < 400; i++) {
      let text = 'locals {\n  x = ';
      const n = Math.floor(rand() * 12);
      for (let k = 0; k < n; k++) text += tame[Math.floor(rand() * tame.length)];
      text += '\n}\nlocals {\n}\n';
      const result = scanCase(text);
      assert.equal(result.problem, undefined, result.problem);
      if (result.scanned) scanned++;
    }
    assert.ok(scanned >= 40, `some soups are scanned, not only stepped aside from (${scanned})`);
  });
});
