// Large texts are parsed a piece at a time (server/src/parser/file.ts parseInPieces), so that the tokens of
// one piece are in memory instead of the whole file's. The result must be exactly the whole-text parse, or
// undefined so that the whole text is parsed instead: never a different tree.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseInPieces, parseRegion } from '../../server/src/parser/file';
import { parse } from '../../server/src/parser';
import { generateModuleText, seededRandom } from '../support/generate';
import { randomHclDocument } from '../support/randomHcl';
import { tfFiles } from '../support/tfFiles';

/** Whether `text` parsed in pieces of `size` characters is the whole parse; false when it fell back. */
function sameAsWhole(text: string, size: number, label: string): boolean {
  const pieces = parseInPieces(text, size);
  if (pieces === undefined) return false;
  const whole = parseRegion(text, 0, text.length, true);
  // JSON first: it reads (unpacks) every body, after which the objects compare too.
  assert.equal(JSON.stringify(pieces.body), JSON.stringify(whole.body), `${label}: tree differs`);
  assert.deepStrictEqual(pieces.body, whole.body, `${label}: tree objects differ`);
  assert.deepStrictEqual(pieces.comments, whole.comments, `${label}: comments differ`);
  assert.deepStrictEqual(pieces.diagnostics, whole.diagnostics, `${label}: diagnostics differ`);
  return true;
}

describe('parsing a large text in pieces', () => {
  test('generated modules in pieces of every size give the whole parse, CRLF too', () => {
    for (const seed of [1, 2, 3]) {
      const text = generateModuleText(60, seed);
      for (const size of [1, 700, 5_000, 40_000, text.length]) {
        assert.ok(sameAsWhole(text, size, `seed ${seed}, pieces of ${size}`), `seed ${seed}, pieces of ${size}: fell back`);
        const crlf = text.replace(/\n/g, '\r\n');
        assert.ok(sameAsWhole(crlf, size, `CRLF seed ${seed}, pieces of ${size}`), `CRLF seed ${seed}: fell back`);
      }
    }
  });

  test('every fixture file, in small pieces, is the whole parse or falls back to it', () => {
    let pieced = 0;
    const files = tfFiles(join(__dirname, '..', 'fixtures'));
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      if (sameAsWhole(text, 200, file)) pieced++;
    }
    // Not vacuous: most fixtures are valid and do get parsed in pieces.
    assert.ok(pieced > files.length / 2, `${pieced} of ${files.length} parsed in pieces`);
  });

  test('random documents, broken ones included, are the whole parse or fall back to it', () => {
    const rand = seededRandom(11);
    let pieced = 0;
    for (let i = 0; i < 300; i++) {
      const text = randomHclDocument(1000 + i);
      if (sameAsWhole(text, 1 + Math.floor(rand() * 400), `random document ${i}`)) pieced++;
    }
    assert.ok(pieced > 0, "some random documents were parsed in pieces");
  });

  test('a `}` line inside a heredoc is no place to cut: the piece would run into its end, so the whole text is parsed', () => {
    const text = 'locals {\n  policy = <<EOT\n{\n  "a": 1\n}\nEOT\n}\n\nresource "x" "y" {\n  a = 1\n}\n';
    assert.equal(parseInPieces(text, 10), undefined);
    assert.equal(JSON.stringify(parse(text).body), JSON.stringify(parseRegion(text, 0, text.length, true).body));
  });

  test('a text of 2 MB or more is parsed in pieces by parse(), with the whole parse\'s result', () => {
    const text = generateModuleText(1600, 4); // ~2.2 MB
    assert.ok(text.length >= 2 << 20, `${text.length} characters`);
    const file = parse(text);
    const whole = parseRegion(text, 0, text.length, true);
    assert.equal(file.body.items.length, whole.body.items.length);
    for (const i of [0, 1, 700, 701, file.body.items.length - 1]) {
      assert.equal(JSON.stringify(file.body.items[i]), JSON.stringify(whole.body.items[i]), `item ${i}`);
    }
    assert.deepStrictEqual(file.comments, whole.comments);
    assert.deepStrictEqual(file.diagnostics, whole.diagnostics);
  });
});
