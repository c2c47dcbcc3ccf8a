// Small random edits of a text, for mutation and incremental re-parse tests.
import type { TextChange } from '../../server/src/parser';

/** Pieces worth inserting: brackets, quotes, heredoc and comment openers, keywords, line breaks. */
export const INTERESTING = ['{', '}', '[', ']', '(', ')', '"', '${', '%{', '}', '<<EOT\n', '\nEOT\n', '/*', '*/', '#', '//', '\n', '\r\n', ' ', '=', '.', ',', ':', '?', '=>', '...', '~', 'for', 'if', 'in', 'x', '1', 'resource "r" "n" {', 'locals {', '\\', '😀', '\uFEFF', '\0'];

export interface Mutation {
  change: TextChange;
  description: string;
}

export function randomMutation(text: string, rand: () => number): Mutation {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const at = Math.floor(rand() * (text.length + 1));
  const r = rand();
  if (r < 0.35 || text.length === 0) {
    const piece = pick(INTERESTING);
    return { change: { start: at, end: at, text: piece }, description: `insert ${JSON.stringify(piece)} at ${at}` };
  }
  if (r < 0.7) {
    const end = Math.min(text.length, at + 1 + Math.floor(rand() * 3));
    return { change: { start: at, end, text: '' }, description: `delete [${at}, ${end})` };
  }
  if (r < 0.85) {
    const end = Math.min(text.length, at + 1 + Math.floor(rand() * 8));
    const copy = text.slice(at, end);
    return { change: { start: end, end, text: copy }, description: `duplicate [${at}, ${end})` };
  }
  if (r < 0.95) {
    const end = Math.min(text.length, at + 1);
    const piece = pick(INTERESTING);
    return { change: { start: at, end, text: piece }, description: `replace [${at}, ${end}) with ${JSON.stringify(piece)}` };
  }
  return { change: { start: at, end: text.length, text: '' }, description: `truncate at ${at}` };
}

export function applyChange(text: string, change: TextChange): string {
  return text.slice(0, change.start) + change.text + text.slice(change.end);
}
