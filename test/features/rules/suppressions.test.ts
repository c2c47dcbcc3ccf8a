import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { client, diagnose } from './helpers';

const codes = (text: string) => diagnose(text).map((d) => d.code);

describe('suppression comments', () => {
  test('a comment line silences the named rule on the next line only', () => {
    const text = client('  # awscc-cognito-ignore CUP206\n  read_attributes = ["email", "email"]\n  write_attributes = ["name", "name"]');
    const found = diagnose(text).filter((x) => x.code === 'CUP206');
    assert.deepEqual(found.map((d) => d.range.start.line), [4]);
  });
  test('a trailing comment silences its own line; several codes with // and commas, and /* */', () => {
    const text = client('  allowed_o_auth_flows = ["implicit"] // awscc-cognito-ignore CUP501, CUP407\n  enable_token_revocation = false /* awscc-cognito-ignore CUP503 */');
    const found = codes(text);
    assert.ok(!found.includes('CUP501') && !found.includes('CUP407') && !found.includes('CUP503'), found.join(','));
    assert.ok(codes(text.replace(/ (\/\/|\/\*) awscc-cognito-ignore[^\n]*/g, '')).includes('CUP503'));
  });
  test('other codes on the line still report; no code silences all rules of the line', () => {
    const text = client('  access_token_validity = 1.5 # awscc-cognito-ignore CUP206\n  id_token_validity = 1.5 # awscc-cognito-ignore');
    assert.deepEqual(diagnose(text).filter((d) => d.code === 'CUP105').map((d) => d.range.start.line), [2]);
  });
  test('syntax errors are never silenced', () => {
    assert.ok(codes('# awscc-cognito-ignore\nresource "x" "y" {\n').includes('CUP001'));
  });
});

describe("coexistence with HashiCorp's extension", () => {
  test('yieldStructural drops syntax and structural rules, keeps the rest', () => {
    const text = client('  callback_urls = []\n  access_token_validity = 48') + 'resource "x" {\n';
    const all = new Set(diagnose(text).map((d) => d.code));
    const yielded = new Set(diagnose(text, {}, { yieldStructural: true }).map((d) => d.code));
    assert.ok(all.has('CUP001') && all.has('CUP101') && all.has('CUP301'), [...all].join(','));
    assert.ok(!yielded.has('CUP001') && !yielded.has('CUP101'));
    assert.ok(yielded.has('CUP301'));
  });
});
