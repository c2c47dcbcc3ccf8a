// The schema section of the provider's doc page (tfplugindocs output) is the reference for names, types and
// modes: every attribute listed there must be in the knowledge base with the same type and mode, and vice versa.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  dataSourceSchema,
  identitySchema,
  resourceSchema,
  type AttributeMode,
  type AttributeSpec,
  type ValueType,
} from '../../server/src/knowledge';

// The reference pages live in ../shared/reference beside the repository (they are not ours to copy); override with AWSCC_REFERENCE_DIR.
const DOC_PAGE = join(process.env.AWSCC_REFERENCE_DIR ?? join(__dirname, '..', '..', '..', 'shared', 'reference'), '000_f5b45593b30e5c65.txt');

interface DocAttribute {
  path: string;
  type: ValueType;
  mode: AttributeMode;
}

const DOC_TYPES: Record<string, ValueType> = {
  String: 'string',
  Number: 'number',
  Boolean: 'bool',
  'List of String': 'list',
  Attributes: 'object',
};
const DOC_MODES: Record<string, AttributeMode> = { Required: 'required', Optional: 'optional', 'Read-Only': 'computed' };

/** Reads `- \`name\` (Type)` lines under Required/Optional/Read-Only headings, including nested schemas. */
function parseSchemaSection(text: string): { attributes: DocAttribute[]; identity: { name: string; required: boolean }[] } {
  const lines = text.split(/\r?\n/);
  const attributes: DocAttribute[] = [];
  const identity: { name: string; required: boolean }[] = [];
  let section: 'none' | 'schema' | 'identity' = 'none';
  let prefix = '';
  let mode: AttributeMode | undefined;
  let identityRequired = false;
  for (const line of lines) {
    if (line.startsWith('## Schema')) section = 'schema';
    else if (line.startsWith('## ')) section = 'none';
    if (line.startsWith('### Identity Schema')) section = 'identity';
    const nested = /^### Nested Schema for `([^`]+)`/.exec(line);
    if (nested) prefix = nested[1] + '.';
    const heading = /^(?:#{3,4} )?(Required|Optional|Read-Only):?$/.exec(line.trim());
    if (heading) {
      mode = DOC_MODES[heading[1]];
      identityRequired = heading[1] === 'Required';
    }
    const item = /^- `([a-z_0-9]+)` \(([^)]+)\)/.exec(line);
    if (!item) continue;
    if (section === 'schema' && mode) {
      const type = DOC_TYPES[item[2]];
      assert.ok(type, `unknown doc type ${item[2]}`);
      attributes.push({ path: prefix + item[1], type, mode });
    } else if (section === 'identity') {
      identity.push({ name: item[1], required: identityRequired });
    }
  }
  return { attributes, identity };
}

function flatten(attrs: readonly AttributeSpec[], prefix = ''): Map<string, AttributeSpec> {
  const out = new Map<string, AttributeSpec>();
  for (const a of attrs) {
    out.set(prefix + a.name, a);
    if (a.attributes) for (const [k, v] of flatten(a.attributes, prefix + a.name + '.')) out.set(k, v);
  }
  return out;
}

const known = flatten(resourceSchema.attributes);

if (!existsSync(DOC_PAGE)) {
  test('resource schema agrees with the provider doc page', (t) => {
    console.log(`skipping doc page comparison: ${DOC_PAGE} not found`);
    t.skip(`provider doc page not found at ${DOC_PAGE}`);
  });
} else {
  const doc = parseSchemaSection(readFileSync(DOC_PAGE, 'utf8'));


  describe('resource schema agrees with the provider doc page', () => {
    test('the doc page parses into a plausible attribute list', () => {
      // 1 required + 22 optional + 4 read-only top level, plus 5 + 2 + 3 nested.
      assert.equal(doc.attributes.length, 37);
    });

    for (const d of doc.attributes) {
      test(`${d.path} is ${d.mode} ${d.type}`, () => {
        const spec = known.get(d.path);
        assert.ok(spec, `${d.path} is missing from the knowledge base`);
        assert.equal(spec.type, d.type);
        assert.equal(spec.mode, d.mode);
      });
    }

    test('the knowledge base has no attribute the doc page lacks', () => {
      const documented = new Set(doc.attributes.map((d) => d.path));
      assert.deepEqual([...known.keys()].filter((k) => !documented.has(k)), []);
    });

    test('only user_pool_id and generate_secret force replacement', () => {
      const replacing = [...known.values()].filter((a) => a.replaceOnChange).map((a) => `${a.name}:${a.replaceOnChange}`);
      assert.deepEqual(replacing.sort(), ['generate_secret:if-configured', 'user_pool_id:always']);
    });
  });

  describe('identity schema agrees with the doc page', () => {
    test('same attributes with the same required flags', () => {
      const fromDoc = doc.identity.map((i) => `${i.name}:${i.required}`).sort();
      const ours = identitySchema.attributes.map((a) => `${a.name}:${a.required}`).sort();
      assert.deepEqual(ours, fromDoc);
    });
  });
}

describe('data source', () => {
  test('id is required and everything else read-only', () => {
    const flat = flatten(dataSourceSchema.attributes);
    for (const [path, spec] of flat) assert.equal(spec.mode, path === 'id' ? 'required' : 'computed', path);
  });
  test('has the same attribute names and types as the resource', () => {
    const flat = flatten(dataSourceSchema.attributes);
    assert.deepEqual([...flat.keys()].sort(), [...known.keys()].sort());
    for (const [path, spec] of flat) assert.equal(spec.type, known.get(path)?.type, path);
  });
  test('keeps no replace-on-change marks or value constraints', () => {
    for (const spec of flatten(dataSourceSchema.attributes).values()) {
      assert.equal(spec.replaceOnChange, undefined);
      assert.equal(spec.range ?? spec.length ?? spec.pattern ?? spec.listSize, undefined, spec.name);
    }
  });
});
