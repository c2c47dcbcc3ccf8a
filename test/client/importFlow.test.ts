// The editor-free decisions of "Generate import block": settings, picker items, targets and the insertions.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  alreadyInModule,
  chooseTargets,
  clientPickItems,
  composeInsertions,
  COMMON_REGIONS,
  IMPORT_STEPS,
  poolPickItems,
  profilePickItems,
  readImportSettings,
  regionPickItems,
  regionsFromSetting,
  resourcePickItems,
  separatedInsertion,
  stepTitle,
  stylePickItems,
  type Spot,
} from '../../client/src/importFlow';

const settingsFrom = (values: Record<string, unknown>) => (key: string) => values[key];

describe('import settings', () => {
  test('a region setting may be one region, a comma list or an array; junk and duplicates are dropped', () => {
    assert.deepEqual(regionsFromSetting('eu-west-1'), ['eu-west-1']);
    assert.deepEqual(regionsFromSetting(' eu-west-1 , us-east-1,eu-west-1 '), ['eu-west-1', 'us-east-1']);
    assert.deepEqual(regionsFromSetting(['us-gov-west-1', 42, '', 'not a region', 'ap-southeast-4']), ['us-gov-west-1', 'ap-southeast-4']);
    assert.deepEqual(regionsFromSetting(undefined), []);
    assert.deepEqual(regionsFromSetting({ region: 'eu-west-1' }), []);
  });

  test('defaults: id style, no resources, imports file, resources into main.tf, 4 describes at a time', () => {
    const s = readImportSettings(settingsFrom({}), true);
    assert.deepEqual(s, {
      regions: [],
      style: 'id',
      withResource: false,
      target: 'importsFile',
      resourceTarget: 'mainFile',
      concurrency: 4,
      ignoredUntrusted: false,
      allowInsecureEndpoint: false,
    });
  });

  test('configured values are used when valid and replaced by defaults when not', () => {
    const good = readImportSettings(
      settingsFrom({
        region: ['eu-central-1'],
        profile: 'dev',
        endpoint: 'http://127.0.0.1:9229',
        'import.style': 'for_each',
        'import.withResource': true,
        'import.target': 'cursor',
        'import.resourceTarget': 'besideImports',
        'import.concurrency': 12,
      }),
      true,
    );
    assert.equal(good.profile, 'dev');
    assert.equal(good.endpoint, 'http://127.0.0.1:9229');
    assert.equal(good.style, 'for_each');
    assert.equal(good.withResource, true);
    assert.equal(good.target, 'cursor');
    assert.equal(good.resourceTarget, 'besideImports');
    assert.equal(good.concurrency, 12);
    const bad = readImportSettings(
      settingsFrom({ 'import.style': 'ID', 'import.withResource': 'yes', 'import.concurrency': 0.5, 'import.target': 7 }),
      true,
    );
    assert.equal(bad.style, 'id');
    assert.equal(bad.withResource, false);
    assert.equal(bad.concurrency, 4);
    assert.equal(bad.target, 'importsFile');
    assert.equal(readImportSettings(settingsFrom({ 'import.concurrency': 99 }), true).concurrency, 4);
  });

  test('an untrusted workspace cannot choose the profile or endpoint, and the caller learns they were ignored', () => {
    const s = readImportSettings(settingsFrom({ profile: 'prod', endpoint: 'https://evil.example', region: 'eu-west-1' }), false);
    assert.equal(s.profile, undefined);
    assert.equal(s.endpoint, undefined);
    assert.deepEqual(s.regions, ['eu-west-1']);
    assert.equal(s.ignoredUntrusted, true);
    assert.equal(readImportSettings(settingsFrom({ region: 'eu-west-1' }), false).ignoredUntrusted, false);
  });
});

