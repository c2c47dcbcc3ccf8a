// Packed bodies (server/src/parser/packFormat.ts, packWriter.ts, packReader.ts): a full parse stores top-level bodies as records, and
// reading `body` must give exactly the objects an unpacked parse builds: same kinds, keys, key order,
// values and offsets, for valid, random and broken text, and after the block has been moved by a reparse.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, releaseBody, reparse, type Attribute, type Block, type Body, type Expression } from '../../server/src/parser';
import { parseRegion } from '../../server/src/parser/file';
import { PackStore } from '../../server/src/parser/packFormat';
import { packBody } from '../../server/src/parser/packWriter';
import type { BlockNode } from '../../server/src/parser/blockNode';
import { generateModuleText, seededRandom } from '../support/generate';
import { randomHclDocument } from '../support/randomHcl';
import { applyChange, randomMutation } from '../support/mutate';

const fixtures = join(__dirname, '..', 'fixtures', 'valid');

function unpackedBody(text: string): Body {
  return parseRegion(text, 0, text.length, false).body;
}

function topBlocks(body: Body): BlockNode[] {
  return body.items.filter((i): i is Block => i.kind === 'Block') as BlockNode[];
}

/** Reads every packed body and compares the whole tree with an unpacked parse of the same text. */
function assertSameTree(text: string, label: string): void {
  const packed = parse(text).body;
  const blocks = topBlocks(packed);
  const packedBefore = blocks.filter((b) => b.isPacked).length;
  const expected = unpackedBody(text);
  // JSON reads every `body` (BlockNode.toJSON), so this also unpacks them all, and it compares key order.
  assert.equal(JSON.stringify(packed), JSON.stringify(expected), `${label}: unpacked tree differs`);
  assert.ok(blocks.every((b) => !b.isPacked), `${label}: reading the tree unpacks every body`);
  // deepStrictEqual also compares prototypes and `undefined`-valued keys, which JSON leaves out.
  assert.deepStrictEqual(packed, expected, `${label}: unpacked objects differ`);
  if (blocks.length > 0) assert.ok(packedBefore > 0, `${label}: a full parse packs its blocks`);
}

describe('packed block bodies', () => {
  test('the valid fixtures unpack to the same tree', () => {
    const files = readdirSync(fixtures).filter((f) => f.endsWith('.tf'));
    assert.ok(files.length >= 10);
    for (const f of files) assertSameTree(readFileSync(join(fixtures, f), 'utf8'), f);
  });

  test('random documents with every expression form unpack to the same tree', () => {
    for (let seed = 1; seed <= 60; seed++) assertSameTree(randomHclDocument(seed), `random seed ${seed}`);
  });

  test('broken text (random edits of valid documents) unpacks to the same tree', () => {
    const rand = seededRandom(7);
    let cases = 0;
    for (let seed = 1; seed <= 40; seed++) {
      let text = randomHclDocument(1000 + seed);
      for (let k = 0; k < 5; k++) {
        text = applyChange(text, randomMutation(text, rand).change);
        assertSameTree(text, `mutated seed ${seed} step ${k}`);
        cases++;
      }
    }
    assert.equal(cases, 200);
  });

  test('escapes, heredoc indentation and odd numbers are kept (they are not the raw text)', () => {
    const text = [
      'locals {',
      '  a = "tab\\there \\u00e9 $${x} %%{y} \\"q\\""',
      '  b = <<-EOT',
      '      indented $${z}',
      '    EOT',
      '  c = [1.5, 1e400, 12345678901234, 0, 007, null, true, false]',
      '  d = x.0.1[*].y',
      '  e = "unterminated',
      '  f = provider::aws::arn_parse("a")',
      '}',
      'r "quoted\\"label" bare_label {',
      '  g = -1',
      '}',
    ].join('\n');
    assertSameTree(text, 'escapes');
    const locals = parse(text).body.items[0] as Block;
    const values = locals.body.items.map((i) => (i.kind === 'Attribute' ? i.value : undefined));
    assert.equal((values[0] as { value: string }).value, 'tab\there é ${x} %{y} "q"');
  });

  test('a packed block moved by an edit above it unpacks at its new offsets', () => {
    const text = generateModuleText(30, 5);
    const file = parse(text);
    const last = topBlocks(file.body).at(-1) as BlockNode;
    assert.ok(last.isPacked);
    const next = reparse(file, [{ start: 0, end: 0, text: '# a comment line\n' }]);
    const moved = topBlocks(next.body).at(-1) as BlockNode;
    assert.equal(moved, last, 'the block object is carried into the new version');
    assert.ok(moved.isPacked, 'moving did not unpack it');
    const expected = topBlocks(unpackedBody(next.text)).at(-1) as Block;
    assert.deepStrictEqual(moved.body, expected.body);
  });

  test('a released body is built again, at the offsets the block has moved to since', () => {
    const text = generateModuleText(30, 5);
    const file = parse(text);
    const block = topBlocks(file.body).at(-1) as BlockNode;
    const before = block.body;
    assert.ok(!block.isPacked);
    assert.equal(releaseBody(block), true);
    assert.ok(block.isPacked, 'back to records');
    const next = reparse(file, [{ start: 0, end: 0, text: '# moved down\n' }]);
    const moved = topBlocks(next.body).at(-1) as BlockNode;
    assert.equal(moved, block);
    const expected = topBlocks(unpackedBody(next.text)).at(-1) as Block;
    assert.deepStrictEqual(moved.body, expected.body);
    assert.notEqual(moved.body, before, 'new objects');
    // A block parsed as objects by an incremental re-parse has nothing to go back to.
    const edited = reparse(next, [{ start: moved.body.items[0].start, end: moved.body.items[0].start, text: ' ' }]);
    const reparsed = topBlocks(edited.body).at(-1) as BlockNode;
    assert.notEqual(reparsed, moved);
    assert.equal(releaseBody(reparsed), false);
    assert.ok(!reparsed.isPacked);
  });

  test('a body nested deeper than the packer walks is left as objects', () => {
    // The parser reports nesting deeper than 256 levels, so only a tree built by hand gets this deep.
    const text = 'locals {\n  x = 1\n}\n';
    const block = topBlocks(unpackedBody(text))[0];
    const attribute = block.body.items[0] as Attribute;
    let value: Expression = attribute.value;
    for (let i = 0; i < 2000; i++) value = { kind: 'Binary', start: value.start, end: value.end, operator: '+', left: value, right: attribute.value };
    attribute.value = value;
    assert.equal(packBody(block, new PackStore(text.length), text), undefined);
  });
});

test('a large file keeps its records where it wrote them (the unused room is not copied away), and its bodies read back exactly', () => {
  // ~3.5 MB: the parse reserves half an int per character and uses ~0.37.
  const text = generateModuleText(2500, 5);
  const store = new PackStore(text.length);
  const parsed = parseRegion(text, 0, text.length, true);
  assert.ok(parsed.body.items.length > 2500);
  // The store a full parse used is reachable through any packed block.
  const packedStore = (topBlocks(parsed.body)[0] as unknown as { packed: { store: PackStore } }).packed.store;
  assert.ok(packedStore.data.length > packedStore.length, 'the reserved array is kept, its unused room untouched');
  assert.ok(store.ensureData().length > text.length / 3, 'a fresh store reserves room for the whole file');
  const expected = unpackedBody(text);
  const blocks = topBlocks(parsed.body);
  for (const i of [0, 1, blocks.length - 2, blocks.length - 1]) {
    assert.deepStrictEqual(blocks[i].body, (expected.items[i] as Block).body, `block ${i}`);
  }
});
