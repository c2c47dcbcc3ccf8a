import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  findAttribute,
  importId,
  splitImportId,
  tokenValidity,
  validityBoundsInUnit,
  type TimeUnit,
} from '../../server/src/knowledge';

describe('splitImportId', () => {
  test('splits the awscc form and reads the region from the pool id', () => {
    assert.deepEqual(splitImportId('eu-west-1_AbC123|1h57kf5cpq17m0eml12EXAMPLE'), {
      userPoolId: 'eu-west-1_AbC123',
      clientId: '1h57kf5cpq17m0eml12EXAMPLE',
      region: 'eu-west-1',
      separator: '|',
      userPoolIdStart: 0,
      clientIdStart: 17,
    });
  });
  test('recognises the hashicorp/aws slash form', () => {
    assert.equal(splitImportId('us-east-1_x/abc')?.separator, '/');
  });
  test('has no region when the pool id has no underscore, and no result without a separator', () => {
    assert.equal(splitImportId('pool|client')?.region, undefined);
    assert.equal(splitImportId('just-a-client-id'), undefined);
  });
  test('the documented example matches both id patterns', () => {
    const parts = splitImportId(importId.example)!;
    assert.match(parts.userPoolId, new RegExp(importId.poolIdPattern));
    assert.match(parts.clientId, new RegExp(importId.clientIdPattern));
  });
});

describe('token validity windows', () => {
  // Worked bounds from fact sheet §3.4.
  const expected: Record<string, Record<TimeUnit, [number, number]>> = {
    access: { seconds: [300, 86400], minutes: [5, 1440], hours: [1, 24], days: [1, 1] },
    id: { seconds: [300, 86400], minutes: [5, 1440], hours: [1, 24], days: [1, 1] },
    refresh: { seconds: [3600, 315360000], minutes: [60, 5256000], hours: [1, 87600], days: [1, 3650] },
  };
  for (const fact of tokenValidity) {
    test(`${fact.token} token bounds per unit`, () => {
      for (const unit of Object.keys(expected[fact.token]) as TimeUnit[]) {
        const { min, max } = validityBoundsInUnit(fact, unit);
        assert.deepEqual([min, max], expected[fact.token][unit], unit);
      }
    });
    test(`${fact.token} token default unit matches token_validity_units.${fact.unitKey}`, () => {
      assert.equal(findAttribute(['token_validity_units', fact.unitKey])?.awsDefault?.text, '`' + fact.defaultUnit + '`');
      assert.ok(findAttribute([fact.attribute])?.range, `${fact.attribute} has a raw range`);
    });
  }
});

describe('patterns compile as JavaScript and accept the documented examples', () => {
  const examples: [string[], string[], string[]][] = [
    [['user_pool_id'], ['us-east-1_AbCdEf123'], ['us-east-1', 'pool id']],
    [['client_name'], ['example-client', 'web app+1'], ['bad|name']],
    [['callback_ur_ls'], ['https://example.com/callback', 'myapp://example', 'http://localhost:3000/cb'], ['https://x.com/a b']],
    [['allowed_o_auth_scopes'], ['openid', 'orders/read', 'aws.cognito.signin.user.admin'], ['a b', 'x"y']],
    [['supported_identity_providers'], ['COGNITO', 'My SAML IdP'], ['']],
    [['analytics_configuration', 'role_arn'], ['arn:aws:iam::123456789012:role/pinpoint'], ['role/pinpoint']],
    [['analytics_configuration', 'application_id'], ['0123abcdEF'], ['xyz']],
  ];
  for (const [path, good, bad] of examples) {
    test(path.join('.'), () => {
      const p = findAttribute(path)!.pattern!;
      const re = new RegExp(p.regex, p.flags);
      for (const g of good) assert.match(g, re);
      for (const b of bad) assert.doesNotMatch(b, re);
    });
  }
});
