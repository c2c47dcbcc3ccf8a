// Round trip over the corpus of hashicorp/aws clients (test/fixtures/migrate/*): for every converted client
// and every instance, the CreateUserPoolClient fields AWS would receive are the same before and after;
// terraform fmt accepts every output; our own check reports nothing but the client-ID placeholders.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createModuleFromTexts } from '../../../server/src/model';
import { planMigration } from '../../../server/src/features/migrate';
import { computeDiagnostics } from '../../../server/src/features/diagnostics';
import { parse, type Block, type HclFile } from '../../../server/src/parser';
import { clientFields, localsOf, type Fields } from '../../support/clientFields';
import { terraformAvailable } from '../../support/terraformCheck';

const CORPUS = join(__dirname, '..', '..', 'fixtures', 'migrate');
const modules = readdirSync(CORPUS).sort();

function readModule(name: string): Record<string, string> {
  const dir = join(CORPUS, name);
  return Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.tf')).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

function clients(files: HclFile[], type: string): Map<string, Map<string, Fields>> {
  const scope = { file: files[0], locals: localsOf(files), bindings: new Map() };
  const out = new Map<string, Map<string, Fields>>();
  for (const file of files) {
    for (const item of file.body.items) {
      if (item.kind === 'Block' && item.type.name === 'resource' && item.labels[0]?.value === type) {
        out.set(item.labels[1].value, clientFields(item as Block, { ...scope, file }));
      }
    }
  }
  return out;
}

function converted(texts: Record<string, string>, style: 'id' | 'identity'): { after: Record<string, string>; placeholders: number } {
  const module = createModuleFromTexts(texts).contextFor('main.tf').module;
  const plan = planMigration(module, { style });
  const after = { ...texts };
  for (const change of plan.changes) after[change.uri.slice(change.uri.lastIndexOf('/') + 1)] = change.after;
  return { after, placeholders: plan.instances.filter((i) => !i.filled).length };
}

describe('aws → awscc round trip over the corpus', () => {
  assert.ok(modules.length >= 5, 'the corpus is there');
  for (const name of modules) {
    for (const style of ['id', 'identity'] as const) {
      test(`${name} (${style}): same API fields, only placeholder errors`, () => {
        const texts = readModule(name);
        const { after, placeholders } = converted(texts, style);
        const before = clients(Object.values(texts).map(parse), 'aws_cognito_user_pool_client');
        const now = clients(Object.values(after).map(parse), 'awscc_cognito_user_pool_client');
        assert.ok(before.size > 0);
        assert.deepEqual([...now.keys()].sort(), [...before.keys()].sort(), 'every client converted');
        for (const [client, instances] of before) {
          assert.deepEqual([...now.get(client)!.keys()], [...instances.keys()], `${client}: same instances`);
          for (const [key, fields] of instances) {
            assert.ok(fields.ClientName && fields.UserPoolId, `${client}[${key}] has a name and a pool`);
            assert.deepEqual(now.get(client)!.get(key), fields, `${client}[${key}]: same CreateUserPoolClient fields`);
          }
        }
        assert.equal(Object.values(after).join('').includes('aws_cognito_user_pool_client.'), true, 'the removed blocks name the aws address');
        const ctx = createModuleFromTexts(after);
        let errors = 0;
        for (const file of Object.keys(after)) {
          const found = computeDiagnostics(ctx.contextFor(file)).filter((d) => d.severity === 1 || d.severity === 2);
          assert.deepEqual([...new Set(found.map((d) => d.code))].filter((c) => c !== 'CUP613'), [], `${file}: ${found.map((d) => d.message).join('\n')}`);
          errors += found.length;
        }
        assert.equal(errors, placeholders, 'one CUP613 per unfilled client ID');
      });
    }
  }

  test('the original modules: we report nothing on hashicorp/aws clients', () => {
    for (const name of modules) {
      const texts = readModule(name);
      const ctx = createModuleFromTexts(texts);
      for (const file of Object.keys(texts)) assert.deepEqual(computeDiagnostics(ctx.contextFor(file)).map((d) => d.code), [], `${name}/${file}`);
    }
  });

  test('terraform fmt -check accepts every converted file', (t) => {
    if (!terraformAvailable()) {
      t.skip('terraform is not on PATH');
      console.log('# skip: terraform not on PATH, converted files not checked with terraform fmt');
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'migrate-fmt-'));
    try {
      for (const name of modules) {
        for (const style of ['id', 'identity'] as const) {
          const { after } = converted(readModule(name), style);
          for (const [file, text] of Object.entries(after)) writeFileSync(join(dir, `${name}-${style}-${file}`), text);
        }
      }
      const r = spawnSync('terraform', ['fmt', '-check', '-list=true', '-no-color', dir], { encoding: 'utf8', env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' } });
      assert.equal(r.status, 0, `terraform fmt wants to change: ${r.stdout}${r.stderr}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
