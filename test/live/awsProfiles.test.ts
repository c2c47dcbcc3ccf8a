// Listing AWS profiles for the profile picker and `awscc-cognito profiles`: real files in a throw-away
// folder, read the way the SDK finds them. Only names, regions and the SSO mark come out; secrets never do.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { listAwsProfiles, parseProfiles, profileFileProblem, profileFilePaths, readAwsProfiles, MAX_PROFILE_FILE_BYTES, type ProfileFileReport } from '../../server/src/live/awsProfiles';

const dir = mkdtempSync(join(tmpdir(), 'awscc-profiles-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let counter = 0;

/** Writes a config and a credentials file (undefined: the file does not exist) and returns their paths. */
function files(config: string | undefined, credentials: string | undefined) {
  const base = join(dir, String(counter++));
  mkdirSync(base);
  const paths = { config: join(base, 'config'), credentials: join(base, 'credentials') };
  if (config !== undefined) writeFileSync(paths.config, config);
  if (credentials !== undefined) writeFileSync(paths.credentials, credentials);
  return paths;
}

/**
 * The path of a regular file that cannot be read: the file made chmod 000, or, as root (which reads those
 * anyway), /proc/self/mem, whose first bytes fail with EIO. Undefined where neither works.
 */
function unreadable(path: string): string | undefined {
  if (process.getuid?.() !== 0) {
    chmodSync(path, 0o000);
    return path;
  }
  return existsSync('/proc/self/mem') ? '/proc/self/mem' : undefined;
}

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY';
const TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN';

describe('where the profile files are', () => {
  test('~/.aws/config and ~/.aws/credentials by default', () => {
    assert.deepEqual(profileFilePaths({}, '/home/ana'), { config: join('/home/ana', '.aws', 'config'), credentials: join('/home/ana', '.aws', 'credentials') });
  });

  test('AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE win, with ~/ meaning the home folder; blank values are ignored', () => {
    assert.deepEqual(profileFilePaths({ AWS_CONFIG_FILE: '/etc/aws/cfg', AWS_SHARED_CREDENTIALS_FILE: '~/keys/creds' }, '/home/ana'), {
      config: '/etc/aws/cfg',
      credentials: join('/home/ana', 'keys', 'creds'),
    });
    assert.equal(profileFilePaths({ AWS_CONFIG_FILE: '  ' }, '/home/ana').config, join('/home/ana', '.aws', 'config'));
  });
});

describe('reading profiles', () => {
  test('[default] and [profile name] in config, [name] in credentials; default first, then by name', async () => {
    const paths = files(
      '[profile zeta]\nregion = eu-west-1\n\n[default]\nregion=us-east-1\n[profile alpha]\noutput = json\n',
      `[default]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = ${SECRET}\n[ci-only]\naws_secret_access_key = ${SECRET}\naws_session_token = ${TOKEN}\n`,
    );
    const profiles = await readAwsProfiles(paths);
    assert.deepEqual(profiles, [
      { name: 'default', region: 'us-east-1', sso: false, sources: ['config', 'credentials'] },
      { name: 'alpha', sso: false, sources: ['config'] },
      { name: 'ci-only', sso: false, sources: ['credentials'] },
      { name: 'zeta', region: 'eu-west-1', sso: false, sources: ['config'] },
    ]);
  });

  test('no secret, key id or session token is kept anywhere in the result', async () => {
    const paths = files(`[profile p]\naws_secret_access_key = ${SECRET}\n`, `[p]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = ${SECRET}\naws_session_token = ${TOKEN}\nregion = ap-south-1\n`);
    const serialized = JSON.stringify(await readAwsProfiles(paths));
    for (const secret of [SECRET, TOKEN, 'AKIDEXAMPLE']) assert.ok(!serialized.includes(secret), serialized);
    assert.ok(serialized.includes('ap-south-1'));
  });

  test('SSO profiles are marked, whether through an sso-session or a legacy start URL; sso-session sections are not profiles', () => {
    const profiles = parseProfiles(
      [
        '[sso-session corp]',
        'sso_start_url = https://corp.awsapps.com/start',
        'sso_region = eu-west-1',
        '[profile dev]',
        'sso_session = corp',
        'sso_account_id = 111122223333',
        'region = eu-central-1',
        '[profile legacy]',
        'sso_start_url = https://old.awsapps.com/start#/',
        '[services local]',
        'cognito_identity_provider =',
        '  endpoint_url = http://localhost:9229',
        '[profile plain]',
        'output = json',
      ].join('\n'),
      '',
    );
    assert.deepEqual(
      profiles.map((p) => [p.name, p.sso, p.region]),
      [['dev', true, 'eu-central-1'], ['legacy', true, undefined], ['plain', false, undefined]],
    );
  });

  test('comments with # or ;, inline comments after a value, blank lines, indentation and CRLF', () => {
    const config = '\uFEFF# my config\r\n; another comment\r\n  [profile indented]  # trailing\r\n   region =  sa-east-1   ; the Brazil one\r\n\r\n[profile hash]\r\nregion = eu-north-1#not-a-comment\r\n';
    assert.deepEqual(
      parseProfiles(config, '').map((p) => [p.name, p.region]),
      [['hash', 'eu-north-1#not-a-comment'], ['indented', 'sa-east-1']],
    );
  });

  test('only names the SDK will find are listed: odd blanks, odd characters, empty sections and `Region` are not', () => {
    const config = [
      '[ profile   spaced ]', 'region = us-east-1', // blanks inside the brackets: no section for the SDK
      '[profile two words]', 'region = us-east-1', // a blank in the name: no section
      "[profile 'quoted']", 'region = eu-west-1', // quotes around the name are dropped
      '[profile empty]', // no setting at all: the SDK has no such profile
      '[profile cased]', 'Region = ap-south-1', 'output = json', // keys are case-sensitive
    ].join('\n');
    const credentials = '[ padded ]\nregion = us-west-2\n[profile in-credentials]\nregion = us-west-1\n';
    assert.deepEqual(
      parseProfiles(config, credentials).map((p) => [p.name, p.region]),
      [[' padded ', 'us-west-2'], ['cased', undefined], ['quoted', 'eu-west-1']],
    );
  });

  test('a section named __proto__ makes the SDK ignore the whole file, and the listing says so', async () => {
    const listing = await listAwsProfiles(files('[profile ok]\nregion = us-east-1\n[profile __proto__]\nregion = x\n', '[fine]\nregion = eu-west-1\n'));
    assert.deepEqual(listing.profiles.map((p) => p.name), ['fine']);
    assert.equal(listing.files[0].state, 'refused');
    assert.match(profileFileProblem(listing.files[0]) ?? '', /section named __proto__, for which the AWS SDK ignores the whole file/);
  });

  test('indented sub-settings of a nested key are not taken for the profile region', () => {
    const config = '[profile nested]\ns3 =\n  region = us-west-2\n  max_concurrent_requests = 20\nregion = ca-central-1\n';
    assert.deepEqual(parseProfiles(config, ''), [{ name: 'nested', region: 'ca-central-1', sso: false, sources: ['config'] }]);
  });

  test('a section named twice is merged, the later value winning; the config region wins over the credentials region', () => {
    const config = '[profile twice]\nregion = us-east-1\n[profile twice]\nregion = us-east-2\n[profile both]\nregion = eu-west-3\n';
    const credentials = '[both]\nregion = ap-east-1\n[creds-region]\nregion = me-south-1\n';
    assert.deepEqual(
      parseProfiles(config, credentials).map((p) => [p.name, p.region]),
      [['both', 'eu-west-3'], ['creds-region', 'me-south-1'], ['twice', 'us-east-2']],
    );
  });

  test('a bare [name] in the config file is not a profile (the SDK ignores it), but [profile default] is the default', () => {
    assert.deepEqual(parseProfiles('[stray]\nregion = us-east-1\n[profile default]\nregion = eu-west-1\n', '').map((p) => [p.name, p.region]), [['default', 'eu-west-1']]);
  });

  test('missing files, a folder in place of a file and an empty file give no profiles and no error', async () => {
    assert.deepEqual(await readAwsProfiles(files(undefined, undefined)), []);
    const folder = files(undefined, '');
    mkdirSync(folder.config);
    assert.deepEqual(await readAwsProfiles(folder), []);
  });

  test('an unreadable file is skipped and the other still read', async (t) => {
    const paths = files('[profile hidden]\nregion = us-east-1\n', '[visible]\nregion = us-east-1\n');
    const config = unreadable(paths.config);
    if (!config) {
      t.skip('running as root without /proc: no file to make unreadable');
      return;
    }
    assert.deepEqual((await readAwsProfiles({ ...paths, config })).map((p) => p.name), ['visible']);
  });

  test('a file over the size limit is ignored rather than parsed', async () => {
    const paths = files(`[profile big]\nregion = us-east-1\n${'#'.repeat(MAX_PROFILE_FILE_BYTES)}\n`, '[small]\nregion = us-east-1\n');
    assert.deepEqual((await readAwsProfiles(paths)).map((p) => p.name), ['small']);
  });

  test('binary garbage in a file does not crash and yields only what parses', async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256));
    const paths = files(undefined, undefined);
    writeFileSync(paths.config, Buffer.concat([garbage, Buffer.from('\n[profile after-garbage]\nregion = us-west-1\n')]));
    const profiles = await readAwsProfiles(paths);
    assert.ok(profiles.some((p) => p.name === 'after-garbage' && p.region === 'us-west-1'), JSON.stringify(profiles));
  });

  test('random text never throws, and every profile has a non-empty name and a list of sources', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ maxLength: 300 }), (config, credentials) => {
        for (const p of parseProfiles(config, credentials)) {
          assert.ok(p.name.length > 0);
          assert.ok(p.sources.length > 0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('how each file fared (what `awscc-cognito profiles` reports)', () => {
  test('read, missing, and a missing folder on the way are told apart', async () => {
    const paths = files('[profile a]\n', undefined);
    assert.deepEqual((await listAwsProfiles(paths)).files, [
      { kind: 'config', path: paths.config, state: 'read' },
      { kind: 'credentials', path: paths.credentials, state: 'missing' },
    ]);
    // A path through a file (ENOTDIR) cannot exist either: missing, not unreadable.
    const through = { config: join(paths.config, 'config'), credentials: paths.credentials };
    assert.equal((await listAwsProfiles(through)).files[0].state, 'missing');
  });

  test('a folder, an oversized file and an unreadable file each get their own state; the other file is still read', async (t) => {
    const folder = files(undefined, '[one]\nregion = us-east-1\n');
    mkdirSync(folder.config);
    const big = files(`[profile big]\nregion = us-east-1\n${'#'.repeat(MAX_PROFILE_FILE_BYTES)}\n`, '[two]\nregion = us-east-1\n');
    for (const [paths, state, name] of [[folder, 'not-a-file', 'one'], [big, 'too-large', 'two']] as const) {
      const listing = await listAwsProfiles(paths);
      assert.deepEqual(listing.files.map((f) => f.state), [state, 'read']);
      assert.deepEqual(listing.profiles.map((p) => p.name), [name]);
    }
    const hidden = files('[profile three]\nregion = us-east-1\n', '[hidden]\nregion = us-east-1\n');
    const credentials = unreadable(hidden.credentials);
    if (!credentials) {
      t.skip('running as root without /proc: no file to make unreadable');
      return;
    }
    const listing = await listAwsProfiles({ ...hidden, credentials });
    assert.equal(listing.files[1].state, 'unreadable');
    assert.match(listing.files[1].reason ?? '', /^(EACCES|EIO)$/);
    assert.deepEqual(listing.profiles.map((p) => p.name), ['three']);
  });
});

test('a profile file that exists but gave nothing gets one message (shared by the CLI and the VS Code log); read or missing files none', () => {
  const report = (state: ProfileFileReport['state'], reason?: string): ProfileFileReport => ({ kind: 'credentials', path: '/home/u/.aws/cred\u001bentials', state, reason });
  assert.equal(profileFileProblem(report('read')), undefined);
  assert.equal(profileFileProblem(report('missing')), undefined);
  const unreadable = profileFileProblem(report('unreadable', 'EACCES'))!;
  assert.match(unreadable, /cannot read the credentials file .*\(EACCES\); its profiles are not listed/);
  assert.ok(!unreadable.includes('\u001b'), 'control characters in the path are not printed');
  assert.match(profileFileProblem(report('too-large'))!, /larger than 4 MiB/);
  assert.match(profileFileProblem(report('not-a-file'))!, /not a regular file/);
});
