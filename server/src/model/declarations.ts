// Extracts what a file declares (resources, data sources, variables, locals, outputs, modules, imports,
// terraform settings). Computed once per parsed file, and incrementally: `reparse` hands the blocks a
// keystroke did not touch to the next version as the same objects, so only the touched blocks are looked at
// again and a keystroke in a 10,000-block file costs a pointer comparison per block.
import type { Attribute, Block, BodyItem, Expression, HclFile } from '../parser';
import { staticString } from '../parser';
import type { Declaration, ImportDeclaration, RequiredProvider } from './types';

export interface FileDeclarations {
  readonly declarations: readonly Declaration[];
  readonly imports: readonly ImportDeclaration[];
  readonly requiredVersions: readonly string[];
  readonly requiredProviders: readonly RequiredProvider[];
}

const cache = new WeakMap<HclFile, Map<string, FileDeclarations>>();

export function isOverrideFile(uri: string): boolean {
  const base = uri.slice(uri.lastIndexOf('/') + 1);
  return /(^|_)override\.tf(\.json)?$/.test(base);
}

export function declarationsOf(uri: string, file: HclFile): FileDeclarations {
  let byUri = cache.get(file);
  if (!byUri) {
    byUri = new Map();
    cache.set(file, byUri);
  }
  let found = byUri.get(uri);
  if (!found) {
    found = extract(uri, file);
    byUri.set(uri, found);
  }
  return found;
}

function label(block: Block, index: number): string | undefined {
  const l = block.labels[index];
  return l && l.value.length > 0 ? l.value : undefined;
}

/** What one top-level block declares, independent of the file version it sits in. */
interface BlockFacts {
  readonly declarations: readonly Omit<Declaration, 'uri' | 'file' | 'override'>[];
  readonly import?: Block;
  readonly requiredVersions?: readonly string[];
  readonly requiredProviders?: readonly RequiredProvider[];
}

const NOTHING: BlockFacts = { declarations: [] };

function computeBlockFacts(item: Block): BlockFacts {
  const first = label(item, 0);
  const second = label(item, 1);
  switch (item.type.name) {
    case 'resource':
      return first && second ? { declarations: [{ kind: 'resource', type: first, name: second, address: `${first}.${second}`, node: item }] } : NOTHING;
    case 'data':
      return first && second ? { declarations: [{ kind: 'data', type: first, name: second, address: `data.${first}.${second}`, node: item }] } : NOTHING;
    case 'variable':
      return first ? { declarations: [{ kind: 'variable', name: first, address: `var.${first}`, node: item }] } : NOTHING;
    case 'output':
      return first ? { declarations: [{ kind: 'output', name: first, address: `output.${first}`, node: item }] } : NOTHING;
    case 'module':
      return first ? { declarations: [{ kind: 'module', name: first, address: `module.${first}`, node: item }] } : NOTHING;
    case 'provider':
      return first ? { declarations: [{ kind: 'provider', type: first, name: first, address: `provider.${first}`, node: item }] } : NOTHING;
    case 'locals': {
      const declarations: Omit<Declaration, 'uri' | 'file' | 'override'>[] = [];
      for (const attr of item.body.items) {
        if (attr.kind === 'Attribute' && attr.name.name) {
          declarations.push({ kind: 'local', name: attr.name.name, address: `local.${attr.name.name}`, node: attr });
        }
      }
      return { declarations };
    }
    case 'import':
      return { declarations: [], import: item };
    case 'terraform': {
      const requiredVersions: string[] = [];
      const requiredProviders: RequiredProvider[] = [];
      readTerraformSettings(item, requiredVersions, requiredProviders);
      return { declarations: [], requiredVersions, requiredProviders };
    }
    default:
      return NOTHING;
  }
}

/** The latest parsed version of each document, shared by its declarations (see `BlockDeclaration.file`). */
interface FileHolder {
  file: HclFile;
}

/**
 * A declaration that outlives file versions: only `file` moves on to the newest version of its document.
 * A node inside its block (a local) is handed out after reading the block's `body`, which applies any
 * offset move the parser deferred (see parser/blockNode.ts).
 */
class BlockDeclaration implements Declaration {
  readonly kind: Declaration['kind'];
  readonly type?: string;
  readonly name: string;
  readonly address: string;
  private declared?: Declaration['node'];
  constructor(
    facts: Omit<Declaration, 'uri' | 'file' | 'override'>,
    private block: Block,
    readonly uri: string,
    private readonly holder: FileHolder,
    readonly override: boolean,
  ) {
    this.kind = facts.kind;
    this.type = facts.type;
    this.name = facts.name;
    this.address = facts.address;
    this.declared = facts.node;
  }
  get node(): Declaration['node'] {
    if (this.declared !== this.block) void this.block.body;
    return this.declared;
  }
  get file(): HclFile {
    return this.holder.file;
  }
  /** Whether `facts` declare the same thing (the node aside). */
  sameAs(facts: Omit<Declaration, 'uri' | 'file' | 'override'>): boolean {
    return facts.kind === this.kind && facts.type === this.type && facts.name === this.name && facts.address === this.address;
  }
  /** Follows its block into a re-parsed version (same declaration, new node). */
  moveTo(block: Block, node: Declaration['node']): void {
    this.block = block;
    this.declared = node;
  }
}

