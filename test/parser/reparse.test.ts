// Incremental re-parse: equal to a full parse, the previous file stays valid, batches of changes apply in
// order, and unsafe edits (that may swallow later text) fall back to a full parse.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, reparse, type Block } from '../../server/src/parser';
import { generateModuleText } from '../support/generate';
import { serializeFile } from '../support/treeInvariants';

const base = generateModuleText(20, 3);

function expectEqualToFullParse(text: string, changes: { start: number; end: number; text: string }[]): void {
  const previous = parse(text);
  void previous.lines.lineCount;
  let expected = text;
  for (const c of changes) expected = expected.slice(0, c.start) + c.text + expected.slice(c.end);
  const next = reparse(previous, changes);
  assert.equal(next.text, expected);
  assert.equal(serializeFile(next), serializeFile(parse(expected)));
  assert.equal(serializeFile(previous), serializeFile(parse(text)), 'the previous file still describes the old text');
}

describe('reparse', () => {
  test('typing inside a string value in the middle of a module', () => {
    const at = base.indexOf('client_name  = "', base.length >> 1) + 17;
    expectEqualToFullParse(base, [{ start: at, end: at, text: 'x' }]);
  });

  test('a batch of changes, each in the coordinates left by the previous one', () => {
    const at = base.indexOf('access_token_validity');
    expectEqualToFullParse(base, [
      { start: at, end: at + 6, text: 'id' },
      { start: at, end: at, text: 'new_' },
      { start: 0, end: 0, text: '# header\n' },
    ]);
  });

  test('deleting a closing brace (the block swallows its neighbours) equals a full parse', () => {
    const close = base.indexOf('\n}\n', base.length >> 1) + 1;
    expectEqualToFullParse(base, [{ start: close, end: close + 1, text: '' }]);
  });

  test('opening a block comment or heredoc that swallows the rest equals a full parse', () => {
    const mid = base.indexOf('\n', base.length >> 1) + 1;
    expectEqualToFullParse(base, [{ start: mid, end: mid, text: '/*' }]);
    expectEqualToFullParse(base, [{ start: mid, end: mid, text: 'x = <<EOT\n' }]);
  });

  test('joining two blocks by deleting the line break between them', () => {
    const gap = base.indexOf('}\n\n') + 1;
    expectEqualToFullParse(base, [{ start: gap, end: gap + 2, text: '' }]);
  });

  test('CRLF: inserting an LF right after a CR', () => {
    const crlf = base.replace(/\n/g, '\r\n');
    const cr = crlf.indexOf('\r\n', crlf.length >> 1) + 1;
    expectEqualToFullParse(crlf, [{ start: cr, end: cr + 1, text: '' }]);
    expectEqualToFullParse(crlf, [{ start: cr, end: cr, text: '\n' }]);
  });

  test('an empty file and edits at both ends', () => {
    expectEqualToFullParse('', [{ start: 0, end: 0, text: 'a = 1\n' }]);
    expectEqualToFullParse(base, [{ start: base.length, end: base.length, text: 'locals {\n' }]);
    expectEqualToFullParse(base, [{ start: 0, end: 5, text: '' }]);
  });

  test('nodes of untouched blocks before the edit are reused', () => {
    const previous = parse(base);
    const first = previous.body.items[0] as Block;
    const at = base.lastIndexOf('client_name  = "') + 17;
    const next = reparse(previous, [{ start: at, end: at, text: 'x' }]);
    assert.equal(next.body.items[0], first);
    // The previous file rebuilt its own tree (its later nodes moved to the new version).
    assert.notEqual(previous.body.items[0], first);
    assert.equal(serializeFile(previous), serializeFile(parse(base)));
  });

  test('a word typed on a blank line between blocks re-parses locally, and a complete top-level attribute does not', () => {
    const gap = base.indexOf('}\n\n', base.length >> 1) + 2;
    for (const typed of ['x', 'xy', 'x.', 'x {']) {
      const previous = parse(base);
      const first = previous.body.items[0];
      const next = reparse(previous, [{ start: gap, end: gap, text: typed }]);
      assert.equal(next.body.items[0], first, `"${typed}" kept the untouched blocks`);
      expectEqualToFullParse(base, [{ start: gap, end: gap, text: typed }]);
    }
    // `x = 1` joins the body-wide redefinition check: a full parse answers (and still equals one).
    const previous = parse(base);
    const next = reparse(previous, [{ start: gap, end: gap, text: 'x = 1\n' }]);
    assert.notEqual(next.body.items[0], previous.body.items[0]);
    expectEqualToFullParse(base + 'x = 2\n', [{ start: gap, end: gap, text: 'x = 1\n' }]);
  });
});
