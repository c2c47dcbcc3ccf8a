// A snapshot of one Terraform module: the documents of a folder at their current versions. Snapshots are
// cheap to make (a list of sources) and compute their indexes lazily, once.
import type { Declaration, ImportDeclaration, ModuleDocument, RequiredProvider, TerraformModule } from './types';
import { declarationsOf } from './declarations';
import type { JsonDeclarations } from './jsonDeclarations';
import { tfvarsValues, type TfvarsSource, type TfvarsValue } from './tfvars';

export type ModuleSource =
  | { readonly kind: 'hcl'; readonly document: ModuleDocument }
  | { readonly kind: 'json'; readonly uri: string; readonly declarations: JsonDeclarations };

/** What the module declares, with the per-file lists it was built from (to tell whether it can be reused). */
interface DeclarationIndex {
  inputs: readonly (readonly Declaration[])[];
  declarations: Declaration[];
  byAddress: Map<string, Declaration>;
  /** Answers of `filter`: features ask the same question many times per keystroke. */
  filtered: Map<string, Declaration[]>;
  requiredVersions: string[];
  requiredProviders: RequiredProvider[];
}

interface ImportIndex {
  inputs: readonly (readonly ImportDeclaration[])[];
  imports: ImportDeclaration[];
}

interface Index {
  declared: DeclarationIndex;
  imported: ImportIndex;
}

export class ModuleSnapshot implements TerraformModule {
  private index?: Index;

  /**
   * `previous` is the snapshot this one replaces: when a file's declarations are the same objects as then
   * (a keystroke that changed a value, not a name), its indexes are reused instead of rebuilt, so a keystroke
   * in a 10,000-block module does not rebuild a 10,000-entry map.
   */
  constructor(
    readonly dir: string,
    private readonly sources: readonly ModuleSource[],
    previous?: ModuleSnapshot,
    /** The folder's automatically loaded tfvars files, in Terraform's loading order. */
    private readonly tfvarsSources: readonly TfvarsSource[] = [],
    private readonly resolveChild?: (call: Declaration) => TerraformModule | undefined,
  ) {
    // Skip a replaced snapshot nobody asked anything (several quick keystrokes): reuse the last built one.
    this.previous = previous && !previous.index ? previous.previous : previous;
  }

  private previous?: ModuleSnapshot;
  private tfvars?: Map<string, TfvarsValue>;

  tfvarsValue(name: string): TfvarsValue | undefined {
    if (this.tfvarsSources.length === 0) return undefined;
    this.tfvars ??= tfvarsValues(this.tfvarsSources);
    return this.tfvars.get(name);
  }

  childModule(call: Declaration): TerraformModule | undefined {
    return this.resolveChild?.(call);
  }

  documents(): readonly ModuleDocument[] {
    const docs: ModuleDocument[] = [];
    for (const s of this.sources) if (s.kind === 'hcl') docs.push(s.document);
    return docs;
  }

  resources(type?: string): readonly Declaration[] {
    return this.filter('resource', type);
  }

  dataSources(type?: string): readonly Declaration[] {
    return this.filter('data', type);
  }

  variables(): readonly Declaration[] {
    return this.filter('variable');
  }

  locals(): readonly Declaration[] {
    return this.filter('local');
  }

  outputs(): readonly Declaration[] {
    return this.filter('output');
  }

  imports(): readonly ImportDeclaration[] {
    return this.build().imported.imports;
  }

  findResource(type: string, name: string): Declaration | undefined {
    return this.build().declared.byAddress.get(`${type}.${name}`);
  }

  findVariable(name: string): Declaration | undefined {
    return this.build().declared.byAddress.get(`var.${name}`);
  }

  findLocal(name: string): Declaration | undefined {
    return this.build().declared.byAddress.get(`local.${name}`);
  }

  requiredVersions(): readonly string[] {
    return this.build().declared.requiredVersions;
  }

  requiredProviders(): readonly RequiredProvider[] {
    return this.build().declared.requiredProviders;
  }

  private filter(kind: Declaration['kind'], type?: string): Declaration[] {
    const key = type === undefined ? kind : `${kind} ${type}`;
    const { filtered, declarations } = this.build().declared;
    let found = filtered.get(key);
    if (!found) {
      found = declarations.filter((d) => d.kind === kind && (type === undefined || d.type === type));
      filtered.set(key, found);
    }
    return found;
  }

  private build(): Index {
    if (this.index) return this.index;
    const found = this.sources.map((source) => (source.kind === 'hcl' ? declarationsOf(source.document.uri, source.document.file) : source.declarations));
    const declarationLists = found.map((f) => f.declarations);
    const importLists = found.map((f) => ('imports' in f ? f.imports : NO_IMPORTS));
    const before = this.previous?.index;
    this.previous = undefined;
    const declared = before && sameLists(before.declared.inputs, declarationLists) ? before.declared : declarationIndex(found, declarationLists);
    const imported = before && sameLists(before.imported.inputs, importLists) ? before.imported : { inputs: importLists, imports: importLists.flat() };
    this.index = { declared, imported };
    return this.index;
  }
}

const NO_IMPORTS: readonly ImportDeclaration[] = [];

function sameLists<T>(a: readonly (readonly T[])[], b: readonly (readonly T[])[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function declarationIndex(
  found: readonly { requiredVersions: readonly string[]; requiredProviders: readonly RequiredProvider[] }[],
  lists: readonly (readonly Declaration[])[],
): DeclarationIndex {
  const index: DeclarationIndex = { inputs: lists, declarations: [], byAddress: new Map(), filtered: new Map(), requiredVersions: [], requiredProviders: [] };
  for (const list of lists) {
    for (const d of list) {
      index.declarations.push(d);
      const existing = index.byAddress.get(d.address);
      // The base declaration wins over an override: overrides merge into it rather than declare it.
      if (!existing || (existing.override && !d.override)) index.byAddress.set(d.address, d);
    }
  }
  for (const f of found) {
    index.requiredVersions.push(...f.requiredVersions);
    index.requiredProviders.push(...f.requiredProviders);
  }
  return index;
}
