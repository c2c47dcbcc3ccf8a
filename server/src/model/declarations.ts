// Extracts what a file declares (resources, data sources, variables, locals, outputs, modules, imports,
// terraform settings). Computed once per parsed file and cached, so per-keystroke cost is one walk over the
// top-level blocks of the edited file only.
import type { Attribute, Block, Expression, HclFile } from '../parser';
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

function extract(uri: string, file: HclFile): FileDeclarations {
  const override = isOverrideFile(uri);
  const declarations: Declaration[] = [];
  const imports: ImportDeclaration[] = [];
  const requiredVersions: string[] = [];
  const requiredProviders: RequiredProvider[] = [];
  const add = (d: Omit<Declaration, 'uri' | 'file' | 'override'>) => declarations.push({ ...d, uri, file, override });

  for (const item of file.body.items) {
    if (item.kind !== 'Block') continue;
    const kind = item.type.name;
    const first = label(item, 0);
    const second = label(item, 1);
    switch (kind) {
      case 'resource':
        if (first && second) add({ kind: 'resource', type: first, name: second, address: `${first}.${second}`, node: item });
        break;
      case 'data':
        if (first && second) add({ kind: 'data', type: first, name: second, address: `data.${first}.${second}`, node: item });
        break;
      case 'variable':
        if (first) add({ kind: 'variable', name: first, address: `var.${first}`, node: item });
        break;
      case 'output':
        if (first) add({ kind: 'output', name: first, address: `output.${first}`, node: item });
        break;
      case 'module':
        if (first) add({ kind: 'module', name: first, address: `module.${first}`, node: item });
        break;
      case 'provider':
        if (first) add({ kind: 'provider', type: first, name: first, address: `provider.${first}`, node: item });
        break;
      case 'locals':
        for (const attr of item.body.items) {
          if (attr.kind === 'Attribute' && attr.name.name) {
            add({ kind: 'local', name: attr.name.name, address: `local.${attr.name.name}`, node: attr });
          }
        }
        break;
      case 'import':
        imports.push({ uri, file, block: item, to: importTarget(item), override });
        break;
      case 'terraform':
        readTerraformSettings(item, requiredVersions, requiredProviders);
        break;
    }
  }
  return { declarations, imports, requiredVersions, requiredProviders };
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
