// Applying a completion item the way an editor would, so tests can compare the whole resulting text.
// Positions are converted with an independent line splitter (not the server's line index), and snippets
// are expanded to their default text: `${1|a,b|}` → `a`, `${1:x}` → `x`, `$1`/`${1}`/`$0` → ''.
import type { CompletionItem, CompletionList, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { InsertTextFormat } from 'vscode-languageserver-types';

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') continue; // the \n ends the line
    if (c === '\n' || c === '\r') starts.push(i + 1);
  }
  return starts;
}

export function offsetOf(text: string, position: Position): number {
  const starts = lineStarts(text);
  const start = starts[position.line];
  if (start === undefined) throw new Error(`line ${position.line} is past the end`);
  return start + position.character;
}

/** The default text of an LSP snippet. */
export function expandSnippet(snippet: string): string {
  let out = '';
  let i = 0;
  const readUntilClose = (): string => {
    // Body of `${N:...}` up to its matching `}`, expanded recursively.
    let depth = 1;
    let body = '';
    while (i < snippet.length) {
      const c = snippet[i];
      if (c === '\\' && i + 1 < snippet.length) {
        body += c + snippet[i + 1];
        i += 2;
        continue;
      }
      if (c === '$' && snippet[i + 1] === '{') depth++;
      if (c === '}' && --depth === 0) {
        i++;
        return expandSnippet(body);
      }
      body += c;
      i++;
    }
    throw new Error(`unclosed placeholder in snippet ${JSON.stringify(snippet)}`);
  };
  while (i < snippet.length) {
    const c = snippet[i];
    if (c === '\\' && i + 1 < snippet.length) {
      out += snippet[i + 1];
      i += 2;
    } else if (c === '$' && /\d/.test(snippet[i + 1] ?? '')) {
      i++;
      while (/\d/.test(snippet[i] ?? '')) i++;
    } else if (c === '$' && snippet[i + 1] === '{') {
      i += 2;
      while (/\d/.test(snippet[i])) i++;
      if (snippet[i] === '}') {
        i++;
      } else if (snippet[i] === ':') {
        i++;
        out += readUntilClose();
      } else if (snippet[i] === '|') {
        const end = snippet.indexOf('|}', i + 1);
        const choices = snippet.slice(i + 1, end).split(/(?<!\\),/);
        out += choices[0].replace(/\\(.)/g, '$1');
        i = end + 2;
      } else {
        throw new Error(`unsupported snippet syntax at ${i} in ${JSON.stringify(snippet)}`);
      }
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function rangeOfEdit(edit: CompletionItem['textEdit']): Range {
  if (!edit) throw new Error('item has no textEdit');
  return 'range' in edit ? edit.range : edit.replace;
}

/** The document text after accepting `item`. */
export function applyCompletion(text: string, item: CompletionItem): string {
  const range = rangeOfEdit(item.textEdit);
  const raw = item.textEdit!.newText;
  const newText = item.insertTextFormat === InsertTextFormat.Snippet ? expandSnippet(raw) : raw;
  const edits: TextEdit[] = [{ range, newText }, ...(item.additionalTextEdits ?? [])];
  const resolved = edits
    .map((e) => ({ start: offsetOf(text, e.range.start), end: offsetOf(text, e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of resolved) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

export function labels(list: CompletionList | CompletionItem[]): string[] {
  return (Array.isArray(list) ? list : list.items).map((i) => i.label);
}

export function pick(list: CompletionList | CompletionItem[], label: string): CompletionItem {
  const items = Array.isArray(list) ? list : list.items;
  const found = items.filter((i) => i.label === label);
  if (found.length === 0) throw new Error(`no item ${JSON.stringify(label)} among ${JSON.stringify(labels(items))}`);
  return found[0];
}

// ----- running the completion feature on a snippet with a caret marker ------------------------------------
import { complete, type CompletionOptions } from '../../server/src/features/completion';
import { withCaret } from './caret';
import { contextFor } from './context';

export interface CompletionCase {
  /** The snippet without the caret marker. */
  text: string;
  list: CompletionList;
}

/** Completion at the caret marker of `snippet` (the file `main.tf`; `otherFiles` are its siblings). */
export function completeSnippet(
  snippet: string,
  options: Partial<CompletionOptions> & { marker?: string; otherFiles?: Record<string, string>; name?: string } = {},
): CompletionCase {
  const { marker = '|', otherFiles = {}, name = 'main.tf', ...rest } = options;
  const { text, offset } = withCaret(snippet, marker);
  return { text, list: complete(contextFor(text, otherFiles, name), offset, { yieldPlainItems: false, ...rest }) };
}

/** The whole text after choosing the item labelled `label` at the caret of `snippet`. */
export function accept(snippet: string, label: string, options: Parameters<typeof completeSnippet>[1] = {}): string {
  const { text, list } = completeSnippet(snippet, options);
  return applyCompletion(text, pick(list, label));
}
