import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectAt, expectNone } from './helpers';
import { contextFor } from '../../support/context';
import { codeActions } from '../../../server/src/features/codeActions';
import { applyEdits } from './helpers';

const RESOURCE = 'resource "awscc_cognito_user_pool_client" "web" {\n  user_pool_id = "us-east-1_AbC123"\n  prevent_user_existence_errors = "ENABLED"\n}\n';
const imp = (body: string, to = 'awscc_cognito_user_pool_client.web') => `import {\n  to = ${to}\n${body}\n}\n`;

describe('CUP601 unknown-import-argument', () => {
  test('an unknown argument with did-you-mean, and identity written as a block', () => {
    expectAt(imp('  «import_id» = "us-east-1_AbC123|abc"') + RESOURCE, 'CUP601', 'error');
    assert.equal(applyFix(imp('  import_id = "us-east-1_AbC123|abc"') + RESOURCE, 'CUP601'), imp('  id = "us-east-1_AbC123|abc"') + RESOURCE);
    const block = imp('  identity {\n    user_pool_id = "us-east-1_AbC123"\n    client_id = "abc"\n  }');
    expectAt(block.replace('identity {', '«identity» {') + RESOURCE, 'CUP601', 'error');
    assert.equal(applyFix(block + RESOURCE, 'CUP601'), block.replace('identity {', 'identity = {') + RESOURCE);
  });
});

describe('CUP602 import-missing-to / CUP603 import-to-not-a-resource', () => {
  test('missing to is reported on the header', () => {
    expectAt('«import» {\n  id = "x"\n}\n', 'CUP602', 'error');
  });
  test('quoted addresses (with a fix) and data sources', () => {
    const quoted = imp('  id = "us-east-1_AbC123|abc"', '«"awscc_cognito_user_pool_client.web"»');
    expectAt(quoted + RESOURCE, 'CUP603', 'error');
    assert.equal(applyFix(quoted.replace(/[«»]/g, '') + RESOURCE, 'CUP603'), imp('  id = "us-east-1_AbC123|abc"') + RESOURCE);
    expectAt(imp('  id = "x"', '«data.awscc_cognito_user_pool_client.web»'), 'CUP603', 'error');
  });
});

describe('CUP604 import-id-or-identity', () => {
  test('both: error on identity, with fixes to keep either', () => {
    const text = imp('  id = "us-east-1_AbC123|abc"\n  identity = {\n    user_pool_id = "us-east-1_AbC123"\n    client_id = "abc"\n  }');
    expectAt(text.replace('identity =', '«identity» =') + RESOURCE, 'CUP604', 'error');
    assert.equal(applyFix(text + RESOURCE, 'CUP604', "Remove 'identity'"), imp('  id = "us-east-1_AbC123|abc"') + RESOURCE);
  });
  test('neither: error on the header', () => {
    expectAt(`«import» {\n  to = awscc_cognito_user_pool_client.web\n}\n${RESOURCE}`, 'CUP604', 'error');
  });
  test('other resource types are not ours to judge', () => {
    expectNone('import {\n  to = aws_instance.x\n}\n', 'CUP604');
  });
});

describe('CUP605 import-id-format / CUP606 import-id-slash-separator', () => {
  test('no separator, bad pool id, bad client id', () => {
    expectAt(imp('  id = «"abc"»') + RESOURCE, 'CUP605', 'error');
    expectAt(imp('  id = «"pool|abc"»') + RESOURCE, 'CUP605', 'error');
    expectAt(imp('  id = «"us-east-1_AbC123|a-b"»') + RESOURCE, 'CUP605', 'error');
    expectNone(imp('  id = "us-east-1_AbC123|1h57kf5cpq17m0eml12EXAMPLE"') + RESOURCE, 'CUP605');
    expectNone(imp('  id = "${var.pool}|${var.client}"') + RESOURCE, 'CUP605');
  });
  test('the hashicorp/aws slash form: reported on the slash, fixed to a pipe', () => {
    expectAt(imp('  id = "us-east-1_AbC123«/»abc"') + RESOURCE, 'CUP606', 'error');
    assert.equal(applyFix(imp('  id = "us-east-1_AbC123/abc"') + RESOURCE, 'CUP606'), imp('  id = "us-east-1_AbC123|abc"') + RESOURCE);
  });
});

