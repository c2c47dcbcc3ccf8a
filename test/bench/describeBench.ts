// Benchmark: describing the same >= 100 app clients one at a time and with several requests in flight,
// against cognito-local (always) and moto (when moto_server is on PATH), in one run.
//
// `runDescribeBench()` returns rows for the main benchmark to print; running this file directly prints
// them itself:  node --import tsx test/bench/describeBench.ts
import { createCognitoClient, describeUserPoolClients, listClientsOfPools, listUserPools } from '../../server/src/live';
import type { ClientRef } from '../../server/src/live/types';
import {
  DUMMY_CREDENTIALS,
  EMULATOR_REGION,
  seedEmulator,
  startCognitoLocal,
  startMoto,
  variedClientSettings,
  type RunningEmulator,
} from '../support/emulators';

export interface DescribeBenchRow {
  emulator: 'cognito-local' | 'moto';
  /** 'list' for listing pools + clients, 'describe' for the describe runs. */
  phase: 'list' | 'describe';
  clients: number;
  /** Requests in flight at once (1 = sequential); 0 for the list phase. */
  concurrency: number;
  /** Median wall time of `runs` runs, in milliseconds. */
  medianMs: number;
  minMs: number;
  runs: number;
  /** Sequential median divided by this median (1 for the sequential row itself). */
  speedup: number;
}

export interface DescribeBenchOptions {
  clients?: number;
  concurrencies?: number[];
  runs?: number;
  /** Also bench moto when it is available (default true). */
  moto?: boolean;
  log?: (line: string) => void;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function benchOne(
  emulator: RunningEmulator,
  options: Required<Omit<DescribeBenchOptions, 'moto' | 'log'>>,
): Promise<DescribeBenchRow[]> {
  // Pools of 40 clients: few pools keeps moto's slow pool creation out of the way.
  const perPool = 40;
  const poolCount = Math.ceil(options.clients / perPool);
  await seedEmulator(emulator.endpoint, {
    pools: Array.from({ length: poolCount }, (_, p) => ({
      name: `bench-${p}`,
      clients: Array.from({ length: Math.min(perPool, options.clients - p * perPool) }, (_, i) => ({
        name: `bench-${p}-${i}`,
        settings: variedClientSettings(p * perPool + i),
      })),
    })),
  });
  const client = createCognitoClient({ region: EMULATOR_REGION, endpoint: emulator.endpoint, credentials: DUMMY_CREDENTIALS, maxAttempts: 1 });
  const rows: DescribeBenchRow[] = [];
  try {
    let refs: ClientRef[] = [];
    const listTimes: number[] = [];
    for (let run = 0; run < options.runs; run++) {
      listTimes.push(
        await timeIt(async () => {
          const pools = await listUserPools(client);
          const listed = await listClientsOfPools(client, pools.map((p) => p.Id));
          refs = listed.clients;
        }),
      );
    }
    rows.push({
      emulator: emulator.kind,
      phase: 'list',
      clients: refs.length,
      concurrency: 0,
      medianMs: median(listTimes),
      minMs: Math.min(...listTimes),
      runs: options.runs,
      speedup: 1,
    });

    await describeUserPoolClients(client, refs, { concurrency: 4 }); // warm-up: connections, JIT
    let sequential = 0;
    for (const concurrency of options.concurrencies) {
      const times: number[] = [];
      for (let run = 0; run < options.runs; run++) {
        times.push(
          await timeIt(async () => {
            const result = await describeUserPoolClients(client, refs, { concurrency });
            if (result.failures.length) throw new Error(`${result.failures.length} describes failed: ${result.failures[0].error.message}`);
          }),
        );
      }
      const med = median(times);
      if (concurrency === 1) sequential = med;
      rows.push({
        emulator: emulator.kind,
        phase: 'describe',
        clients: refs.length,
        concurrency,
        medianMs: med,
        minMs: Math.min(...times),
        runs: options.runs,
        speedup: sequential ? sequential / med : 1,
      });
    }
  } finally {
    client.destroy();
  }
  return rows;
}

export async function runDescribeBench(options: DescribeBenchOptions = {}): Promise<DescribeBenchRow[]> {
  const settings = {
    clients: Math.max(100, options.clients ?? 120),
    // 1 first: the other rows' speedup is relative to it.
    concurrencies: [1, ...(options.concurrencies ?? [4, 8, 16]).filter((c) => c !== 1)],
    runs: options.runs ?? 3,
  };
  const log = options.log ?? (() => undefined);
  const rows: DescribeBenchRow[] = [];

  const local = await startCognitoLocal();
  try {
    log(`describe bench: cognito-local, ${settings.clients} clients`);
    rows.push(...(await benchOne(local, settings)));
  } finally {
    await local.stop();
  }

  if (options.moto !== false) {
    const moto = await startMoto();
    if ('skipReason' in moto) {
      log(`describe bench: moto skipped (${moto.skipReason})`);
    } else {
      try {
        log(`describe bench: moto, ${settings.clients} clients`);
        rows.push(...(await benchOne(moto, settings)));
      } finally {
        await moto.stop();
      }
    }
  }
  return rows;
}

export function formatDescribeBench(rows: DescribeBenchRow[]): string {
  const header = 'emulator       phase     clients  in flight  median ms  min ms  speedup';
  const lines = rows.map((r) =>
    [
      r.emulator.padEnd(14),
      r.phase.padEnd(9),
      String(r.clients).padStart(7),
      (r.phase === 'list' ? '-' : String(r.concurrency)).padStart(10),
      r.medianMs.toFixed(1).padStart(10),
      r.minMs.toFixed(1).padStart(7),
      (r.phase === 'list' ? '' : `${r.speedup.toFixed(2)}x`).padStart(8),
    ].join(' '),
  );
  return [header, ...lines].join('\n');
}

if (require.main === module) {
  runDescribeBench({ log: (l) => console.log(l) })
    .then((rows) => console.log(formatDescribeBench(rows)))
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
