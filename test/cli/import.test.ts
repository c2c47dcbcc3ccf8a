// `awscc-cognito import` as a user runs it: the built CLI against cognito-local (started here), through the
// fault proxy for failures neither emulator produces, and against moto when it is on PATH.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { DescribeUserPoolClientCommand, type UserPoolClientType } from '@aws-sdk/client-cognito-identity-provider';
import {
  DUMMY_CREDENTIALS,
  EMULATOR_REGION,
  emulatorEnv,
  emulatorSdkClient,
  findMotoServer,
  seedEmulator,
  startCognitoLocal,
  startMoto,
  variedClientSettings,
  type RunningEmulator,
  type SeededPool,
} from '../support/emulators';
import { accessDenied, startFaultProxy, throttle, type FaultProxy } from '../support/faultProxy';
import { runImport } from '../../server/src/cli/import';
import { CLI, expectedAttributes, importIds, parseOutput, runCli, type CliRun } from './importSupport';

const POOL_SIZES = [40, 35, 30];
const idOf = (pool: SeededPool, i: number) => `${pool.id}|${pool.clients[i].clientId}`;
const allIds = (pools: SeededPool[]) => pools.flatMap((p) => p.clients.map((_, i) => idOf(p, i)));

function tempModule(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'awscc-import-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function secretsOf(pools: SeededPool[]): string[] {
  return pools.flatMap((p) => p.clients.map((c) => c.secretForLeakChecks).filter((s): s is string => Boolean(s)));
}

function assertNoSecret(secrets: string[], ...texts: string[]) {
  for (const text of texts) {
    for (const secret of secrets) assert.ok(!text.includes(secret), 'a client secret appeared in CLI output');
    assert.doesNotMatch(text, /client_secret|ClientSecret/);
  }
}

async function rawDescribeAll(endpoint: string, pools: SeededPool[]): Promise<Map<string, UserPoolClientType>> {
  const sdk = emulatorSdkClient(endpoint);
  const out = new Map<string, UserPoolClientType>();
  try {
    for (const pool of pools) {
      for (const c of pool.clients) {
        const r = await sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: pool.id, ClientId: c.clientId }));
        out.set(c.clientId, r.UserPoolClient ?? {});
      }
    }
  } finally {
    sdk.destroy();
  }
  return out;
}

function terraformOnPath(): boolean {
  return spawnSync('terraform', ['version'], { encoding: 'utf8' }).status === 0;
}