describe('CUP607-609 identity', () => {
  const identity = (inner: string) => imp(`  identity = {\n${inner}\n  }`);
  test('missing required key and unknown key (with a rename fix)', () => {
    expectAt(identity('    user_pool_id = "us-east-1_AbC123"\n    «clientid» = "abc"').replace('identity =', '«identity» =') + RESOURCE, 'CUP607', 'error');
    assert.equal(
      applyFix(identity('    user_pool_id = "us-east-1_AbC123"\n    clientid = "abc"') + RESOURCE, 'CUP607'),
      identity('    user_pool_id = "us-east-1_AbC123"\n    client_id = "abc"') + RESOURCE,
    );
  });
  test('account_id not 12 digits, region unlike the pool prefix: warnings', () => {
    const text = (account: string, region: string) =>
      identity(`    user_pool_id = "eu-west-1_AbC123"\n    client_id = "abc"\n    account_id = ${account}\n    region = ${region}`) + RESOURCE;
    expectAt(text('«"12345"»', '"eu-west-1"'), 'CUP608', 'warning');
    expectAt(text('"123456789012"', '«"us-east-1"»'), 'CUP609', 'warning');
    expectNone(text('"123456789012"', '"eu-west-1"'), 'CUP609');
  });
});

describe('CUP610 import-target-not-declared / CUP611 duplicate-import-target', () => {
  test('a missing resource block is a warning that mentions -generate-config-out', () => {
    const [d] = expectAt(imp('  id = "us-east-1_AbC123|abc"', '«awscc_cognito_user_pool_client.web»'), 'CUP610', 'warning');
    assert.match(d.message, /-generate-config-out/);
    expectNone(imp('  id = "us-east-1_AbC123|abc"'), 'CUP610', { 'clients.tf': RESOURCE });
  });
  test('the same to twice in the module, across files', () => {
    const first = imp('  id = "us-east-1_AbC123|abc"');
    const second = imp('  id = "us-east-1_AbC123|def"', '«awscc_cognito_user_pool_client.web»');
    expectAt(first + second + RESOURCE, 'CUP611', 'error');
    // main.tf sorts after a.tf: the block in main.tf is the duplicate.
    expectAt(second, 'CUP611', 'error', { 'a.tf': first + RESOURCE });
    expectNone(first, 'CUP611', { 'z.tf': second.replace(/[«»]/g, '') + RESOURCE });
    // Different instance keys are different targets.
    expectNone(imp('  id = "a_b|c"', 'awscc_cognito_user_pool_client.web["a"]') + imp('  id = "a_b|d"', 'awscc_cognito_user_pool_client.web["b"]') + RESOURCE, 'CUP611');
  });
});

describe('CUP612 import-version-requirements', () => {
  const identity = imp('  «identity» = {\n    user_pool_id = "us-east-1_AbC123"\n    client_id = "abc"\n  }');
  test('identity with required_version below 1.12, and the fix back to id', () => {
    const tf = { 'versions.tf': 'terraform {\n  required_version = "~> 1.10.0"\n}\n' };
    expectAt(identity + RESOURCE, 'CUP612', 'warning', tf);
    expectNone(identity.replace(/[«»]/g, '') + RESOURCE, 'CUP612', { 'versions.tf': 'terraform {\n  required_version = ">= 1.5"\n}\n' });
    assert.equal(applyFix(identity.replace(/[«»]/g, '') + RESOURCE, 'CUP612', undefined, tf), imp('  id = "us-east-1_AbC123|abc"') + RESOURCE);
  });
  test('identity with an awscc constraint below 1.56; for_each below Terraform 1.7', () => {
    const providers = { 'versions.tf': 'terraform {\n  required_providers {\n    awscc = {\n      source  = "hashicorp/awscc"\n      version = "~> 1.40.0"\n    }\n  }\n}\n' };
    expectAt(identity + RESOURCE, 'CUP612', 'warning', providers);
    const forEach = 'import {\n  «for_each» = var.ids\n  to = awscc_cognito_user_pool_client.web[each.key]\n  id = each.value\n}\n';
    expectAt(forEach + RESOURCE, 'CUP612', 'warning', { 'versions.tf': 'terraform {\n  required_version = "1.6.2"\n}\n' });
  });
});

describe('id ⇄ identity rewrite', () => {
  test('offered on an id of our type and round-trips', () => {
    const text = imp('  id = "us-east-1_AbC123|abc"') + RESOURCE;
    const ctx = contextFor(text);
    const at = ctx.document.file.lines.positionAt(text.indexOf('id ='));
    const [action] = codeActions(ctx, { start: at, end: at });
    assert.equal(action?.kind, 'refactor.rewrite');
    const rewritten = applyEdits(text, action.edit!.changes![ctx.document.uri], (p) => ctx.document.file.lines.offsetAt(p));
    assert.equal(rewritten, imp('  identity = {\n    user_pool_id = "us-east-1_AbC123"\n    client_id    = "abc"\n  }') + RESOURCE);
    const back = contextFor(rewritten);
    const pos = back.document.file.lines.positionAt(rewritten.indexOf('identity ='));
    const [undo] = codeActions(back, { start: pos, end: pos });
    assert.equal(applyEdits(rewritten, undo.edit!.changes![back.document.uri], (p) => back.document.file.lines.offsetAt(p)), text);
  });
});
