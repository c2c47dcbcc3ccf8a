// Whole-block snippets (knowledge/blockSnippets.json) at the top level of a file, where a block can start:
// on a line holding nothing but the word being typed. Never inside a block body.
import type { CompletionItem } from 'vscode-languageserver-types';
import { blockSnippets } from '../../knowledge';
import { indentLines, Kind, lineIndent, markdown, snippetItem, type CompletionRequest } from './items';
import { nameSlotWanted } from './schemaBody';

const isWordChar = (c: string) => /^[A-Za-z0-9_-]$/.test(c);

/** `path` has no block: the caret is between top-level blocks (or on a bare word typed there). */
export function completeTopLevel(req: CompletionRequest): CompletionItem[] {
  const top = req.path[1];
  if (top && !(top.kind === 'Attribute' && top.equals < 0)) return [];
  if (!nameSlotWanted(req, '')) return [];
  const text = req.text;
  let start = req.offset;
  while (start > 0 && isWordChar(text.charAt(start - 1))) start--;
  // Only blanks between the line start and the word: a block header starts its line.
  for (let i = start - 1; i >= 0 && text.charAt(i) !== '\n'; i--) if (text.charAt(i) !== ' ' && text.charAt(i) !== '\t') return [];
  let end = req.offset;
  while (end < text.length && isWordChar(text.charAt(end))) end++;
  const indent = lineIndent(text, req.offset);
  return blockSnippets.map((s, i) =>
    snippetItem(req, { start, end }, {
      label: s.prefixes[0],
      labelDetails: { description: s.name },
      kind: Kind.Snippet,
      detail: s.name,
      documentation: markdown(s.description),
      sortText: `9_${i}`,
      // Every prefix finds it; editors match the typed word against each word of this text.
      filterText: s.prefixes.join(' '),
      snippet: indentLines(s.body.join('\n'), indent),
    }),
  );
}
