// Skimming a file read in pieces (server/src/parser/pieceSkim.ts, scanItems in topLevelScan.ts): wherever the
// pieces are cut (inside a word, a string, a heredoc marker, a CRLF, a comment), the blocks, their bodies and
// the text are those of the whole-text skim; a piece is never taken for the end of the file.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PieceSkim, skim, type HclFile } from '../../server/src/parser';
import { scanTopLevel } from '../../server/src/parser/topLevelScan';
import { generateModuleText, seededRandom } from '../support/generate';
import { randomHclDocument } from '../support/randomHcl';
import { headersOf } from './scanCase';

/** Feeds `text` as the file reader does: the unconsumed rest first, then the next `size()` characters. */
function readInPieces(text: string, size: () => number): HclFile | undefined {
  const skimmer = new PieceSkim();
  let at = 0;
  let kept = '';
  for (;;) {
    const next = Math.min(text.length, at + Math.max(1, size()));
    const piece = kept + text.slice(at, next);
    at = next;
    const final = at >= text.length;
    const done = skimmer.feed(piece, final);
    assert.ok(done >= 0 && done <= piece.length);
    if (final) return skimmer.result();
    kept = piece.slice(done);
  }
}

function assertSameAsWhole(text: string, file: HclFile | undefined, label: string): void {
  assert.ok(file, `${label}: read in pieces, the skim stepped aside`);
  const whole = skim(text);
  assert.equal(headersOf(file.body.items), headersOf(whole.body.items), `${label}: blocks differ`);
  assert.equal(JSON.stringify(file.body), JSON.stringify(whole.body), `${label}: bodies differ`);
  assert.equal(file.slice(0, text.length), text, `${label}: text differs`);
  for (const offset of [0, Math.floor(text.length / 3), text.length - 1]) {
    assert.deepEqual(file.lines.positionAt(offset), whole.lines.positionAt(offset), `${label}: position of ${offset}`);
  }
}

describe('skims of files read in pieces', () => {
  test('a generated module (LF and CRLF) cut every few characters or kilobytes reads as the whole text', () => {
    const rand = seededRandom(21);
    const lf = generateModuleText(40, 8);
    for (const text of [lf, lf.replace(/\n/g, '\r\n')]) {
      for (const size of [1, 2, 3, 7, 64, 500, 4096, 100_000]) assertSameAsWhole(text, readInPieces(text, () => size), `pieces of ${size}`);
      for (let i = 0; i < 10; i++) assertSameAsWhole(text, readInPieces(text, () => 1 + Math.floor(rand() * 300)), `random pieces ${i}`);
    }
  });

  test('cuts inside heredocs, templates, comments and headers change nothing', () => {
    const text = [
      '# a comment with { and "',
      'locals {',
      '  h = <<-EOT',
      '    } ${ "}" } %{ if true }x%{ endif }',
      '    EOT',
      '  s = "a ${ "b ${ "c }" } }" } d \\" \\\\"',
      '  /* } */ t = 1 // {',
      '}',
      '/* between',
      '   blocks */',
      'resource "awscc_cognito_user_pool_client" "web" {',
      '  client_name = "web"',
      '}',
      'import {',
      '  to = awscc_cognito_user_pool_client.web',
      '}',
      '',
    ].join('\n');
    for (let size = 1; size <= 40; size++) assertSameAsWhole(text, readInPieces(text, () => size), `pieces of ${size}`);
  });

  test('random documents: wherever the whole text is scanned, every cut gives the same skim', () => {
    const rand = seededRandom(33);
    let compared = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const doc = randomHclDocument(900 + seed);
      for (const text of [doc, doc.replace(/\n/g, '\r\n')]) {
        if (scanTopLevel(text) === undefined) {
          // Where the scanner is unsure of the whole, it is unsure of the pieces (the caller reads it whole).
          assert.equal(readInPieces(text, () => 1 + Math.floor(rand() * 80)), undefined, `seed ${seed}`);
          continue;
        }
        assertSameAsWhole(text, readInPieces(text, () => 1 + Math.floor(rand() * 80)), `seed ${seed}`);
        compared++;
      }
    }
    assert.ok(compared >= 40, `most random documents are compared (${compared})`);
  });

  test('a skim is only finished by a final piece', () => {
    const skimmer = new PieceSkim();
    assert.equal(skimmer.feed('locals {\n}\n', false), 'locals {\n}'.length);
    assert.equal(skimmer.result(), undefined);
    skimmer.feed('\n', true);
    assert.equal(skimmer.result()?.body.items.length, 1);
  });
});
