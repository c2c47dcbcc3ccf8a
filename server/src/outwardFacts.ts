// What the other documents of a folder can see of one document: the inputs of their cross-file checks.
// Item rules follow `local.*` and `var.*` into their declarations (values included: the item cache keys on
// the declaration's text); module rules ask which resources exist, what every import block targets and
// what the `terraform` block requires. A keystroke that leaves all of these alone (typing in a value of a
// resource, the usual case) cannot change another document's diagnostics, so the server re-checks the other
// open documents of the folder only when these facts change.
import { declarationsOf, type Declaration, type ImportDeclaration } from './model';
import type { HclFile } from './parser';
import { declarationText } from './features/rules/itemCache';

/**
 * A declaration's kind and address, kept per object: the model may hand a declaration on to the next
 * version as the same object, but only while these stay the same (its node, and so a local's value, may not).
 */
const addressOf = new WeakMap<Declaration, string>();

export class OutwardFacts {
  private readonly seen = new Map<string, string[]>();

  /** Records what the document shows the rest of its folder now; true when that differs from the previous record (or there was none). */
  changed(uri: string, file: HclFile): boolean {
    const facts = factsOf(declarationsOf(uri, file));
    const before = this.seen.get(uri);
    this.seen.set(uri, facts);
    return !before || !sameList(before, facts);
  }

  /** Whether there is a record of the document to compare its next edit with. */
  has(uri: string): boolean {
    return this.seen.has(uri);
  }

  forget(uri: string): void {
    this.seen.delete(uri);
  }
}

/** One string per declaration, then per import, then per requirement: equal lists look the same from outside. */
function factsOf(found: ReturnType<typeof declarationsOf>): string[] {
  const facts: string[] = [];
  for (const d of found.declarations) {
    let address = addressOf.get(d);
    if (address === undefined) addressOf.set(d, (address = `${d.kind} ${d.address}${d.override ? ' override' : ''}`));
    // Locals and variables are evaluated by other documents' rules: their text is part of what is seen.
    facts.push(d.kind === 'local' || d.kind === 'variable' ? `${address} ${declarationText(d)}` : address);
  }
  for (const i of found.imports) facts.push(importFact(i));
  for (const v of found.requiredVersions) facts.push(`required_version ${v}`);
  for (const p of found.requiredProviders) facts.push(`required_provider ${p.name} ${p.source ?? ''} ${p.version ?? ''}`);
  return facts;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** What duplicate-import checks compare: the `to` expression's text without spaces, and whether for_each is there. */
function importFact(i: ImportDeclaration): string {
  const forEach = i.block.body.items.some((item) => item.kind === 'Attribute' && item.name.name === 'for_each');
  const to = i.to?.expression;
  const target = to ? i.file.slice(to.start, to.end).replace(/\s+/g, '') : '';
  return `import ${target}${forEach ? ' for_each' : ''}`;
}