describe('picker items', () => {
  test('configured regions come first and are picked; every common region is offered once', () => {
    const items = regionPickItems(['eu-west-3', 'us-east-1']);
    assert.deepEqual(items.slice(0, 2).map((i) => [i.region, i.picked]), [['eu-west-3', true], ['us-east-1', true]]);
    assert.ok(items.slice(2).every((i) => !i.picked));
    assert.equal(new Set(items.map((i) => i.region)).size, items.length);
    assert.equal(items.length, new Set([...COMMON_REGIONS, 'eu-west-3', 'us-east-1']).size);
  });

  test('without a configured region the environment region is preselected, else the profile default region', () => {
    const items = regionPickItems([], 'ap-south-2');
    assert.deepEqual(items.filter((i) => i.picked).map((i) => i.region), ['ap-south-2']);
    const fallback = regionPickItems([], 'garbage').filter((i) => i.picked);
    assert.deepEqual(fallback.map((i) => [i.label, i.region]), [['Default region', undefined]]);
  });

  test('the region of the chosen profile is preselected when no region is configured, even over AWS_REGION', () => {
    const picked = (items: ReturnType<typeof regionPickItems>) => items.filter((i) => i.picked).map((i) => [i.region, i.description]);
    assert.deepEqual(picked(regionPickItems([], 'us-east-1', { name: 'dev', region: 'eu-central-1' })), [['eu-central-1', 'from profile dev']]);
    assert.deepEqual(picked(regionPickItems(['ap-south-1'], 'us-east-1', { name: 'dev', region: 'eu-central-1' })), [['ap-south-1', 'from awsccCognito.region']]);
    assert.deepEqual(picked(regionPickItems([], 'us-east-1', { name: 'dev' })), [['us-east-1', 'from AWS_REGION']]);
    const items = regionPickItems([], undefined, { name: 'dev', region: 'eu-central-1' });
    assert.equal(items.filter((i) => i.region === 'eu-central-1').length, 1, 'the profile region is not listed twice');
  });

  test('pools show name and id, and their region only when several regions were searched', () => {
    const one = poolPickItems([{ region: 'eu-west-1', pool: { Id: 'eu-west-1_abc', Name: 'users' } }]);
    assert.deepEqual([one[0].label, one[0].description, one[0].detail], ['users', 'eu-west-1_abc', undefined]);
    const two = poolPickItems([
      { region: 'eu-west-1', pool: { Id: 'eu-west-1_abc', Name: 'users' } },
      { region: 'us-east-1', pool: { Id: 'us-east-1_xyz' } },
    ]);
    assert.deepEqual(two.map((i) => [i.label, i.detail]), [['users', 'eu-west-1'], ['us-east-1_xyz', 'us-east-1']]);
  });

  test('clients the module already has are marked with the reason and start unselected', () => {
    const clients = [
      { UserPoolId: 'p', ClientId: 'c1', ClientName: 'web' },
      { UserPoolId: 'p', ClientId: 'c2', ClientName: 'mobile' },
      { UserPoolId: 'p', ClientId: 'c3' },
    ];
    const items = clientPickItems(clients, [{ clientId: 'c2', reason: 'imported by an import block in imports.tf' }]);
    assert.deepEqual(
      items.map((i) => [i.label, i.description, i.picked, i.alreadyInModule]),
      [['web', 'c1', true, false], ['mobile', 'c2', false, true], ['c3', 'c3', true, false]],
    );
    assert.match(items[1].detail ?? '', /imported by an import block in imports\.tf/);
    assert.equal(items[0].detail, undefined);
  });

  test('the renderer answer becomes the already-in-module marks: imported ones and declared ones, not duplicates', () => {
    const marks = alreadyInModule({
      skipped: [
        { clientId: 'c1', userPoolId: 'p', reason: 'already-imported', message: 'An import block already imports this client into awscc_cognito_user_pool_client.a.' },
        { clientId: 'c9', userPoolId: 'p', reason: 'duplicate', message: 'Listed more than once; rendered once.' },
      ],
      clients: [
        { clientId: 'c2', userPoolId: 'p', name: 'web', address: 'awscc_cognito_user_pool_client.web', status: 'declared' },
        { clientId: 'c3', userPoolId: 'p', name: 'api', address: 'awscc_cognito_user_pool_client.api', status: 'new' },
      ],
    });
    assert.deepEqual(marks, [
      { clientId: 'c1', reason: 'An import block already imports this client into awscc_cognito_user_pool_client.a.' },
      { clientId: 'c2', reason: 'declared as awscc_cognito_user_pool_client.web' },
    ]);
  });

  test('the configured style and resource choice come first', () => {
    assert.deepEqual(stylePickItems('identity').map((s) => s.style), ['identity', 'id', 'for_each']);
    assert.deepEqual(stylePickItems('for_each').map((s) => s.style), ['for_each', 'id', 'identity']);
    assert.equal(resourcePickItems(true)[0].withResource, true);
    assert.equal(resourcePickItems(false)[0].withResource, false);
  });
});

