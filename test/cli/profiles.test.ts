// `awscc-cognito profiles` as a user runs it: the built CLI as a process, pointed at throw-away profile
// files through AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE (and HOME), never at the developer's own.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_PROFILE_FILE_BYTES, readAwsProfiles } from '../../server/src/live/awsProfiles';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'awscc-cli-profiles-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let counter = 0;

/** A fresh folder used as HOME, with a config and a credentials file in it (undefined: not written). */
function home(config: string | undefined, credentials: string | undefined) {
  const base = join(dir, String(counter++));
  mkdirSync(base);
  const paths = { home: base, config: join(base, 'config'), credentials: join(base, 'credentials') };
  if (config !== undefined) writeFileSync(paths.config, config);
  if (credentials !== undefined) writeFileSync(paths.credentials, credentials);
  return paths;
}

/**
 * Runs `node dist/cli.js ...args` with no AWS variable inherited from the developer's shell; `env`
 * entries are added on top.
 */
function run(args: string[], env: Record<string, string>) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_')));
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...clean, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The usual run: both variables point at the folder's two files. */
function runWith(paths: ReturnType<typeof home>, args: string[] = []) {
  return run(['profiles', ...args], { HOME: paths.home, AWS_CONFIG_FILE: paths.config, AWS_SHARED_CREDENTIALS_FILE: paths.credentials });
}

/** Text output rows as cells (columns are separated by at least two spaces). */
function table(stdout: string): string[][] {
  return stdout.trimEnd().split('\n').map((line) => line.trim().split(/ {2,}/));
}

interface JsonListing {
  profiles: Array<{ name: string; region: string | null; sso: boolean; sources: string[] }>;
  files: Array<{ kind: string; path: string; state: string; reason?: string }>;
}

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY';
const TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN';
const KEY_ID = 'AKIAEXAMPLEKEYID7777';

const CONFIG = [
  '[profile zeta]',
  'region = eu-west-1',
  '[default]',
  'region = us-east-1',
  '[sso-session corp]',
  'sso_start_url = https://corp.awsapps.com/start',
  '[profile dev]',
  'sso_session = corp',
  'region = eu-central-1',
  '',
].join('\n');
const CREDENTIALS = `[default]\naws_access_key_id = ${KEY_ID}\naws_secret_access_key = ${SECRET}\n[ci]\nregion = ap-south-1\naws_session_token = ${TOKEN}\n`;

