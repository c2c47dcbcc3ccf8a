// Whole-block snippets (a client resource, an import block), offered by completion where a top-level block
// can start. They used to be contributed to VS Code as a snippets file, which VS Code offers everywhere,
// inside resource bodies too; as data here, completion decides where they fit.
import snippets from './blockSnippets.json';

export interface BlockSnippet {
  /** What the snippet is (shown next to the label). */
  name: string;
  /** Words that find it; the first is the label. */
  prefixes: readonly string[];
  description: string;
  /** LSP snippet syntax, one string per line. */
  body: readonly string[];
}

export const blockSnippets: readonly BlockSnippet[] = Object.entries(
  snippets as Record<string, { prefix: string | string[]; description: string; body: string[] }>,
).map(([name, s]) => ({ name, prefixes: Array.isArray(s.prefix) ? s.prefix : [s.prefix], description: s.description, body: s.body }));
