// What the server makes of the `awsccCognito` settings section, as VS Code and other clients send it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultSettings, readSettings } from '../../server/src/settings';

test('reads severities, debounce and coexistence from the nested section', () => {
  const s = readSettings({
    diagnostics: { debounceMs: 40, severity: { CUP502: 'off', CUP206: 'error', CUP999: 'loud' } },
    coexistence: 'never-yield',
  });
  assert.equal(s.debounceMs, 40);
  assert.deepEqual(s.severities, { CUP502: 'off', CUP206: 'error' }, 'an unknown level is dropped, not guessed');
  assert.equal(s.coexistence, 'never-yield');
});

test('malformed values fall back to the defaults instead of failing', () => {
  for (const bad of [undefined, null, 42, 'x', { diagnostics: 'no' }, { diagnostics: { debounceMs: -5, severity: [1] }, coexistence: 'sometimes' }]) {
    assert.deepEqual(readSettings(bad), defaultSettings, JSON.stringify(bad));
  }
});

test('the defaults equal what the extension manifest declares', () => {
  const props = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')).contributes.configuration.properties;
  assert.equal(props['awsccCognito.diagnostics.debounceMs'].default, defaultSettings.debounceMs);
  assert.equal(props['awsccCognito.coexistence'].default, defaultSettings.coexistence);
  assert.deepEqual(props['awsccCognito.diagnostics.severity'].default, defaultSettings.severities);
});

test('import.style picks the conversion import form; for_each and anything else convert with id', () => {
  assert.equal(readSettings({ import: { style: 'identity' } }).importStyle, 'identity');
  assert.equal(readSettings({ import: { style: 'for_each' } }).importStyle, 'id');
  assert.equal(readSettings({ import: 'identity' }).importStyle, 'id');
});
