import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderImports, terraformName, VALID_NAME } from '../../server/src/render';
import { createModuleFromTexts } from '../../server/src/model';
import { parse, staticString, type Block, type Expression } from '../../server/src/parser';
import { resourceSchema } from '../../server/src/knowledge';
import type { DescribedClient } from '../../server/src/live/types';
import { findTerraform, terraformFmtBatch } from '../format/references';

const POOL = 'us-east-1_Pool1';

function variedClient(i: number): DescribedClient {
  const base: DescribedClient = { UserPoolId: POOL, ClientId: `client${i}abc`, ClientName: `App ${i}`, hasSecret: i % 2 === 0 };
  if (i % 3 === 0) Object.assign(base, { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'], ReadAttributes: ['email'], WriteAttributes: [] });
  if (i % 3 === 1) {
    Object.assign(base, {
      AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid', 'email'], AllowedOAuthFlowsUserPoolClient: true,
      CallbackURLs: [`https://example.com/cb?x=\${y}&q="${i}"`], LogoutURLs: ['https://example.com/out'], DefaultRedirectURI: 'https://example.com/cb',
      SupportedIdentityProviders: ['COGNITO'], PreventUserExistenceErrors: 'ENABLED',
    });
  }
  if (i % 3 === 2) {
    Object.assign(base, {
      AccessTokenValidity: 60, IdTokenValidity: 2, RefreshTokenValidity: 30, AuthSessionValidity: 5,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'hours', RefreshToken: 'days' },
      AnalyticsConfiguration: { ApplicationId: 'app', RoleArn: 'arn:aws:iam::123456789012:role/r', ExternalId: 'ext', UserDataShared: false },
      RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 30 },
      EnableTokenRevocation: true, EnablePropagateAdditionalUserContextData: false,
    });
  }
  return base;
}

/** Values of a resource block as DescribeUserPoolClient would spell them (cfn names), read with our parser. */
function describedFromBlock(block: Block): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const item of block.body.items) {
    if (item.kind !== 'Attribute') continue;
    const spec = resourceSchema.attributes.find((a) => a.name === item.name.name)!;
    assert.ok(spec, `unknown attribute ${item.name.name}`);
    out[spec.name === 'generate_secret' ? 'hasSecret' : spec.cfnName] = plain(item.value, spec.attributes);
  }
  return out;
}

function plain(e: Expression, nested?: readonly { name: string; cfnName: string }[]): unknown {
  if (e.kind === 'Literal') return e.value;
  if (e.kind === 'Tuple') return e.items.map((x) => plain(x));
  if (e.kind === 'Object') {
    return Object.fromEntries(e.items.map((i) => {
      const key = i.key.kind === 'Variable' ? i.key.name : staticString(i.key)!;
      return [nested?.find((n) => n.name === key)?.cfnName ?? key, plain(i.value)];
    }));
  }
  const s = staticString(e);
  assert.ok(s !== undefined, `not a literal: ${e.kind}`);
  return s;
}

describe('names', () => {
  test('client names become valid, readable Terraform names', () => {
    for (const [raw, want] of [['My App', 'my_app'], ['1st-client', 'client_1st_client'], ['Café Ünïcode', 'cafe_unicode'], ['😀', 'client'], ['a--b  c', 'a_b_c']]) {
      assert.equal(terraformName(raw), want);
      assert.match(terraformName(raw), VALID_NAME);
    }
  });
  test('names are unique against the module and within the batch', () => {
    const { module } = createModuleFromTexts({ 'main.tf': 'resource "awscc_cognito_user_pool_client" "web" {\n  user_pool_id = "other"\n  client_name = "x"\n}\nimport {\n  to = awscc_cognito_user_pool_client.web_2\n  id = "p|q"\n}\n' });
    const clients = ['web', 'Web', 'web'].map((n, i) => ({ UserPoolId: POOL, ClientId: `c${i}`, ClientName: n, hasSecret: false }));
    const r = renderImports(clients, module, { style: 'id', withResource: false });
    assert.deepEqual(Object.values(r.names), ['web_3', 'web_4', 'web_5']);
  });
});

describe('import styles', () => {
  const clients = [variedClient(1), variedClient(2)];
  test('id style: one import per client with "<pool>|<client>"', () => {
    const r = renderImports(clients, undefined, { style: 'id', withResource: false });
    assert.match(r.importsText, /to = awscc_cognito_user_pool_client\.app_1\n  id = "us-east-1_Pool1\|client1abc"/);
    assert.equal(r.resourcesText, '');
  });
  test('identity style: identity object and its version requirement', () => {
    const r = renderImports(clients, undefined, { style: 'identity', withResource: false });
    assert.match(r.importsText, /identity = \{\n    user_pool_id = "us-east-1_Pool1"\n    client_id    = "client2abc"\n  \}/);
    assert.match(r.requirements.join(' '), /Terraform >= 1\.12/);
  });
  test('for_each style: one import over a map, and one for_each resource whose entries hold each client', () => {
    const r = renderImports(clients, undefined, { style: 'for_each', withResource: true });
    assert.match(r.importsText, /for_each = \{\n    app_1 = "us-east-1_Pool1\|client1abc"\n    app_2 = "us-east-1_Pool1\|client2abc"\n  \}\n  to = awscc_cognito_user_pool_client\.this\[each\.key\]\n  id = each\.value/);
    const block = parse(r.resourcesText).body.items[0] as Block;
    const forEach = block.body.items.find((i) => i.kind === 'Attribute' && i.name.name === 'for_each');
    assert.ok(forEach && forEach.kind === 'Attribute' && forEach.value.kind === 'Object');
    assert.equal(forEach.value.items.length, 2);
  });
});

