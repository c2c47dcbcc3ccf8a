// A long editing session must not grow the heap: the diagnostics cache keeps block texts across edits, and
// a kept slice of the document would hold on to an old version of its whole ~16 KB chunk (that leaked
// ~17 KB per keystroke). 1,500 keystroke pairs on a 2,000-block module, every tenth one forcing a full
// re-parse; the heap after the last must be about what it was after the first 300.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Workspace } from '../../../server/src/model';
import { computeDiagnostics } from '../../../server/src/features/diagnostics';
import { generateModuleText, seededRandom } from '../../support/generate';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapAfterCollection(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

test('a long editing session keeps the heap flat (1,500 keystroke pairs, 2,000 blocks)', () => {
  const text = generateModuleText(2000, 1);
  const lines = text.split('\n');
  const ws = new Workspace({ listFiles: () => ['main.tf'], readFile: () => undefined });
  const uri = 'file:///virtual/memory/main.tf';
  ws.openDocument(uri, 1, text);
  const rand = seededRandom(3);
  let version = 1;
  let settled = 0;
  for (let e = 1; e <= 1500; e++) {
    const off = ws.getDocument(uri)!.file.lines.offsetAt({ line: Math.floor(rand() * lines.length), character: 0 });
    // A top-level attribute makes the next re-parse a full one.
    const typed = e % 10 === 0 ? 'zz = 1\n' : 'x';
    ws.changeDocument(uri, ++version, [{ start: off, end: off, text: typed }]);
    computeDiagnostics(ws.contextFor(uri)!);
    ws.changeDocument(uri, ++version, [{ start: off, end: off + typed.length, text: '' }]);
    computeDiagnostics(ws.contextFor(uri)!);
    if (e === 300) settled = heapAfterCollection();
  }
  const grown = (heapAfterCollection() - settled) / 1e6;
  console.log(`heap after 300 keystroke pairs: ${(settled / 1e6).toFixed(1)} MB; 1,200 pairs later: ${grown >= 0 ? '+' : ''}${grown.toFixed(1)} MB`);
  // The cache drops edited-away texts now and then, so the heap saws up and down by a few MB.
  assert.ok(grown < 12, `the heap grew by ${grown.toFixed(1)} MB`);
});
