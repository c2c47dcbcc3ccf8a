// Acceptance: every settable attribute's hover text states its type and each of its constraints.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  AWSCC_PROVIDER_VERSION,
  RESOURCE_DOC_URL,
  describeAttribute,
  describeSchema,
  findAttribute,
  resourceSchema,
  dataSourceSchema,
  typeLabel,
  type AttributeSpec,
} from '../../server/src/knowledge';

function settable(attrs: readonly AttributeSpec[], prefix = ''): [string, AttributeSpec][] {
  return attrs
    .filter((a) => a.mode !== 'computed')
    .flatMap((a) => [[prefix + a.name, a] as [string, AttributeSpec], ...settable(a.attributes ?? [], prefix + a.name + '.')]);
}

describe('hover text of every settable attribute', () => {
  for (const [path, spec] of settable(resourceSchema.attributes)) {
    test(`${path} states type, mode and constraints`, () => {
      const text = describeAttribute(spec, { path });
      assert.ok(text.includes(`**Type:** ${typeLabel(spec.type)}`), 'type');
      assert.ok(text.includes(spec.mode), 'required/optional');
      if (spec.range) {
        assert.ok(text.includes(`${spec.range.min}–${spec.range.max}`), 'range');
        assert.match(text, spec.range.unit ? new RegExp(spec.range.unit) : /in the unit of `token_validity_units\./);
      }
      if (spec.length) assert.ok(text.includes(`${spec.length.min}–${spec.length.max} characters`), 'length');
      if (spec.pattern) assert.ok(text.includes(spec.pattern.regex) && text.includes(spec.pattern.meaning), 'pattern');
      if (spec.listSize) assert.ok(text.includes(`at most ${spec.listSize.max}`), 'list size');
      for (const v of spec.enum?.values ?? []) assert.ok(text.includes('`' + v.value + '`'), `enum value ${v.value}`);
      for (const c of [spec.range, spec.length, spec.pattern, spec.listSize, spec.enum]) {
        if (!c) continue;
        assert.ok(text.includes(c.enforcedBy === 'provider' ? 'awscc provider at plan' : 'only by AWS at apply'), 'enforcer');
      }
      if (!spec.range && !spec.length && !spec.pattern && !spec.listSize && !spec.enum) {
        assert.match(text, /Constraints:\*\* (none beyond the type|see the nested attributes)/);
      }
      if (spec.cfnName) assert.ok(text.includes('`' + spec.cfnName + '`'), 'CloudFormation name');
      assert.ok(text.includes(RESOURCE_DOC_URL) && text.includes(`v${AWSCC_PROVIDER_VERSION}`), 'footer');
    });
  }
});

describe('details in hover text', () => {
  test('an unconfirmed AWS default is flagged', () => {
    const text = describeAttribute(findAttribute(['auth_session_validity'])!);
    assert.match(text, /AWS default when unset:\*\* 3 minutes \(UNCONFIRMED\)/);
  });
  test('a confirmed AWS default is not flagged', () => {
    const text = describeAttribute(findAttribute(['generate_secret'])!);
    assert.match(text, /AWS default when unset:\*\* `false`\n/);
  });
  test('replace-on-change is warned about', () => {
    assert.match(describeAttribute(findAttribute(['user_pool_id'])!), /replaces the client/);
    assert.match(describeAttribute(findAttribute(['generate_secret'])!), /configured value replaces the client/);
    assert.doesNotMatch(describeAttribute(findAttribute(['client_name'])!), /replaces the client/);
  });
  test('token validity shows the AWS duration window per unit', () => {
    const text = describeAttribute(findAttribute(['access_token_validity'])!);
    assert.ok(text.includes('5 minutes to 1 day'));
    assert.ok(text.includes('minutes 5–1440') && text.includes('hours 1–24') && text.includes('days 1'));
  });
  test('schema descriptions name the CloudFormation type and required arguments', () => {
    assert.match(describeSchema(resourceSchema), /AWS::Cognito::UserPoolClient[\s\S]*Required:\*\* `user_pool_id`/);
    assert.match(describeSchema(dataSourceSchema), /data source[\s\S]*Required:\*\* `id`/);
  });
});
