// Diagnostics of item-scoped rules, cached per top-level block between runs. A block's diagnostics are
// reused when the block is the same node as in the previous run (the incremental parser moves untouched
// blocks into the new tree, shifting their offsets in place) or has the same text, and every local or
// variable it read still has the same declaration text (and, for variables, the same tfvars value). When the block did not move to another line
// (typing on a line keeps the lines below where they were) the very same diagnostic objects are reused;
// otherwise they are moved by the line delta. A keystroke in a 1,000-block file re-checks about one block.
//
// Per keystroke every block is still visited, so the visit is kept to a few field reads: blocks that are
// the same nodes as in the previous run are found by position in its list (no lookup), their new place
// follows from the change in line count (no search), and blocks that read the same locals and variables
// share one dependency set, checked once per run.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { BodyItem, HclFile, Position } from '../../parser';
import type { Declaration, TerraformModule } from '../../model';
import { POOLS_DEPENDENCY, poolGraphOf } from '../../model';
import { ORDER_DEPENDENCY, orderDependency } from './poolFacts';

/** The locals and variables some blocks read, with their declaration texts ('' when undeclared). */
interface DependencySet {
  readonly pairs: readonly (readonly [name: string, text: string])[];
  /** The pairs as one string: equal sets have equal keys. */
  readonly key: string;
  /** The run that last checked the texts, and what it found. */
  checkedIn: number;
  valid: boolean;
}

interface Entry {
  text: string;
  deps: DependencySet;
  /** Where the block starts, as of the last run that used the entry (kept current for every block). */
  start: number;
  line: number;
  character: number;
  /** Sorted by position. */
  diagnostics: Diagnostic[];
}

/** What the previous run of a document left. */
interface DocumentState {
  /**
   * Undefined after a document's first run until something needs it (`textIndexOf`): hashing every block's
   * text is not needed to publish the first diagnostics (~35 ms at 10,000 blocks), so it waits for the
   * next run or for idle time (`settleItemCaches`).
   */
  byText: Map<string, Entry> | undefined;
  /** Dependency sets by content, so blocks with equal ones share one. */
  dependencySets: Map<string, DependencySet>;
  items: readonly BodyItem[];
  /** Aligned with `items`; undefined for a block whose findings were not cached (a rule threw). */
  entries: readonly (Entry | undefined)[];
  lineCount: number;
}

const NO_DEPENDENCIES: DependencySet = { pairs: [], key: '', checkedIn: 0, valid: true };

/** Blocks of the previous runs, by node identity. */
const byNode = new WeakMap<BodyItem, Entry>();
const documents = new Map<string, DocumentState>();
const MAX_DOCUMENTS = 64;
let runs = 0;

export function declarationText(decl: Declaration | undefined): string {
  if (!decl?.node || !decl.file) return decl ? `${decl.uri}#json` : '';
  return `${decl.uri}#${detached(decl.file.slice(decl.node.start, decl.node.end))}`;
}

/**
 * A copy of `text` that keeps nothing else alive. A slice of the document is a view into the ~16 KB chunk
 * it came from; kept in the cache across edits, every such view held on to an old version of its chunk
 * (~17 KB per keystroke in a long session). Concatenating makes V8 copy the text into a string of its own.
 */
function detached(text: string): string {
  return (' ' + text).slice(1);
}

/**
 * A view of the module that records which locals and variables were looked up, into the `deps` of the
 * block being checked. One view serves a whole run (the runner points `deps` at each block's map): a view
 * per block, and a bound function per method call, were a tenth of a first diagnostics run.
 */
export class RecordingModule {
  deps = new Map<string, string>();
  readonly view: TerraformModule;

  constructor(module: TerraformModule) {
    const bound = new Map<string | symbol, unknown>();
    const findLocal = (name: string) => record(this.deps, `local.${name}`, module.findLocal(name));
    const findVariable = (name: string) => {
      const decl = module.findVariable(name);
      this.deps.set(`var.${name}`, variableText(module, name, decl));
      return decl;
    };
    const recordDependency = (key: string, value: string) => this.deps.set(key, value);
    this.view = new Proxy(module, {
      get(target, prop, receiver) {
        if (prop === 'findLocal') return findLocal;
        if (prop === 'findVariable') return findVariable;
        if (prop === 'unwrapped') return target;
        if (prop === 'recordDependency') return recordDependency;
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        let fn = bound.get(prop);
        if (fn === undefined || (fn as { original?: unknown }).original !== value) {
          fn = Object.assign((value as (...a: unknown[]) => unknown).bind(target), { original: value });
          bound.set(prop, fn);
        }
        return fn;
      },
    });
  }
}

