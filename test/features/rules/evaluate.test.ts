import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate } from '../../../server/src/features/evaluate';
import { allowsAtLeast } from '../../../server/src/features/versionConstraint';
import { contextFor } from '../../support/context';

function valueOf(expression: string, files: Record<string, string> = {}) {
  const ctx = contextFor(`x = ${expression}\n`, files);
  const item = ctx.document.file.body.items[0];
  if (item.kind !== 'Attribute') throw new Error('expected an attribute');
  return evaluate(item.value, ctx.module);
}

describe('static evaluation', () => {
  test('literals, negative numbers, lists, objects and literal-only heredocs', () => {
    assert.deepEqual(strip(valueOf('-5')), { kind: 'number', value: -5 });
    assert.deepEqual(strip(valueOf('["a", 1]')), { kind: 'list', items: [{ kind: 'string', value: 'a' }, { kind: 'number', value: 1 }] });
    assert.deepEqual(strip(valueOf('{ a = true }')), { kind: 'object', entries: [{ key: 'a', keySpan: undefined, value: { kind: 'bool', value: true } }] });
    assert.equal(valueOf('<<EOT\nhello\nEOT')?.kind, 'string');
  });
  test('locals (also chained, in another file) and variable defaults resolve, marked indirect', () => {
    const v = valueOf('local.b', { 'l.tf': 'locals {\n  a = "x"\n  b = local.a\n}\n' });
    assert.equal(v?.kind === 'string' && v.value, 'x');
    assert.equal(v?.direct, false);
    assert.equal(v?.via, 'local.b');
    const d = valueOf('var.v', { 'v.tf': 'variable "v" {\n  default = 3\n}\n' });
    assert.equal(d?.kind === 'number' && d.value, 3);
  });
  test('anything dynamic is unknown, and a local cycle ends', () => {
    for (const e of ['var.none', 'upper("a")', 'true ? 1 : 2', '"${var.a}"', '[for s in x : s]', 'local.loop', 'each.value', 'data.x.y.z']) {
      assert.equal(valueOf(e, { 'l.tf': 'locals {\n  loop = local.loop\n}\n' }), undefined, e);
    }
  });
});

describe('version constraints', () => {
  test('whether a constraint admits a version at or above a minimum', () => {
    const cases: [string, string, boolean][] = [
      ['>= 1.5', '1.12.0', true],
      ['~> 1.10.0', '1.12.0', false],
      ['~> 1.10', '1.12.0', true],
      ['>= 1.5, < 1.12', '1.12.0', false],
      ['<= 1.12.0', '1.12.0', true],
      ['= 1.6.2', '1.7.0', false],
      ['1.7.1', '1.7.0', true],
      ['~> 1', '1.56.0', true],
      ['~> 0.70', '1.56.0', false],
      ['> 1.56.0, != 1.57.0', '1.56.0', true],
    ];
    for (const [constraint, min, expected] of cases) assert.equal(allowsAtLeast(constraint, min), expected, `${constraint} vs ${min}`);
    assert.equal(allowsAtLeast('banana', '1.0.0'), undefined);
  });
});

function strip(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(strip);
  if (!v || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = ['span', 'direct', 'via', 'keySpan'].includes(k) ? undefined : strip(x);
  for (const k of Object.keys(out)) if (out[k] === undefined && k !== 'keySpan') delete out[k];
  return out;
}
