// CUP108: a `dynamic` block in an awscc client. The fix's output is checked two ways: as text (comments,
// iterator names, layout) and, with terraform on PATH, by evaluating the original dynamic semantics and
// the rewritten attribute side by side in `terraform console` for zero and one elements.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../../server/src/parser';
import { applyFix, client, expectAt, expectNone } from './helpers';
import { terraformAvailable } from '../../support/terraformCheck';
import { terraformConsole } from '../../support/terraformConsole';

describe('CUP108 dynamic-block', () => {
  test('any dynamic block in the resource is an Error on the `dynamic` keyword', () => {
    expectAt(client('  «dynamic» "token_validity_units" {\n    for_each = []\n    content {\n    }\n  }'), 'CUP108', 'error');
    expectAt(client('  «dynamic» "callbacks" {\n    for_each = []\n    content {}\n  }'), 'CUP108', 'error');
    expectAt('data "awscc_cognito_user_pool_client" "d" {\n  id = "x"\n  «dynamic» "token_validity_units" {\n    for_each = []\n    content {}\n  }\n}\n', 'CUP108', 'error');
  });
  test('other resource types and plain blocks are left alone', () => {
    expectNone('resource "aws_cognito_user_pool_client" "c" {\n  dynamic "token_validity_units" {\n    for_each = []\n    content {}\n  }\n}\n', 'CUP108');
    expectNone(client('  lifecycle {\n    ignore_changes = [client_name]\n  }'), 'CUP108');
  });

  test('the fix writes one([for ...]) with the iterator read as the loop variable, keeping comments', () => {
    const before = client(
      [
        '  # units follow the app setting',
        '  dynamic "token_validity_units" {',
        '    for_each = var.units == null ? [] : [var.units] # optional',
        '    content {',
        '      access_token = token_validity_units.value.access # short lived',
        '      id_token     = token_validity_units.value["id"]',
        '    }',
        '  }',
      ].join('\n'),
    );
    assert.equal(
      applyFix(before, 'CUP108'),
      client(
        [
          '  # units follow the app setting',
          '  # optional',
          '  token_validity_units = one([for token_validity_units in var.units == null ? [] : [var.units] : {',
          '    access_token = token_validity_units.access # short lived',
          '    id_token     = token_validity_units["id"]',
          '  }])',
        ].join('\n'),
      ),
    );
  });

  test('a custom iterator and its .key become a key variable', () => {
    const before = client('  dynamic "analytics_configuration" {\n    for_each = local.apps\n    iterator = app\n    content {\n      application_id = app.key\n      user_data_shared = app.value\n    }\n  }');
    assert.equal(
      applyFix(before, 'CUP108'),
      client('  analytics_configuration = one([for app_key, app in local.apps : {\n    application_id = app_key\n    user_data_shared = app\n  }])'),
    );
  });

  test('no fix for a dynamic block whose label is not an object attribute, or whose content has blocks', () => {
    const diag = expectAt(client('  «dynamic» "callback_ur_ls" {\n    for_each = []\n    content {}\n  }'), 'CUP108', 'error');
    assert.match(diag[0].message, /`callback_ur_ls` is an attribute/);
    assert.throws(() => applyFix(client('  dynamic "callback_ur_ls" {\n    for_each = []\n    content {}\n  }'), 'CUP108'), /no fix/);
    assert.throws(() => applyFix(client('  dynamic "token_validity_units" {\n    for_each = []\n    content {\n      inner {}\n    }\n  }'), 'CUP108'), /no fix/);
  });

  // Each case: a dynamic block, and values for its collection with zero and one elements.
  const cases: { name: string; block: (collection: string) => string; values: string[] }[] = [
    {
      name: 'list, default iterator',
      block: (c) => `  dynamic "token_validity_units" {\n    for_each = ${c}\n    content {\n      access_token = token_validity_units.value.a\n      refresh_token = "days"\n    }\n  }`,
      values: ['[]', '[{ a = "minutes" }]'],
    },
    {
      name: 'map, custom iterator with key',
      block: (c) => `  dynamic "analytics_configuration" {\n    for_each = ${c}\n    iterator = app\n    content {\n      application_id = app.key\n      external_id = "ext-\${app.value.x}"\n    }\n  }`,
      values: ['{}', '{ pinpoint = { x = "1" } }'],
    },
    {
      name: 'set of strings, key and value',
      block: (c) => `  dynamic "refresh_token_rotation" {\n    for_each = toset(${c})\n    content {\n      feature = refresh_token_rotation.key\n      retry_grace_period_seconds = length(refresh_token_rotation.value)\n    }\n  }`,
      values: ['[]', '["ENABLED"]'],
    },
  ];

  for (const c of cases) {
    test(`the rewrite evaluates like the dynamic block for 0 and 1 elements (${c.name})`, (t) => {
      if (!terraformAvailable()) {
        t.skip('terraform is not on PATH: the console comparison needs it');
        console.log('# skip: terraform not on PATH, dynamic-block equivalence not checked');
        return;
      }
      const before = client(c.block('local.items'));
      const after = applyFix(before, 'CUP108');
      const rewritten = attributeValue(after);
      const original = dynamicSemantics(before);
      for (const value of c.values) {
        const main = `locals {\n  items = ${value}\n  original = ${original}\n  rewritten = ${rewritten}\n}\n`;
        const [a, b] = terraformConsole(main, '[local.original, local.rewritten]') as unknown[];
        assert.deepEqual(b, a, `for_each = ${value}`);
        // The one-element case really produced an object (the comparison is not null == null twice).
        assert.equal(value.length > 2 ? typeof a : a, value.length > 2 ? 'object' : null);
      }
    });
  }
});

/** The value text of the one attribute that replaced the dynamic block. */
function attributeValue(text: string): string {
  const block = parse(text).body.items[0];
  assert.equal(block.kind, 'Block');
  const attr = block.body.items.find((i) => i.kind === 'Attribute' && i.name.name !== 'user_pool_id');
  assert.ok(attr && attr.kind === 'Attribute');
  return text.slice(attr.value.start, attr.value.end);
}

/**
 * What the dynamic block means, written independently of the fix: one body per element, evaluated with the
 * iterator bound to `{ key, value }`; no element is "not set" (null), one element is that body.
 */
function dynamicSemantics(text: string): string {
  const file = parse(text);
  const resource = file.body.items[0];
  assert.equal(resource.kind, 'Block');
  const dyn = resource.body.items.find((i) => i.kind === 'Block' && i.type.name === 'dynamic');
  assert.ok(dyn && dyn.kind === 'Block');
  let iterator = dyn.labels[0].value;
  let forEach = '';
  let content = '';
  for (const item of dyn.body.items) {
    if (item.kind === 'Attribute' && item.name.name === 'for_each') forEach = text.slice(item.value.start, item.value.end);
    if (item.kind === 'Attribute' && item.name.name === 'iterator') iterator = text.slice(item.value.start, item.value.end);
    if (item.kind === 'Block' && item.type.name === 'content') content = text.slice(item.openBrace, item.closeBrace + 1);
  }
  const bodies = `[for ${iterator} in [for k, v in ${forEach} : { key = k, value = v }] : ${content}]`;
  return `length(${bodies}) == 0 ? null : ${bodies}[0]`;
}
