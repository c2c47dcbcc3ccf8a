// `awscc-cognito migrate` as a user runs it (the built CLI): the diff, --write, usage errors, and the live
// fill of client IDs against cognito-local seeded with the corpus's clients.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMULATOR_REGION, seedEmulator, startCognitoLocal, type RunningEmulator, type SeededPool } from '../support/emulators';
import { runCli } from './importSupport';

const CORPUS = join(__dirname, '..', 'fixtures', 'migrate');

function copyOf(...names: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'awscc-migrate-'));
  for (const name of names) cpSync(join(CORPUS, name), join(dir, name), { recursive: true });
  return dir;
}

function texts(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), `${prefix}${e.name}/`);
      else out[`${prefix}${e.name}`] = readFileSync(join(d, e.name), 'utf8');
    }
  };
  walk(dir, '');
  return out;
}

describe('awscc-cognito migrate (offline)', () => {
  test('prints a unified diff and changes nothing; exit 1 while client IDs are placeholders', async () => {
    const dir = copyOf('spa');
    try {
      const beforeTexts = texts(dir);
      const r = await runCli(['migrate', 'spa'], { cwd: dir });
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stdout, /^--- a\/spa\/main\.tf\n\+\+\+ b\/spa\/main\.tf\n@@ -\d+,\d+ \+\d+,\d+ @@\n/);
      assert.match(r.stdout, /^-resource "aws_cognito_user_pool_client" "spa" \{$/m);
      assert.match(r.stdout, /^\+resource "awscc_cognito_user_pool_client" "spa" \{$/m);
      assert.match(r.stdout, /^\+  id = "us-east-1_SpaPool01\|FILL-IN-CLIENT-ID"$/m);
      assert.match(r.stderr, /Needs Terraform >= 1\.7\.0/);
      assert.match(r.stderr, /FILL-IN-CLIENT-ID: fill them in/);
      assert.deepEqual(texts(dir), beforeTexts, 'nothing written without --write');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('--write applies exactly the diff to every module under PATH; check then reports only the placeholders', async () => {
    const dir = copyOf('spa', 'keyed');
    try {
      const diff = await runCli(['migrate', '.', '--style', 'identity'], { cwd: dir });
      const r = await runCli(['migrate', '--write', '--style=identity', '.'], { cwd: dir });
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stderr, /Wrote 2 files\./);
      const after = texts(dir);
      for (const file of ['spa/main.tf', 'keyed/main.tf']) {
        for (const line of diff.stdout.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++'))) {
          if (diff.stdout.indexOf(`+++ b/${file}`) >= 0) assert.ok(Object.values(after).some((t) => t.includes(line.slice(1))), line);
        }
      }
      assert.match(after['keyed/main.tf'], /to = awscc_cognito_user_pool_client\.native\["android"\]\n  identity = \{/);
      const check = await runCli(['check', '.'], { cwd: dir });
      assert.equal(check.code, 1);
      const problems = check.stdout.split('\n').filter((l) => / (error|warning) /.test(l));
      assert.equal(problems.length, 3, check.stdout);
      for (const p of problems) assert.match(p, / error CUP613 /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('nothing to convert is exit 0; usage errors are exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'awscc-migrate-'));
    try {
      writeFileSync(join(dir, 'main.tf'), 'resource "awscc_cognito_user_pool_client" "c" {\n  user_pool_id = "us-east-1_Abc123"\n}\n');
      const none = await runCli(['migrate', '.'], { cwd: dir });
      assert.equal(none.code, 0);
      assert.match(none.stderr, /Nothing to convert/);
      assert.equal((await runCli(['migrate'], { cwd: dir })).code, 2);
      assert.equal((await runCli(['migrate', '--style', 'for_each', '.'], { cwd: dir })).code, 2);
      assert.equal((await runCli(['migrate', '--region', 'nowhere', '.'], { cwd: dir })).code, 2);
      assert.equal((await runCli(['migrate', 'missing-folder'], { cwd: dir })).code, 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('awscc-cognito migrate --write with the emulator', () => {
  let emulator: RunningEmulator;
  let pools: SeededPool[];
  before(async () => {
    emulator = await startCognitoLocal();
    // The corpus's clients, one pool per module; the mobile pool also holds a second client with the same
    // name as the one the module manages, so that one cannot be matched by name.
    pools = await seedEmulator(emulator.endpoint, {
      pools: [
        { name: 'spa', clients: [{ name: 'storefront-spa' }, { name: 'other-app' }] },
        { name: 'backend', clients: [{ name: 'reporting-job', settings: { GenerateSecret: true } }] },
        { name: 'dynamic', clients: [{ name: 'partner-portal' }] },
        { name: 'keyed', clients: [{ name: 'shop-ios' }, { name: 'shop-android' }] },
        { name: 'mobile', clients: [{ name: 'field-tablet' }, { name: 'field-tablet' }] },
      ],
    });
  });
  after(async () => emulator?.stop());

  test('fills every client ID by name in its pool; the result passes our check', async () => {
    const names = ['spa', 'backend', 'dynamic', 'keyed'];
    const dir = copyOf(...names);
    try {
      for (const [i, name] of names.entries()) writeFileSync(join(dir, name, 'pool.tf'), `locals {\n  pool_id = "${pools[i].id}"\n}\n`);
      const r = await runCli(['migrate', '--write', '--region', EMULATOR_REGION, '--endpoint', emulator.endpoint, '.'], { cwd: dir });
      assert.equal(r.code, 0, r.stderr);
      const after = texts(dir);
      for (const [i, name] of names.entries()) {
        for (const client of pools[i].clients.filter((c) => c.clientName !== 'other-app')) {
          assert.ok(after[`${name}/main.tf`].includes(`"${pools[i].id}|${client.clientId}"`), `${name}: ${client.clientName} filled`);
        }
      }
      assert.doesNotMatch(Object.values(after).join(''), /FILL-IN-/);
      const check = await runCli(['check', '.'], { cwd: dir });
      assert.equal(check.code, 0, check.stdout);
      assert.deepEqual(check.stdout.split('\n').filter((l) => / (error|warning) /.test(l)), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a name two clients share leaves the placeholder and lists both IDs', async () => {
    const dir = copyOf('mobile');
    try {
      writeFileSync(join(dir, 'mobile', 'pool.tf'), `locals {\n  pool_id = "${pools[4].id}"\n}\n`);
      const r = await runCli(['migrate', '--write', '--region', EMULATOR_REGION, '--endpoint', emulator.endpoint, 'mobile'], { cwd: dir });
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stderr, /has 2 app clients named "field-tablet"/);
      for (const c of pools[4].clients) assert.ok(r.stderr.includes(c.clientId));
      assert.match(texts(dir)['mobile/main.tf'], /FILL-IN-CLIENT-ID/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
