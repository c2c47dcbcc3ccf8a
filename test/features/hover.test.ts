import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hover, type HoverResult } from '../../server/src/features/hover';
import { AWSCC_PROVIDER_VERSION, RESOURCE_DOC_URL } from '../../server/src/knowledge';
import { withCaret } from '../support/caret';
import { contextFor } from '../support/context';

const FIXTURES = join(__dirname, '..', 'fixtures', 'hover');

function hoverAt(snippet: string, marker = '|', otherFiles: Record<string, string> = {}): HoverResult | undefined {
  const { text, offset } = withCaret(snippet, marker);
  return hover(contextFor(text, otherFiles), offset);
}

function mustHover(snippet: string, marker = '|'): HoverResult {
  const result = hoverAt(snippet, marker);
  assert.ok(result, 'expected a hover');
  return result;
}

const resource = (body: string) => `resource "awscc_cognito_user_pool_client" "web" {\n${body}\n}\n`;

describe('hover on the resource and data source type', () => {
  test('the resource type label describes the resource and its CloudFormation type', () => {
    const h = mustHover('resource "awscc_cognito_user_pool_cl|ient" "web" {\n}\n');
    assert.match(h.contents, /AWS::Cognito::UserPoolClient/);
    assert.match(h.contents, /Required:\*\* `user_pool_id`/);
    assert.deepEqual(h.range, { start: { line: 0, character: 9 }, end: { line: 0, character: 41 } });
  });
  test('the data source type label describes the data source', () => {
    const h = mustHover('data "awscc_cognito|_user_pool_client" "x" {\n  id = "a"\n}\n');
    assert.match(h.contents, /data source/);
    assert.match(h.contents, /Required:\*\* `id`/);
  });
  test('types we do not model get no hover', () => {
    assert.equal(hoverAt('resource "aws_cognito_user_pool_cl|ient" "web" {\n  name = "x"\n}\n'), undefined);
    assert.equal(hoverAt('resource "aws_instance" "x" {\n  am|i = "ami-1"\n}\n'), undefined);
    assert.equal(hoverAt('resource "aws_instance" "x" {\n  explicit_auth_f|lows = ["ALLOW_USER_AUTH"]\n}\n'), undefined);
  });
});

describe('hover on attribute names', () => {
  test('a top-level attribute states type, mode, constraints, CloudFormation name, link and version', () => {
    const h = mustHover(resource('  explicit_au|th_flows = []'));
    assert.match(h.contents, /\*\*`explicit_auth_flows`\*\* — list of string, optional/);
    assert.match(h.contents, /Allowed values\*\* \(each item\): `ALLOW_USER_SRP_AUTH`/);
    assert.match(h.contents, /checked only by AWS at apply/);
    assert.match(h.contents, /CloudFormation:\*\* `ExplicitAuthFlows`/);
    assert.ok(h.contents.includes(RESOURCE_DOC_URL));
    assert.ok(h.contents.includes(`awscc provider v${AWSCC_PROVIDER_VERSION}`));
    assert.deepEqual(h.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 21 } });
  });
  test('a range says its unit and that the provider checks it', () => {
    const h = mustHover(resource('  auth_session_valid|ity = 5'));
    assert.match(h.contents, /Range:\*\* 3–15 minutes — checked by the awscc provider at plan/);
    assert.match(h.contents, /3 minutes \(UNCONFIRMED\)/);
  });
  test('user_pool_id warns that a change replaces the client', () => {
    assert.match(mustHover(resource('  user_pool|_id = "x"')).contents, /Changing it replaces the client/);
  });
  test('a nested key inside an object attribute', () => {
    const h = mustHover(resource('  token_validity_units = {\n    access_to|ken = "hours"\n  }'));
    assert.match(h.contents, /`token_validity_units.access_token`\*\* — string, optional/);
    assert.match(h.contents, /`seconds`, `minutes`, `hours`, `days`/);
    assert.deepEqual(h.range.start, { line: 2, character: 4 });
  });
  test('a quoted nested key works too', () => {
    const h = mustHover(resource('  refresh_token_rotation = { "fea|ture" = "ENABLED" }'));
    assert.match(h.contents, /refresh_token_rotation.feature/);
    assert.match(h.contents, /checked by the awscc provider at plan/);
  });
  test('data source attributes are read-only except id', () => {
    assert.match(mustHover('data "awscc_cognito_user_pool_client" "x" {\n  i|d = "a"\n}\n').contents, /string, required/);
  });
  test('unknown attribute names and nested blocks get no hover', () => {
    assert.equal(hoverAt(resource('  not_an_attr|ibute = 1')), undefined);
    assert.equal(hoverAt(resource('  lifecycle {\n    ignore_chan|ges = []\n  }')), undefined);
  });
  test('attribute names listed in lifecycle.ignore_changes', () => {
    assert.match(mustHover(resource('  lifecycle {\n    ignore_changes = [client_na|me]\n  }')).contents, /`client_name`\*\* — string/);
    const nested = mustHover(resource('  lifecycle {\n    ignore_changes = [token_validity_units.id_tok|en]\n  }'));
    assert.match(nested.contents, /`token_validity_units.id_token`/);
    assert.equal(hoverAt(resource('  lifecycle {\n    ignore_changes = [unknown_th|ing]\n  }')), undefined);
  });
});

