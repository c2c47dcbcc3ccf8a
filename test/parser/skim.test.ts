// Skimmed files (server/src/parser/file.ts skimText, regionBody.ts): a module's files that are not open are
// read for what they declare, so their block bodies are parsed only when read. Every reader must still see
// exactly what a full parse gives: the same tree, diagnostics and comments, for valid, random and broken
// text, and a skim that cannot match the blocks as the full parse does must be that full parse.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, skim, type Block, type BodyItem } from '../../server/src/parser';
import type { BlockNode } from '../../server/src/parser/blockNode';
import { generateModuleText, seededRandom } from '../support/generate';
import { randomHclDocument } from '../support/randomHcl';
import { applyChange, randomMutation } from '../support/mutate';

const fixtures = join(__dirname, '..', 'fixtures', 'valid');

function blocks(text: string, file = skim(text)): BlockNode[] {
  return file.body.items.filter((i): i is Block => i.kind === 'Block') as BlockNode[];
}

/** The skim's tree, diagnostics and comments are the full parse's (read in an order that exercises laziness). */
function assertSameAsParse(text: string, label: string): boolean {
  const skimmed = skim(text);
  const full = parse(text);
  /** Whether it really was a skim, not the full parse it falls back to. */
  const wasSkim = Object.getPrototypeOf(skimmed) !== Object.getPrototypeOf(full);
  // The tree first, before the diagnostics trigger anything: JSON reads every body.
  assert.equal(JSON.stringify(skimmed.body), JSON.stringify(full.body), `${label}: tree differs`);
  assert.deepStrictEqual(skimmed.body, full.body, `${label}: tree objects differ`);
  assert.deepStrictEqual(skimmed.diagnostics, full.diagnostics, `${label}: diagnostics differ`);
  assert.deepStrictEqual(skimmed.comments, full.comments, `${label}: comments differ`);
  assert.equal(skimmed.text, full.text);
  return wasSkim;
}

/** Type, labels and start of the top-level blocks that start a line (where header stops are). */
function headers(text: string, items: readonly BodyItem[]): string[] {
  return items
    .filter((i): i is Block => i.kind === 'Block' && (i.start === 0 || text[i.start - 1] === '\n' || text[i.start - 1] === '\r'))
    .map((b) => `${b.start} ${b.type.name} ${b.labels.map((l) => l.value).join(' ')}`);
}

/** Whether `offset` is inside a body the skim deferred (a skimmed block's braces). */
function insideSkippedBody(items: readonly BodyItem[], offset: number): boolean {
  return items.some((i) => i.kind === 'Block' && i.openBrace >= 0 && offset >= i.openBrace && offset <= i.end);
}

describe('skimmed files', () => {
  test('the valid fixtures skim to the tree, diagnostics and comments of a full parse', () => {
    const files = readdirSync(fixtures).filter((f) => f.endsWith('.tf'));
    assert.ok(files.length >= 10);
    const skimmed = files.filter((f) => assertSameAsParse(readFileSync(join(fixtures, f), 'utf8'), f));
    assert.ok(skimmed.length >= files.length / 2, `most fixtures are skimmed, not parsed in full (${skimmed})`);
  });

  test('random documents with every expression form skim to the same tree', () => {
    let skimmed = 0;
    for (let seed = 1; seed <= 60; seed++) if (assertSameAsParse(randomHclDocument(seed), `random seed ${seed}`)) skimmed++;
    assert.ok(skimmed >= 10, `some random documents are skimmed, not parsed in full (${skimmed})`);
  });

  test('broken text (random edits of valid documents): the same diagnostics and top-level blocks, the same tree where no body is broken', () => {
    const rand = seededRandom(11);
    let cases = 0;
    let identical = 0;
    for (let seed = 1; seed <= 40; seed++) {
      let text = randomHclDocument(2000 + seed);
      for (let k = 0; k < 5; k++) {
        text = applyChange(text, randomMutation(text, rand).change);
        const skimmed = skim(text);
        const full = parse(text);
        const label = `mutated seed ${seed} step ${k}`;
        assert.deepStrictEqual(skimmed.diagnostics, full.diagnostics, `${label}: diagnostics differ`);
        assert.deepStrictEqual(headers(text, skimmed.body.items), headers(text, full.body.items), `${label}: top-level blocks differ`);
        if (!full.diagnostics.some((d) => insideSkippedBody(skimmed.body.items, d.start))) {
          assert.equal(JSON.stringify(skimmed.body), JSON.stringify(full.body), `${label}: tree differs`);
          identical++;
        }
        cases++;
      }
    }
    assert.equal(cases, 200);
    assert.ok(identical > 50, `most mutations leave the bodies intact (${identical})`);
  });

  test('the diagnostics inside a skimmed body are found when asked for, though the body was never read', () => {
    const text = 'resource "a" "b" {\n  x = 1\n  x = 2\n}\n';
    const file = skim(text);
    assert.ok(blocks(text, file)[0].isPacked, 'the body is deferred');
    assert.deepEqual(
      file.diagnostics.map((d) => d.message),
      ['Attribute redefined'],
    );
  });

  test('block bodies of a valid module are not parsed until read; reading one parses only that one', () => {
    const text = generateModuleText(50, 3);
    const file = skim(text);
    const all = blocks(text, file);
    assert.ok(all.length >= 50 && all.every((b) => b.isPacked));
    const expected = blocks(text, parse(text))[20];
    assert.deepStrictEqual(all[20].body, expected.body);
    assert.equal(all.filter((b) => !b.isPacked).length, 1);
  });

  test('where the braces do not close as written (unclosed block, header stop, lexer problem) it is a full parse', () => {
    for (const text of [
      'resource "a" "b" {\n  x = 1\n',
      'resource "a" "b" {\n  x = 1\nresource "c" "d" {\n  y = 2\n}\n',
      'locals {\n  s = "unterminated\n}\n',
      'locals {\n  x = 1\n}\n}\n',
    ]) {
      assertSameAsParse(text, JSON.stringify(text));
    }
  });
});