function record(deps: Map<string, string>, name: string, decl: Declaration | undefined): Declaration | undefined {
  deps.set(name, declarationText(decl));
  return decl;
}

/**
 * What a block that reads `var.name` depends on: the declaration, and the value a tfvars file gives it
 * (which wins over the default).
 */
function variableText(module: TerraformModule, name: string, decl: Declaration | undefined): string {
  const set = module.tfvarsValue(name);
  const text = declarationText(decl);
  return set ? `${text}\u0000${set.uri}:${set.line}\u0000${set.text}` : text;
}

export class ItemCache {
  private readonly run = ++runs;
  /** This document's entries by block text; kept across runs (see `commit`). Empty in a first run. */
  private readonly byText: Map<string, Entry>;
  private readonly dependencySets: Map<string, DependencySet>;
  /** This run's entries by block index; undefined for a block whose findings are not cached. */
  private readonly entries: (Entry | undefined)[];
  /** Declaration texts looked up during this run. */
  private readonly current = new Map<string, string>();
  /**
   * Alignment with the previous run: the first `head` blocks and the last `tail` ones are the very same
   * nodes. The head did not move. Every change lies before the tail, so a tail block moved by the change
   * in line count, unless it starts on the line where the tail starts (the change may end on that line).
   */
  private readonly previousEntries: readonly (Entry | undefined)[];
  private readonly head: number;
  private readonly tail: number;
  private readonly lineDelta: number;
  private readonly tailLine: number;
  /**
   * The first run of a document keeps its blocks' texts as slices of the text it was opened with instead
   * of copies: that text is held by the document anyway, and copying every block made a second copy of
   * the file (~14 MB at 10,000 blocks) that the young-generation collector then copied twice more on its
   * way to the old generation. Later runs copy (see `detached`): the slices keep only that one text alive.
   * A first run has no texts to look blocks up by, and leaves its own to be indexed later.
   */
  private readonly firstRun: boolean;

  constructor(
    private readonly uri: string,
    private readonly file: HclFile,
  ) {
    const previous = documents.get(uri);
    this.firstRun = previous === undefined;
    this.byText = previous ? textIndexOf(previous) : new Map();
    this.dependencySets = previous?.dependencySets ?? new Map();
    this.previousEntries = previous?.entries ?? [];
    const items = file.body.items;
    this.entries = new Array<Entry | undefined>(items.length);
    let head = 0;
    let tail = 0;
    if (previous) {
      const old = previous.items;
      while (head < items.length && head < old.length && items[head] === old[head]) head++;
      while (tail < items.length - head && tail < old.length - head && items[items.length - 1 - tail] === old[old.length - 1 - tail]) tail++;
    }
    const firstTail = tail > 0 ? this.previousEntries[this.previousEntries.length - tail] : undefined;
    this.head = head;
    // Without the first tail block's entry its line is unknown: the tail then takes the slow path.
    this.tail = firstTail ? tail : 0;
    this.tailLine = firstTail ? firstTail.line : -1;
    this.lineDelta = previous ? file.lines.lineCount - previous.lineCount : 0;
  }

  /**
   * The cached diagnostics of the block at `index`, placed at its current position; undefined when they
   * must be recomputed.
   */
  lookup(item: BodyItem, index: number, module: TerraformModule): Diagnostic[] | undefined {
    const n = this.entries.length;
    let entry: Entry | undefined;
    let line = -1;
    let character = -1;
    if (index < this.head) {
      entry = this.previousEntries[index];
      if (entry && entry.start === item.start) {
        line = entry.line;
        character = entry.character;
      }
    } else if (index >= n - this.tail) {
      entry = this.previousEntries[index - n + this.previousEntries.length];
      if (entry && entry.line !== this.tailLine) {
        line = entry.line + this.lineDelta;
        character = entry.character;
      }
    }
    if (!entry) {
      entry = byNode.get(item);
      // A document's first run has nothing by text, and looking up hashes the block's whole text: 14 MB of
      // hashing at 10,000 blocks for nothing.
      if ((!entry || entry.text.length !== item.end - item.start) && !this.firstRun && this.byText.size > 0) {
        entry = this.byText.get(this.file.slice(item.start, item.end));
        if (entry) byNode.set(item, entry);
      }
    }
    if (!entry || !this.stillValid(entry.deps, module)) return undefined;
    this.entries[index] = entry;
    if (line < 0) {
      const at = this.file.lines.positionAt(item.start);
      line = at.line;
      character = at.character;
    }
    if (line !== entry.line || character !== entry.character) {
      if (entry.diagnostics.length > 0) {
        const from = { line: entry.line, character: entry.character };
        const to = { line, character };
        entry.diagnostics = entry.diagnostics.map((d) => moved(d, from, to));
      }
      entry.line = line;
      entry.character = character;
    }
    entry.start = item.start;
    return entry.diagnostics;
  }

