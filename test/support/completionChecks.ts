// Invariants every completion answer must keep, whatever the text: shared by the robustness test and the
// fuzz suite so both check the same thing.
import assert from 'node:assert/strict';
import type { CompletionList } from 'vscode-languageserver-types';
import { complete } from '../../server/src/features/completion';
import { definition } from '../../server/src/features/definition';
import { documentSymbols } from '../../server/src/features/symbols';
import type { FeatureContext } from '../../server/src/model';
import { expandSnippet, offsetOf } from './completion';

/** Completion (both modes), definition and symbols at `offset`: nothing throws, every edit is sane. */
export function checkFeaturesAt(ctx: FeatureContext, offset: number): void {
  const text = ctx.document.file.text;
  for (const yieldPlainItems of [false, true]) {
    const list: CompletionList = complete(ctx, offset, { yieldPlainItems });
    for (const item of list.items) {
      assert.ok(item.label.length > 0, 'empty label');
      const edit = item.textEdit;
      assert.ok(edit && 'range' in edit, `item ${item.label} has no TextEdit`);
      const { start, end } = edit.range;
      // Editors require the replaced range to be on one line and to contain the caret.
      assert.equal(start.line, end.line, `multi-line range for ${item.label}`);
      const from = offsetOf(text, start);
      const to = offsetOf(text, end);
      assert.ok(from <= offset && offset <= to, `range of ${item.label} (${from}-${to}) does not contain the caret ${offset}`);
      if (item.insertTextFormat === 2) expandSnippet(edit.newText); // throws on malformed snippets
    }
  }
  for (const link of definition(ctx, offset)) assert.ok(link.targetUri.length > 0);
}

export function checkSymbols(ctx: FeatureContext): void {
  const visit = (symbols: ReturnType<typeof documentSymbols>) => {
    for (const s of symbols) {
      assert.ok(s.name.trim().length > 0, 'empty symbol name');
      visit(s.children ?? []);
    }
  };
  visit(documentSymbols(ctx, { yieldPlainItems: false }));
}
