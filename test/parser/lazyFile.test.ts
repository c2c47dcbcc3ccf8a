// Large documents opened in the editor are parsed a block at a time, as each block is first read
// (server/src/parser/lazyFile.ts). Once every block was read or settled, the file must be exactly the
// whole text's parse; where a block has a syntax error the file says so, and reads like a skimmed one
// until its owner replaces it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HclFile } from '../../server/src/parser';
import { parse, releaseBody, reparse } from '../../server/src/parser';
import { parseRegion } from '../../server/src/parser/file';
import { scanTopLevel } from '../../server/src/parser/topLevelScan';
import { LazyParsedFile, OPEN_LAZILY_FROM, parseOpenedText } from '../../server/src/parser/lazyFile';
import { generateModuleText, seededRandom } from '../support/generate';
import { randomHclDocument } from '../support/randomHcl';
import { applyChange, randomMutation } from '../support/mutate';
import { tfFiles } from '../support/tfFiles';

type Order = 'bodies first' | 'settled first';

/**
 * Opens `text` lazily whatever its size and compares it with the whole parse. 'clean' when it was the
 * whole parse, 'disproved' when a block sent it back to the whole parse's diagnostics, 'not lazy' when the
 * scanner was unsure and the text was parsed whole at once.
 */
function compare(text: string, label: string, order: Order): 'clean' | 'disproved' | 'not lazy' {
  const file = parseOpenedText(text, 0);
  const whole = parseRegion(text, 0, text.length, true);
  if (!(file instanceof LazyParsedFile)) {
    assert.equal(JSON.stringify(file.body), JSON.stringify(whole.body), `${label}: tree differs`);
    return 'not lazy';
  }
  const settled = order === 'settled first' ? file.settle() : undefined;
  const tree = JSON.stringify(file.body);
  const clean = settled ?? file.settle();
  assert.deepStrictEqual(file.comments, whole.comments, `${label}: comments differ`);
  assert.deepStrictEqual(file.diagnostics, whole.diagnostics, `${label}: diagnostics differ`);
  assert.equal(file.incrementalUnsafe, whole.itemStartsInTemplate, `${label}: incrementalUnsafe differs`);
  if (!clean) {
    // Never worse than the skim's scanner: a text it is sure of, without a syntax error, is cut right.
    assert.ok(whole.diagnostics.length > 0 || scanTopLevel(text) === undefined, `${label}: disproved, but the scanner was sure and there is no syntax error`);
    return 'disproved';
  }
  assert.equal(tree, JSON.stringify(whole.body), `${label}: tree differs`);
  assert.deepStrictEqual(file.body, whole.body, `${label}: tree objects differ`);
  return 'clean';
}

