// Benchmark: keystroke → published diagnostics through the built server over stdio, on a generated module
// of 1,000 awscc_cognito_user_pool_client blocks, with the debounce set to 0. Two numbers per edit:
//   - server: the server's own work from the change's arrival to the publication, without the debounce
//     wait (AWSCC_COGNITO_TIMINGS=1 makes it log `timing diagnostics <ms>`: change handling + the
//     diagnostics run), the number the budget is about;
//   - round trip: didChange sent → publishDiagnostics received by the client (adds JSON and the pipe; with
//     thousands of diagnostics in the file the encoding is a visible share).
// The generated module (random token units) yields ~4,700 diagnostics, ~1.2 MB of JSON per publication,
// whose encoding alone takes several milliseconds; a second module with conventional units shows the cost
// without that volume.
// Edits: one character typed or deleted at positions spread over the file (inside values, names, between
// blocks), alternating so the file keeps its size. Budget (server, p95): <= 5 ms at 1,000 blocks.
//
//   npm run build && node --import tsx test/bench/diagnosticsBench.ts
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateModuleText, seededRandom } from '../support/generate';
import { fileUri, startServer, type LspSession } from '../support/lspClient';

export interface DiagnosticsBenchRow {
  blocks: number;
  /** 'generated': test/support/generate.ts as is (random units make thousands of token-validity findings); 'sane units': the same module with conventional units, so few findings. */
  module: 'generated' | 'sane units';
  edits: number;
  /** Diagnostics published for the file (all severities). */
  diagnostics: number;
  serverP50Ms: number;
  serverP95Ms: number;
  serverMaxMs: number;
  roundTripP50Ms: number;
  roundTripP95Ms: number;
  budgetMs: number;
}

/** Hours for access and ID tokens and days for refresh tokens: the generated validity numbers then all fit. */
function saneUnits(text: string): string {
  return text
    .replace(/(access_token|id_token)(\s*)= "\w+"/g, '$1$2= "hours"')
    .replace(/refresh_token(\s*)= "\w+"/g, 'refresh_token$1= "days"');
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const round = (n: number) => Number(n.toFixed(3));

export async function runDiagnosticsBench(sizes: readonly number[] = [1000], edits = Number(process.env.BENCH_EDITS ?? 200)): Promise<DiagnosticsBenchRow[]> {
  const rows: DiagnosticsBenchRow[] = [];
  const previous = process.env.AWSCC_COGNITO_TIMINGS;
  process.env.AWSCC_COGNITO_TIMINGS = '1'; // inherited by the spawned server
  const dir = mkdtempSync(join(tmpdir(), 'awscc-diagnostics-bench-'));
  let session: LspSession | undefined;
  try {
    session = await startServer({ rootDir: dir });
    const timings: number[] = [];
    let onTiming: (() => void) | undefined;
    session.connection.onNotification('window/logMessage', (p: { message: string }) => {
      const m = /^timing diagnostics ([\d.]+)$/.exec(p.message);
      if (!m) return;
      timings.push(Number(m[1]));
      onTiming?.();
    });
    // The server logs the timing right after it publishes: wait for it (briefly) after each publication.
    const nextTiming = (count: number) =>
      new Promise<void>((resolve) => {
        if (timings.length > count) return resolve();
        const timer = setTimeout(resolve, 2000);
        onTiming = () => {
          if (timings.length > count) {
            clearTimeout(timer);
            resolve();
          }
        };
      });
    for (const [blocks, kind] of sizes.flatMap((b) => [[b, 'generated'], [b, 'sane units']] as const)) {
      const text = kind === 'generated' ? generateModuleText(blocks) : saneUnits(generateModuleText(blocks));
      const path = join(dir, `bench-${blocks}-${kind.replace(' ', '-')}.tf`);
      writeFileSync(path, text);
      const uri = fileUri(path);
      let version = 1;
      const opened = session.nextDiagnostics(uri, version, 60_000);
      await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'terraform', version, text } });
      const count = (await opened).length;
      const lines = text.split('\n');
      const rand = seededRandom(42);
      const server: number[] = [];
      const roundTrip: number[] = [];
      let typed: { line: number; character: number } | undefined;
      for (let e = 0; e < edits + 10; e++) {
        let change;
        if (!typed) {
          const line = Math.floor(rand() * lines.length);
          const character = Math.floor(rand() * (lines[line].length + 1));
          typed = { line, character };
          change = { range: { start: typed, end: typed }, text: 'x' };
        } else {
          change = { range: { start: typed, end: { line: typed.line, character: typed.character + 1 } }, text: '' };
          typed = undefined;
        }
        const before = timings.length;
        version++;
        const published = session.nextDiagnostics(uri, version, 30_000);
        const started = performance.now();
        await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
        await published;
        const elapsed = performance.now() - started;
        await nextTiming(before);
        const serverMs = timings.length > before ? timings[timings.length - 1] : NaN;
        if (e < 10) continue; // warm-up
        server.push(serverMs);
        roundTrip.push(elapsed);
      }
      server.sort((a, b) => a - b);
      roundTrip.sort((a, b) => a - b);
      rows.push({
        blocks,
        module: kind,
        edits: server.length,
        diagnostics: count,
        serverP50Ms: round(quantile(server, 0.5)),
        serverP95Ms: round(quantile(server, 0.95)),
        serverMaxMs: round(server[server.length - 1]),
        roundTripP50Ms: round(quantile(roundTrip, 0.5)),
        roundTripP95Ms: round(quantile(roundTrip, 0.95)),
        budgetMs: 5,
      });
      await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
  } finally {
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
    if (previous === undefined) delete process.env.AWSCC_COGNITO_TIMINGS;
    else process.env.AWSCC_COGNITO_TIMINGS = previous;
  }
  return rows;
}

if (require.main === module) {
  runDiagnosticsBench().then(
    (rows) => {
      console.table(rows);
      const over = rows.filter((r) => !(r.serverP95Ms <= r.budgetMs));
      console.log(over.length === 0 ? 'all within budget' : `${over.length} rows over budget`);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
