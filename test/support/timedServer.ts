// The built server over stdio with its timing log on, for the benchmarks that measure server-side work.
// With AWSCC_COGNITO_TIMINGS=1 the server logs `timing <name> <ms>` lines (`window/logMessage`), optionally
// followed by a breakdown `key=<ms>` ...; this starts such a server on a throw-away folder, collects those
// lines and puts the environment and the folder back afterwards, whatever happens.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type LspSession } from './lspClient';

export interface Timing {
  /** `diagnostics`, `completion`, `hover`, ... */
  name: string;
  ms: number;
  /** The breakdown after the total, e.g. `{ change: 0.4, run: 1.2 }`; empty when the line has none. */
  parts: Record<string, number>;
}

export interface TimedServer {
  session: LspSession;
  /** The server's root folder (temporary; removed afterwards): write the benchmark's files here. */
  dir: string;
  /** Every timing line logged so far, in order. */
  readonly timings: readonly Timing[];
  /**
   * The first timing named `name` logged at index `from` or later (take `timings.length` before the action
   * that causes it). Waits up to `timeoutMs` for it; undefined if none arrives by then.
   */
  next(name: string, from: number, timeoutMs?: number): Promise<Timing | undefined>;
}

/** Parses `timing <name> <ms> [key=<ms> ...]`; undefined for any other log line. */
export function parseTiming(message: string): Timing | undefined {
  const m = /^timing (\S+) ([\d.]+)((?: \w+=[\d.]+)*)$/.exec(message);
  if (!m) return undefined;
  const parts: Record<string, number> = {};
  for (const part of m[3].trim().split(' ').filter(Boolean)) {
    const [key, value] = part.split('=');
    parts[key] = Number(value);
  }
  return { name: m[1], ms: Number(m[2]), parts };
}

export async function withTimedServer<T>(body: (server: TimedServer) => Promise<T>): Promise<T> {
  const previous = process.env.AWSCC_COGNITO_TIMINGS;
  process.env.AWSCC_COGNITO_TIMINGS = '1'; // inherited by the spawned server
  const dir = mkdtempSync(join(tmpdir(), 'awscc-timed-server-'));
  let session: LspSession | undefined;
  try {
    session = await startServer({ rootDir: dir });
    const timings: Timing[] = [];
    const waiters = new Set<() => void>();
    session.connection.onNotification('window/logMessage', (p: { message: string }) => {
      const timing = parseTiming(p.message);
      if (!timing) return;
      timings.push(timing);
      for (const wake of waiters) wake();
    });
    const find = (name: string, from: number) => timings.slice(from).find((t) => t.name === name);
    const next = (name: string, from: number, timeoutMs = 2000) =>
      new Promise<Timing | undefined>((resolve) => {
        const found = find(name, from);
        if (found) return resolve(found);
        const done = (t: Timing | undefined) => {
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(t);
        };
        const wake = () => {
          const t = find(name, from);
          if (t) done(t);
        };
        const timer = setTimeout(() => done(undefined), timeoutMs);
        waiters.add(wake);
      });
    return await body({ session, dir, timings, next });
  } finally {
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
    if (previous === undefined) delete process.env.AWSCC_COGNITO_TIMINGS;
    else process.env.AWSCC_COGNITO_TIMINGS = previous;
  }
}

/** p50, p95 and the maximum of some milliseconds, to three decimals (NaN when there are none). */
export function summary(values: readonly number[]): { p50: number; p95: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  const round = (n: number) => Number(n.toFixed(3));
  return { p50: round(at(0.5)), p95: round(at(0.95)), max: round(sorted[sorted.length - 1] ?? NaN) };
}
