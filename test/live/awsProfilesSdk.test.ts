// The profile listing against the AWS SDK's own reader of the same files (@smithy/core's
// loadSharedConfigFiles, which the SDK client uses): every profile we list is one the SDK finds, with the
// region the SDK would use, and every profile the SDK finds is listed.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { loadSharedConfigFiles } from '@smithy/core/config';
import { listAwsProfiles } from '../../server/src/live/awsProfiles';

const dir = mkdtempSync(join(tmpdir(), 'awscc-profiles-sdk-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let counter = 0;

type Listed = [name: string, region: string | undefined, sso: boolean];

/** What the SDK makes of the two files: its profiles, each with the region it would use and the SSO mark. */
async function sdkProfiles(config: string, credentials: string): Promise<Listed[]> {
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ configFilepath: config, filepath: credentials, ignoreCache: true });
  const names = new Set<string>();
  // The config file's keys are profile names, plus `sso-session.x` / `services.x`, which are not profiles.
  for (const key of Object.keys(configFile)) if (!/^(sso-session|services)\./.test(key)) names.add(key);
  // The credentials file's keys are its section names; `[profile x]` there is filed as `profile.x`.
  for (const key of Object.keys(credentialsFile)) if (!/^(profile|sso-session|services)\./.test(key) && key !== '') names.add(key);
  return [...names].sort().map((name) => {
    // As the SDK's region lookup does it: the config file's values win over the credentials file's.
    const merged = { ...credentialsFile[name], ...configFile[name] };
    return [name, merged.region || undefined, merged.sso_session !== undefined || merged.sso_start_url !== undefined];
  });
}

async function ourProfiles(config: string, credentials: string): Promise<Listed[]> {
  const listing = await listAwsProfiles({ config, credentials });
  return listing.profiles.map((p): Listed => [p.name, p.region, p.sso]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

const PIECES = [
  '[default]', '[profile dev]', '[profile  dev]', '[ profile dev ]', '[profile "q"]', "[profile 'q']", '[profile two words]',
  '[profile a.b]', '[sso-session corp]', '[services local]', '[plain]', '[ plain ]', '[]', '[profile]', '[other thing]',
  '[profile __proto__]', 'region = eu-west-1', 'region=us-east-1', 'Region = ap-south-1', 'region =', 'region = x # c',
  'region = y#z', '; comment', '# comment', 's3 =', '  region = nested', '\tmax = 1', 'sso_session = corp',
  'sso_start_url = https://x', 'output = json', '= nothing', 'novalue', '\uFEFF', ' ', '',
];

function iniText(): fc.Arbitrary<string> {
  return fc
    .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }), { maxLength: 30 })
    .chain((lines) => fc.constantFrom('\n', '\r\n').map((eol) => lines.join(eol)));
}

test('on generated files, the listed profiles, regions and SSO marks are exactly the SDK\'s', async () => {
  await fc.assert(
    fc.asyncProperty(iniText(), iniText(), async (configText, credentialsText) => {
      const base = join(dir, String(counter++));
      const config = `${base}-config`;
      const credentials = `${base}-credentials`;
      writeFileSync(config, configText);
      writeFileSync(credentials, credentialsText);
      assert.deepEqual(await ourProfiles(config, credentials), await sdkProfiles(config, credentials));
    }),
    { numRuns: 300 },
  );
});

test('the cases that used to differ: blanks in brackets, names with blanks, quotes, empty sections, key case', async () => {
  const base = join(dir, 'fixed');
  writeFileSync(`${base}-config`, "[ profile   spaced ]\nregion = a\n[profile two words]\nregion = b\n[profile 'q']\nregion = c\n[profile empty]\n[profile cased]\nRegion = d\noutput = json\n");
  writeFileSync(`${base}-credentials`, '[ padded ]\nregion = e\n');
  const ours = await ourProfiles(`${base}-config`, `${base}-credentials`);
  assert.deepEqual(ours, await sdkProfiles(`${base}-config`, `${base}-credentials`));
  assert.deepEqual(ours.map((p) => p[0]), [' padded ', 'cased', 'q']);
});