describe('hover on values', () => {
  test('an auth flow in a list explains the flow', () => {
    const h = mustHover(resource('  explicit_auth_flows = ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_S|RP_AUTH"]'));
    assert.match(h.contents, /`ALLOW_USER_SRP_AUTH` — value of `explicit_auth_flows`/);
    assert.match(h.contents, /Secure Remote Password/);
    assert.deepEqual(h.range, { start: { line: 1, character: 53 }, end: { line: 1, character: 74 } });
  });
  test('a legacy auth flow is marked legacy', () => {
    assert.match(mustHover(resource('  explicit_auth_flows = ["ADMIN_NO|_SRP_AUTH"]')).contents, /Legacy value/);
  });
  test('OAuth flows, scopes and identity providers', () => {
    assert.match(mustHover(resource('  allowed_o_auth_flows = ["client_cred|entials"]')).contents, /Machine-to-machine/);
    assert.match(mustHover(resource('  allowed_o_auth_scopes = ["ope|nid"]')).contents, /ID token/);
    assert.match(mustHover(resource('  allowed_o_auth_scopes = ["orders/re|ad"]')).contents, /scope `read` of the resource server `orders`/i);
    assert.match(mustHover(resource('  supported_identity_providers = ["COG|NITO"]')).contents, /own user directory/);
  });
  test('standard and custom user attributes', () => {
    assert.match(mustHover(resource('  read_attributes = ["given_na|me"]')).contents, /First name/);
    assert.match(mustHover(resource('  write_attributes = ["custom:ti|er"]')).contents, /custom attribute `tier`/);
  });
  test('string enums: units, prevent_user_existence_errors and rotation feature', () => {
    assert.match(mustHover(resource('  token_validity_units = { id_token = "min|utes" }')).contents, /counts minutes/);
    assert.match(mustHover(resource('  prevent_user_existence_errors = "ENAB|LED"')).contents, /generic errors/);
    assert.match(mustHover(resource('  refresh_token_rotation = { feature = "ENA|BLED" }')).contents, /GetTokensFromRefreshToken/);
  });
  test('a value inside a conditional branch', () => {
    assert.match(mustHover(resource('  prevent_user_existence_errors = var.x ? "ENABLED" : "LEG|ACY"')).contents, /user not found/);
  });
  test('unknown values and non-enum strings get no hover', () => {
    assert.equal(hoverAt(resource('  explicit_auth_flows = ["ALLOW_NOT|HING"]')), undefined);
    assert.equal(hoverAt(resource('  client_name = "ENAB|LED"')), undefined);
  });
});

