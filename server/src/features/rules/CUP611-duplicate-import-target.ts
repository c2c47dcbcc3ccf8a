import type { Block, HclFile } from '../../parser';
import type { Rule } from './types';
import { importBlocks } from './importBlocks';

export const duplicateImportTarget: Rule = {
  code: 'CUP611',
  name: 'duplicate-import-target',
  defaultSeverity: 'error',
  category: 'import',
  scope: 'module',
  doc: {
    summary: 'Two `import` blocks of the module with the same `to`.',
    why: 'Terraform allows one import block per resource instance and rejects the duplicate ("Duplicate import configuration").',
  },
  check(context) {
    const mine = importBlocks(context).filter((i) => i.to && !i.forEach);
    if (mine.length === 0) return;
    const uri = context.ctx.document.uri;
    // Every import of the module, in a stable order (file, then position): the first one is the original.
    const all: { uri: string; key: string; start: number }[] = [];
    for (const imp of context.ctx.module.imports()) {
      const key = targetKey(imp.file, imp.block);
      if (key) all.push({ uri: imp.uri, key, start: imp.block.start });
    }
    all.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.start - b.start));
    const first = new Map<string, { uri: string; start: number }>();
    for (const a of all) if (!first.has(a.key)) first.set(a.key, a);
    for (const imp of mine) {
      const key = targetKey(context.ctx.document.file, imp.block);
      const original = key ? first.get(key) : undefined;
      if (!key || !original || (original.uri === uri && original.start === imp.block.start)) continue;
      const where = original.uri === uri ? `line ${context.ctx.document.file.lines.positionAt(original.start).line + 1}` : original.uri.slice(original.uri.lastIndexOf('/') + 1);
      context.report(imp.to!.value, `Another import block already targets \`${key}\` (${where}); Terraform allows one per resource instance.`);
    }
  },
};

/**
 * Keys by import block node: an edit elsewhere leaves every import block of the module the same node, and
 * this rule runs on every keystroke over all of them (null: no key).
 */
const keys = new WeakMap<Block, string | null>();

/** The `to` expression's text without spaces, for blocks without for_each; undefined otherwise. */
function targetKey(file: HclFile, block: Block): string | undefined {
  let key = keys.get(block);
  if (key === undefined) keys.set(block, (key = keyOf(file, block) ?? null));
  return key ?? undefined;
}

function keyOf(file: HclFile, block: Block): string | undefined {
  let to: { start: number; end: number } | undefined;
  for (const item of block.body.items) {
    if (item.kind !== 'Attribute') continue;
    if (item.name.name === 'for_each') return undefined;
    if (item.name.name === 'to' && item.value.kind !== 'Invalid') to = item.value;
  }
  return to && file.slice(to.start, to.end).replace(/\s+/g, '');
}
