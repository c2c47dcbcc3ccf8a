// A rule that declares what it `reads` (its index's clients or imports) is skipped on items without any.
// That is only right if the rule, run anyway, would find nothing there: every fixture module of the
// repository is checked item by item with the declared rules and with copies that declare nothing, and both
// must report the same, and so must a generated module that draws most of the rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Workspace, nodeFileSystem } from '../../../server/src/model';
import { rules, runRules, type Finding } from '../../../server/src/features/rules';
import { generateModuleText } from '../../support/generate';
import { tfFiles } from '../../support/tfFiles';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');

const itemRules = rules.filter((r) => r.scope !== 'module');
const declared = itemRules.filter((r) => r.reads !== undefined);
const undeclared = declared.map((r) => ({ ...r, reads: undefined }));
const shown = (f: Finding) => `${f.code} ${f.span.start}-${f.span.end} ${f.message}`;

test('rules declare what they read: the import rules and the rules of our resource', () => {
  assert.deepEqual(
    declared.filter((r) => r.reads === 'imports').map((r) => r.code),
    itemRules.filter((r) => r.code.startsWith('CUP6')).map((r) => r.code),
  );
  assert.ok(declared.filter((r) => r.reads === 'clients').length >= 35, 'the schema, value, cross-field and pool rules');
});

test('skipping a rule on items without what it reads changes no finding, on every fixture module', () => {
  const files = tfFiles(FIXTURES);
  assert.ok(files.length > 40, `fixtures found: ${files.length}`);
  let items = 0;
  let findings = 0;
  let skippedSomewhere = 0;
  const generated = join(FIXTURES, 'generated-not-on-disk', 'main.tf');
  for (const path of [...files, generated]) {
    const workspace = new Workspace(nodeFileSystem);
    const uri = pathToFileURL(path).href;
    workspace.openDocument(uri, 1, path === generated ? generateModuleText(40) : readFileSync(path, 'utf8'));
    const ctx = workspace.contextFor(uri)!;
    for (const item of ctx.document.file.body.items) {
      items++;
      const within = { start: item.start, end: item.end };
      const gated = runRules(ctx, declared, undefined, within).map(shown);
      const all = runRules(ctx, undeclared, undefined, within).map(shown);
      assert.deepEqual(gated, all, `${path.slice(FIXTURES.length)} item at ${item.start}`);
      findings += all.length;
      if (item.kind === 'Block' && item.type.name !== 'import' && item.type.name !== 'resource') skippedSomewhere++;
    }
  }
  assert.ok(findings > 200 && skippedSomewhere > 20, `a real comparison: ${items} items, ${findings} findings, ${skippedSomewhere} items of other kinds`);
});
