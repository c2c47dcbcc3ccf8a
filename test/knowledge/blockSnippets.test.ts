// Block snippets (server/src/knowledge/blockSnippets.json): valid snippet syntax, the facts they encode, and text that `terraform fmt`
// would leave unchanged once the placeholders take their defaults.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = join(__dirname, '..', '..');
const snippets: Record<string, { prefix: string | string[]; body: string[]; description: string }> = JSON.parse(
  readFileSync(join(root, 'server', 'src', 'knowledge', 'blockSnippets.json'), 'utf8'),
);

/** Expands a snippet the way accepting every default does: first choice, placeholder text, empty tab stops. */
function expandWithDefaults(body: string[]): string {
  return (
    body
      .join('\n')
      .replace(/\$\{\d+\|((?:[^,|\\]|\\.)*)(?:,(?:[^,|\\]|\\.)*)*\|\}/g, '$1')
      .replace(/\$\{\d+:([^}]*)\}/g, '$1')
      .replace(/\$\d+/g, '') + '\n'
  );
}

function snippetNamed(fragment: string): string {
  const entry = Object.entries(snippets).find(([name]) => name.includes(fragment));
  assert.ok(entry, `a snippet whose name contains ${JSON.stringify(fragment)}`);
  return expandWithDefaults(entry[1].body);
}

const terraformAvailable = spawnSync('terraform', ['version'], { stdio: 'ignore' }).status === 0;
if (!terraformAvailable) console.log('skipped: terraform not on PATH, snippet layout is not checked against terraform fmt');

describe('block snippets (knowledge/blockSnippets.json)', () => {
  test('each snippet has a prefix, a description and balanced, numbered placeholders', () => {
    assert.ok(Object.keys(snippets).length >= 3);
    for (const [name, snippet] of Object.entries(snippets)) {
      const prefixes = Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix];
      assert.ok(prefixes.length > 0 && prefixes.every((p) => p.length > 0), `${name}: prefix`);
      assert.ok(snippet.description.length > 20, `${name}: description`);
      const text = snippet.body.join('\n');
      // Every `${` in a body opens a placeholder: HCL interpolation would have to be written `\${`.
      const opened = text.match(/(?<!\\)\$\{/g)?.length ?? 0;
      const wellFormed = text.match(/\$\{\d+(?::[^}]*|\|[^}]*\|)\}/g)?.length ?? 0;
      assert.equal(opened, wellFormed, `${name}: every \${ is a numbered placeholder`);
      assert.ok(text.includes('$0'), `${name}: ends at a final tab stop`);
    }
  });

  test('the resource snippet offers the explicit auth flows the API accepts', () => {
    const body = Object.values(snippets).find((s) => s.body[0]!.startsWith('resource "awscc_cognito_user_pool_client"'))!.body.join('\n');
    const choice = /explicit_auth_flows\s*=\s*\[\$\{\d+\|([^}]*)\|\}/.exec(body);
    assert.ok(choice, 'explicit_auth_flows is a choice');
    const offered = choice[1]!.split(',').map((v) => JSON.parse(v));
    const allowed = ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_AUTH'];
    assert.deepEqual(offered.filter((v: string) => !allowed.includes(v)), []);
    assert.match(body, /user_pool_id\s*=/, 'the one required argument is present');
  });

  test('the import snippets use the pipe-joined id and the identity object', () => {
    const byId = snippetNamed('by id');
    assert.match(byId, /^import \{\n  to = awscc_cognito_user_pool_client\.\w+\n  id = "user_pool_id\|client_id"\n\}/);
    const byIdentity = snippetNamed('by identity');
    assert.match(byIdentity, /identity = \{\n\s+user_pool_id = "[^"]+"\n\s+client_id\s+= "[^"]+"\n\s+\}/);
    assert.doesNotMatch(byIdentity, /\bid\s*=/, 'id and identity are mutually exclusive');
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    test(`"${name}" expands to text terraform fmt leaves unchanged`, { skip: !terraformAvailable && 'terraform not on PATH' }, () => {
      const expanded = expandWithDefaults(snippet.body);
      const fmt = spawnSync('terraform', ['fmt', '-'], { input: expanded, encoding: 'utf8' });
      assert.equal(fmt.status, 0, `terraform fmt rejected the expansion:\n${fmt.stderr}`);
      assert.equal(fmt.stdout, expanded);
    });
  }
});
