// After a diagnostics run the resource blocks' bodies go back to the parse's records (their objects are
// most of the memory of a large document); the next run, and any feature that reads them, gets the same
// answers from bodies built again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createModuleFromTexts } from '../../../server/src/model';
import { computeDiagnostics } from '../../../server/src/features/diagnostics';
import { hover } from '../../../server/src/features/hover';
import type { Block } from '../../../server/src/parser';
import type { BlockNode } from '../../../server/src/parser/blockNode';
import { generateModuleText } from '../../support/generate';

test('a diagnostics run leaves resource bodies as records; the next run and hover read them the same', () => {
  const text = generateModuleText(40, 9);
  const { contextFor } = createModuleFromTexts({ 'main.tf': text });
  const ctx = contextFor('main.tf');
  const resources = ctx.document.file.body.items.filter((i): i is Block => i.kind === 'Block' && i.type.name === 'resource') as BlockNode[];
  const offset = text.indexOf('access_token_validity', text.indexOf('"client_20"'));
  const hoverBefore = JSON.stringify(hover(ctx, offset));
  const first = computeDiagnostics(ctx);
  assert.ok(first.length > 0);
  assert.ok(resources.every((b) => b.isPacked), 'every resource body is records again');
  assert.equal(JSON.stringify(hover(ctx, offset)), hoverBefore);
  assert.ok(hoverBefore.includes('access_token_validity'));
  // A fresh context of the same text: the rules run again on bodies built again.
  const again = createModuleFromTexts({ 'main.tf': text }).contextFor('main.tf');
  for (const item of again.document.file.body.items) if (item.kind === 'Block') void item.body;
  assert.deepEqual(computeDiagnostics(again), first);
});
