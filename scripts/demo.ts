// `npm run demo`: the main job without an AWS account. Starts cognito-local (a devDependency) with three
// sample user pools and a handful of app clients, runs `awscc-cognito import --with-resource` against it,
// prints the generated HCL, and runs our own `check` on it. The emulator is always stopped, also on errors
// and Ctrl+C (the harness kills it when this process exits).
//
// Pass extra import options after `--`, e.g. `npm run demo -- --style for_each`.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { emulatorEnv, seedEmulator, startCognitoLocal, variedClientSettings, type RunningEmulator } from '../test/support/emulators';

const root = resolve(__dirname, '..');
const cli = join(root, 'dist', 'cli.js');

const SAMPLE = {
  pools: [
    { name: 'storefront-customers', clients: ['web-shop', 'ios-app', 'android-app', 'order-service'] },
    { name: 'partner-portal', clients: ['portal-web', 'partner-api'] },
    { name: 'internal-staff', clients: ['admin-console', 'reporting-batch', 'support-desk'] },
  ],
};

function run(args: string[], env: Record<string, string>, cwd?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? 1, stdout, stderr }));
  });
}

function heading(text: string): void {
  process.stdout.write(`\n=== ${text} ===\n`);
}

async function main(): Promise<number> {
  const extra = process.argv.slice(2);
  let emulator: RunningEmulator | undefined;
  const moduleDir = mkdtempSync(join(tmpdir(), 'awscc-cognito-demo-'));
  try {
    heading('Starting cognito-local');
    emulator = await startCognitoLocal();
    let i = 0;
    const pools = await seedEmulator(emulator.endpoint, {
      pools: SAMPLE.pools.map((p) => ({ name: p.name, clients: p.clients.map((name) => ({ name, settings: variedClientSettings(i++) })) })),
    });
    for (const pool of pools) process.stdout.write(`  ${pool.name} (${pool.id}): ${pool.clients.map((c) => c.clientName).join(', ')}\n`);

    const args = ['import', '--endpoint', emulator.endpoint, '--region', 'us-east-1', '--with-resource', '--module', moduleDir, ...extra];
    heading(`awscc-cognito ${args.join(' ')}`);
    const imported = await run(args, emulatorEnv());
    process.stderr.write(imported.stderr);
    process.stdout.write(imported.stdout);
    if (imported.code !== 0) {
      process.stderr.write(`demo: the import exited with ${imported.code}\n`);
      return imported.code;
    }

    // The generated file goes into the (temporary) module folder and is checked there, as a user would.
    writeFileSync(join(moduleDir, 'imports.tf'), imported.stdout);
    heading('awscc-cognito check imports.tf');
    const checked = await run(['check', 'imports.tf'], {}, moduleDir);
    process.stdout.write(checked.stdout ? `${checked.stdout}\n` : '');
    process.stderr.write(checked.stderr);
    const verdict = checked.code !== 0 ? `check: exit code ${checked.code}` : checked.stdout ? 'check: no errors (the lines above are advice).' : 'check: no problems found.';
    process.stdout.write(`${verdict}\n`);
    return checked.code;
  } finally {
    await emulator?.stop();
    rmSync(moduleDir, { recursive: true, force: true });
    process.stdout.write('\nStopped cognito-local.\n');
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`demo failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