/** A target not worked out yet (see BlockImport). */
const UNREAD = Symbol('unread');

class BlockImport implements ImportDeclaration {
  /**
   * Worked out on first read: a module's files that are not open may hold thousands of import blocks, and
   * reading a target parses the block's body (see parser skim), which most runs never need.
   */
  private target: ImportDeclaration['to'] | typeof UNREAD = UNREAD;
  constructor(
    public block: Block,
    readonly uri: string,
    private readonly holder: FileHolder,
    readonly override: boolean,
  ) {}
  /** Read through the block's `body` so a deferred offset move is applied first (as for locals above). */
  get to(): ImportDeclaration['to'] {
    void this.block.body;
    if (this.target === UNREAD) this.target = importTarget(this.block);
    return this.target;
  }
  get file(): HclFile {
    return this.holder.file;
  }
  /** Follows a re-parsed block when it still imports into the same address; false when it does not. */
  moveTo(block: Block): boolean {
    const before = this.to;
    const target = importTarget(block);
    const same = target?.address !== undefined ? target.address === before?.address : !before && !target;
    if (!same) return false;
    this.block = block;
    this.target = target;
    return true;
  }
}

interface ItemEntry {
  declarations: readonly BlockDeclaration[];
  import?: BlockImport;
  requiredVersions?: readonly string[];
  requiredProviders?: readonly RequiredProvider[];
}

interface DocumentState {
  holder: FileHolder;
  items: readonly BodyItem[];
  entries: (ItemEntry | undefined)[];
  result: FileDeclarations;
}

const documents = new Map<string, DocumentState>();

function entryFor(item: BodyItem, uri: string, holder: FileHolder, override: boolean): ItemEntry | undefined {
  if (item.kind !== 'Block') return undefined;
  // Resources, most of a large module, without the intermediate facts (a sibling's first read makes
  // thousands of these at once).
  if (item.type.name === 'resource') {
    const first = label(item, 0);
    const second = label(item, 1);
    if (!first || !second) return undefined;
    const facts = { kind: 'resource' as const, type: first, name: second, address: `${first}.${second}`, node: item };
    return { declarations: [new BlockDeclaration(facts, item, uri, holder, override)] };
  }
  const facts = computeBlockFacts(item);
  if (facts === NOTHING) return undefined;
  return {
    declarations: facts.declarations.map((d) => new BlockDeclaration(d, item, uri, holder, override)),
    import: facts.import && new BlockImport(facts.import, uri, holder, override),
    requiredVersions: facts.requiredVersions,
    requiredProviders: facts.requiredProviders,
  };
}

/**
 * The entry of a re-parsed block that declares what its previous version declared: the previous entry,
 * its declarations moved to the new block. Keeping the same objects lets the module reuse its indexes
 * (and completion its lists) when a keystroke changed a value but no name. Undefined when anything differs.
 */
function movedEntry(old: ItemEntry | undefined, item: BodyItem): ItemEntry | undefined {
  if (!old || item.kind !== 'Block' || old.requiredVersions || old.requiredProviders) return undefined;
  const facts = computeBlockFacts(item);
  if (facts.requiredVersions || facts.requiredProviders || !!facts.import !== !!old.import) return undefined;
  if (facts.declarations.length !== old.declarations.length) return undefined;
  for (let i = 0; i < facts.declarations.length; i++) if (!old.declarations[i].sameAs(facts.declarations[i])) return undefined;
  if (old.import && !old.import.moveTo(item)) return undefined;
  for (let i = 0; i < facts.declarations.length; i++) old.declarations[i].moveTo(item, facts.declarations[i].node);
  return old;
}