  private stillValid(deps: DependencySet, module: TerraformModule): boolean {
    if (deps.checkedIn === this.run || deps.pairs.length === 0) return deps.valid;
    deps.checkedIn = this.run;
    deps.valid = true;
    for (const [name, text] of deps.pairs) {
      let now = this.current.get(name);
      if (now === undefined) {
        now = currentText(module, name);
        this.current.set(name, now);
      }
      if (now !== text) {
        deps.valid = false;
        break;
      }
    }
    return deps.valid;
  }

  store(item: BodyItem, index: number, deps: Map<string, string>, diagnostics: Diagnostic[]): void {
    const slice = this.file.slice(item.start, item.end);
    const text = this.firstRun ? slice : detached(slice);
    const at = this.file.lines.positionAt(item.start);
    const entry: Entry = { text, deps: this.dependencySet(deps), start: item.start, line: at.line, character: at.character, diagnostics };
    if (!this.firstRun) this.byText.set(text, entry);
    byNode.set(item, entry);
    this.entries[index] = entry;
  }

  /** The shared set equal to `deps` (their texts are this run's, so it is valid in this run). */
  private dependencySet(deps: Map<string, string>): DependencySet {
    if (deps.size === 0) return NO_DEPENDENCIES;
    let key: string;
    let pairs: (readonly [string, string])[];
    if (deps.size === 1) {
      // Most blocks read one declaration: no copy, sort or join for the key.
      const only = deps.entries().next().value as [string, string];
      key = `${only[0]}\u0000${only[1]}`;
      pairs = [only];
    } else {
      pairs = [...deps].sort((a, b) => (a[0] < b[0] ? -1 : 1));
      key = pairs.map(([name, text]) => `${name}\u0000${text}`).join('\u0001');
    }
    let set = this.dependencySets.get(key);
    if (!set) this.dependencySets.set(key, (set = { pairs, key, checkedIn: this.run, valid: true }));
    // Its texts are the ones this run just read.
    set.checkedIn = this.run;
    set.valid = true;
    return set;
  }

  commit(): void {
    // The text map is not rebuilt per run (10,000 inserts per keystroke at 10,000 blocks); the texts of
    // edited-away blocks pile up in it, so it starts over from this run's blocks once they dominate.
    let byText: Map<string, Entry> | undefined = this.byText;
    let dependencySets = this.dependencySets;
    if (this.firstRun) byText = undefined;
    else if (byText.size > 2 * this.entries.length + 64) {
      byText = new Map();
      dependencySets = new Map();
      for (const e of this.entries) {
        if (!e) continue;
        byText.set(e.text, e);
        if (e.deps !== NO_DEPENDENCIES) dependencySets.set(e.deps.key, e.deps);
      }
    }
    documents.delete(this.uri);
    if (documents.size >= MAX_DOCUMENTS) documents.delete(documents.keys().next().value as string);
    documents.set(this.uri, { byText, dependencySets, items: this.file.body.items, entries: this.entries, lineCount: this.file.lines.lineCount });
  }
}

/** The document's entries by block text, indexed now if its first run left that for later. */
function textIndexOf(state: DocumentState): Map<string, Entry> {
  if (state.byText) return state.byText;
  const byText = new Map<string, Entry>();
  for (const e of state.entries) if (e) byText.set(e.text, e);
  state.byText = byText;
  return byText;
}

/**
 * Indexes by text the blocks of documents that had only their first run: for a server with nothing else
 * to do, so that the next keystroke does not pay for it. Returns how many documents it indexed.
 */
export function settleItemCaches(): number {
  let indexed = 0;
  for (const state of documents.values()) {
    if (state.byText) continue;
    textIndexOf(state);
    indexed++;
  }
  return indexed;
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

/** The current value of a dependency a cached block recorded. */
function currentText(module: TerraformModule, name: string): string {
  if (name.startsWith('local.')) return declarationText(module.findLocal(name.slice(6)));
  if (name.startsWith('var.')) return variableText(module, name.slice(4), module.findVariable(name.slice(4)));
  if (name === POOLS_DEPENDENCY) return poolGraphOf(module).signature;
  if (name.startsWith(ORDER_DEPENDENCY)) return orderDependency(module, name);
  return '';
}