describe('awscc-cognito profiles', () => {
  test('text: a table of name, region, SSO and files, default first, then by name', () => {
    const r = runWith(home(CONFIG, CREDENTIALS));
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.deepEqual(table(r.stdout), [
      ['PROFILE', 'REGION', 'SSO', 'FILES'],
      ['default', 'us-east-1', 'no', 'config, credentials'],
      ['ci', 'ap-south-1', 'no', 'credentials'],
      ['dev', 'eu-central-1', 'yes', 'config'],
      ['zeta', 'eu-west-1', 'no', 'config'],
    ]);
  });

  test('json: the same profiles the VS Code picker reads, plus where each file is and how it fared', async () => {
    const paths = home(CONFIG, CREDENTIALS);
    const r = runWith(paths, ['--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const listing = JSON.parse(r.stdout) as JsonListing;
    assert.deepEqual(listing.profiles, [
      { name: 'default', region: 'us-east-1', sso: false, sources: ['config', 'credentials'] },
      { name: 'ci', region: 'ap-south-1', sso: false, sources: ['credentials'] },
      { name: 'dev', region: 'eu-central-1', sso: true, sources: ['config'] },
      { name: 'zeta', region: 'eu-west-1', sso: false, sources: ['config'] },
    ]);
    const picker = await readAwsProfiles({ config: paths.config, credentials: paths.credentials });
    assert.deepEqual(listing.profiles, picker.map((p) => ({ ...p, region: p.region ?? null })));
    assert.deepEqual(listing.files, [
      { kind: 'config', path: paths.config, state: 'read' },
      { kind: 'credentials', path: paths.credentials, state: 'read' },
    ]);
    assert.deepEqual(JSON.parse(runWith(paths, ['--format=json']).stdout), listing, '--format=json works too');
  });

  test('no key id, secret or session token ever appears, in either format, on stdout or stderr', () => {
    // Secrets in every place a careless reader might pick them up: key lines in both files, a nested
    // sub-setting, a credential_process argument, a line without '=' and a value with an inline comment.
    const paths = home(
      `[profile leaky]\naws_secret_access_key = ${SECRET}\ns3 =\n  aws_session_token = ${TOKEN}\ncredential_process = /bin/get --secret ${SECRET}\n`,
      `[leaky]\naws_access_key_id = ${KEY_ID}\naws_secret_access_key = ${SECRET} ; old one: ${TOKEN}\naws_session_token ${TOKEN}\nregion = sa-east-1\n`,
    );
    for (const format of ['text', 'json']) {
      const r = runWith(paths, ['--format', format]);
      assert.equal(r.code, 0, r.stderr);
      // The profile is listed, so the output is not trivially free of secrets by being empty.
      assert.match(r.stdout, /leaky/);
      assert.match(r.stdout, /sa-east-1/);
      for (const secret of [SECRET, TOKEN, KEY_ID]) {
        assert.ok(!r.stdout.includes(secret) && !r.stderr.includes(secret), `${format} output leaked a secret`);
      }
      assert.doesNotMatch(r.stdout + r.stderr, /aws_secret_access_key|aws_session_token|credential_process/);
    }
  });

  test('without the variables: ~/.aws/config and ~/.aws/credentials; a ~/ in a variable means HOME', () => {
    const paths = home(undefined, undefined);
    mkdirSync(join(paths.home, '.aws'));
    writeFileSync(join(paths.home, '.aws', 'config'), '[profile from-home]\nregion = us-west-2\n');
    writeFileSync(join(paths.home, 'elsewhere'), '[tilde]\noutput = json\n');
    const r = run(['profiles', '--format', 'json'], { HOME: paths.home, AWS_SHARED_CREDENTIALS_FILE: '~/elsewhere' });
    assert.equal(r.code, 0, r.stderr);
    const listing = JSON.parse(r.stdout) as JsonListing;
    assert.deepEqual(listing.profiles.map((p) => [p.name, p.region, p.sources]), [['from-home', 'us-west-2', ['config']], ['tilde', null, ['credentials']]]);
    assert.deepEqual(listing.files.map((f) => f.path), [join(paths.home, '.aws', 'config'), join(paths.home, 'elsewhere')]);
  });

  test('no files at all: exit 0, nothing on stdout, and stderr names both paths with a hint about aws configure', () => {
    const paths = home(undefined, undefined);
    const r = run(['profiles'], { HOME: paths.home });
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /no AWS profiles: neither .*\.aws\/config nor .*\.aws\/credentials exists/);
    assert.ok(r.stderr.includes(join(paths.home, '.aws', 'config')), r.stderr);
    assert.match(r.stderr, /`aws configure`/);
    const json = run(['profiles', '--format', 'json'], { HOME: paths.home });
    assert.equal(json.code, 0);
    assert.deepEqual((JSON.parse(json.stdout) as JsonListing).profiles, [], 'stdout stays JSON');
    assert.deepEqual((JSON.parse(json.stdout) as JsonListing).files.map((f) => f.state), ['missing', 'missing']);
  });

  test('files without a profile: exit 0 with the same hint; a variable naming a missing file is pointed out', () => {
    const paths = home('[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\n[stray]\nregion = us-east-1\n', undefined);
    const r = runWith(paths);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '');
    assert.ok(r.stderr.includes(`no AWS profiles in ${paths.config}`), r.stderr);
    assert.match(r.stderr, /`aws configure`/);
    assert.ok(r.stderr.includes(`AWS_SHARED_CREDENTIALS_FILE names ${paths.credentials}, which does not exist`), r.stderr);
  });

  test('a file over the size limit: a clear message, exit 2, and the other file still listed', () => {
    const paths = home(`[profile big]\n${'#'.repeat(MAX_PROFILE_FILE_BYTES)}\n`, '[small]\nregion = us-east-2\n');
    const r = runWith(paths);
    assert.equal(r.code, 2);
    assert.deepEqual(table(r.stdout).slice(1), [['small', 'us-east-2', 'no', 'credentials']]);
    assert.ok(r.stderr.includes(`the config file ${paths.config} is larger than 4 MiB`), r.stderr);
    assert.match(r.stderr, /its profiles are not listed/);
    assert.doesNotMatch(r.stderr, /aws configure/, 'the fix is the file, not a new profile');
    const json = JSON.parse(runWith(paths, ['--format', 'json']).stdout) as JsonListing;
    assert.deepEqual(json.files.map((f) => f.state), ['too-large', 'read']);
  });

  test('an unreadable file: "cannot read" with the system reason, exit 2, and the other file still listed', (t) => {
    const paths = home('[profile fine]\nregion = eu-west-3\n', '[hidden]\nregion = us-east-1\n');
    let unreadable = paths.credentials;
    if (process.getuid?.() !== 0) chmodSync(paths.credentials, 0o000);
    // Root reads a chmod 000 file; /proc/self/mem is a regular file whose first bytes fail to read (EIO).
    else if (existsSync('/proc/self/mem')) unreadable = '/proc/self/mem';
    else {
      t.skip('running as root without /proc: no file to make unreadable');
      return;
    }
    const r = run(['profiles'], { HOME: paths.home, AWS_CONFIG_FILE: paths.config, AWS_SHARED_CREDENTIALS_FILE: unreadable });
    assert.equal(r.code, 2);
    assert.deepEqual(table(r.stdout).slice(1), [['fine', 'eu-west-3', 'no', 'config']]);
    assert.match(r.stderr, new RegExp(`cannot read the credentials file ${unreadable.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\((EACCES|EIO)\\)`));
  });

  test('a folder where a file should be: named as such, exit 2', () => {
    const paths = home(undefined, '[creds]\noutput = json\n');
    mkdirSync(paths.config);
    const r = runWith(paths);
    assert.equal(r.code, 2);
    assert.ok(r.stderr.includes(`the config file ${paths.config} is not a regular file`), r.stderr);
    assert.deepEqual(table(r.stdout).slice(1), [['creds', '(none)', 'no', 'credentials']]);
  });

  test('control characters in a profile name are not passed to the terminal', () => {
    // ESC c resets a terminal; BEL rings it. (A name cannot hold brackets, so no CSI sequence gets this far.)
    // The config file allows no such name after `profile`; a credentials section is taken as written.
    const r = runWith(home(undefined, '[evil\u001bcname\u0007]\nregion = us-east-1\n'));
    assert.equal(r.code, 0, r.stderr);
    assert.ok(!/[\u001b\u0007]/.test(r.stdout), JSON.stringify(r.stdout));
    // Shown as escapes, as everywhere the CLI prints (the same form `--profile` would need spelled out).
    assert.match(r.stdout, /^evil\\u001bcname\\u0007 +us-east-1/m);
    const json = runWith(home(undefined, '[evil\u001bcname\u0007]\nregion = us-east-1\n'), ['--format', 'json']);
    assert.ok(!/[\u001b\u0007]/.test(json.stdout), JSON.stringify(json.stdout));
    assert.equal(JSON.parse(json.stdout).profiles[0].name, 'evil\u001bcname\u0007', 'JSON carries the exact name');
  });

  test('usage errors exit 2 with the reason and print nothing on stdout', () => {
    const paths = home(CONFIG, CREDENTIALS);
    const cases: Array<[string[], RegExp]> = [
      [['--format', 'yaml'], /--format must be text or json \(got yaml\)/],
      [['--format'], /--format must be text or json \(got nothing\)/],
      [['--profile', 'dev'], /unknown option '--profile' for profiles/],
      [['dev'], /profiles takes no positional arguments \(got 'dev'\)/],
    ];
    for (const [args, message] of cases) {
      const r = runWith(paths, args);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stdout, '', args.join(' '));
      assert.match(r.stderr, message);
    }
  });

  test('--help: listed in the main usage, and `profiles --help` explains the command', () => {
    const main = run(['--help'], {});
    assert.equal(main.code, 0);
    assert.match(main.stdout, /awscc-cognito profiles \[--format text\|json\]/);
    const own = run(['profiles', '--help'], {});
    assert.equal(own.code, 0);
    assert.match(own.stdout, /AWS_CONFIG_FILE/);
    assert.match(own.stdout, /Exit codes: 0 listed/);
  });
});