describe('hover in import blocks', () => {
  const importBlock = (body: string) => `import {\n  to = awscc_cognito_user_pool_client.web\n${body}\n}\n`;
  test('arguments are described when the target is this resource type', () => {
    const to = mustHover('import {\n  t|o = awscc_cognito_user_pool_client.web\n  id = "a"\n}\n');
    assert.match(to.contents, /\*\*`to`\*\* — import block argument, required/);
    assert.match(mustHover(importBlock('  ident|ity = {}')).contents, /Terraform 1\.12\.0/);
    assert.match(mustHover(importBlock('  for_ea|ch = {}')).contents, /each\.key/);
    assert.match(mustHover(importBlock('  provi|der = awscc.eu')).contents, /provider configuration/);
  });
  test('hover on identity lists the identity keys of the target type, required first', () => {
    const h = mustHover(importBlock('  ident|ity = {\n    user_pool_id = "us-east-1_abc"\n  }')).contents;
    const keys = [...h.matchAll(/^- `(\w+)` — (required|optional)/gm)].map((m) => `${m[1]} ${m[2]}`);
    assert.deepEqual(keys, ['user_pool_id required', 'client_id required', 'account_id optional', 'region optional']);
    // The same while the import block is still open.
    assert.equal(mustHover('import {\n  to = awscc_cognito_user_pool_client.web\n  ident|ity = {\n').contents, h);
    assert.doesNotMatch(mustHover(importBlock('  i^d = "a|b"'), '^').contents, /Identity keys/);
  });
  test('import blocks for other resource types get no hover', () => {
    assert.equal(hoverAt('import {\n  to = aws_instance.x\n  i|d = "i-123"\n}\n'), undefined);
  });
  test('identity keys', () => {
    const h = mustHover(importBlock('  identity = {\n    user_pool|_id = "us-east-1_abc"\n    client_id = "x"\n  }'));
    assert.match(h.contents, /identity attribute .*, string, required/);
    assert.match(mustHover(importBlock('  identity = { regi|on = "us-east-1" }')).contents, /optional[\s\S]*region mismatch/);
  });
  test('an import id is split into pool and client, with the region from the pool id', () => {
    const h = mustHover(importBlock('  id = "eu-west-1_AbC123|1h57kf5^cpq17m0eml12EXAMPLE"'), '^');
    assert.match(h.contents, /User pool ID:\*\* `eu-west-1_AbC123` \(region `eu-west-1`\)/);
    assert.match(h.contents, /Client ID:\*\* `1h57kf5cpq17m0eml12EXAMPLE`/);
    assert.doesNotMatch(h.contents, /format of hashicorp\/aws/);
  });
  test('the hashicorp/aws slash format is recognised and the awscc form suggested', () => {
    const h = mustHover(importBlock('  id = "us-east-1_abc/cli^ent1"'), '^');
    assert.match(h.contents, /format of hashicorp\/aws/);
    assert.ok(h.contents.includes('`us-east-1_abc|client1`'));
  });
  test('an id without a separator says what is expected', () => {
    assert.match(mustHover(importBlock('  id = "1h57kf5cpq^17m0"'), '^').contents, /has no `\|`/);
  });
  test('the data source id string is hovered like an import id', () => {
    const h = mustHover('data "awscc_cognito_user_pool_client" "x" {\n  id = "us-west-2_aa^a|bbb"\n}\n', '^');
    assert.match(h.contents, /region `us-west-2`/);
  });
});

describe('hover on references', () => {
  test('`.id` explains that it is not the client id', () => {
    const h = mustHover('output "x" {\n  value = awscc_cognito_user_pool_client.web.i|d\n}\n');
    assert.match(h.contents, /`<user_pool_id>\|<client_id>`/);
    assert.match(h.contents, /\*\*not\*\* the client ID/);
  });
  test('attributes after an index step and inside interpolations', () => {
    assert.match(mustHover('locals {\n  a = awscc_cognito_user_pool_client.web[0].client_i|d\n}\n').contents, /client ID that AWS assigns/);
    assert.match(mustHover('locals {\n  a = "${awscc_cognito_user_pool_client.web.client_sec|ret}"\n}\n').contents, /not\*\* mark it sensitive/);
  });
  test('nested attributes of a reference', () => {
    const h = mustHover('locals {\n  u = awscc_cognito_user_pool_client.web.token_validity_units.access_tok|en\n}\n');
    assert.match(h.contents, /`token_validity_units.access_token`/);
  });
  test('data source references and the type name in a reference', () => {
    const h = mustHover('locals {\n  s = data.awscc_cognito_user_pool_client.x.client_na|me\n}\n');
    assert.match(h.contents, /string, read-only/);
    assert.ok(h.contents.includes('data-sources/cognito_user_pool_client'));
    assert.match(mustHover('locals {\n  a = awscc_cognito_user_pool|_client.web.id\n}\n').contents, /AWS::Cognito::UserPoolClient/);
  });
  test('references to other types and unknown attributes get no hover', () => {
    assert.equal(hoverAt('locals {\n  a = aws_cognito_user_pool_client.web.i|d\n}\n'), undefined);
    assert.equal(hoverAt('locals {\n  a = awscc_cognito_user_pool_client.web.nope|nope\n}\n'), undefined);
    assert.equal(hoverAt('locals {\n  a = awscc_cognito_user_pool_client.w|eb.id\n}\n'), undefined);
  });
});

describe('positions and bad input', () => {
  test('ranges are in UTF-16 code units after emoji and CRLF', () => {
    const h = mustHover('\uFEFFresource "awscc_cognito_user_pool_client" "w" {\r\n  /* 😀 */ client_na|me = "x"\r\n}\r\n');
    assert.deepEqual(h.range, { start: { line: 1, character: 11 }, end: { line: 1, character: 22 } });
  });
  for (const name of ['complete.tf', 'broken.tf']) {
    test(`hover at every offset of ${name} never throws`, () => {
      const text = readFileSync(join(FIXTURES, name), 'utf8');
      const ctx = contextFor(text);
      let answered = 0;
      for (let offset = 0; offset <= text.length; offset++) {
        const h = hover(ctx, offset);
        if (h) {
          answered++;
          assert.ok(h.contents.length > 0);
          assert.ok(h.range.start.line <= h.range.end.line);
        }
      }
      assert.ok(answered > 0, 'some offsets have a hover');
    });
  }
});
