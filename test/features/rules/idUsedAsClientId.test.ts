// CUP701 reads expressions: which part of `<user_pool_id>|<client_id>` reaches a place that wants a client ID.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../../server/src/parser';
import { idPartsOf, reachingParts } from '../../../server/src/features/rules/clientIdParts';
import { applyFix, expectAt, expectNone } from './helpers';

const RESOURCE = 'resource "awscc_cognito_user_pool_client" "web" {\n  user_pool_id = "us-east-1_AbC123"\n  prevent_user_existence_errors = "ENABLED"\n}\n';
const X = 'awscc_cognito_user_pool_client.web';
/** A risk configuration whose client_id is `value` (« » marks where CUP701 is expected). */
const place = (value: string) =>
  `resource "awscc_cognito_user_pool_risk_configuration_attachment" "r" {\n  user_pool_id = "us-east-1_AbC123"\n  client_id    = ${value}\n}\n` + RESOURCE;

/** The parts that reach the value of `expr`, as a sorted list (`whole`, `client`, `pool`). */
function parts(expr: string): string[] {
  const file = parse(`v = ${expr}\n`);
  const item = file.body.items[0];
  assert.equal(item.kind, 'Attribute');
  if (item.kind !== 'Attribute') return [];
  return [...new Set(reachingParts(idPartsOf(item.value)).map((p) => p.part))].sort();
}

describe('clientIdParts: the abstract value of an expression', () => {
  const cases: [string, string[]][] = [
    [`${X}.id`, ['whole']],
    [`${X}.client_id`, ['client']],
    [`${X}.user_pool_id`, ['pool']],
    [`split("|", ${X}.id)[1]`, ['client']],
    [`split("|", ${X}.id)[0]`, ['pool']],
    [`element(split("|", ${X}.id), 1)`, ['client']],
    [`element(split("|", ${X}.id), 3)`, ['client']],
    [`try(split("|", ${X}.id)[1], null)`, ['client']],
    [`try(element(split("|", ${X}.id), 1), "")`, ['client']],
    [`reverse(split("|", ${X}.id))[0]`, ['client']],
    [`reverse(split("|", ${X}.id))[1]`, ['pool']],
    [`trimprefix(${X}.id, "\${${X}.user_pool_id}|")`, ['client']],
    [`trimprefix(${X}.id, "\${var.pool_id}|")`, ['client']],
    [`trimprefix(${X}.id, "us-east-1_AbC123|")`, ['client']],
    [`trimprefix(${X}.id, "prefix-")`, ['whole']],
    [`trimsuffix(${X}.id, "|\${${X}.client_id}")`, ['pool']],
    [`regex("[^|]+$", ${X}.id)`, ['client']],
    [`regex("^[^|]+", ${X}.id)`, ['pool']],
    [`regex("^([^|]+)\\\\|(.+)$", ${X}.id)[1]`, ['client']],
    [`regex("^(?P<pool>[^|]+)\\\\|(?P<client>.+)$", ${X}.id)`, []],
    [`replace(${X}.id, "/^.*\\\\|/", "")`, ['client']],
    [`replace(${X}.id, "\${${X}.user_pool_id}|", "")`, ['client']],
    [`replace(${X}.id, "-", "_")`, ['whole']],
    [`one(${X}[*].id)`, ['whole']],
    [`one(${X}[*].client_id)`, ['client']],
    [`element(${X}[*].id, 0)`, ['whole']],
    [`[for c in ${X} : c.id][0]`, ['whole']],
    [`{ for k, c in ${X} : k => c.client_id }["a"]`, ['client']],
    [`values(${X})[0].id`, ['whole']],
    [`lower(${X}.id)`, ['whole']],
    [`upper(split("|", ${X}.id)[1])`, ['client']],
    [`format("%s", ${X}.id)`, ['whole']],
    [`format("%s|%s", ${X}.user_pool_id, ${X}.client_id)`, ['whole']],
    [`format("%s", split("|", ${X}.id)[1])`, ['client']],
    [`join(",", ${X}[*].id)`, ['whole']],
    [`join("|", split("|", ${X}.id))`, ['whole']],
    [`join("", [split("|", ${X}.id)[1]])`, ['client']],
    [`coalesce(var.client_id, ${X}.id)`, ['whole']],
    [`var.on ? ${X}.client_id : ${X}.id`, ['client', 'whole']],
    [`"\${${X}.id}"`, ['whole']],
    [`"arn:x:\${${X}.id}"`, ['whole']],
    [`"\${split("|", ${X}.id)[1]}"`, ['client']],
    [`data.awscc_cognito_user_pool_client.d.id`, ['whole']],
    // Nothing known: never reported.
    [`split("|", ${X}.id)[var.i]`, []],
    [`substr(${X}.id, 19, 26)`, []],
    [`base64encode(${X}.id)`, []],
    ['var.client_id', []],
    ['module.auth.client_id', []],
    [`split("/", ${X}.id)[1]`, []],
  ];
  for (const [expr, expected] of cases) {
    test(expr, () => assert.deepEqual(parts(expr), expected));
  }
});

