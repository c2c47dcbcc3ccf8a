// Internal consistency of the data other features consume.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  crossFieldFacts,
  findAttribute,
  importBlockSchema,
  metaArguments,
  resourceSchema,
  schemaFor,
  tokenValidity,
  type AttributeSpec,
} from '../../server/src/knowledge';

function all(attrs: readonly AttributeSpec[]): AttributeSpec[] {
  return attrs.flatMap((a) => [a, ...all(a.attributes ?? [])]);
}

describe('knowledge consistency', () => {
  test('every attribute named by a cross-field fact exists', () => {
    for (const fact of crossFieldFacts) {
      for (const path of fact.attributes) assert.ok(findAttribute(path.split('.')), `fact ${fact.id}: ${path}`);
    }
  });
  test('every token validity fact points at a number attribute and a unit key', () => {
    for (const t of tokenValidity) {
      assert.equal(findAttribute([t.attribute])?.type, 'number');
      assert.ok(findAttribute(['token_validity_units', t.unitKey])?.enum);
    }
  });
  test('the import block accepts exactly to, id, identity, for_each and provider; only to is required', () => {
    assert.deepEqual(importBlockSchema.arguments.map((a) => a.name).sort(), ['for_each', 'id', 'identity', 'provider', 'to']);
    assert.deepEqual(importBlockSchema.arguments.filter((a) => a.required).map((a) => a.name), ['to']);
  });
  test('meta-arguments do not collide with attribute names', () => {
    for (const m of metaArguments) assert.equal(findAttribute([m.name]), undefined, m.name);
  });
  test('only object attributes have nested attributes, and every object has some', () => {
    for (const a of all(resourceSchema.attributes)) assert.equal(a.type === 'object', (a.attributes?.length ?? 0) > 0, a.name);
  });
  test('constraints are well-formed: min <= max, patterns compile, enum values unique', () => {
    for (const a of all(resourceSchema.attributes)) {
      for (const c of [a.range, a.length]) if (c) assert.ok(c.min <= c.max, a.name);
      if (a.pattern) assert.doesNotThrow(() => new RegExp(a.pattern!.regex, a.pattern!.flags), a.name);
      if (a.enum) assert.equal(new Set(a.enum.values.map((v) => v.value)).size, a.enum.values.length, a.name);
      assert.ok(a.summary && a.description && a.sources.length > 0, a.name);
    }
  });
  test('schemaFor answers only for this type', () => {
    assert.equal(schemaFor('resource', 'awscc_cognito_user_pool_client')?.kind, 'resource');
    assert.equal(schemaFor('data', 'awscc_cognito_user_pool_client')?.kind, 'data');
    assert.equal(schemaFor('resource', 'aws_cognito_user_pool_client'), undefined);
    assert.equal(schemaFor('module', 'awscc_cognito_user_pool_client'), undefined);
  });
});
