// Edit sequences for the diagnostics cache: the incrementally updated document must report exactly what a
// fresh parse of its text reports. Shared by cache.test.ts (short) and cache.fuzz.ts (long).
import assert from 'node:assert/strict';
import { createModuleFromTexts } from '../../../server/src/model';
import { computeDiagnostics } from '../../../server/src/features/diagnostics';
import { generateModuleText, seededRandom } from '../../support/generate';

let fresh = 0;
/** Diagnostics of a text in a never-seen document (so nothing can come from the cache). */
function uncached(text: string, otherFiles: Record<string, string> = {}) {
  return computeDiagnostics(createModuleFromTexts({ [`fresh${fresh++}.tf`]: text, ...otherFiles }).contextFor(`fresh${fresh - 1}.tf`));
}

/** `editsPerRun` > 1: several versions between runs, as when typing outpaces the debounce. */
export function checkEditSequence(blocks: number, edits: number, seed: number, editsPerRun = 1): void {
  const rand = seededRandom(seed);
  let text = generateModuleText(blocks, seed);
  const { workspace, contextFor } = createModuleFromTexts({ 'main.tf': text });
  const uri = contextFor('main.tf').document.uri;
  computeDiagnostics(workspace.contextFor(uri)!);
  const pieces = ['x', '\n', '"', '}', ' = 48', '"minutes"', '', '# awscc-cognito-ignore\n', 'ALLOW_', '[', 'locals {\n  u = "days"\n}\n'];
  for (let i = 0; i < edits; i++) {
    const start = Math.floor(rand() * text.length);
    const end = Math.min(text.length, start + (rand() < 0.5 ? 0 : Math.floor(rand() * 12)));
    const insert = pieces[Math.floor(rand() * pieces.length)];
    workspace.changeDocument(uri, i + 2, [{ start, end, text: insert }]);
    text = text.slice(0, start) + insert + text.slice(end);
    if ((i + 1) % editsPerRun !== 0) continue;
    const incremental = computeDiagnostics(workspace.contextFor(uri)!);
    assert.deepEqual(incremental, uncached(text), `after edit ${i} (seed ${seed}): [${start}, ${end}) → ${JSON.stringify(insert)}`);
  }
}

