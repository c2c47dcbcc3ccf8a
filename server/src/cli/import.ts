// `awscc-cognito import`: live app clients → import (and resource) blocks on stdout. Progress, notes and
// errors go to stderr, so `awscc-cognito import > imports.tf` leaves a file of complete blocks only.
// Exit 0 when everything asked for was read, 1 when any listing or describe failed (the blocks that could
// be rendered are still printed, and stderr names what is missing), 2 on usage errors, 130 when cancelled.
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LiveCallError, type CognitoClientOptions } from '../live';
import { nodeFileSystem, Workspace, type TerraformModule } from '../model';
import { renderImports } from '../render';
import { IMPORT_HELP, ImportUsageError, parseImportArgs, type ImportArgs } from './importArgs';
import { terminalField, terminalSafe } from './terminal';
import { gatherClients, planRegions, PlanError, type GatherResult, type Missing } from './importGather';

export interface ImportIo {
  out(text: string): void;
  err(text: string): void;
}

export interface ImportRunOptions {
  cwd?: string;
  signal?: AbortSignal;
  /** Tests and the demo only: fixed emulator credentials instead of the SDK's default chain. */
  credentials?: CognitoClientOptions['credentials'];
  /** stderr is a terminal: keep a live "Described n/N" counter on one line. */
  interactive?: boolean;
}

export async function runImport(argv: readonly string[], rawIo: ImportIo, options: ImportRunOptions = {}): Promise<number> {
  // Client names, notes and service error codes come from the API: escaped before they reach a terminal.
  // The generated HCL is escaped the same way, which inside its strings means the same characters.
  const io = terminalSafe(rawIo);
  const cwd = options.cwd ?? process.cwd();
  let args: ImportArgs;
  let plans;
  try {
    args = parseImportArgs(argv, cwd);
    if (args.help) {
      io.out(`Usage:\n${IMPORT_HELP}`);
      return 0;
    }
    plans = planRegions(args);
  } catch (err) {
    if (err instanceof ImportUsageError || err instanceof PlanError) {
      io.err(`awscc-cognito: ${err.message}\nRun 'awscc-cognito import --help' for the options.\n`);
      return 2;
    }
    throw err;
  }

  const moduleDir = resolve(cwd, args.moduleDir);
  if (!isFolder(moduleDir)) {
    io.err(`awscc-cognito: --module ${args.moduleDir} is not a folder\n`);
    return 2;
  }

  let gathered: GatherResult;
  try {
    gathered = await gatherClients(args, plans, {
      signal: options.signal,
      credentials: options.credentials,
      progress: (line) => io.err(`${line}\n`),
      // In a terminal \r rewrites the counter in place (the final count stays, followed by a line break);
      // elsewhere (a CI log, a pipe) one line per client, so a log shows how far a slow import got.
      described: options.interactive
        ? (done, total) => rawIo.err(`\rDescribed ${done}/${total}${done === total ? '\n' : ''}`)
        : (done, total) => io.err(`Described ${done}/${total}\n`),
    });
  } catch (err) {
    if (err instanceof LiveCallError && err.live.kind === 'cancelled') {
      io.err(`${options.interactive ? '\n' : ''}awscc-cognito: cancelled; nothing was written.\n`);
      return 130;
    }
    if (err instanceof LiveCallError && err.live.kind === 'insecure-endpoint') {
      // From AWS_ENDPOINT_URL*: refused before any call, like a bad --endpoint.
      io.err(`awscc-cognito: ${err.live.message}\n${err.live.nextStep}\n`);
      return 2;
    }
    throw err;
  }

  for (const note of gathered.notes) io.err(`${note}\n`);

  const module = loadModule(moduleDir);
  const rendered = renderImports(gathered.clients, module, { style: args.style, withResource: args.withResource });

  const texts = [rendered.importsText, rendered.resourcesText].filter((t) => t.trim() !== '');
  if (texts.length > 0) io.out(texts.map((t) => t.replace(/\n+$/, '')).join('\n\n') + '\n');

  const nameOf = new Map(gathered.clients.map((c) => [c.ClientId, terminalField(c.ClientName ? `"${c.ClientName}" (${c.ClientId})` : c.ClientId)]));
  for (const skip of rendered.skipped) io.err(`Skipped ${nameOf.get(skip.clientId) ?? skip.clientId}: ${skip.message}\n`);
  for (const client of rendered.clients) {
    if (client.status === 'declared') {
      io.err(`${nameOf.get(client.clientId) ?? client.clientId} is already declared as ${client.address}; imported into it, no new resource block.\n`);
    }
  }
  const regions = new Set(rendered.clients.map((c) => gathered.regionOf.get(c.clientId)).filter((r) => r !== undefined));
  if (regions.size > 1) {
    io.err(
      `The clients come from ${regions.size} regions (${[...regions].join(', ')}): give each region its own awscc provider ` +
        `(alias) and set provider = awscc.<alias> in the resource blocks.\n`,
    );
  }
  const count = rendered.clients.length;
  if (count > 0) {
    const what = args.withResource ? 'Import and resource blocks' : 'Import blocks';
    io.err(`${what} for ${count} app client${count === 1 ? '' : 's'}. ${rendered.requirements.join(' ')}\n`);
  } else if (gathered.clients.length > 0) {
    io.err('Nothing new to import: the module already has every client found.\n');
  }

  if (gathered.missing.length > 0) {
    io.err(describeMissing(gathered.missing, rendered.clients.length > 0));
    return 1;
  }
  return 0;
}

/**
 * The stderr report of what could not be read: one line per item, then each distinct next step once.
 * `partial` says whether other blocks were printed (then the output is incomplete rather than empty).
 */
export function describeMissing(missing: readonly Missing[], partial = true): string {
  const n = missing.length;
  const lines = [
    partial
      ? `awscc-cognito: incomplete: ${n} item${n === 1 ? '' : 's'} could not be read, so ${n === 1 ? 'its' : 'their'} blocks are missing from the output:`
      : `awscc-cognito: nothing to write: ${n} item${n === 1 ? '' : 's'} could not be read:`,
  ];
  for (const m of missing) lines.push(`  - ${m.what}: ${m.error.message}`);
  const steps = [...new Set(missing.map((m) => m.error.nextStep))];
  lines.push(steps.length === 1 ? `Next step: ${steps[0]}` : 'Next steps:');
  if (steps.length > 1) for (const step of steps) lines.push(`  - ${step}`);
  return lines.join('\n') + '\n';
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The module in `dir`, read from disk (the name of the anchor file does not matter: the folder is the module). */
function loadModule(dir: string): TerraformModule {
  const workspace = new Workspace(nodeFileSystem);
  return workspace.moduleFor(pathToFileURL(join(dir, 'main.tf')).href);
}
