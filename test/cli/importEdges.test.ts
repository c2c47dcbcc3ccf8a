// `awscc-cognito import` at the network's edges: endpoints that stall or trickle (a purpose-built loopback
// server, test/support/stallServer.ts, because neither emulator nor the fault proxy can answer a byte at a
// time), progress on a stderr that is not a terminal, and plain-http endpoints off this machine.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { networkInterfaces } from 'node:os';
import { CLI } from './importSupport';
import { emulatorEnv } from '../support/emulators';
import { startStallServer, type StallServer } from '../support/stallServer';
import { DEFAULT_CALL_TIMEOUT_MS, DEFAULT_DEADLINE_MS } from '../../server/src/live';

const POOL = 'us-east-1_stall';

/** Runs the built CLI with pipes (stderr is not a terminal); kills it after `limitMs` and says so. */
function runCli(args: string[], limitMs = 30_000): Promise<{ code: number | null; stdout: string; stderr: string; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...emulatorEnv() }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, limitMs);
    child.stdout.on('data', (c: Buffer) => (stdout += c));
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, killed });
    });
  });
}

const clients = Array.from({ length: 13 }, (_, i) => ({ UserPoolId: POOL, ClientId: `client${i}`, ClientName: `app-${i}` }));
const listAnswers = (operation: string) =>
  operation === 'ListUserPools'
    ? { UserPools: [{ Id: POOL, Name: 'stall' }] }
    : operation === 'ListUserPoolClients'
      ? { UserPoolClients: clients }
      : {};

describe('import against an endpoint that stalls or trickles', () => {
  const servers: StallServer[] = [];
  after(async () => {
    for (const s of servers) await s.stop();
  });

  test('an endpoint that trickles one byte a second fails at the per-call timeout, naming endpoint, seconds and the CLI options', async () => {
    const server = await startStallServer((operation) => ({ type: 'trickle', body: listAnswers(operation) }));
    servers.push(server);
    const run = await runCli(['import', '--endpoint', server.endpoint, '--region', 'us-east-1', '--timeout', '1', '--deadline', '20']);
    assert.equal(run.killed, false, `the import did not end by itself; stderr: ${run.stderr}`);
    assert.equal(run.code, 1, run.stderr);
    assert.equal(run.stdout, '');
    assert.ok(run.stderr.includes(`No answer from ${server.endpoint} in 1 s (cognito-idp:ListUserPools)`), run.stderr);
    // The advice names what this user typed, not the editor's settings.
    assert.match(run.stderr, /--endpoint/);
    assert.match(run.stderr, /raise --timeout/);
    assert.doesNotMatch(run.stderr, /awsccCognito/);
  });

  test('describes that stall end the whole import at its deadline; every client is named and progress shows one line per step', async () => {
    const server = await startStallServer((operation) =>
      operation === 'DescribeUserPoolClient' ? { type: 'stall' } : { type: 'answer', body: listAnswers(operation) },
    );
    servers.push(server);
    const run = await runCli(['import', '--endpoint', server.endpoint, '--region', 'us-east-1', '--timeout', '2', '--deadline', '3']);
    assert.equal(run.killed, false, `the import did not end by itself; stderr: ${run.stderr}`);
    assert.equal(run.code, 1, run.stderr);
    assert.equal(run.stdout, '');
    for (const c of clients) assert.ok(run.stderr.includes(`app client "${c.ClientName}" (${c.ClientId})`), `${c.ClientId} reported: ${run.stderr}`);
    assert.match(run.stderr, new RegExp(`No answer from ${server.endpoint} in 3 s: .*deadline`));
    assert.match(run.stderr, /raise --deadline/);
    // Four in flight time out at 2 s; the deadline (3 s) stops the next four; the rest never start.
    assert.ok(server.count('DescribeUserPoolClient') < clients.length, `describes sent: ${server.count('DescribeUserPoolClient')}`);
    // stderr is a pipe here: plain lines, no carriage returns, one per described (or failed) client.
    assert.doesNotMatch(run.stderr, /\r/);
    const lines = run.stderr.split('\n');
    assert.ok(lines.includes(`Listing user pools at ${server.endpoint}...`), run.stderr);
    assert.ok(lines.includes(`Describing 13 app clients at ${server.endpoint}...`), run.stderr);
    for (let i = 1; i <= 13; i++) assert.ok(lines.includes(`Described ${i}/13`), `line "Described ${i}/13" in ${run.stderr}`);
  });

  test('the defaults bound a whole import against a stalled endpoint below 60 s', () => {
    // The two tests above show that the timeout and the deadline end the import; the defaults must keep that under a minute.
    assert.ok(DEFAULT_DEADLINE_MS < 60_000, String(DEFAULT_DEADLINE_MS));
    assert.ok(DEFAULT_CALL_TIMEOUT_MS <= DEFAULT_DEADLINE_MS, String(DEFAULT_CALL_TIMEOUT_MS));
  });
});

/** A non-loopback IPv4 address of this machine, if it has one. */
function lanAddress(): string | undefined {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return undefined;
}

describe('plain-http endpoints', () => {
  test('a plain-http endpoint off this machine is refused before any call (exit 2), saying why and naming the opt-in', async () => {
    // 192.0.2.1 is TEST-NET-1: nothing answers there, and nothing is sent.
    const run = await runCli(['import', '--endpoint', 'http://192.0.2.1:9229', '--region', 'us-east-1']);
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /unencrypted/);
    assert.match(run.stderr, /access key id, session token/);
    assert.match(run.stderr, /--allow-insecure-endpoint/);
    assert.equal(run.stdout, '');
  });

  test('loopback spellings are accepted: the call reaches the local server', async (t) => {
    const server = await startStallServer(() => ({ type: 'answer', body: { UserPools: [] } }));
    try {
      const port = new URL(server.endpoint).port;
      for (const host of ['127.0.0.1', 'localhost', '127.1']) {
        const before = server.count('ListUserPools');
        const run = await runCli(['import', '--endpoint', `http://${host}:${port}`, '--region', 'us-east-1', '--timeout', '5']);
        assert.equal(run.code, 0, `${host}: ${run.stderr}`);
        assert.equal(server.count('ListUserPools'), before + 1, host);
      }
    } finally {
      await server.stop();
    }
    t.diagnostic('[::1] is covered by the unit test of isLoopbackHost (the stall server listens on IPv4 only)');
  });

  test('--allow-insecure-endpoint lets a plain-http endpoint off loopback through', async (t) => {
    const address = lanAddress();
    if (!address) {
      t.skip('this machine has no non-loopback IPv4 address to listen on');
      return;
    }
    const server = await startStallServer(() => ({ type: 'answer', body: { UserPools: [] } }), '0.0.0.0');
    try {
      const endpoint = `http://${address}:${new URL(server.endpoint).port}`;
      const refused = await runCli(['import', '--endpoint', endpoint, '--region', 'us-east-1']);
      assert.equal(refused.code, 2, refused.stderr);
      assert.equal(server.count('ListUserPools'), 0, 'nothing was sent without the opt-in');
      const allowed = await runCli(['import', '--endpoint', endpoint, '--allow-insecure-endpoint', '--region', 'us-east-1', '--timeout', '5']);
      assert.equal(allowed.code, 0, allowed.stderr);
      assert.equal(server.count('ListUserPools'), 1);
    } finally {
      await server.stop();
    }
  });
});
