import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { client, expectAt, expectNone } from './helpers';

describe('CUP301 token-validity-window', () => {
  test('48 with the default unit (hours) is two days: too long for an access token', () => {
    const [d] = expectAt(client('  access_token_validity = «48»'), 'CUP301', 'error');
    assert.match(d.message, /48 hours \(2 days\).*5 minutes to 1 day.*1–24/);
  });
  test('units from token_validity_units: 60 seconds is too short, 10 minutes is fine', () => {
    expectAt(client('  id_token_validity = «60»\n  access_token_validity = 10\n  token_validity_units = { id_token = "seconds", access_token = "minutes" }'), 'CUP301', 'error');
  });
  test('refresh tokens: default unit days, 3651 days is over ten years', () => {
    expectAt(client('  refresh_token_validity = «3651»'), 'CUP301', 'error');
    expectNone(client('  refresh_token_validity = 3650'), 'CUP301');
    expectAt(client('  refresh_token_validity = «30»\n  token_validity_units = { refresh_token = "minutes" }'), 'CUP301', 'error');
  });
  test('unknown units or values: nothing', () => {
    expectNone(client('  access_token_validity = 48\n  token_validity_units = var.units'), 'CUP301');
    expectNone(client('  access_token_validity = var.v'), 'CUP301');
    expectNone(client('  access_token_validity = 48\n  token_validity_units = { access_token = var.u }'), 'CUP301');
  });
  test('a raw value outside the provider range is left to CUP202', () => {
    expectNone(client('  access_token_validity = 90000'), 'CUP301');
  });
});

describe('CUP302 token-outlives-refresh', () => {
  test('an access token of 12 hours with a 1-hour refresh token is information (UNCONFIRMED)', () => {
    const [d] = expectAt(
      client('  access_token_validity = «12»\n  refresh_token_validity = 60\n  token_validity_units = { refresh_token = "minutes" }'),
      'CUP302',
      'information',
    );
    assert.match(d.message, /UNCONFIRMED/);
  });
});
