// Offset <-> LSP position conversion: LF, CRLF and lone CR line ends, UTF-16 characters, clamping, and the
// incremental line table kept by reparse.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse, reparse, TextLineIndex } from '../../server/src/parser';

describe('line index', () => {
  test('LF, CRLF and CR all end lines', () => {
    const text = 'a\nbb\r\nccc\rd';
    const index = new TextLineIndex(text);
    assert.equal(index.lineCount, 4);
    assert.deepEqual(index.positionAt(text.indexOf('bb')), { line: 1, character: 0 });
    assert.deepEqual(index.positionAt(text.indexOf('ccc') + 2), { line: 2, character: 2 });
    assert.deepEqual(index.positionAt(text.indexOf('d')), { line: 3, character: 0 });
    assert.equal(index.offsetAt({ line: 2, character: 1 }), text.indexOf('ccc') + 1);
  });

  test('characters are UTF-16 code units', () => {
    const text = '😀x\n';
    const index = new TextLineIndex(text);
    assert.deepEqual(index.positionAt(2), { line: 0, character: 2 });
    assert.equal(index.offsetAt({ line: 0, character: 2 }), 2);
  });

  test('a byte order mark is character 0 of line 0', () => {
    const index = new TextLineIndex('\uFEFFa');
    assert.deepEqual(index.positionAt(1), { line: 0, character: 1 });
  });

  test('out-of-range offsets and positions clamp', () => {
    const text = 'ab\r\ncd';
    const index = new TextLineIndex(text);
    assert.deepEqual(index.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(index.positionAt(99), { line: 1, character: 2 });
    assert.equal(index.offsetAt({ line: 0, character: 50 }), 2, 'clamps before the CRLF');
    assert.equal(index.offsetAt({ line: 9, character: 0 }), text.length);
    assert.equal(index.offsetAt({ line: -1, character: 3 }), 0);
  });

  test('positionAt and offsetAt round-trip on every offset of random text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', '\n', '\r', '\r\n', '😀', ' ', 'é'), { maxLength: 60 }), (chunks) => {
        const text = chunks.join('');
        const index = new TextLineIndex(text);
        for (let offset = 0; offset <= text.length; offset++) {
          const pos = index.positionAt(offset);
          const back = index.offsetAt(pos);
          // The middle of a CRLF has no position of its own: it maps to the end of its line.
          if (text[offset - 1] === '\r' && text[offset] === '\n') assert.equal(back, offset - 1);
          else assert.equal(back, offset);
        }
      }),
      { numRuns: 200 },
    );
  });

  test('reparse splices the line table to exactly what a fresh scan gives', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a = 1', '\n', '\r', '\r\n', 'x', '"s"'), { maxLength: 40 }),
        fc.nat(),
        fc.nat(),
        fc.array(fc.constantFrom('\n', '\r', 'b', '\r\n'), { maxLength: 4 }),
        (chunks, s, len, inserted) => {
          const text = chunks.join('');
          const before = parse(text);
          void before.lines.lineCount; // computes the table, so reparse splices it
          const start = text.length === 0 ? 0 : s % (text.length + 1);
          const end = Math.min(text.length, start + (len % 4));
          const after = reparse(before, [{ start, end, text: inserted.join('') }]);
          const fresh = new TextLineIndex(after.text);
          assert.equal(after.lines.lineCount, fresh.lineCount);
          for (let o = 0; o <= after.text.length; o++) assert.deepEqual(after.lines.positionAt(o), fresh.positionAt(o));
        },
      ),
      { numRuns: 300 },
    );
  });
});
