// CloudFormation names, ranges, read-only and create-only flags must match the CFN registry schema the
// provider was generated from.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resourceSchema, type AttributeSpec } from '../../server/src/knowledge';

interface CfnProperty {
  type?: string;
  $ref?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  enum?: string[];
  properties?: Record<string, CfnProperty>;
}
// The CFN registry schema lives in ../shared/reference beside the repository (as in CI); override its folder with AWSCC_REFERENCE_DIR.
const CFN_SCHEMA = join(process.env.AWSCC_REFERENCE_DIR ?? join(__dirname, '..', '..', '..', 'shared', 'reference'), 'AWS_Cognito_UserPoolClient.cfn-schema.json');
const cfn = (existsSync(CFN_SCHEMA) ? JSON.parse(readFileSync(CFN_SCHEMA, 'utf8')) : undefined) as {
  properties: Record<string, CfnProperty>;
  definitions: Record<string, CfnProperty>;
  required: string[];
  readOnlyProperties: string[];
  createOnlyProperties: string[];
} | undefined;

const resolve = (p: CfnProperty): CfnProperty => (p.$ref ? cfn!.definitions[p.$ref.split('/').pop()!] : p);

function walk(attrs: readonly AttributeSpec[], props: Record<string, CfnProperty>, visit: (a: AttributeSpec, p: CfnProperty) => void) {
  for (const a of attrs) {
    if (a.name === 'id') continue; // Terraform-only
    const p = props[a.cfnName];
    assert.ok(p, `${a.name}: CFN has no property ${a.cfnName}`);
    visit(a, resolve(p));
    if (a.attributes) walk(a.attributes, resolve(p).properties ?? {}, visit);
  }
}

if (!cfn) {
  test('knowledge matches the CloudFormation schema', (t) => {
    console.log(`skipping CFN schema comparison: ${CFN_SCHEMA} not found`);
    t.skip(`CFN schema not found at ${CFN_SCHEMA}`);
  });
} else {
  describe('knowledge matches the CloudFormation schema', () => {
    test('every CFN property (nested too) maps to exactly one attribute', () => {
      const cfnNames: string[] = [];
      const collect = (props: Record<string, CfnProperty>, prefix: string) => {
        for (const [k, v] of Object.entries(props)) {
          cfnNames.push(prefix + k);
          const r = resolve(v);
          if (r.properties) collect(r.properties, prefix + k + '.');
        }
      };
      collect(cfn.properties, '');
      const ours: string[] = [];
      const gather = (attrs: readonly AttributeSpec[], prefix: string) => {
        for (const a of attrs) {
          if (!a.cfnName) continue;
          ours.push(prefix + a.cfnName);
          if (a.attributes) gather(a.attributes, prefix + a.cfnName + '.');
        }
      };
      gather(resourceSchema.attributes, '');
      assert.deepEqual(ours.sort(), cfnNames.sort());
    });

    test('integer ranges equal the CFN minimum/maximum and CFN has no range we lack', () => {
      walk(resourceSchema.attributes, cfn.properties, (a, p) => {
        if (p.minimum === undefined && p.maximum === undefined) return;
        assert.ok(a.range, `${a.name} has a range`);
        assert.equal(a.range.min, p.minimum, a.name);
        assert.equal(a.range.max, p.maximum, a.name);
        assert.equal(a.range.enforcedBy, 'provider', `${a.name}: CFN-schema ranges are generated into provider validators`);
      });
    });

    test('string lengths in the CFN schema are provider-enforced lengths here', () => {
      walk(resourceSchema.attributes, cfn.properties, (a, p) => {
        if (p.minLength === undefined) return;
        assert.deepEqual(a.length, { min: p.minLength, max: p.maxLength, enforcedBy: 'provider' }, a.name);
      });
    });

    test('CFN enums are provider-enforced enums here', () => {
      walk(resourceSchema.attributes, cfn.properties, (a, p) => {
        if (!p.enum) return;
        assert.deepEqual(a.enum?.values.map((v) => v.value).sort(), [...p.enum].sort(), a.name);
        assert.equal(a.enum?.enforcedBy, 'provider', a.name);
      });
    });

    test('types follow the CFN types', () => {
      const map: Record<string, string> = { string: 'string', integer: 'number', boolean: 'bool', array: 'list', object: 'object' };
      walk(resourceSchema.attributes, cfn.properties, (a, p) => assert.equal(a.type, map[p.type ?? ''], a.name));
    });

    test('required, read-only and create-only sets agree', () => {
      const top = resourceSchema.attributes.filter((a) => a.cfnName);
      const names = (f: (a: AttributeSpec) => boolean) => top.filter(f).map((a) => a.cfnName).sort();
      const strip = (l: string[]) => l.map((s) => s.replace('/properties/', '')).sort();
      assert.deepEqual(names((a) => a.mode === 'required'), [...cfn.required].sort());
      assert.deepEqual(names((a) => a.mode === 'computed'), strip(cfn.readOnlyProperties));
      assert.deepEqual(names((a) => a.replaceOnChange !== undefined), strip(cfn.createOnlyProperties));
    });
  });
}
