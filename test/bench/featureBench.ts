// Benchmark: completion and hover through the built server over stdio, on generated modules of 1,000 and
// 10,000 awscc_cognito_user_pool_client blocks. For each request two numbers:
//   - server: request received → response sent, measured inside the server (AWSCC_COGNITO_TIMINGS=1 makes
//     it log `timing <method> <ms>` for every completion and hover), the number the budget is about;
//   - round trip: send → answer as the client sees it (adds JSON encoding and the pipe).
// Budget (server, p95): <= 5 ms at 1,000 blocks, <= 16 ms at 10,000.
// Scenarios: steady (the same document version) and typing (a one-character edit before every request, so
// the request pays for the incremental re-parse and the rebuilt declaration index).
//
//   npm run build && node --import tsx test/bench/featureBench.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateModuleText } from '../support/generate';
import { fileUri } from '../support/lspClient';
import { summary, withTimedServer } from '../support/timedServer';

export interface FeatureBenchRow {
  blocks: number;
  method: 'completion' | 'hover';
  scenario: 'steady' | 'typing';
  /** What the caret positions are (enum value, attribute name, ...). */
  positions: string;
  requests: number;
  /** Mean number of items (completion) or share of answered hovers. */
  answered: number;
  serverP50Ms: number;
  serverP95Ms: number;
  serverMaxMs: number;
  roundTripP95Ms: number;
  budgetMs: number;
}

interface Probe {
  name: string;
  line: number;
  character: number;
}

/** Caret positions of each kind, spread over the file (beginning, middle, end). */
function probes(text: string, method: 'completion' | 'hover'): Map<string, Probe[]> {
  const lines = text.split('\n');
  const found = new Map<string, Probe[]>();
  const add = (name: string, line: number, character: number) => {
    const list = found.get(name) ?? [];
    list.push({ name, line, character });
    found.set(name, list);
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (method === 'completion') {
      if (l.startsWith('  explicit_auth_flows = ["')) add('enum value in list', i, '  explicit_auth_flows = ["'.length);
      if (l.startsWith('  prevent_user_existence_errors = "')) add('enum value in string', i, '  prevent_user_existence_errors = "'.length);
      if (l.startsWith('  client_name')) add('attribute name', i, 4);
      if (l.startsWith('    access_token ')) add('nested key', i, 6);
      if (l.startsWith('  user_pool_id = ')) add('user_pool_id value', i, l.length);
      if (l.startsWith('  to = awscc')) add('import to target (typed)', i, l.length);
      if (l === '  to = ') add('import to target (empty)', i, l.length);
      if (l.startsWith('  value = awscc_cognito_user_pool_client.')) add('reference attribute', i, l.length);
    } else {
      if (l.startsWith('  explicit_auth_flows')) add('attribute name', i, 5);
      if (l.startsWith('  prevent_user_existence_errors = "')) add('enum value', i, '  prevent_user_existence_errors = "'.length + 2);
      if (l.startsWith('  value = awscc_cognito_user_pool_client.')) add('reference', i, l.length - 2);
      if (l.startsWith('  id = "')) add('import id', i, 10);
    }
  }
  // Sixty positions per kind, spread evenly from the beginning of the file to its end.
  for (const [name, list] of found) {
    found.set(name, Array.from({ length: Math.min(60, list.length) }, (_, k) => list[Math.floor((k * list.length) / Math.min(60, list.length))]));
  }
  return found;
}

/** References for completion and hover to find (outputs), and import blocks without a target yet. */
function withOutputs(text: string, blocks: number): string {
  const outputs: string[] = [];
  for (let i = 0; i < blocks; i += Math.max(1, Math.floor(blocks / 50))) {
    outputs.push(`output "client_${i}" {\n  value = awscc_cognito_user_pool_client.client_${i}.client_id\n}\n`);
  }
  // Import blocks still waiting for their target: `to = ` offers every client not imported yet (narrowed to 100).
  const pending = Array.from({ length: 3 }, () => 'import {\n  to = \n}\n');
  return text + '\n' + outputs.join('\n') + '\n' + pending.join('\n');
}

export async function runFeatureBench(sizes: readonly number[] = [1000, 10000], requestsPerKind = 120): Promise<FeatureBenchRow[]> {
  return withTimedServer(async ({ session, dir, timings, next }) => {
    const rows: FeatureBenchRow[] = [];
    // Keep diagnostics out of the way: with the longest debounce they never run while requests keep coming,
    // so the round trips measure completion and hover rather than a diagnostics pass queued before them.
    // The server may still be fetching its settings from initialization, so answer that request the same way.
    const quiet = { diagnostics: { debounceMs: 10_000 } };
    session.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => quiet));
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: { awsccCognito: quiet } });
    for (const blocks of sizes) {
      const text = withOutputs(generateModuleText(blocks), blocks);
      const path = join(dir, `bench-${blocks}.tf`);
      writeFileSync(path, text);
      const uri = fileUri(path);
      let version = 1;
      await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'terraform', version, text } });
      const budgetMs = blocks <= 1000 ? 5 : 16;
      for (const method of ['completion', 'hover'] as const) {
        for (const [positions, list] of probes(text, method)) {
          for (const scenario of ['steady', 'typing'] as const) {
            const server: number[] = [];
            const roundTrip: number[] = [];
            let answered = 0;
            for (let r = 0; r < requestsPerKind + 10; r++) {
              const probe = list[r % list.length];
              if (scenario === 'typing') {
                // Type a space at the end of the file and take it back: a real edit, same positions.
                const lastLine = text.split('\n').length - 1;
                const add = r % 2 === 0;
                await session.connection.sendNotification('textDocument/didChange', {
                  textDocument: { uri, version: ++version },
                  contentChanges: [{ range: { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: add ? 0 : 1 } }, text: add ? ' ' : '' }],
                });
              }
              const before = timings.length;
              const started = performance.now();
              const params = { textDocument: { uri }, position: { line: probe.line, character: probe.character } };
              const result = (await session.connection.sendRequest(`textDocument/${method}`, params)) as { items?: unknown[] } | null;
              const elapsed = performance.now() - started;
              // The log notification is written before the response, so it has arrived by now.
              const serverMs = (await next(method, before, 0))?.ms ?? NaN;
              if (r < 10) continue; // warm-up
              server.push(serverMs);
              roundTrip.push(elapsed);
              answered += method === 'completion' ? (result?.items?.length ?? 0) : result ? 1 : 0;
            }
            const s = summary(server);
            rows.push({
              blocks,
              method,
              scenario,
              positions,
              requests: server.length,
              answered: Number((answered / server.length).toFixed(3)),
              serverP50Ms: s.p50,
              serverP95Ms: s.p95,
              serverMaxMs: s.max,
              roundTripP95Ms: summary(roundTrip).p95,
              budgetMs,
            });
          }
        }
      }
      await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
    return rows;
  });
}

if (require.main === module) {
  runFeatureBench().then(
    (rows) => {
      console.table(rows);
      const over = rows.filter((r) => r.serverP95Ms > r.budgetMs);
      console.log(over.length === 0 ? 'all within budget' : `${over.length} rows over budget`);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
