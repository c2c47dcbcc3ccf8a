// What the manifest promises about "Generate import block": where the command shows up, which settings
// exist with which defaults, that the AWS-steering settings are restricted in untrusted workspaces, and
// that every setting is documented in docs/import.md. The defaults must agree with what the code assumes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONCURRENCY, readImportSettings } from '../../client/src/importFlow';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const docs = readFileSync(join(root, 'docs', 'import.md'), 'utf8');
const properties = manifest.contributes.configuration.properties as Record<string, { default?: unknown; enum?: string[]; markdownDescription?: string; description?: string }>;
const COMMAND = 'awsccCognito.generateImportBlock';
const SETTINGS = [
  'awsccCognito.region',
  'awsccCognito.profile',
  'awsccCognito.endpoint',
  'awsccCognito.import.style',
  'awsccCognito.import.withResource',
  'awsccCognito.import.target',
  'awsccCognito.import.resourceTarget',
  'awsccCognito.import.concurrency',
];

test('the command is contributed, in the palette and in the editor context menu of Terraform files', () => {
  const command = manifest.contributes.commands.find((c: { command: string }) => c.command === COMMAND);
  assert.equal(command?.title, 'Generate import block');
  assert.ok(manifest.contributes.menus.commandPalette.some((m: { command: string }) => m.command === COMMAND));
  const context = manifest.contributes.menus['editor/context'].find((m: { command: string }) => m.command === COMMAND);
  assert.equal(context?.when, 'resourceLangId == terraform');
});

test('every import setting is contributed with a description and documented in docs/import.md', () => {
  for (const key of SETTINGS) {
    const spec = properties[key];
    assert.ok(spec, `${key} is contributed`);
    assert.ok((spec.markdownDescription ?? spec.description ?? '').length > 20, `${key} has a description`);
    assert.ok(docs.includes(`\`${key}\``), `${key} is in docs/import.md`);
  }
});

test('profile and endpoint cannot be set by an untrusted workspace', () => {
  const restricted = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations as string[];
  assert.ok(restricted.includes('awsccCognito.profile'));
  assert.ok(restricted.includes('awsccCognito.endpoint'));
});

test('the manifest defaults are the defaults the command uses', () => {
  const defaults = Object.fromEntries(SETTINGS.map((k) => [k.slice('awsccCognito.'.length), properties[k].default]));
  const settings = readImportSettings((key) => defaults[key], true);
  assert.deepEqual(settings, readImportSettings(() => undefined, true));
  assert.equal(properties['awsccCognito.import.concurrency'].default, DEFAULT_CONCURRENCY);
  assert.deepEqual(properties['awsccCognito.import.style'].enum, ['id', 'identity', 'for_each']);
  assert.deepEqual(properties['awsccCognito.import.target'].enum?.sort(), ['cursor', 'importsFile']);
  assert.deepEqual(properties['awsccCognito.import.resourceTarget'].enum?.sort(), ['besideImports', 'mainFile']);
});

test('npm run demo is the documented way to see the import without AWS', () => {
  assert.match(manifest.scripts.demo, /scripts\/demo\.ts/);
  assert.match(docs, /npm run demo/);
});
