// Parser benchmark section: bare character scan vs our full parse, our incremental reparse after a
// one-character edit, and hcl2-parser, on generated modules of 100, 1,000 and 10,000 blocks.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as parserSource from '../../server/src/parser';
import type { HclFile } from '../../server/src/parser';
import { generateModuleText, seededRandom } from '../support/generate';

// The parser as it ships: bundled by esbuild like dist/server.js (`npm run bench` builds out/parser.js).
// Under tsx's per-file transform the same code runs ~10% slower: imported bindings become getters.
const bundled = join(__dirname, '..', '..', 'out', 'parser.js');
const measured = existsSync(bundled) ? 'bundle (out/parser.js)' : 'tsx source (out/parser.js not built)';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse, reparse } = (existsSync(bundled) ? require(bundled) : parserSource) as typeof parserSource;

export interface Row {
  name: string;
  blocks: number;
  bytes: number;
  /** Median wall time in milliseconds (undefined when skipped). */
  ms?: number;
  /** ms divided by the bare scan of the same text. */
  xScan?: number;
  runs: number;
  note?: string;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

function time(fn: () => void, runs: number, warmups: number): number {
  for (let i = 0; i < warmups; i++) fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    xs.push(performance.now() - t0);
  }
  return median(xs);
}

function bareScan(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum = (sum + text.charCodeAt(i)) | 0;
  return sum;
}

/** Reads the body of every top-level block, which builds its objects. */
function readEveryBody(file: HclFile): number {
  let n = 0;
  for (const item of file.body.items) if (item.kind === 'Block') n += item.body.items.length;
  return n;
}

/** Offsets inside string values in the middle half of the text: a realistic keystroke. */
function editOffsets(text: string, count: number): number[] {
  const rand = seededRandom(42);
  const out: number[] = [];
  while (out.length < count) {
    const at = Math.floor(text.length * (0.25 + rand() * 0.5));
    const quote = text.indexOf('client_name  = "', at);
    if (quote > 0) out.push(quote + 'client_name  = "'.length + 1);
  }
  return out;
}

export async function runParserBench(sizes: number[] = [100, 1000, 10_000]): Promise<Row[]> {
  const rows: Row[] = [];
  let hcl2PerByte: number | undefined;
  // Warm the JIT on a mid-size input first, so the first size is not measured in unoptimized code.
  const warm = generateModuleText(300, 9);
  for (let i = 0; i < 8; i++) parse(warm);
  for (const blocks of sizes) {
    const text = generateModuleText(blocks, 1);
    const bytes = Buffer.byteLength(text);
    const runs = blocks >= 10_000 ? 5 : 9;
    const scan = time(() => bareScan(text), runs * 3, 5);
    rows.push({ name: 'bare charCodeAt scan', blocks, bytes, ms: scan, xScan: 1, runs: runs * 3, note: blocks === sizes[0] ? `parser measured: ${measured}` : undefined });
    const full = time(() => parse(text), runs, 2);
    rows.push({ name: 'full parse', blocks, bytes, ms: full, xScan: full / scan, runs, note: 'block bodies packed until read' });
    // What a reader of every block pays in all: the parse plus building every body's objects (the server
    // reads the bodies of our resources and import blocks; other blocks stay packed).
    const everyBody = time(() => readEveryBody(parse(text)), runs, 2);
    rows.push({ name: 'full parse + every body read', blocks, bytes, ms: everyBody, xScan: everyBody / scan, runs, note: 'all blocks are ours here' });

    // Reparse of a fresh (flat-text) previous version with its line table computed, as in the editor.
    // Each run needs its own previous version (reparse moves its nodes on), parsed outside the timing.
    const offsets = editOffsets(text, 25);
    const reparseRuns = blocks >= 10_000 ? 5 : 15;
    const reparseTimes: number[] = [];
    for (let k = 0; k < reparseRuns + 2; k++) {
      const base: HclFile = parse(text);
      void base.lines.lineCount;
      const at = offsets[k % offsets.length];
      const t0 = performance.now();
      reparse(base, [{ start: at, end: at, text: 'x' }]);
      if (k >= 2) reparseTimes.push(performance.now() - t0);
    }
    const reparseMs = median(reparseTimes);
    rows.push({ name: 'reparse after a 1-char edit', blocks, bytes, ms: reparseMs, xScan: reparseMs / scan, runs: reparseRuns, note: 'edit in the middle half' });

    // Typing: each keystroke re-parses the previous result, as the server does. The text is chunked
    // (DocumentText), so no keystroke copies the whole document; a consumer that asks for \`file.text\` would.
    let current: HclFile = parse(text);
    void current.lines.lineCount;
    const typing: number[] = [];
    for (let k = 0; k < 22; k++) {
      const t0 = performance.now();
      current = reparse(current, [{ start: offsets[0] + k, end: offsets[0] + k, text: 'x' }]);
      if (k >= 2) typing.push(performance.now() - t0);
    }
    const typingMs = median(typing);
    rows.push({ name: 'reparse while typing (chained)', blocks, bytes, ms: typingMs, xScan: typingMs / scan, runs: 20, note: 'each edit on the previous result' });

  }

  // hcl2-parser is ~1000x slower and leaves a large heap behind, so it runs after all of ours: measured
  // once per size (three times at 100 blocks), and skipped when the estimate from a smaller size is too long.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const hcl2 = require('hcl2-parser') as { parseToObject(src: string): unknown };
  for (const blocks of sizes) {
    const text = generateModuleText(blocks, 1);
    const bytes = Buffer.byteLength(text);
    const scan = rows.find((r) => r.blocks === blocks && r.name === 'bare charCodeAt scan')?.ms ?? NaN;
    const estimate = hcl2PerByte === undefined ? undefined : hcl2PerByte * bytes;
    if (blocks > 1000 && estimate !== undefined && estimate > 20_000) {
      rows.push({ name: 'hcl2-parser parseToObject', blocks, bytes, runs: 0, note: `skipped: estimated ${(estimate / 1000).toFixed(0)} s from the smaller size` });
      continue;
    }
    const hcl2Runs = blocks <= 100 ? 3 : 1;
    const ms = time(() => hcl2.parseToObject(text), hcl2Runs, blocks <= 100 ? 1 : 0);
    hcl2PerByte = ms / bytes;
    rows.push({ name: 'hcl2-parser parseToObject', blocks, bytes, ms, xScan: ms / scan, runs: hcl2Runs });
  }
  return rows;
}
