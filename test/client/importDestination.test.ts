// "Generate import block" decides before any call where its calls go: the settings in force, those written
// where VS Code does not apply them, plain-http endpoints, and the destination every picker title shows.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readImportSettings, stepTitle } from '../../client/src/importFlow';
import { destinationOf, unappliedSettings, type SettingInspection } from '../../client/src/importDestination';
import { insecureEndpointProblem } from '../../server/src/live/endpoint';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));

describe('plain-http endpoints in the editor', () => {
  test('awsccCognito.allowInsecureEndpoint is a restricted, machine-overridable setting, off by default', () => {
    const spec = manifest.contributes.configuration.properties['awsccCognito.allowInsecureEndpoint'];
    assert.equal(spec.default, false);
    assert.equal(spec.scope, 'machine-overridable');
    assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes('awsccCognito.allowInsecureEndpoint'));
  });

  test('the opt-in counts only in a trusted workspace', () => {
    const values: Record<string, unknown> = { endpoint: 'http://10.1.2.3:9229', allowInsecureEndpoint: true };
    assert.equal(readImportSettings((k) => values[k], true).allowInsecureEndpoint, true);
    assert.equal(readImportSettings((k) => values[k], false).allowInsecureEndpoint, false);
  });

  test('the command refuses a remote plain-http endpoint without the opt-in, naming the setting, and accepts it with', () => {
    const values: Record<string, unknown> = { endpoint: 'http://10.1.2.3:9229' };
    const off = readImportSettings((k) => values[k], true);
    const problem = insecureEndpointProblem(off.endpoint!, off.allowInsecureEndpoint, 'editor');
    assert.match(problem ?? '', /unencrypted/);
    assert.match(problem ?? '', /awsccCognito\.allowInsecureEndpoint/);
    assert.doesNotMatch(problem ?? '', /--allow-insecure-endpoint/);
    const on = readImportSettings((k) => ({ ...values, allowInsecureEndpoint: true })[k], true);
    assert.equal(insecureEndpointProblem(on.endpoint!, on.allowInsecureEndpoint, 'editor'), undefined);
  });
});

describe('settings written where VS Code does not apply them', () => {
  const inspectFrom = (table: Record<string, SettingInspection>) => (key: string) => table[key];

  test('a User value that does not come through in a remote window is reported, naming the scope and the window', () => {
    const problems = unappliedSettings(inspectFrom({ endpoint: { globalValue: 'http://127.0.0.1:9229' } }), () => undefined, 'ssh-remote');
    assert.equal(problems.length, 1);
    assert.match(problems[0], /awsccCognito\.endpoint is "http:\/\/127\.0\.0\.1:9229" in the Remote settings, but VS Code gives this window no value/);
    assert.match(problems[0], /this remote window, ssh-remote/);
  });

  test('a workspace value shadowed by nothing but not in force is reported; a value in force is not', () => {
    assert.equal(unappliedSettings(inspectFrom({ profile: { workspaceValue: 'dev' } }), () => '', undefined).length, 1);
    assert.deepEqual(unappliedSettings(inspectFrom({ profile: { workspaceValue: 'dev', globalValue: 'prod' } }), (k) => (k === 'profile' ? 'dev' : undefined), undefined), []);
    assert.deepEqual(unappliedSettings(inspectFrom({}), () => undefined, 'ssh-remote'), []);
  });
});

describe('every picker says where the calls go', () => {
  test('a custom endpoint or the regional AWS endpoints', () => {
    assert.equal(
      stepTitle('AWS profile', destinationOf({ endpoint: 'http://127.0.0.1:9229' })),
      'Generate import block (1/6): AWS profile · calls go to http://127.0.0.1:9229 (awsccCognito.endpoint)',
    );
    assert.match(destinationOf({}), /calls go to the regional AWS endpoints$/);
    assert.match(destinationOf({}, 'ssh-remote'), /no awsccCognito\.endpoint in the Remote or workspace settings/);
  });
});
