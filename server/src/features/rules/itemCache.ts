// Diagnostics of item-scoped rules, cached per top-level block between runs. A block's diagnostics are
// reused when the block is the same node as in the previous run (the incremental parser moves untouched
// blocks into the new tree, shifting their offsets in place) or has the same text, and every local or
// variable it read still has the same declaration text. When the block did not move to another line
// (typing on a line keeps the lines below where they were) the very same diagnostic objects are reused;
// otherwise they are moved by the line delta. A keystroke in a 1,000-block file re-checks about one block.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { BodyItem, HclFile, Position } from '../../parser';
import type { Declaration, TerraformModule } from '../../model';

interface Entry {
  text: string;
  /** `local.x` / `var.x` → the text of its declaration when the findings were made ('' when undeclared). */
  deps: Map<string, string>;
  /** Where the block started when `diagnostics` were made. */
  at: Position;
  /** Sorted by position. */
  diagnostics: Diagnostic[];
}

/** Blocks of the previous runs, by node identity (the fast path). */
const byNode = new WeakMap<BodyItem, Entry>();
/** Per document: block text → entry, for blocks that were re-parsed but not changed. Only current blocks are kept. */
const documents = new Map<string, Map<string, Entry>>();
const MAX_DOCUMENTS = 64;

export function declarationText(decl: Declaration | undefined): string {
  if (!decl?.node || !decl.file) return decl ? `${decl.uri}#json` : '';
  return `${decl.uri}#${decl.file.slice(decl.node.start, decl.node.end)}`;
}

/** A view of the module that records which locals and variables were looked up. */
export function recordingModule(module: TerraformModule, deps: Map<string, string>): TerraformModule {
  return new Proxy(module, {
    get(target, prop, receiver) {
      if (prop === 'findLocal') return (name: string) => record(deps, `local.${name}`, target.findLocal(name));
      if (prop === 'findVariable') return (name: string) => record(deps, `var.${name}`, target.findVariable(name));
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function record(deps: Map<string, string>, name: string, decl: Declaration | undefined): Declaration | undefined {
  deps.set(name, declarationText(decl));
  return decl;
}


export class ItemCache {
  /** This document's entries by block text; kept across runs (see `commit`). */
  private readonly byText: Map<string, Entry>;
  /** The entries of this run's blocks, in order. */
  private readonly used: Entry[] = [];
  /** Declaration texts looked up during this run (most blocks read the same few variables). */
  private readonly current = new Map<string, string>();

  constructor(
    private readonly uri: string,
    private readonly file: HclFile,
  ) {
    this.byText = documents.get(uri) ?? new Map();
  }

  /** The cached diagnostics of an item, placed at its current position; undefined when they must be recomputed. */
  lookup(item: BodyItem, module: TerraformModule): Diagnostic[] | undefined {
    let entry = byNode.get(item);
    if (!entry || entry.text.length !== item.end - item.start) {
      entry = this.byText.get(this.file.slice(item.start, item.end));
      if (entry) byNode.set(item, entry);
    }
    if (!entry || (entry.deps.size > 0 && !this.stillValid(entry, module))) return undefined;
    this.used.push(entry);
    if (entry.diagnostics.length > 0) {
      const at = this.file.lines.positionAt(item.start);
      if (at.line !== entry.at.line || at.character !== entry.at.character) {
        entry.diagnostics = entry.diagnostics.map((d) => moved(d, entry!.at, at));
        entry.at = at;
      }
    }
    return entry.diagnostics;
  }

  private stillValid(entry: Entry, module: TerraformModule): boolean {
    for (const [name, text] of entry.deps) {
      let now = this.current.get(name);
      if (now === undefined) {
        const decl = name.startsWith('local.') ? module.findLocal(name.slice(6)) : module.findVariable(name.slice(4));
        this.current.set(name, (now = declarationText(decl)));
      }
      if (now !== text) return false;
    }
    return true;
  }

  store(item: BodyItem, deps: Map<string, string>, diagnostics: Diagnostic[]): void {
    const text = this.file.slice(item.start, item.end);
    const entry: Entry = { text, deps, at: this.file.lines.positionAt(item.start), diagnostics };
    this.byText.set(text, entry);
    byNode.set(item, entry);
    this.used.push(entry);
  }

  commit(): void {
    // The text map is not rebuilt per run (10,000 inserts per keystroke at 10,000 blocks); the texts of
    // edited-away blocks pile up in it, so it starts over from this run's blocks once they dominate.
    let byText = this.byText;
    if (byText.size > 2 * this.used.length + 64) {
      byText = new Map();
      for (const e of this.used) byText.set(e.text, e);
    }
    documents.delete(this.uri);
    if (documents.size >= MAX_DOCUMENTS) documents.delete(documents.keys().next().value as string);
    documents.set(this.uri, byText);
  }
}

function movedPosition(p: Position, from: Position, to: Position): Position {
  return {
    line: p.line - from.line + to.line,
    character: p.line === from.line ? p.character - from.character + to.character : p.character,
  };
}

function moved(d: Diagnostic, from: Position, to: Position): Diagnostic {
  return { ...d, range: { start: movedPosition(d.range.start, from, to), end: movedPosition(d.range.end, from, to) } };
}