describe('targets', () => {
  const editor = { uri: 'file:///w/app/main.tf', path: '/w/app/main.tf', isTerraform: true, offset: 17 };

  test('cursor target: imports at the cursor, resources into main.tf or beside the imports', () => {
    const intoMain = chooseTargets({ target: 'cursor', resourceTarget: 'mainFile' }, editor, '/w');
    assert.deepEqual(intoMain, {
      moduleDir: '/w/app',
      imports: { kind: 'cursor', uri: editor.uri, path: '/w/app/main.tf', offset: 17 },
      resources: { kind: 'fileEnd', path: '/w/app/main.tf' },
    });
    const beside = chooseTargets({ target: 'cursor', resourceTarget: 'besideImports' }, editor, '/w');
    assert.ok(!('error' in beside));
    assert.deepEqual(beside.resources, beside.imports);
  });

  test('imports-file target: the active file decides the module; imports.tf at its end', () => {
    const t = chooseTargets({ target: 'importsFile', resourceTarget: 'besideImports' }, editor, '/w');
    assert.ok(!('error' in t));
    assert.equal(t.moduleDir, '/w/app');
    assert.deepEqual(t.imports, { kind: 'fileEnd', path: '/w/app/imports.tf' });
    assert.deepEqual(t.resources, t.imports);
  });

  test('without a Terraform editor the workspace folder is the module, and a cursor target falls back with a note', () => {
    const t = chooseTargets({ target: 'cursor', resourceTarget: 'mainFile' }, { ...editor, isTerraform: false }, '/w');
    assert.ok(!('error' in t));
    assert.equal(t.moduleDir, '/w');
    assert.deepEqual(t.imports, { kind: 'fileEnd', path: '/w/imports.tf' });
    assert.deepEqual(t.resources, { kind: 'fileEnd', path: '/w/main.tf' });
    assert.match(t.note ?? '', /imports\.tf/);
  });

  test('no editor and no folder: an error that says what to open', () => {
    const t = chooseTargets({ target: 'importsFile', resourceTarget: 'mainFile' }, undefined, undefined);
    assert.ok('error' in t);
    assert.match(t.error, /Open a Terraform file or a folder/);
  });
});

describe('insertions', () => {
  const block = 'import {\n  to = x.y\n  id = "p|c"\n}\n';

  test('into an empty file: the block alone', () => {
    assert.equal(separatedInsertion('', 0, block), block);
  });

  test('at the end of a file: one blank line between, whether or not the file ended with a newline', () => {
    assert.equal('locals {}\n' + separatedInsertion('locals {}\n', 10, block), `locals {}\n\n${block}`);
    assert.equal('locals {}' + separatedInsertion('locals {}', 9, block), `locals {}\n\n${block}`);
    assert.equal('locals {}\n\n' + separatedInsertion('locals {}\n\n', 11, block), `locals {}\n\n${block}`);
  });

  test('between two blocks: blank lines on both sides', () => {
    const existing = 'locals {}\n\nlocals {}\n';
    const offset = 'locals {}\n'.length;
    const result = existing.slice(0, offset) + separatedInsertion(existing, offset, block) + existing.slice(offset);
    assert.equal(result, `locals {}\n\n${block}\nlocals {}\n`);
  });

  test('a CRLF document gets CRLF lines only', () => {
    const existing = 'locals {}\r\n';
    const inserted = separatedInsertion(existing, existing.length, block);
    assert.equal(inserted.replace(/\r\n/g, ''), inserted.replace(/\r\n/g, '').replace(/\n/g, ''));
    assert.equal(existing + inserted, `locals {}\r\n\r\n${block.replace(/\n/g, '\r\n')}`);
  });

  test('imports and resources for the same spot become one insertion, imports first', () => {
    const spot: Spot = { kind: 'fileEnd', path: '/w/imports.tf' };
    const inserted = composeInsertions(
      { importsText: block, resourcesText: 'resource "awscc_cognito_user_pool_client" "y" {\n}\n' },
      { moduleDir: '/w', imports: spot, resources: spot },
      () => '# existing\n',
    );
    assert.equal(inserted.length, 1);
    assert.equal(inserted[0].offset, '# existing\n'.length);
    assert.equal(inserted[0].text, `\n${block}\nresource "awscc_cognito_user_pool_client" "y" {\n}\n`);
  });

  test('separate spots give separate insertions; empty texts give none; cursor offsets are clamped', () => {
    const cursor: Spot = { kind: 'cursor', uri: 'file:///w/a.tf', offset: 500 };
    const main: Spot = { kind: 'fileEnd', path: '/w/main.tf' };
    const texts = new Map<string, string>([['file:///w/a.tf', 'locals {}\n'], ['/w/main.tf', '']]);
    const textOf = (s: Spot) => texts.get(s.kind === 'cursor' ? s.uri : s.path) ?? '';
    const both = composeInsertions({ importsText: block, resourcesText: 'resource "a" "b" {}\n' }, { moduleDir: '/w', imports: cursor, resources: main }, textOf);
    assert.deepEqual(both.map((i) => [i.spot.kind, i.offset]), [['cursor', 10], ['fileEnd', 0]]);
    assert.equal(both[1].text, 'resource "a" "b" {}\n');
    const atEndOfMain: Spot = { kind: 'cursor', uri: 'file:///w/main.tf', path: '/w/main.tf', offset: 3 };
    const merged = composeInsertions({ importsText: block, resourcesText: 'resource "a" "b" {}\n' }, { moduleDir: '/w', imports: atEndOfMain, resources: main }, () => 'x\n\n');
    assert.equal(merged.length, 1, 'a cursor at the end of main.tf and the end of main.tf are one place');
    assert.equal(merged[0].text, `${block}\nresource "a" "b" {}\n`);
    const importsOnly = composeInsertions({ importsText: block, resourcesText: '' }, { moduleDir: '/w', imports: cursor, resources: main }, textOf);
    assert.equal(importsOnly.length, 1);
  });
});

