// A snapshot of one Terraform module: the documents of a folder at their current versions. Snapshots are
// cheap to make (a list of sources) and compute their indexes lazily, once.
import type { Declaration, ImportDeclaration, ModuleDocument, RequiredProvider, TerraformModule } from './types';
import { declarationsOf } from './declarations';
import type { JsonDeclarations } from './jsonDeclarations';

export type ModuleSource =
  | { readonly kind: 'hcl'; readonly document: ModuleDocument }
  | { readonly kind: 'json'; readonly uri: string; readonly declarations: JsonDeclarations };

interface Index {
  declarations: Declaration[];
  imports: ImportDeclaration[];
  requiredVersions: string[];
  requiredProviders: RequiredProvider[];
  byAddress: Map<string, Declaration>;
}

export class ModuleSnapshot implements TerraformModule {
  private index?: Index;

  constructor(
    readonly dir: string,
    private readonly sources: readonly ModuleSource[],
  ) {}

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
    return this.build().imports;
  }

  findResource(type: string, name: string): Declaration | undefined {
    return this.build().byAddress.get(`${type}.${name}`);
  }

  findVariable(name: string): Declaration | undefined {
    return this.build().byAddress.get(`var.${name}`);
  }

  findLocal(name: string): Declaration | undefined {
    return this.build().byAddress.get(`local.${name}`);
  }

  requiredVersions(): readonly string[] {
    return this.build().requiredVersions;
  }

  requiredProviders(): readonly RequiredProvider[] {
    return this.build().requiredProviders;
  }

  private readonly filtered = new Map<string, Declaration[]>();

  /** Answers are kept per snapshot: features ask the same question many times per keystroke. */
  private filter(kind: Declaration['kind'], type?: string): Declaration[] {
    const key = type === undefined ? kind : `${kind} ${type}`;
    let found = this.filtered.get(key);
    if (!found) {
      found = this.build().declarations.filter((d) => d.kind === kind && (type === undefined || d.type === type));
      this.filtered.set(key, found);
    }
    return found;
  }

  private build(): Index {
    if (this.index) return this.index;
    const index: Index = { declarations: [], imports: [], requiredVersions: [], requiredProviders: [], byAddress: new Map() };
    for (const source of this.sources) {
      const found =
        source.kind === 'hcl' ? declarationsOf(source.document.uri, source.document.file) : source.declarations;
      for (const d of found.declarations) {
        index.declarations.push(d);
        const existing = index.byAddress.get(d.address);
        // The base declaration wins over an override: overrides merge into it rather than declare it.
        if (!existing || (existing.override && !d.override)) index.byAddress.set(d.address, d);
      }
      if ('imports' in found) index.imports.push(...found.imports);
      index.requiredVersions.push(...found.requiredVersions);
      index.requiredProviders.push(...found.requiredProviders);
    }
    this.index = index;
    return index;
  }
}
