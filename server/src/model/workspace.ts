// Documents by version and modules by folder. Open documents use the editor's text (parsed once per
// version, incrementally); other .tf/.tf.json files of the folder are read from disk on first need and kept
// current through file events. Files under `.terraform/` never join a module.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { basename, dirname } from 'node:path';
import type { HclFile, TextChange } from '../parser';
import { parse, parseOpened, PieceSkim, reparse, settleOpened, skim } from '../parser';
import { forgetDocument } from './declarations';
import { jsonDeclarationsOf, type JsonDeclarations } from './jsonDeclarations';
import { ModuleSnapshot, type ModuleSource } from './module';
import { type FileSystemHost, isTerraformFileName, joinPath, nodeFileSystem } from './fileSystem';
import { isAnyTfvarsFileName, isTfvarsFileName, tfvarsOrder, type TfvarsSource } from './tfvars';
import type { Declaration, FeatureContext, ModuleDocument, TerraformModule } from './types';
import { childDirOf } from './moduleCalls';

interface DiskEntry {
  /** Absent for a large .tf file read in pieces (its `file` holds the text, in those pieces). */
  text?: string;
  file?: HclFile;
  json?: JsonDeclarations;
}

export type FileEvent = 'created' | 'changed' | 'deleted';

export class Workspace {
  private readonly open = new Map<string, ModuleDocument>();
  private readonly disk = new Map<string, DiskEntry | null>();
  private readonly listings = new Map<string, string[]>();
  private readonly snapshots = new Map<string, ModuleSnapshot>();
  /** The last snapshot of a folder after a change made it stale: the next one may reuse its indexes. */
  private readonly stale = new Map<string, ModuleSnapshot>();

  constructor(private readonly fs: FileSystemHost = nodeFileSystem) {}

  openDocument(uri: string, version: number, text: string): ModuleDocument {
    const key = normalizeUri(uri);
    const doc: ModuleDocument = { uri: key, version, file: parseOpened(text) };
    this.open.set(key, doc);
    this.invalidate(key);
    return doc;
  }

  /**
   * Completes the lazy parse of an open document (see `parseOpened`) after its first check. True when that
   * showed the text needs its whole parse (a syntax error inside a block): the document now has it, and
   * must be checked again.
   */
  settleDocument(uri: string): boolean {
    const key = normalizeUri(uri);
    const doc = this.open.get(key);
    const whole = doc && settleOpened(doc.file);
    if (!doc || !whole) return false;
    this.open.set(key, { uri: key, version: doc.version, file: whole });
    this.invalidate(key);
    return true;
  }

  /** Applies LSP-ordered changes; a change without offsets (full text) replaces the document. */
  changeDocument(uri: string, version: number, changes: readonly (TextChange | { text: string })[]): ModuleDocument | undefined {
    const key = normalizeUri(uri);
    const previous = this.open.get(key);
    if (!previous) return undefined;
    let file = previous.file;
    for (const change of changes) {
      file = 'start' in change ? reparse(file, [change]) : parse(change.text);
    }
    const doc: ModuleDocument = { uri: key, version, file };
    this.open.set(key, doc);
    this.invalidate(key);
    return doc;
  }

  closeDocument(uri: string): void {
    const key = normalizeUri(uri);
    this.open.delete(key);
    this.disk.delete(key);
    forgetDocument(key);
    this.invalidate(key);
  }

  getDocument(uri: string): ModuleDocument | undefined {
    return this.open.get(normalizeUri(uri));
  }

  openDocuments(): ModuleDocument[] {
    return [...this.open.values()];
  }

  fileChanged(uri: string, event: FileEvent): void {
    const key = normalizeUri(uri);
    this.disk.delete(key);
    if (event === 'deleted' && !this.open.has(key)) forgetDocument(key);
    const dir = dirOf(key);
    if (dir !== undefined && event !== 'changed') this.listings.delete(dir);
    this.invalidate(key);
  }

  /** The module of a document: its folder's .tf/.tf.json files, or just itself when it has no folder. */
  moduleFor(uri: string): TerraformModule {
    const key = normalizeUri(uri);
    const dir = dirOf(key);
    if (dir === undefined || isUnderDotTerraform(dir)) {
      const doc = this.open.get(key) ?? this.diskDocument(key);
      return new ModuleSnapshot(dir ?? '', doc ? [{ kind: 'hcl', document: doc }] : []);
    }
    return this.snapshotOf(dir, key);
  }

  private snapshotOf(dir: string, requestingUri?: string): ModuleSnapshot {
    let snapshot = this.snapshots.get(dir);
    if (!snapshot) {
      const resolveChild = (call: Declaration) => this.childModule(dir, call);
      snapshot = new ModuleSnapshot(dir, this.sourcesOf(dir, requestingUri), this.stale.get(dir), this.tfvarsOf(dir), resolveChild);
      this.stale.delete(dir);
      this.snapshots.set(dir, snapshot);
    }
    return snapshot;
  }

