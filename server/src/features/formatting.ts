// Document formatting: the formatter's offset edits as LSP TextEdits. A document with syntax errors is left
// alone (no edits) and the reason goes back to the adapter, which logs it and shows it in the editor.
import type { TextEdit } from 'vscode-languageserver-types';
import type { FeatureContext } from '../model';
import { formatEdits, type FormatOptions } from '../format';

export type FormattingResult = { edits: TextEdit[] } | { error: string };

export function formatDocument(ctx: FeatureContext, options: FormatOptions = {}): FormattingResult {
  const file = ctx.document.file;
  const result = formatEdits(file, options);
  if ('error' in result) return result;
  return { edits: result.edits.map((e) => ({ range: file.rangeOf(e), newText: e.text })) };
}
