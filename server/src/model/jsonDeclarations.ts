// Declarations from `*.tf.json` files. They have no HCL tree here, but they do declare names: without them a
// module mixing .tf and .tf.json would get false "not declared" reports.
import type { Declaration, RequiredProvider } from './types';
import { isOverrideFile } from './declarations';

export interface JsonDeclarations {
  readonly declarations: readonly Declaration[];
  readonly requiredVersions: readonly string[];
  readonly requiredProviders: readonly RequiredProvider[];
  readonly error?: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function objects(value: Json | undefined): Record<string, Json>[] {
  if (Array.isArray(value)) return value.filter(isObject);
  return isObject(value) ? [value] : [];
}

function isObject(value: Json | undefined): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function jsonDeclarationsOf(uri: string, text: string): JsonDeclarations {
  let root: Json;
  try {
    root = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as Json;
  } catch (e) {
    return { declarations: [], requiredVersions: [], requiredProviders: [], error: (e as Error).message };
  }
  const override = isOverrideFile(uri);
  const declarations: Declaration[] = [];
  const requiredVersions: string[] = [];
  const requiredProviders: RequiredProvider[] = [];
  const add = (d: Omit<Declaration, 'uri' | 'override'>) => declarations.push({ ...d, uri, override });
  for (const top of objects(root)) {
    for (const [typeKey, kindName, prefix] of [
      ['resource', 'resource', ''],
      ['data', 'data', 'data.'],
    ] as const) {
      for (const byType of objects(top[typeKey])) {
        for (const [type, byName] of Object.entries(byType)) {
          for (const names of objects(byName)) {
            for (const name of Object.keys(names)) add({ kind: kindName, type, name, address: `${prefix}${type}.${name}` });
          }
        }
      }
    }
    for (const [key, kind, prefix] of [
      ['variable', 'variable', 'var.'],
      ['output', 'output', 'output.'],
      ['module', 'module', 'module.'],
    ] as const) {
      for (const group of objects(top[key])) {
        for (const name of Object.keys(group)) add({ kind, name, address: `${prefix}${name}` });
      }
    }
    for (const group of objects(top.locals)) {
      for (const name of Object.keys(group)) add({ kind: 'local', name, address: `local.${name}` });
    }
    for (const settings of objects(top.terraform)) {
      if (typeof settings.required_version === 'string') requiredVersions.push(settings.required_version);
      for (const rp of objects(settings.required_providers)) {
        for (const [name, spec] of Object.entries(rp)) {
          if (typeof spec === 'string') requiredProviders.push({ name, version: spec });
          else if (isObject(spec)) {
            requiredProviders.push({
              name,
              source: typeof spec.source === 'string' ? spec.source : undefined,
              version: typeof spec.version === 'string' ? spec.version : undefined,
            });
          }
        }
      }
    }
  }
  return { declarations, requiredVersions, requiredProviders };
}