describe('CUP701 id-used-as-client-id', () => {
  test('an argument named client_id in another resource type, with a fix to .client_id', () => {
    expectAt(place(`${X}.«id»`), 'CUP701', 'warning');
    assert.equal(applyFix(place(`${X}.id`), 'CUP701'), place(`${X}.client_id`));
  });
  test('outputs, locals and object keys named ..._client_id; with an instance key', () => {
    const text =
      `output "web_client_id" {\n  value = ${X}.«id»\n}\n` +
      `locals {\n  app_client_id = ${X}[0].«id»\n  settings = { client_id = "\${${X}.«id»}" }\n}\n`;
    expectAt(text + RESOURCE, 'CUP701', 'warning');
  });
  test('.id where the whole identifier is meant is fine', () => {
    expectNone(`output "client" {\n  value = ${X}.id\n}\nlocals {\n  ref = ${X}.id\n}\n` + RESOURCE, 'CUP701');
  });
  test('the ways people cut the client ID out of the id are not reported', () => {
    for (const value of [
      `split("|", ${X}.id)[1]`,
      `element(split("|", ${X}.id), 1)`,
      `try(split("|", ${X}.id)[1], null)`,
      `trimprefix(${X}.id, "\${${X}.user_pool_id}|")`,
      `regex("[^|]+$", ${X}.id)`,
      `one(${X}[*].client_id)`,
      `reverse(split("|", ${X}.id))[0]`,
      `var.enabled ? ${X}.client_id : null`,
      `${X}.client_id`,
      'var.client_id',
    ]) {
      expectNone(place(value), 'CUP701');
    }
  });
  test('the whole id through try, lower, a conditional, coalesce, one, join and a template, with the fix on the reference', () => {
    for (const value of [`try(${X}.«id», "")`, `lower(${X}.«id»)`, `var.x != "" ? var.x : ${X}.«id»`, `coalesce(var.x, ${X}.«id»)`, `one(${X}[*].«id»)`, `join(",", ${X}[*].«id»)`, `"\${${X}.«id»}"`]) {
      expectAt(place(value), 'CUP701', 'warning');
      const plain = value.replace(/[«»]/g, '');
      assert.equal(applyFix(place(plain), 'CUP701'), place(plain.replace('.id', '.client_id')));
    }
  });
  test('locals holding the split are fine; a local holding the whole id is reported where it is used', () => {
    const good = `locals {\n  cid   = split("|", ${X}.id)[1]\n  parts = split("|", ${X}.id)\n}\n`;
    expectNone(place('local.cid') + good, 'CUP701');
    expectNone(place('local.parts[1]') + good, 'CUP701');
    const [d] = expectAt(place('«local.ids»') + `locals {\n  ids = ${X}.id\n}\n`, 'CUP701', 'warning');
    assert.match(d.message, /local\.ids/);
  });
  test('a local named client_id is reported once, at its own definition', () => {
    expectAt(place('local.web_client_id') + `locals {\n  web_client_id = ${X}.«id»\n}\n`, 'CUP701', 'warning');
  });
  test('the pool part in a client ID place is reported, without a fix', () => {
    const [d] = expectAt(place(`split("|", ${X}.«id»)[0]`), 'CUP701', 'warning');
    assert.match(d.message, /user pool ID/);
    expectAt(place(`regex("^[^|]+", ${X}.«id»)`), 'CUP701', 'warning');
    expectAt(place(`${X}.«user_pool_id»`), 'CUP701', 'warning');
  });
  test('lists of client IDs: JWT audience, client_ids', () => {
    const authorizer = (audience: string) =>
      `resource "aws_apigatewayv2_authorizer" "jwt" {\n  jwt_configuration {\n    audience = ${audience}\n  }\n}\n` + RESOURCE;
    expectAt(authorizer(`[${X}.«id»]`), 'CUP701', 'warning');
    expectAt(authorizer(`[for c in ${X} : c.«id»]`), 'CUP701', 'warning');
    expectNone(authorizer(`[${X}.client_id]`), 'CUP701');
    expectNone(authorizer(`[for c in ${X} : split("|", c.id)[1]]`), 'CUP701');
    expectAt(`locals {\n  client_ids = ${X}[*].«id»\n}\n` + RESOURCE, 'CUP701', 'warning');
  });
});

describe('CUP701 and the per-block cache', () => {
  test('a change to a local in another file re-checks the block that reads it', async () => {
    const { createModuleFromTexts } = await import('../../../server/src/model');
    const { computeDiagnostics } = await import('../../../server/src/features/diagnostics');
    const locals = (value: string) => ({ 'locals.tf': `locals {\n  cid = ${value}\n}\n` });
    const ws = createModuleFromTexts({ 'main.tf': place('local.cid'), ...locals(`split("|", ${X}.id)[1]`) });
    const found = () => computeDiagnostics(ws.contextFor('main.tf')).filter((d) => d.code === 'CUP701').length;
    assert.equal(found(), 0);
    const uri = ws.contextFor('locals.tf').document.uri;
    ws.workspace.changeDocument(uri, 2, [{ text: locals(`${X}.id`)['locals.tf'] }]);
    assert.equal(found(), 1, 'the local now holds the whole id');
    ws.workspace.changeDocument(uri, 3, [{ text: locals(`${X}.client_id`)['locals.tf'] }]);
    assert.equal(found(), 0);
  });
});