describe('insertion properties', () => {
  const text = fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\r\n', '}', '🙂', '#') });
  test('the existing text is kept byte for byte and the block appears whole, in the document line ending', () => {
    fc.assert(
      fc.property(text, fc.nat(), (existing, at) => {
        const offset = at % (existing.length + 1);
        const block = 'import {\n  to = a.b\n}\n';
        const inserted = separatedInsertion(existing, offset, block);
        const eol = existing.includes('\r\n') ? '\r\n' : '\n';
        assert.ok(inserted.includes(block.replace(/\n/g, eol)), 'the block is inside the insertion');
        assert.equal(inserted.replace(/\r?\n/g, '').replace(/import \{  to = a\.b\}/, ''), '', 'only line breaks besides the block');
      }),
      { numRuns: 400 },
    );
  });
});

describe('profile step', () => {
  const profiles = [
    { name: 'default', region: 'us-east-1', sso: false },
    { name: 'dev', region: 'eu-central-1', sso: true },
    { name: 'ci', sso: false },
  ];

  test('every step has a numbered title, the profile first and the regions second', () => {
    assert.deepEqual(IMPORT_STEPS.map((step) => stepTitle(step)), [
      'Generate import block (1/6): AWS profile',
      'Generate import block (2/6): regions',
      'Generate import block (3/6): user pool',
      'Generate import block (4/6): app clients',
      'Generate import block (5/6): import form',
      'Generate import block (6/6): resource blocks',
    ]);
  });

  test('with no preference the default credential chain comes first and picked, then every profile with its SSO mark and region', () => {
    const items = profilePickItems(profiles);
    assert.deepEqual(items.map((i) => [i.label, i.profile, i.picked === true]), [
      ['Default credential chain', undefined, true],
      ['default', 'default', false],
      ['dev', 'dev', false],
      ['ci', 'ci', false],
    ]);
    assert.deepEqual(items.slice(1).map((i) => [i.description, i.region]), [
      ['us-east-1', 'us-east-1'],
      ['SSO · eu-central-1', 'eu-central-1'],
      ['no region', undefined],
    ]);
  });

  test('the awsccCognito.profile setting is preselected over AWS_PROFILE, and AWS_PROFILE over the default chain', () => {
    const first = (items: ReturnType<typeof profilePickItems>) => [items[0].profile, items[0].detail, items.filter((i) => i.picked).length];
    assert.deepEqual(first(profilePickItems(profiles, 'dev', 'ci')), ['dev', 'from awsccCognito.profile', 1]);
    assert.deepEqual(first(profilePickItems(profiles, '  ', 'ci')), ['ci', 'from AWS_PROFILE', 1]);
    assert.equal(profilePickItems(profiles, 'dev', 'ci').length, profiles.length + 1, 'nothing is listed twice');
  });

  test('a preferred profile that no file declares is still offered first, marked as not found', () => {
    const items = profilePickItems(profiles, 'typo');
    assert.deepEqual([items[0].label, items[0].profile, items[0].picked], ['typo', 'typo', true]);
    assert.match(String(items[0].description), /not found/);
    assert.equal(items[1].label, 'Default credential chain');
    assert.equal(items.length, profiles.length + 2);
  });
});