describe('resources', () => {
  const clients = Array.from({ length: 9 }, (_, i) => variedClient(i));
  const r = renderImports(clients, undefined, { style: 'id', withResource: true });
  const blocks = parse(r.resourcesText).body.items.filter((b): b is Block => b.kind === 'Block');

  test('round trip: parsing the rendered resource gives back every described field', () => {
    assert.equal(blocks.length, clients.length);
    clients.forEach((client, i) => {
      const back = describedFromBlock(blocks[i]);
      const { ClientId: _id, hasSecret, ...fields } = client;
      assert.deepEqual({ ...back, hasSecret: back.hasSecret ?? false }, { ...fields, hasSecret });
    });
  });
  test('the secret never appears, and no read-only attribute is rendered', () => {
    const withSecret = { ...variedClient(4), ClientSecret: 'TOP-SECRET-VALUE' } as DescribedClient;
    const out = renderImports([withSecret], undefined, { style: 'id', withResource: true });
    assert.doesNotMatch(out.importsText + out.resourcesText, /TOP-SECRET-VALUE|client_secret/);
    assert.match(out.resourcesText, /generate_secret += true/);
  });
  test('user_pool_id refers to the pool resource the module imports by that ID, else a literal', () => {
    const { module } = createModuleFromTexts({ 'pool.tf': `resource "awscc_cognito_user_pool" "main" {}\nimport {\n  to = awscc_cognito_user_pool.main\n  id = "${POOL}"\n}\n` });
    const out = renderImports([variedClient(1), { ...variedClient(5), UserPoolId: 'eu-west-1_Else' }], module, { style: 'id', withResource: true });
    assert.match(out.resourcesText, /user_pool_id += awscc_cognito_user_pool\.main\.user_pool_id/);
    assert.match(out.resourcesText, /user_pool_id += "eu-west-1_Else"/);
  });
  test('rendered text is already in terraform fmt layout', (t) => {
    const terraform = findTerraform();
    if (!terraform) {
      console.log('# skipped: terraform not on PATH');
      t.skip('terraform not on PATH');
      return;
    }
    const texts = ['id', 'identity', 'for_each'].flatMap((style) => {
      const x = renderImports(clients, undefined, { style: style as 'id', withResource: true });
      return [x.importsText, x.resourcesText];
    });
    assert.deepEqual(terraformFmtBatch(terraform, texts).outputs, texts);
  });
});

describe('what the module already has', () => {
  const { module } = createModuleFromTexts({
    'main.tf': `import {\n  to = awscc_cognito_user_pool_client.old\n  id = "${POOL}|client1abc"\n}\nresource "awscc_cognito_user_pool_client" "mine" {\n  user_pool_id = "${POOL}"\n  client_name  = "App 2"\n}\n`,
  });
  const r = renderImports([variedClient(1), variedClient(2), variedClient(3), variedClient(3)], module, { style: 'id', withResource: true });
  test('a client an import block already imports is skipped with the reason', () => {
    assert.deepEqual(r.skipped.map((s) => [s.clientId, s.reason]), [['client1abc', 'already-imported'], ['client3abc', 'duplicate']]);
  });
  test('a client the module declares (same pool and name) is imported into that resource, without a new resource', () => {
    const declared = r.clients.find((c) => c.clientId === 'client2abc');
    assert.equal(declared?.status, 'declared');
    assert.match(r.importsText, /to = awscc_cognito_user_pool_client\.mine/);
    assert.doesNotMatch(r.resourcesText, /"App 2"/);
  });
});

describe('hostile names from the API', () => {
  test('the comment above a block escapes control and bidi characters the way the string value does', () => {
    const name = 'Pay\u202eroll\u2066 \u001b]0;x\u0007\nnext \u009b2J';
    const client: DescribedClient = { UserPoolId: POOL, ClientId: 'c1abc', ClientName: name, hasSecret: false };
    const out = renderImports([client], undefined, { style: 'id', withResource: true });
    const text = out.importsText + out.resourcesText;
    assert.ok(!/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(text), JSON.stringify(text));
    const comment = out.importsText.split('\n').find((l) => l.startsWith('#'));
    assert.equal(comment, '# App client "Pay\\u202eroll\\u2066 \\u001b]0;x\\u0007\\u000anext \\u009b2J" (c1abc) in user pool us-east-1_Pool1');
    // The string value keeps meaning exactly the API's name.
    const resource = parse(out.resourcesText).body.items.find((i): i is Block => i.kind === 'Block')!;
    const attr = resource.body.items.find((i) => i.kind === 'Attribute' && i.name.name === 'client_name');
    assert.equal(attr?.kind === 'Attribute' ? staticString(attr.value as Expression) : undefined, name);
  });
});
