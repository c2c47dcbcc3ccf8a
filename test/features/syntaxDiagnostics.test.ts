// Syntax errors as published: all of them up to a cap, then one diagnostic that says how many more there are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/parser';
import { MAX_SYNTAX_DIAGNOSTICS, syntaxDiagnostics } from '../../server/src/features/syntaxDiagnostics';

/** `count` lines, each with exactly one syntax error (a stray `]` where an argument should start). */
function brokenLines(count: number): string {
  return ']\n'.repeat(count);
}

test('every syntax error is listed up to the cap', () => {
  const file = parse(brokenLines(MAX_SYNTAX_DIAGNOSTICS));
  assert.equal(file.diagnostics.length, MAX_SYNTAX_DIAGNOSTICS);
  const published = syntaxDiagnostics(file);
  assert.equal(published.length, MAX_SYNTAX_DIAGNOSTICS);
  assert.ok(published.every((d) => d.message === file.diagnostics[0].message));
});

test('beyond the cap, one more diagnostic at the first unlisted error says how many are not listed', () => {
  const file = parse(brokenLines(MAX_SYNTAX_DIAGNOSTICS + 1500));
  const published = syntaxDiagnostics(file);
  assert.equal(published.length, MAX_SYNTAX_DIAGNOSTICS + 1);
  const summary = published[MAX_SYNTAX_DIAGNOSTICS];
  assert.equal(summary.message, '1,500 more syntax errors from here on are not listed (only the first 1,000 are).');
  assert.equal(summary.code, 'CUP001');
  assert.deepEqual(summary.range, { start: { line: MAX_SYNTAX_DIAGNOSTICS, character: 0 }, end: { line: MAX_SYNTAX_DIAGNOSTICS, character: 0 } });
  assert.deepEqual(published[MAX_SYNTAX_DIAGNOSTICS - 1].range.start, { line: MAX_SYNTAX_DIAGNOSTICS - 1, character: 0 });
});
