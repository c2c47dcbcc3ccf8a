export * from './types';
export { Workspace, normalizeUri, pathOf, type FileEvent } from './workspace';
export { type FileSystemHost, type ReadResult, nodeFileSystem, isTerraformFileName, readTextFile, describeError, kindOf, MAX_INDEXED_FILE_BYTES } from './fileSystem';
export { declarationsOf, importTarget, staticAddress, isOverrideFile } from './declarations';
export { jsonDeclarationsOf } from './jsonDeclarations';
export { ModuleSnapshot } from './module';
export { poolGraphOf, recorderOf, POOLS_DEPENDENCY, type DependencyRecorder, POOL_TYPES, RESOURCE_SERVER_TYPES, IDENTITY_PROVIDER_TYPES, type PoolGraph, type PoolEntry, type DeclaredName, type ResourceServer, type IdentityProvider } from './poolGraph';
export { isTfvarsFileName, type TfvarsValue } from './tfvars';
export { BoundModule, callsFolder, childDirOf, type CallerArgument } from './moduleCalls';

import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { Workspace } from './workspace';
import type { FeatureContext, TerraformModule } from './types';

/**
 * A module made from in-memory texts (file name → text), for tests and tools. Every file is "open", so no
 * disk is read. `dir` defaults to a folder that does not exist.
 */
export function createModuleFromTexts(files: Record<string, string>, dir = '/virtual/module'): {
  workspace: Workspace;
  module: TerraformModule;
  contextFor(name: string): FeatureContext;
} {
  const workspace = new Workspace({ listFiles: () => [], readFile: () => undefined });
  const uriOf = (name: string) => pathToFileURL(join(dir, name)).href;
  for (const [name, text] of Object.entries(files)) {
    if (name.endsWith('.tf.json')) continue;
    // tfvars files (`.json` ones too) are open documents like the rest: the module reads them from there.
    workspace.openDocument(uriOf(name), 1, text);
  }
  const jsonFiles = Object.entries(files).filter(([name]) => name.endsWith('.tf.json'));
  if (jsonFiles.length > 0) {
    // .tf.json files are only ever read from "disk": serve them from the given texts.
    const texts = new Map(jsonFiles.map(([name, text]) => [join(dir, name), text]));
    const fsWorkspace = new Workspace({
      listFiles: (d) => (d === dir ? jsonFiles.map(([n]) => n) : []),
      readFile: (p) => texts.get(p),
    });
    for (const [name, text] of Object.entries(files)) {
      if (!name.endsWith('.tf.json')) fsWorkspace.openDocument(uriOf(name), 1, text);
    }
    return wrap(fsWorkspace);
  }
  return wrap(workspace);

  function wrap(ws: Workspace) {
    const first = Object.keys(files).find((n) => !n.endsWith('.tf.json')) ?? 'main.tf';
    return {
      workspace: ws,
      module: ws.moduleFor(uriOf(first)),
      contextFor(name: string): FeatureContext {
        const ctx = ws.contextFor(uriOf(name));
        if (!ctx) throw new Error(`no document named ${name}`);
        return ctx;
      },
    };
  }
}
