// Module calls: where a `module` block's child module lives, and the child seen through one call, with
// each of its variables bound to the argument that call passes (or to its default when the call passes
// none). Static evaluation reads a bound child's variables from the caller, so the child's rules judge the
// values AWS will see for that call.
import { isAbsolute, resolve } from 'node:path';
import type { Block, Expression, HclFile } from '../parser';
import { staticString } from '../parser';
import type { FileSystemHost } from './fileSystem';
import type { Declaration, ModuleDocument, RequiredProvider, TerraformModule, ImportDeclaration } from './types';
import type { TfvarsValue } from './tfvars';

/** What a bound child's variable is for one call. */
export interface CallerArgument {
  /** `module.back_office` */
  readonly call: string;
  readonly callUri: string;
  /** The call block, where a missing argument is reported. */
  readonly callBlock: Block;
  /** The argument's value in the caller's file; undefined when the call leaves the variable to its default. */
  readonly expression?: Expression;
  /** The module the argument's expression is evaluated in (the caller's). */
  readonly module: TerraformModule;
}

/**
 * The folder of a module call's child: a local path (`./x`, `../x`) relative to the caller's folder, or
 * the folder `terraform init` recorded for the call in `.terraform/modules/modules.json` of the caller.
 */
export function childDirOf(callerDir: string, call: Declaration, fs: FileSystemHost): string | undefined {
  const block = call.node?.kind === 'Block' ? call.node : undefined;
  const sourceAttr = block?.body.items.find((i) => i.kind === 'Attribute' && i.name.name === 'source');
  const source = sourceAttr?.kind === 'Attribute' ? staticString(sourceAttr.value) : undefined;
  if (source === undefined) return undefined;
  if (source.startsWith('./') || source.startsWith('../')) return resolve(callerDir, source);
  const manifest = fs.readFile(resolve(callerDir, '.terraform', 'modules', 'modules.json'));
  if (!manifest) return undefined;
  try {
    const parsed = JSON.parse(manifest) as { Modules?: { Key?: unknown; Dir?: unknown }[] };
    const entry = parsed.Modules?.find((m) => m.Key === call.name);
    if (typeof entry?.Dir !== 'string' || entry.Dir === '') return undefined;
    return isAbsolute(entry.Dir) ? entry.Dir : resolve(callerDir, entry.Dir);
  } catch {
    return undefined;
  }
}

/** The arguments of a call block that are not meta-arguments. */
const META_ARGUMENTS = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

/** A child module as one call sees it: every query is the child's, and its variables come from the call. */
export class BoundModule implements TerraformModule {
  private readonly args = new Map<string, Expression>();

  constructor(
    private readonly child: TerraformModule,
    private readonly call: Declaration,
    private readonly caller: TerraformModule,
  ) {
    const block = call.node;
    if (block?.kind === 'Block') {
      for (const item of block.body.items) {
        if (item.kind === 'Attribute' && !META_ARGUMENTS.has(item.name.name) && item.equals >= 0 && item.value.kind !== 'Invalid') {
          this.args.set(item.name.name, item.value);
        }
      }
    }
  }

  get dir(): string {
    return this.child.dir;
  }

  /** The child's own calls (their arguments are read in this bound child, so they reach this call's caller). */
  childModule(call: Declaration): TerraformModule | undefined {
    return this.child.childModule?.(call);
  }

  callerArgument(name: string): CallerArgument | undefined {
    const block = this.call.node;
    if (block?.kind !== 'Block') return undefined;
    return { call: this.call.address, callUri: this.call.uri, callBlock: block, expression: this.args.get(name), module: this.caller };
  }

  /** tfvars files load for the root module only; a child's variables come from its callers. */
  tfvarsValue(): TfvarsValue | undefined {
    return undefined;
  }

  documents(): readonly ModuleDocument[] {
    return this.child.documents();
  }
  resources(type?: string): readonly Declaration[] {
    return this.child.resources(type);
  }
  dataSources(type?: string): readonly Declaration[] {
    return this.child.dataSources(type);
  }
  variables(): readonly Declaration[] {
    return this.child.variables();
  }
  locals(): readonly Declaration[] {
    return this.child.locals();
  }
  outputs(): readonly Declaration[] {
    return this.child.outputs();
  }
  imports(): readonly ImportDeclaration[] {
    return this.child.imports();
  }
  findResource(type: string, name: string): Declaration | undefined {
    return this.child.findResource(type, name);
  }
  findVariable(name: string): Declaration | undefined {
    return this.child.findVariable(name);
  }
  findLocal(name: string): Declaration | undefined {
    return this.child.findLocal(name);
  }
  requiredVersions(): readonly string[] {
    return this.child.requiredVersions();
  }
  requiredProviders(): readonly RequiredProvider[] {
    return this.child.requiredProviders();
  }
}

/**
 * Whether a file has a `module` block whose local `source` is the folder `dir`; both folders are `file:`
 * URIs ending in `/`. The server re-checks such callers when a file of the child changes.
 */
export function callsFolder(file: HclFile, callerDir: string, dir: string): boolean {
  for (const item of file.body.items) {
    if (item.kind !== 'Block' || item.type.name !== 'module') continue;
    const source = item.body.items.find((i) => i.kind === 'Attribute' && i.name.name === 'source');
    const path = source?.kind === 'Attribute' ? staticString(source.value) : undefined;
    if (!path || !(path.startsWith('./') || path.startsWith('../'))) continue;
    try {
      if (new URL(path.replace(/\/*$/, '/'), callerDir).href === dir) return true;
    } catch {
      // Not a path a URL can hold: not a folder we can compare.
    }
  }
  return false;
}
