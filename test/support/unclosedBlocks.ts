// The unclosed-block property shared by test/features/completion/unclosed.test.ts (a sample of positions)
// and unclosed.fuzz.ts (every position): at a caret in a real file, deleting the closing braces of the
// blocks and objects around the caret (the ones typed after it) must not change what completion offers —
// with the rest of the file still following (the next block then ends the open one), and with the file
// ending right after the caret's block; the same for hover. And when the caret's block is typed only up to
// the caret, completion there offers the same with or without its closing braces.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompletionItem } from 'vscode-languageserver-types';
import { complete } from '../../server/src/features/completion';
import { hover } from '../../server/src/features/hover';
import { nodePathAt, parse } from '../../server/src/parser';
import { contextFor } from './context';

const FIXTURES = join(__dirname, '..', 'fixtures');

export interface Corpus {
  name: string;
  text: string;
}

/** The valid fixtures and the completion fixtures. */
export function unclosedCorpus(): Corpus[] {
  const out: Corpus[] = [];
  for (const dir of ['valid', 'completion']) {
    for (const f of readdirSync(join(FIXTURES, dir)).filter((n) => n.endsWith('.tf')).sort()) {
      out.push({ name: `${dir}/${f}`, text: readFileSync(join(FIXTURES, dir, f), 'utf8') });
    }
  }
  return out;
}

/** Offsets of the `}` that close the blocks and objects the caret is inside, and the caret's top-level block's end. */
export function enclosingClosers(text: string, offset: number): { closers: number[]; topEnd: number } | undefined {
  const path = nodePathAt(parse(text), offset);
  const closers: number[] = [];
  for (const node of path) {
    if (node.kind === 'Block' && node.openBrace >= 0 && node.openBrace < offset && node.closeBrace >= offset) closers.push(node.closeBrace);
    if (node.kind === 'Object' && node.closed && node.start < offset && node.end - 1 >= offset) closers.push(node.end - 1);
  }
  const top = path[1];
  return closers.length > 0 && top ? { closers, topEnd: top.end } : undefined;
}

const shape = (items: CompletionItem[]) =>
  items.map((i) => `${i.label} ${i.textEdit ? JSON.stringify(i.textEdit) : ''}`).sort();

function labelsAt(text: string, offset: number, otherFiles: Record<string, string> = {}): string[] {
  return shape(complete(contextFor(text, otherFiles), offset, { yieldPlainItems: false }).items);
}

export interface UnclosedResult {
  cases: number;
  /** Positions where the unclosed text offered anything, to show the property is not vacuous. */
  nonEmpty: number;
  failures: string[];
}

/** Checks the property at `offsets` of `corpus` (every offset when `offsets` is undefined). */
export function checkUnclosed(corpus: Corpus, offsets?: readonly number[]): UnclosedResult {
  const result: UnclosedResult = { cases: 0, nonEmpty: 0, failures: [] };
  const text = corpus.text;
  const positions = offsets ?? Array.from({ length: text.length + 1 }, (_, i) => i);
  for (const offset of positions) {
    const found = enclosingClosers(text, offset);
    if (!found) continue;
    const removed = new Set(found.closers);
    let open = '';
    for (let i = 0; i < text.length; i++) if (!removed.has(i)) open += text[i];
    const shift = found.closers.filter((c) => c < found.topEnd).length;
    // At the end of the file: what followed moves to a sibling file, so the module declares the same things.
    const variants: [string, string, Record<string, string>][] = [
      ['next block follows', open, {}],
      ['end of file', open.slice(0, found.topEnd - shift), { 'rest.tf': open.slice(found.topEnd - shift) }],
    ];
    const expected = labelsAt(text, offset);
    // Typed up to the caret: the rest of the caret's block not written yet, closed or not.
    const prefix = text.slice(0, offset) + '\n';
    const after = text.slice(found.topEnd);
    const typed = labelsAt(prefix + '}\n'.repeat(found.closers.length) + after, offset);
    const checks: [string, string[], string, Record<string, string>][] = [
      ...variants.map(([v, t, o]): [string, string[], string, Record<string, string>] => [v, expected, t, o]),
      ['typed to the caret, next block follows', typed, prefix + after, {}],
      ['typed to the caret, end of file', typed, prefix, { 'rest.tf': after }],
    ];
    const hoverBefore = JSON.stringify(hover(contextFor(text), offset) ?? null);
    for (const [variant, changed, otherFiles] of variants) {
      result.cases++;
      const hoverAfter = JSON.stringify(hover(contextFor(changed, otherFiles), offset) ?? null);
      if (hoverAfter !== hoverBefore) result.failures.push(`${corpus.name} offset ${offset} (${variant}): hover ${hoverAfter.slice(0, 80)} instead of ${hoverBefore.slice(0, 80)}`);
    }
    for (const [variant, expected, changed, otherFiles] of checks) {
      result.cases++;
      const actual = labelsAt(changed, offset, otherFiles);
      if (actual.length > 0) result.nonEmpty++;
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        const line = text.slice(0, offset).split('\n').length;
        const diff = [...expected.filter((l) => !actual.includes(l)).map((l) => `-${l}`), ...actual.filter((l) => !expected.includes(l)).map((l) => `+${l}`)];
        result.failures.push(
          `${corpus.name}:${line} offset ${offset} (${variant}): ${diff.slice(0, 6).join(' | ')}\n  ${JSON.stringify(text.slice(Math.max(0, offset - 60), offset) + '|' + text.slice(offset, offset + 30))}`,
        );
      }
    }
  }
  return result;
}
