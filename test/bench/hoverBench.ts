// Benchmark: hover latency at random offsets of a module with 1,000 awscc_cognito_user_pool_client blocks
// (plus a data source, an import block and an output each). Budget: p95 <= 5 ms.
//
// `runHoverBench()` returns a row for the main benchmark to print; running this file directly prints it:
//   node --import tsx test/bench/hoverBench.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hover } from '../../server/src/features/hover';
import { contextFor } from '../support/context';

export interface HoverBenchRow {
  blocks: number;
  bytes: number;
  samples: number;
  /** Offsets that produced a hover. */
  answered: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

export function runHoverBench(blocks = 1000, samples = 5000): HoverBenchRow {
  const unit = readFileSync(join(__dirname, '..', 'fixtures', 'hover', 'complete.tf'), 'utf8');
  const text = Array.from({ length: blocks }, (_, i) =>
    unit
      .replaceAll('"web"', `"web${i}"`)
      .replaceAll('client.web\n', `client.web${i}\n`)
      .replaceAll('"existing"', `"existing${i}"`)
      .replaceAll('"client"', `"client${i}"`),
  ).join('\n');
  const ctx = contextFor(text);
  // Deterministic offsets (LCG) so runs are comparable.
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const offsets = Array.from({ length: samples }, () => Math.floor(next() * text.length));
  for (const o of offsets.slice(0, 500)) hover(ctx, o); // warm-up
  const times: number[] = [];
  let answered = 0;
  for (const o of offsets) {
    const t = performance.now();
    if (hover(ctx, o)) answered++;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Number(times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(4));
  return { blocks, bytes: text.length, samples, answered, p50Ms: at(0.5), p95Ms: at(0.95), maxMs: at(1) };
}

if (require.main === module) {
  console.log(runHoverBench());
}
