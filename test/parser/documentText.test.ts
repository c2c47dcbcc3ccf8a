// DocumentText: the chunked document text that edits rebuild one chunk at a time. Every read must agree
// with the same edits applied to a plain string, across chunk boundaries, CRLF pairs split by a boundary
// and surrogate pairs.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentText } from '../../server/src/parser/documentText';
import { TextLineIndex, scanLineStarts } from '../../server/src/parser/lineIndex';
import { parse, reparse } from '../../server/src/parser';
import { generateModuleText, seededRandom } from '../support/generate';
import { serializeFile } from '../support/treeInvariants';

const CHUNK = 16 * 1024;
const pieces = ['x', '', '\n', '\r\n', '\r', 'é', '😀', 'resource "a" "b" {\n}\n', 'y'.repeat(CHUNK + 5), 'z'.repeat(3 * CHUNK)];

function checkReads(doc: DocumentText, model: string, rand: () => number): void {
  assert.equal(doc.length, model.length);
  for (let k = 0; k < 20; k++) {
    const a = Math.floor(rand() * (model.length + 1));
    const b = a + Math.floor(rand() * Math.min(3 * CHUNK, model.length - a + 1));
    assert.equal(doc.slice(a, b), model.slice(a, b), `slice(${a}, ${b})`);
    assert.equal(doc.charCodeAt(a), model.charCodeAt(a), `charCodeAt(${a})`);
    assert.equal(doc.charAt(a), model.charAt(a), `charAt(${a})`);
    const probe = model.slice(a, a + 7);
    assert.equal(doc.startsWith(probe, a), true);
    assert.equal(doc.startsWith(probe + '\u0000', a), false);
  }
}

describe('DocumentText', () => {
  test('random edits read back like the same edits on a plain string', () => {
    const rand = seededRandom(7);
    let model = generateModuleText(60, 2); // ~85 KB: several chunks
    let doc = DocumentText.of(model);
    for (let step = 0; step < 400; step++) {
      const start = Math.floor(rand() * (model.length + 1));
      const end = Math.min(model.length, start + (rand() < 0.7 ? 0 : Math.floor(rand() * (rand() < 0.1 ? 4 * CHUNK : 40))));
      const inserted = pieces[Math.floor(rand() * pieces.length)];
      const previousText = model;
      const previous = doc;
      doc = doc.edit(start, end, inserted);
      model = model.slice(0, start) + inserted + model.slice(end);
      checkReads(doc, model, rand);
      if (step % 50 === 0) assert.equal(previous.toString(), previousText, 'an edit leaves the previous version as it was');
    }
    assert.equal(doc.toString(), model);
  });

  test('deleting everything and typing into an empty text', () => {
    let doc = DocumentText.of('abc'.repeat(CHUNK));
    doc = doc.edit(0, doc.length, '');
    assert.equal(doc.length, 0);
    assert.equal(doc.slice(0, 10), '');
    assert.ok(Number.isNaN(doc.charCodeAt(0)));
    doc = doc.edit(0, 0, 'a').edit(1, 1, 'b');
    assert.equal(doc.toString(), 'ab');
  });

  test('line starts scanned chunk by chunk equal a scan of the joined text, with a CRLF split by a chunk boundary', () => {
    // After DocumentText.of the chunk boundaries are at multiples of CHUNK: put a CR last in chunk 0.
    const text = 'a'.repeat(CHUNK - 1) + '\r\n' + 'b\rc\n'.repeat(10) + 'd\r' + 'e'.repeat(CHUNK) + '\r';
    for (const doc of [DocumentText.of(text), DocumentText.of(text).edit(5, 5, '')]) {
      // An edit drops the joined string, so the second index really reads chunk by chunk.
      const fromChunks = Array.from(new TextLineIndex(doc).lineStarts());
      assert.deepEqual(fromChunks, scanLineStarts(text));
    }
  });

  test('line starts of a text without CR, flat and chunked, equal the reference scan (the counted, exact-size table)', () => {
    const text = 'x = 1\n\n' + 'y'.repeat(CHUNK - 3) + '\n\n' + 'z\n'.repeat(300) + 'last';
    const edited = DocumentText.of(text).edit(7, 7, '');
    for (const [doc, label] of [[text, 'flat string'], [DocumentText.of(text), 'chunks'], [edited, 'edited chunks']] as const) {
      const starts = new TextLineIndex(doc).lineStarts();
      assert.deepEqual(Array.from(starts), scanLineStarts(text), label);
      assert.equal(starts.length, 305, `${label}: one entry per line, no spare room`);
    }
    assert.deepEqual(Array.from(new TextLineIndex('').lineStarts()), [0]);
    assert.deepEqual(Array.from(new TextLineIndex('\n').lineStarts()), [0, 1]);
  });

  test('a chain of incremental re-parses never joins the whole text, and still equals a full parse', () => {
    const base = generateModuleText(40, 4); // ~57 KB
    let file = parse(base);
    void file.lines.lineCount;
    let model = base;
    const rand = seededRandom(3);
    for (let k = 0; k < 30; k++) {
      const at = model.indexOf('client_name  = "', Math.floor(rand() * model.length));
      if (at < 0) continue;
      const offset = at + 17;
      file = reparse(file, [{ start: offset, end: offset, text: k % 3 === 0 ? '\n' : 'q' }]);
      model = model.slice(0, offset) + (k % 3 === 0 ? '\n' : 'q') + model.slice(offset);
      // What the editor features read per keystroke: spans, positions, the tree.
      void file.slice(offset - 5, offset + 5);
      void file.lines.positionAt(offset);
      void file.body.items.length;
    }
    assert.equal((file.source as DocumentText).joined, false, 'nothing joined the document into one string');
    assert.equal(serializeFile(file), serializeFile(parse(model)));
    assert.equal(file.text, model);
  });
});
