// The closed value sets must be exactly the AWS SDK's enums, so an SDK upgrade that adds or removes a value
// fails here instead of silently turning a valid configuration into a diagnostic.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  ExplicitAuthFlowsType,
  FeatureType,
  OAuthFlowType,
  PreventUserExistenceErrorTypes,
  TimeUnitsType,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  explicitAuthFlows,
  findAttribute,
  oauthFlows,
  preventUserExistenceErrors,
  rotationFeature,
  timeUnits,
  type EnumValue,
} from '../../server/src/knowledge';

const values = (list: readonly EnumValue[]) => list.map((v) => v.value).sort();
const sdkValues = (e: Record<string, string>) => Object.values(e).sort();

describe('enum lists match the installed AWS SDK', () => {
  test('explicit auth flows = ExplicitAuthFlowsType', () => {
    assert.deepEqual(values(explicitAuthFlows), sdkValues(ExplicitAuthFlowsType));
  });
  test('OAuth flows = OAuthFlowType', () => {
    assert.deepEqual(values(oauthFlows), sdkValues(OAuthFlowType));
  });
  test('prevent_user_existence_errors = PreventUserExistenceErrorTypes', () => {
    assert.deepEqual(values(preventUserExistenceErrors), sdkValues(PreventUserExistenceErrorTypes));
  });
  test('token validity units = TimeUnitsType', () => {
    assert.deepEqual(values(timeUnits), sdkValues(TimeUnitsType));
  });
  test('refresh token rotation feature = FeatureType', () => {
    assert.deepEqual(values(rotationFeature), sdkValues(FeatureType));
  });
});

describe('enum-typed attributes use those lists', () => {
  const cases: [string[], readonly EnumValue[]][] = [
    [['explicit_auth_flows'], explicitAuthFlows],
    [['allowed_o_auth_flows'], oauthFlows],
    [['prevent_user_existence_errors'], preventUserExistenceErrors],
    [['token_validity_units', 'access_token'], timeUnits],
    [['token_validity_units', 'id_token'], timeUnits],
    [['token_validity_units', 'refresh_token'], timeUnits],
    [['refresh_token_rotation', 'feature'], rotationFeature],
  ];
  for (const [path, list] of cases) {
    test(`${path.join('.')} is a closed enum of ${list.length} values`, () => {
      const spec = findAttribute(path);
      assert.ok(spec?.enum, `${path.join('.')} has an enum`);
      assert.equal(spec.enum.closed, true);
      assert.deepEqual(values(spec.enum.values), values(list));
    });
  }

  test('only refresh_token_rotation.feature is enforced by the provider; the others only by AWS', () => {
    for (const [path] of cases) {
      const expected = path.join('.') === 'refresh_token_rotation.feature' ? 'provider' : 'aws';
      assert.equal(findAttribute(path)?.enum?.enforcedBy, expected, path.join('.'));
    }
  });

  test('the three legacy auth flows are marked legacy and nothing else is', () => {
    const legacy = explicitAuthFlows.filter((v) => v.legacy).map((v) => v.value).sort();
    assert.deepEqual(legacy, ['ADMIN_NO_SRP_AUTH', 'CUSTOM_AUTH_FLOW_ONLY', 'USER_PASSWORD_AUTH']);
  });

  test('every enum value has a one-line meaning', () => {
    for (const list of [explicitAuthFlows, oauthFlows, preventUserExistenceErrors, timeUnits, rotationFeature]) {
      for (const v of list) assert.ok(v.summary.length > 10 && !v.summary.includes('\n'), v.value);
    }
  });
});
