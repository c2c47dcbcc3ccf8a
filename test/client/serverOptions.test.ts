// How the VS Code client starts the language server (client/src/serverOptions.ts): over IPC, without the
// extension host's NODE_EXTRA_CA_CERTS (the server makes no TLS connection, and the variable costs every
// Node start tens of milliseconds).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NodeModule } from 'vscode-languageclient/node';
import { serverOptions } from '../../client/src/serverOptions';

const IPC = 1; // TransportKind.ipc (vscode-languageclient/node cannot load outside VS Code)

test('run and debug start the server module over IPC with NODE_EXTRA_CA_CERTS removed; debug adds the inspector', () => {
  const options = serverOptions('/ext/dist/server.js', IPC) as { run: NodeModule; debug: NodeModule };
  for (const mode of [options.run, options.debug]) {
    assert.equal(mode.module, '/ext/dist/server.js');
    assert.equal(mode.transport, IPC);
    const env = mode.options?.env as Record<string, unknown>;
    assert.ok(Object.hasOwn(env, 'NODE_EXTRA_CA_CERTS'), 'named, so that it overrides the inherited value');
    assert.equal(env.NODE_EXTRA_CA_CERTS, undefined);
    assert.deepEqual(Object.keys(env), ['NODE_EXTRA_CA_CERTS'], 'nothing else of the environment is changed');
  }
  assert.equal(options.run.options?.execArgv, undefined);
  assert.deepEqual(options.debug.options?.execArgv, ['--nolazy', '--inspect=6011']);
});

test('a process forked the way vscode-languageclient forks it does not see NODE_EXTRA_CA_CERTS, and sees the rest', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'awscc-server-env-'));
  try {
    const probe = join(dir, 'probe.js');
    writeFileSync(probe, "process.send({ certs: process.env.NODE_EXTRA_CA_CERTS ?? null, other: process.env.AWSCC_PROBE ?? null }, () => process.exit(0));\n");
    const { run } = serverOptions(probe, IPC) as { run: NodeModule };
    // vscode-languageclient (lib/node/main.js, getEnvironment) copies the extension host's environment, sets
    // ELECTRON_RUN_AS_NODE, then overlays options.env key by key, undefined values included.
    const host = { ...process.env, NODE_EXTRA_CA_CERTS: join(dir, 'no-such-bundle.pem'), AWSCC_PROBE: 'kept' };
    const env: Record<string, string | undefined> = { ...host, ELECTRON_RUN_AS_NODE: '1' };
    for (const [key, value] of Object.entries(run.options?.env ?? {})) env[key] = value as string | undefined;
    // vscode-languageclient forks with options.execArgv or none: not this test runner's (tsx).
    const child = fork(run.module, [], { env, stdio: ['ignore', 'ignore', 'inherit', 'ipc'], execArgv: run.options?.execArgv ?? [] });
    const seen = await new Promise((resolve, reject) => {
      child.once('message', resolve);
      child.once('exit', (code) => reject(new Error(`probe exited ${code} without a message`)));
    });
    assert.deepEqual(seen, { certs: null, other: 'kept' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