describe('opening a large document a block at a time', () => {
  test('generated modules are the whole parse, whether bodies or diagnostics are read first, CRLF too', () => {
    for (const seed of [1, 2, 3]) {
      const text = generateModuleText(60, seed);
      for (const order of ['bodies first', 'settled first'] as const) {
        assert.equal(compare(text, `seed ${seed}, ${order}`, order), 'clean');
        assert.equal(compare(text.replace(/\n/g, '\r\n'), `CRLF seed ${seed}, ${order}`, order), 'clean');
        assert.equal(compare('\ufeff' + text, `BOM seed ${seed}, ${order}`, order), 'clean');
      }
    }
  });

  test('every fixture file is the whole parse, or says it needs it and gives its diagnostics', () => {
    const counts = { clean: 0, disproved: 0, 'not lazy': 0 };
    const files = tfFiles(join(__dirname, '..', 'fixtures'));
    for (const file of files) counts[compare(readFileSync(file, 'utf8'), file, 'bodies first')]++;
    // Not vacuous: most fixtures are valid and opened lazily.
    assert.ok(counts.clean > files.length / 2, JSON.stringify(counts));
  });

  test('random documents, broken ones included, are the whole parse or say they need it', () => {
    const counts = { clean: 0, disproved: 0, 'not lazy': 0 };
    const rand = seededRandom(5);
    for (let i = 0; i < 300; i++) {
      counts[compare(randomHclDocument(2000 + i), `random document ${i}`, rand() < 0.5 ? 'bodies first' : 'settled first')]++;
    }
    assert.ok(counts.clean > 0, JSON.stringify(counts));
  });

  test('generated modules with random edits (brackets, quotes, heredoc markers, comments) are the whole parse or say they need it', () => {
    const counts = { clean: 0, disproved: 0, 'not lazy': 0 };
    const rand = seededRandom(21);
    const base = generateModuleText(12, 3);
    for (let i = 0; i < 300; i++) {
      let text = base;
      for (let k = 1 + Math.floor(rand() * 3); k > 0; k--) {
        text = applyChange(text, randomMutation(text, rand).change);
      }
      counts[compare(text, `mutated module ${i}`, rand() < 0.5 ? 'bodies first' : 'settled first')]++;
    }
    // Each outcome is seen: valid edits, syntax errors inside a block, and texts the scanner is unsure of.
    assert.ok(counts.clean > 0 && counts.disproved > 0 && counts['not lazy'] > 0, JSON.stringify(counts));
  });

  test('a block commented out with /* */ and ARNs ending in /* are no cuts: the file is the whole parse', () => {
    const module = generateModuleText(12, 4);
    const commented = `/*\nresource "awscc_cognito_user_pool_client" "old" {\n  client_name = "old"\n}\n*/\n\n`;
    const arn = `locals {\n  objects = "arn:aws:s3:::bucket/*"\n}\n\n`;
    const at = module.indexOf('\nresource ', module.length >> 1) + 1;
    const text = module.slice(0, at) + commented + arn + module.slice(at);
    assert.equal(parse(text).diagnostics.length, 0);
    for (const order of ['bodies first', 'settled first'] as const) assert.equal(compare(text, `commented out, ${order}`, order), 'clean');
  });

  test('a syntax error inside a block: the file says it needs the whole parse, and reports the error meanwhile', () => {
    const good = generateModuleText(5, 7);
    const text = good.replace('generate_secret = ', 'generate_secret = = ');
    const file = parseOpenedText(text, 0);
    assert.ok(file instanceof LazyParsedFile);
    assert.equal(file.settle(), false);
    assert.deepStrictEqual(file.diagnostics, parse(text).diagnostics);
    assert.ok(file.diagnostics.length > 0);
    const whole = file.wholeParse();
    assert.ok(!(whole instanceof LazyParsedFile));
    assert.equal(JSON.stringify(whole.body), JSON.stringify(parse(text).body));
    assert.deepStrictEqual(whole.diagnostics, parse(text).diagnostics);
  });

  test('edits to a lazily opened file give the whole parse of the new text, after bodies were read and let go', () => {
    const rand = seededRandom(9);
    for (let round = 0; round < 40; round++) {
      let text = generateModuleText(20, 10 + round);
      let file: HclFile = parseOpenedText(text, 0);
      assert.ok(file instanceof LazyParsedFile);
      // Some bodies read and released (back to their tiles), the first check's pattern.
      for (const item of file.body.items) {
        if (item.kind === 'Block' && rand() < 0.5) {
          void item.body.items.length;
          if (rand() < 0.5) releaseBody(item);
        }
      }
      for (let edit = 0; edit < 5; edit++) {
        const at = Math.floor(rand() * text.length);
        const inserted = rand() < 0.5 ? '\n' : rand() < 0.5 ? ' x = 1\n' : '';
        const end = Math.min(text.length, at + (inserted === '' ? 1 + Math.floor(rand() * 3) : 0));
        file = reparse(file, [{ start: at, end, text: inserted }]);
        text = text.slice(0, at) + inserted + text.slice(end);
        const whole = parse(text);
        const label = `round ${round}, edit ${edit}`;
        assert.equal(JSON.stringify(file.body), JSON.stringify(whole.body), `${label}: tree differs`);
        assert.deepStrictEqual(file.diagnostics, whole.diagnostics, `${label}: diagnostics differ`);
        assert.deepStrictEqual(file.comments, whole.comments, `${label}: comments differ`);
      }
    }
  });

  test('only texts from the threshold on are opened lazily', () => {
    const small = generateModuleText(10, 1);
    assert.ok(small.length < OPEN_LAZILY_FROM);
    assert.ok(!(parseOpenedText(small) instanceof LazyParsedFile));
    let large = small;
    while (large.length < OPEN_LAZILY_FROM) large += small.replace(/"client_(\d+)"/g, `"client_$1_${large.length}"`);
    assert.ok(parseOpenedText(large) instanceof LazyParsedFile);
  });
});