describe('awscc-cognito import against cognito-local (3 pools, 105 clients)', () => {
  let emulator: RunningEmulator;
  let proxy: FaultProxy;
  let pools: SeededPool[];
  let secrets: string[];
  const runs: CliRun[] = [];
  const dirs: string[] = [];
  // The built CLI in a child process, as a user runs it.
  const importRun = async (args: string[], endpoint = emulator.endpoint) => {
    const r = await runCli(['import', '--endpoint', endpoint, ...args]);
    runs.push(r);
    return r;
  };
  // The same command in this process (same code path after argument parsing, no start-up cost), with the
  // emulator's dummy keys passed explicitly so the developer's own AWS setup is never used.
  const importHere = async (args: string[], endpoint = emulator.endpoint): Promise<CliRun> => {
    let stdout = '';
    let stderr = '';
    const code = await runImport(['--endpoint', endpoint, '--region', EMULATOR_REGION, ...args], {
      out: (t) => (stdout += t),
      err: (t) => (stderr += t),
    }, { credentials: DUMMY_CREDENTIALS });
    const r = { code, stdout, stderr };
    runs.push(r);
    return r;
  };
  const moduleDir = (files: Record<string, string> = {}) => {
    const dir = tempModule(files);
    dirs.push(dir);
    return dir;
  };

  before(async () => {
    emulator = await startCognitoLocal();
    let n = 0;
    pools = await seedEmulator(emulator.endpoint, {
      pools: POOL_SIZES.map((size, p) => ({
        name: `pool-${p}`,
        clients: Array.from({ length: size }, () => ({ name: `app ${n}`, settings: variedClientSettings(n++) })),
      })),
    });
    secrets = secretsOf(pools);
    proxy = await startFaultProxy({ upstream: emulator.endpoint });
  });
  after(async () => {
    await proxy?.stop();
    await emulator?.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  // One full run with resource blocks serves the acceptance checks below (a run over 105 clients is the
  // slow part of this file).
  let full: CliRun;
  let fullDir: string;
  const fullRun = async () => {
    if (!full) {
      fullDir = moduleDir();
      full = await importRun(['--with-resource', '--module', fullDir]);
      writeFileSync(join(fullDir, 'imported.tf'), full.stdout);
    }
    return full;
  };

  test('writes exactly one id import block for every client of every pool', async () => {
    const r = await fullRun();
    assert.equal(r.code, 0, r.stderr);
    const ids = importIds(parseOutput(r.stdout));
    assert.equal(ids.length, 105);
    assert.deepEqual([...ids].sort(), allIds(pools).sort());
    assert.match(r.stderr, /Import and resource blocks for 105 app clients/);
  });

  test('resource blocks: zero errors from our check, unchanged by terraform fmt, values equal to the API description', async (t) => {
    const r = await fullRun();
    assert.equal(r.code, 0, r.stderr);

    const checked = await runCli(['check', '--format', 'json', fullDir]);
    const problems = JSON.parse(checked.stdout) as Array<{ severity: string; code: string; message: string }>;
    assert.deepEqual(problems.filter((p) => p.severity === 'error'), [], 'no errors from check');
    assert.equal(checked.code, 0);

    const out = parseOutput(r.stdout);
    assert.equal(out.resources.size, 105);
    const raw = await rawDescribeAll(emulator.endpoint, pools);
    const byTarget = new Map(out.imports.map((i) => [String(i.to), String(i.id)]));
    for (const [name, attributes] of out.resources) {
      const id = byTarget.get(`\${awscc_cognito_user_pool_client.${name}}`);
      assert.ok(id, `an import block targets ${name}`);
      const clientId = id.split('|')[1];
      assert.deepEqual(attributes, expectedAttributes(raw.get(clientId)!), `resource ${name}`);
    }

    if (!terraformOnPath()) {
      console.log('# skipping the terraform fmt comparison: terraform is not on PATH');
      t.skip('terraform not on PATH');
      return;
    }
    const fmt = spawnSync('terraform', ['fmt', '-check', '-diff', join(fullDir, 'imported.tf')], { encoding: 'utf8' });
    assert.equal(fmt.status, 0, `terraform fmt would change the output:\n${fmt.stdout}${fmt.stderr}`);
  });

  test('round trip: run again against the module holding the output, nothing new is written', async () => {
    await fullRun();
    const again = await importRun(['--with-resource', '--module', fullDir]);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.stdout, '');
    assert.equal((again.stderr.match(/^Skipped /gm) ?? []).length, 105);
    assert.match(again.stderr, /Nothing new to import/);
  });

  test('identity and for_each forms cover every client of a pool', async () => {
    const pool = pools[1];
    const poolIds = pool.clients.map((_, i) => idOf(pool, i)).sort();
    const identity = await importHere(['--style', 'identity', '--user-pool-id', pool.id, '--module', moduleDir()]);
    assert.equal(identity.code, 0, identity.stderr);
    const blocks = parseOutput(identity.stdout).imports;
    assert.equal(blocks.length, pool.clients.length);
    const pairs = blocks.map((b) => {
      const id = b.identity as { user_pool_id: string; client_id: string };
      assert.equal(b.id, undefined, 'identity blocks have no id');
      return `${id.user_pool_id}|${id.client_id}`;
    });
    assert.deepEqual(pairs.sort(), poolIds);

    const forEach = await importHere(['--style', 'for_each', '--with-resource', '--user-pool-id', pool.id, '--module', moduleDir()]);
    assert.equal(forEach.code, 0, forEach.stderr);
    const out = parseOutput(forEach.stdout);
    assert.equal(out.imports.length, 1, 'one import block');
    const map = out.imports[0].for_each as Record<string, string>;
    assert.deepEqual(Object.values(map).sort(), poolIds);
    assert.equal(out.imports[0].to, '${awscc_cognito_user_pool_client.this[each.key]}');
    assert.equal(out.resources.size, 1, 'one for_each resource');
  });

  test('--user-pool-id and --client-id narrow the output; an unknown client id is reported missing (exit 1)', async () => {
    const [, second] = pools;
    const onePool = await importHere(['--user-pool-id', second.id, '--module', moduleDir()]);
    assert.equal(onePool.code, 0, onePool.stderr);
    assert.deepEqual(importIds(parseOutput(onePool.stdout)).sort(), second.clients.map((_, i) => idOf(second, i)).sort());

    const some = await importHere([
      '--user-pool-id', second.id, '--client-id', second.clients[3].clientId, '--client-id', 'nosuchclient', '--module', moduleDir(),
    ]);
    assert.equal(some.code, 1);
    assert.deepEqual(importIds(parseOutput(some.stdout)), [idOf(second, 3)]);
    assert.match(some.stderr, /app client nosuchclient/);
  });

  test('clients the module already imports are skipped; declared ones are imported into their resource', async () => {
    const [first] = pools;
    const imported = first.clients[0];
    const declared = first.clients[1];
    const dir = moduleDir({
      'imports.tf': `import {\n  to = awscc_cognito_user_pool_client.old\n  id = "${first.id}|${imported.clientId}"\n}\n`,
      'main.tf':
        `resource "awscc_cognito_user_pool_client" "old" {\n  user_pool_id = "${first.id}"\n  client_name  = "${imported.clientName}"\n}\n\n` +
        `resource "awscc_cognito_user_pool_client" "mine" {\n  user_pool_id = "${first.id}"\n  client_name  = "${declared.clientName}"\n}\n`,
    });
    const r = await importHere(['--user-pool-id', first.id, '--with-resource', '--module', dir]);
    assert.equal(r.code, 0, r.stderr);
    const out = parseOutput(r.stdout);
    assert.ok(!importIds(out).includes(idOf(first, 0)), 'the imported client is not imported twice');
    assert.match(r.stderr, new RegExp(`Skipped "${imported.clientName}" \\(${imported.clientId}\\)`));
    const intoDeclared = out.imports.find((i) => i.id === idOf(first, 1));
    assert.equal(intoDeclared?.to, '${awscc_cognito_user_pool_client.mine}');
    assert.ok(!out.resources.has('mine'), 'no second resource block for a declared client');
    assert.equal(out.resources.size, first.clients.length - 2);
  });

  test('a failed describe: exit 1, complete blocks for the rest, stderr names the missing client and the IAM action', async () => {
    const victim = pools[2].clients[7];
    proxy.reset();
    proxy.setFaults([{ operation: 'DescribeUserPoolClient', when: (input) => input.ClientId === victim.clientId, fault: accessDenied('cognito-idp:DescribeUserPoolClient') }]);
    try {
      const r = await importHere(['--with-resource', '--user-pool-id', pools[2].id, '--module', moduleDir()], proxy.endpoint);
      assert.equal(r.code, 1);
      const out = parseOutput(r.stdout);
      assert.deepEqual(importIds(out).sort(), allIds([pools[2]]).filter((id) => !id.endsWith(`|${victim.clientId}`)).sort());
      assert.equal(out.resources.size, pools[2].clients.length - 1);
      assert.ok(!r.stdout.includes(victim.clientId), 'nothing about the missing client on stdout');
      assert.match(r.stderr, new RegExp(`app client "${victim.clientName}" \\(${victim.clientId}\\)`));
      assert.match(r.stderr, /cognito-idp:DescribeUserPoolClient/);
      assert.match(r.stderr, /incomplete: 1 item could not be read/);
    } finally {
      proxy.setFaults([]);
    }
  });

  test('throttling: passing throttles are retried by the SDK; a client that stays throttled is reported (exit 1)', async () => {
    const stuck = pools[0].clients[5];
    proxy.reset();
    proxy.setFaults([
      { operation: 'DescribeUserPoolClient', when: (input) => input.ClientId === stuck.clientId, fault: throttle() },
      { operation: 'DescribeUserPoolClient', calls: [1, 2], fault: throttle() },
    ]);
    try {
      const r = await importHere(['--user-pool-id', pools[0].id, '--module', moduleDir()], proxy.endpoint);
      assert.equal(r.code, 1);
      assert.deepEqual(importIds(parseOutput(r.stdout)).sort(), pools[0].clients.map((_, i) => idOf(pools[0], i)).filter((id) => !id.endsWith(stuck.clientId)).sort());
      assert.match(r.stderr, new RegExp(`${stuck.clientId}.*throttling`));
      assert.ok(proxy.attempts('DescribeUserPoolClient') > pools[0].clients.length, 'the SDK retried');
    } finally {
      proxy.setFaults([]);
    }
  });

  test('access denied on ListUserPools: exit 1, empty stdout, the message names the action', async () => {
    proxy.reset();
    proxy.setFaults([{ operation: 'ListUserPools', fault: accessDenied() }]);
    try {
      const r = await importHere(['--module', moduleDir()], proxy.endpoint);
      assert.equal(r.code, 1);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /nothing to write: 1 item could not be read:\n  - the user pools at http/);
      assert.match(r.stderr, /Allow the IAM action cognito-idp:ListUserPools/);
    } finally {
      proxy.setFaults([]);
    }
  });

  test('no user pools: exit 0, nothing on stdout, a note that says what to try', async () => {
    proxy.reset();
    proxy.setFaults([{ operation: 'ListUserPools', fault: { type: 'raw', status: 200, body: '{"UserPools":[]}', contentType: 'application/x-amz-json-1.1' } }]);
    try {
      const r = await importHere(['--module', moduleDir()], proxy.endpoint);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /There are no Cognito user pools at endpoint http.*Pick another region/);
    } finally {
      proxy.setFaults([]);
    }
  });

  test('--concurrency bounds the describes in flight', async () => {
    proxy.reset();
    const r = await importHere(['--user-pool-id', pools[1].id, '--concurrency', '2', '--module', moduleDir()], proxy.endpoint);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(importIds(parseOutput(r.stdout)).length, pools[1].clients.length);
    assert.ok(proxy.peakInFlight() <= 2, `peak ${proxy.peakInFlight()}`);
  });

  test('--profile: keys and region come from the named profile of the shared AWS files (no AWS_REGION)', async () => {
    const home = moduleDir();
    mkdirSync(join(home, '.aws'));
    writeFileSync(join(home, '.aws', 'config'), '[profile emu]\nregion = us-east-1\n');
    writeFileSync(join(home, '.aws', 'credentials'), '[emu]\naws_access_key_id = AKIDPROFILEEMU\naws_secret_access_key = profile-dummy-secret\n');
    proxy.reset();
    const r = await runCli(['import', '--endpoint', proxy.endpoint, '--profile', 'emu', '--user-pool-id', pools[0].id, '--module', moduleDir()], {
      env: {
        AWS_ACCESS_KEY_ID: undefined,
        AWS_SECRET_ACCESS_KEY: undefined,
        AWS_REGION: undefined,
        AWS_DEFAULT_REGION: undefined,
        AWS_CONFIG_FILE: join(home, '.aws', 'config'),
        AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws', 'credentials'),
      },
    });
    runs.push(r);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(importIds(parseOutput(r.stdout)).length, pools[0].clients.length);
    const keys = new Set(proxy.requests.map((q) => q.accessKeyId));
    assert.deepEqual([...keys], ['AKIDPROFILEEMU'], 'every request was signed with the profile keys');
  });

  test('Ctrl+C while describing: exit 130, nothing on stdout', async () => {
    proxy.reset();
    proxy.setFaults([{ operation: 'DescribeUserPoolClient', fault: { type: 'hang' } }]);
    try {
      const child = spawn(process.execPath, [CLI, 'import', '--endpoint', proxy.endpoint, '--module', moduleDir()], {
        env: { ...process.env, ...emulatorEnv() },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      let interrupted = false;
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
      child.stderr.on('data', (c: Buffer) => {
        stderr += c.toString('utf8');
        // Interrupt once the describes are under way (they hang at the proxy until then). Only once: a
        // second Ctrl+C is Node's default, an immediate kill.
        if (!interrupted && stderr.includes('Describing')) {
          interrupted = true;
          child.kill('SIGINT');
        }
      });
      const code = await new Promise<number | null>((done) => child.on('close', done));
      assert.equal(code, 130, stderr);
      assert.equal(stdout, '');
      assert.match(stderr, /cancelled; nothing was written/);
    } finally {
      proxy.setFaults([]);
    }
  });

  test('no client secret in any output, although the API returned secrets', () => {
    assert.ok(secrets.length >= 30, 'the emulator generated secrets for the secret-bearing clients');
    assert.ok(runs.length >= 8);
    for (const r of runs) assertNoSecret(secrets, r.stdout, r.stderr);
    for (const dir of dirs) {
      for (const name of ['imported.tf']) {
        let text = '';
        try {
          text = readFileSync(join(dir, name), 'utf8');
        } catch {
          continue;
        }
        assertNoSecret(secrets, text);
      }
    }
  });
});

describe('awscc-cognito import usage errors (exit 2, before any AWS call)', () => {
  // An endpoint nobody listens on: reaching AWS at all would turn into a network error and exit 1.
  const NOWHERE = ['--endpoint', 'http://127.0.0.1:9'];
  const cases: Array<[string[], RegExp]> = [
    [['--style', 'json'], /--style must be id, identity or for_each/],
    [['--concurrency', '0'], /--concurrency must be a whole number from 1 to 32/],
    [['--concurrency=2.5'], /--concurrency must be a whole number from 1 to 32/],
    [['--region', 'Ireland'], /'Ireland' does not look like an AWS region/],
    [['--region', 'eu-west-1', '--user-pool-id', 'us-east-1_abc'], /lives in us-east-1, which is not among the --region values/],
    [['--region', '--profile', 'x'], /--region needs a value/],
    [['--profile', 'a', '--profile', 'b'], /--profile may be given only once/],
    [['--endpoint', 'ftp://x'], /--endpoint must be an http or https URL/],
    [['--bogus'], /unknown option '--bogus'/],
    [['main.tf'], /import takes no positional arguments/],
    [['--module', '/definitely/not/here'], /is not a folder/],
  ];
  for (const [args, message] of cases) {
    test(`${args.join(' ')}`, async () => {
      let out = '';
      let err = '';
      const argv = args.includes('--endpoint') ? args : [...NOWHERE, ...args];
      const code = await runImport(argv, { out: (t) => (out += t), err: (t) => (err += t) });
      assert.equal(code, 2, err);
      assert.match(err, message);
      assert.equal(out, '');
    });
  }

  test('the built CLI exits 2 too, and --help documents every option', async () => {
    const bad = await runCli(['import', ...NOWHERE, '--style', 'json']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--style must be/);
    const help = await runCli(['import', '--help']);
    assert.equal(help.code, 0);
    for (const option of ['--region', '--profile', '--endpoint', '--user-pool-id', '--client-id', '--style', '--with-resource', '--module', '--concurrency']) {
      assert.ok(help.stdout.includes(option), option);
    }
  });
});

describe('awscc-cognito import against moto', () => {
  test('every client, resource values equal to the API, no secret', async (t) => {
    if (!findMotoServer()) {
      console.log('# skipping the moto import check: moto_server is not on PATH');
      return t.skip('moto_server not on PATH');
    }
    const moto = await startMoto();
    if ('skipReason' in moto) {
      console.log(`# skipping the moto import check: ${moto.skipReason}`);
      return t.skip(moto.skipReason);
    }
    const dir = tempModule();
    try {
      const pools = await seedEmulator(moto.endpoint, {
        pools: [{ name: 'm', clients: [0, 1, 2, 3, 6].map((i) => ({ name: `m-app-${i}`, settings: variedClientSettings(i) })) }],
      });
      const r = await runCli(['import', '--endpoint', moto.endpoint, '--with-resource', '--module', dir]);
      assert.equal(r.code, 0, r.stderr);
      const out = parseOutput(r.stdout);
      assert.deepEqual(importIds(out).sort(), allIds(pools).sort());
      const raw = await rawDescribeAll(moto.endpoint, pools);
      for (const [name, attributes] of out.resources) {
        const id = out.imports.find((i) => i.to === `\${awscc_cognito_user_pool_client.${name}}`)?.id as string;
        assert.deepEqual(attributes, expectedAttributes(raw.get(id.split('|')[1])!), name);
      }
      const secrets = secretsOf(pools);
      assert.ok(secrets.length >= 1);
      assertNoSecret(secrets, r.stdout, r.stderr);
    } finally {
      await moto.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