  /** The module a call of a module in `callerDir` runs: a local path, or where `terraform init` put it. */
  private childModule(callerDir: string, call: Declaration): TerraformModule | undefined {
    const dir = childDirOf(callerDir, call, this.fs);
    return dir === undefined || dir === callerDir ? undefined : this.snapshotOf(dir);
  }

  contextFor(uri: string): FeatureContext | undefined {
    const document = this.getDocument(uri) ?? this.diskDocument(normalizeUri(uri));
    if (!document) return undefined;
    return { document, module: this.moduleFor(uri) };
  }

  private sourcesOf(dir: string, requestingUri?: string): ModuleSource[] {
    let names = this.listings.get(dir);
    if (!names) {
      names = this.fs.listFiles(dir).filter((n) => isTerraformFileName(n) || isTfvarsFileName(n)).sort();
      this.listings.set(dir, names);
    }
    const uris = new Set(names.filter(isTerraformFileName).map((n) => pathToFileURL(joinPath(dir, n)).href));
    for (const uri of this.open.keys()) if (dirOf(uri) === dir && !isAnyTfvarsFileName(baseName(uri))) uris.add(uri);
    if (requestingUri !== undefined && this.open.has(requestingUri)) uris.add(requestingUri);
    const sources: ModuleSource[] = [];
    for (const uri of [...uris].sort()) {
      if (uri.endsWith('.tf.json')) {
        const entry = this.diskEntry(uri);
        if (entry?.text !== undefined) {
          entry.json ??= jsonDeclarationsOf(uri, entry.text);
          sources.push({ kind: 'json', uri, declarations: entry.json });
        }
        continue;
      }
      const doc = this.open.get(uri) ?? this.diskDocument(uri);
      if (doc) sources.push({ kind: 'hcl', document: doc });
    }
    return sources;
  }

  /** The folder's tfvars files (open documents over disk), in Terraform's loading order. */
  private tfvarsOf(dir: string): TfvarsSource[] {
    const uris = new Set((this.listings.get(dir) ?? []).filter(isTfvarsFileName).map((n) => pathToFileURL(joinPath(dir, n)).href));
    for (const uri of this.open.keys()) if (dirOf(uri) === dir && isTfvarsFileName(baseName(uri))) uris.add(uri);
    const sources: TfvarsSource[] = [];
    for (const uri of uris) {
      const fileName = baseName(uri);
      const open = this.open.get(uri);
      if (open) sources.push({ uri, fileName, text: open.file.text, file: fileName.endsWith('.json') ? undefined : open.file });
      else {
        const entry = this.diskEntry(uri);
        if (entry?.text !== undefined) sources.push({ uri, fileName, text: entry.text });
      }
    }
    return sources.sort((a, b) => tfvarsOrder(a.fileName, b.fileName));
  }

  private diskEntry(uri: string): DiskEntry | undefined {
    if (this.disk.has(uri)) return this.disk.get(uri) ?? undefined;
    const path = pathOf(uri);
    let entry: DiskEntry | null = null;
    if (path !== undefined) {
      const file = uri.endsWith('.tf') ? this.skimInPieces(path) : undefined;
      if (file) entry = { file };
      else {
        const text = this.fs.readFile(path);
        if (text !== undefined) entry = { text };
      }
    }
    this.disk.set(uri, entry);
    return entry ?? undefined;
  }

  /** A large .tf file read in pieces and skimmed as they come; undefined when it is read whole instead. */
  private skimInPieces(path: string): HclFile | undefined {
    if (!this.fs.readPieces) return undefined;
    const skimmer = new PieceSkim();
    return this.fs.readPieces(path, (text, final) => skimmer.feed(text, final)) ? skimmer.result() : undefined;
  }

  private diskDocument(uri: string): ModuleDocument | undefined {
    const entry = this.diskEntry(uri);
    if (!entry) return undefined;
    // Read for its declarations: bodies are parsed only where a feature reads them.
    if (!entry.file) {
      if (entry.text === undefined) return undefined;
      entry.file = skim(entry.text);
    }
    return { uri, version: 0, file: entry.file };
  }

  private invalidate(uri: string): void {
    const dir = dirOf(uri);
    if (dir === undefined) return;
    const snapshot = this.snapshots.get(dir);
    if (snapshot) this.stale.set(dir, snapshot);
    this.snapshots.delete(dir);
  }
}

export function normalizeUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}

export function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function dirOf(uri: string): string | undefined {
  const path = pathOf(uri);
  return path === undefined ? undefined : dirname(path);
}

function baseName(uri: string): string {
  const path = pathOf(uri) ?? uri;
  return basename(path);
}

function isUnderDotTerraform(dir: string): boolean {
  return /(^|[\\/])\.terraform([\\/]|$)/.test(dir);
}