function extract(uri: string, file: HclFile): FileDeclarations {
  const override = isOverrideFile(uri);
  const items = file.body.items;
  const previous = documents.get(uri);
  let entries: (ItemEntry | undefined)[];
  let holder: FileHolder;
  let sameDeclarations = false;
  let sameImports = false;
  if (previous) {
    holder = previous.holder;
    // Unchanged leading and trailing items are the same objects as in the previous version.
    const old = previous.items;
    let head = 0;
    while (head < items.length && head < old.length && items[head] === old[head]) head++;
    let tail = 0;
    while (tail < items.length - head && tail < old.length - head && items[items.length - 1 - tail] === old[old.length - 1 - tail]) tail++;
    entries = previous.entries.slice(0, head);
    // A keystroke re-parses a few blocks and keeps their count: pair them with their previous versions.
    const paired = items.length === old.length;
    sameDeclarations = sameImports = paired;
    for (let i = head; i < items.length - tail; i++) {
      const before = paired ? previous.entries[i] : undefined;
      const moved = movedEntry(before, items[i]);
      const entry = moved ?? entryFor(items[i], uri, holder, override);
      if (!moved && (before || entry)) {
        if (before?.declarations.length || entry?.declarations.length) sameDeclarations = false;
        if (before?.import || entry?.import) sameImports = false;
        if (before?.requiredVersions || before?.requiredProviders || entry?.requiredVersions || entry?.requiredProviders) sameDeclarations = false;
      }
      entries.push(entry);
    }
    for (let i = old.length - tail; i < old.length; i++) entries.push(previous.entries[i]);
  } else {
    holder = { file };
    entries = items.map((item) => entryFor(item, uri, holder, override));
  }
  holder.file = file;

  // Lists that did not change are handed on as the same objects (the module reuses its indexes then).
  const before = previous?.result;
  let result: FileDeclarations;
  if (before && sameDeclarations && sameImports) result = before;
  else {
    const fresh = collect(entries);
    result = before && sameDeclarations ? { ...before, imports: fresh.imports } : before && sameImports ? { ...fresh, imports: before.imports } : fresh;
  }
  documents.set(uri, { holder, items, entries, result });
  return result;
}

function collect(entries: readonly (ItemEntry | undefined)[]): FileDeclarations {
  const declarations: Declaration[] = [];
  const imports: ImportDeclaration[] = [];
  const requiredVersions: string[] = [];
  const requiredProviders: RequiredProvider[] = [];
  for (const entry of entries) {
    if (!entry) continue;
    for (const d of entry.declarations) declarations.push(d);
    if (entry.import) imports.push(entry.import);
    if (entry.requiredVersions) requiredVersions.push(...entry.requiredVersions);
    if (entry.requiredProviders) requiredProviders.push(...entry.requiredProviders);
  }
  return { declarations, imports, requiredVersions, requiredProviders };
}

/** Forget a closed or deleted document's incremental state. */
export function forgetDocument(uri: string): void {
  documents.delete(uri);
}

function attribute(block: Block, name: string): Attribute | undefined {
  for (const item of block.body.items) if (item.kind === 'Attribute' && item.name.name === name) return item;
  return undefined;
}

/** `to = awscc_cognito_user_pool_client.web` (optionally `module.m.` prefixed, optionally with an index). */
export function importTarget(block: Block): ImportDeclaration['to'] {
  const to = attribute(block, 'to');
  if (!to) return undefined;
  const address = staticAddress(to.value);
  if (!address) return { expression: to.value };
  const parts = address.split('.');
  let i = 0;
  while (parts[i] === 'module' && parts.length - i > 2) i += 2;
  const rest = parts.slice(i);
  const isResource = rest.length === 2 && rest[0] !== 'data';
  return {
    expression: to.value,
    address,
    resourceType: isResource ? rest[0] : undefined,
    resourceName: isResource ? rest[1].replace(/\[.*$/, '') : undefined,
  };
}

/** The dotted text of a plain traversal (`a.b.c`, index steps dropped), or undefined for anything else. */
export function staticAddress(expr: Expression): string | undefined {
  if (expr.kind === 'Variable') return expr.name;
  if (expr.kind !== 'Traversal' || expr.source.kind !== 'Variable') return undefined;
  const names = [expr.source.name];
  for (const step of expr.steps) {
    if (step.kind === 'GetAttr') {
      if (!step.name) return undefined;
      names.push(step.name);
    } else if (step.kind !== 'Index') return undefined;
  }
  return names.join('.');
}

function readTerraformSettings(block: Block, versions: string[], providers: RequiredProvider[]): void {
  for (const item of block.body.items) {
    if (item.kind === 'Attribute' && item.name.name === 'required_version') {
      const v = staticString(item.value);
      if (v !== undefined) versions.push(v);
    } else if (item.kind === 'Block' && item.type.name === 'required_providers') {
      for (const entry of item.body.items) {
        if (entry.kind !== 'Attribute') continue;
        const value = entry.value;
        if (value.kind === 'Object') {
          const provider: { name: string; source?: string; version?: string } = { name: entry.name.name };
          for (const field of value.items) {
            const key = field.key.kind === 'Variable' ? field.key.name : staticString(field.key);
            const text = staticString(field.value);
            if (key === 'source' && text !== undefined) provider.source = text;
            if (key === 'version' && text !== undefined) provider.version = text;
          }
          providers.push(provider);
        } else {
          // Terraform 0.12-style shorthand: `aws = "~> 5.0"`.
          const text = staticString(value);
          providers.push({ name: entry.name.name, version: text });
        }
      }
    }
  }
}
