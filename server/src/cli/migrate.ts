// `awscc-cognito migrate`: converts every hashicorp/aws `aws_cognito_user_pool_client` under PATH to
// awscc, with removed + import blocks, and prints the change as a unified diff (default) or writes it
// (--write: every file or none). With --region/--profile/--endpoint it lists the pools to fill in client
// IDs (same credential chain as `import`); without, the IDs stay FILL-IN placeholders (CUP613).
// Exit codes: 0 converted completely (or nothing to convert), 1 converted but a placeholder is left or a
// listing failed, 2 usage or I/O error.
import { existsSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { planMigration, type MigrationPlan, type MigrateStyle } from '../features/migrate';
import { nodeFileSystem, Workspace, type TerraformModule } from '../model';
import { collectTerraformFiles, UsageError } from './collect';
import { looksLikeRegion } from './importArgs';
import { unifiedDiff } from './unifiedDiff';
import type { CognitoClientOptions } from '../live';

export const MIGRATE_HELP = `  awscc-cognito migrate [--write] [--style id|identity] [--region R] [--profile P] [--endpoint URL] PATH
      Convert hashicorp/aws aws_cognito_user_pool_client blocks under PATH to awscc_cognito_user_pool_client,
      with a removed block (the aws object is forgotten, not destroyed) and an import block per client, and
      rewrite references (.id → .client_id). Prints a unified diff; --write applies it (all files or none).
      With --region, --profile or --endpoint the user pools are listed to fill in each client ID by its
      name (credentials as for import); otherwise the IDs are left as FILL-IN-CLIENT-ID placeholders.
      Exit codes: 0 complete, 1 a placeholder is left or a listing failed, 2 usage or I/O error.
`;

export interface MigrateArgs {
  write: boolean;
  style: MigrateStyle;
  regions: string[];
  profile?: string;
  endpoint?: string;
  paths: string[];
}

export interface MigrateIo {
  out(text: string): void;
  err(text: string): void;
}

export interface MigrateRunOptions {
  cwd?: string;
  signal?: AbortSignal;
  /** Tests and the demo only: fixed emulator credentials instead of the SDK's default chain. */
  credentials?: CognitoClientOptions['credentials'];
}

export function parseMigrateArgs(argv: readonly string[]): MigrateArgs | 'help' {
  const args: MigrateArgs = { write: false, style: 'id', regions: [], paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') return 'help';
    if (a === '--write') {
      args.write = true;
      continue;
    }
    const eq = a.indexOf('=');
    const flag = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    if (['--style', '--region', '--profile', '--endpoint'].includes(flag)) {
      const value = flag !== a ? a.slice(eq + 1) : argv[++i];
      if (value === undefined || value.trim() === '' || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      if (flag === '--style') {
        if (value !== 'id' && value !== 'identity') throw new UsageError(`--style must be id or identity (got ${value})`);
        args.style = value;
      } else if (flag === '--region') {
        if (!looksLikeRegion(value)) throw new UsageError(`'${value}' does not look like an AWS region (e.g. eu-west-1)`);
        args.regions.push(value);
      } else if (flag === '--profile') args.profile = value;
      else {
        let url: URL | undefined;
        try {
          url = new URL(value);
        } catch {
          url = undefined;
        }
        if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new UsageError(`--endpoint must be an http or https URL (got ${value})`);
        args.endpoint = value;
      }
      continue;
    }
    if (a.startsWith('-')) throw new UsageError(`unknown option '${a}' for migrate`);
    args.paths.push(a);
  }
  if (args.paths.length !== 1) throw new UsageError('migrate needs exactly one file or folder');
  return args;
}

export async function runMigrate(argv: readonly string[], io: MigrateIo, options: MigrateRunOptions = {}): Promise<number> {
  let args: MigrateArgs;
  let files: string[];
  try {
    const parsed = parseMigrateArgs(argv);
    if (parsed === 'help') {
      io.out(`Usage:\n${MIGRATE_HELP}`);
      return 0;
    }
    args = parsed;
    const cwd = options.cwd ?? process.cwd();
    const collected = collectTerraformFiles(args.paths.map((p) => resolve(cwd, p)));
    // A file that cannot be read could hold a reference to a converted client: convert nothing then.
    if (collected.problems.length > 0) {
      for (const problem of collected.problems) io.err(`awscc-cognito: ${problem}\n`);
      io.err('awscc-cognito: nothing was converted.\n');
      return 2;
    }
    files = collected.files;
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`awscc-cognito: ${err.message}\nRun 'awscc-cognito migrate --help' for the options.\n`);
      return 2;
    }
    throw err;
  }
  const live = args.regions.length > 0 || args.profile !== undefined || args.endpoint !== undefined;
  const workspace = new Workspace(nodeFileSystem);
  const modules = [...new Set(files.map((f) => dirname(f)))].map((dir) => workspace.moduleFor(pathToFileURL(join(dir, 'main.tf')).href));

  let incomplete = false;
  const plans: MigrationPlan[] = [];
  for (const module of modules) {
    let plan = planMigration(module, { style: args.style });
    if (plan.changes.length === 0) continue;
    if (live) {
      const { fillClientIds } = await import('./migrateLive');
      const filled = await fillClientIds(plan.instances, args, { signal: options.signal, credentials: options.credentials });
      for (const m of filled.messages) io.err(`${m}\n`);
      for (const f of filled.failures) io.err(`awscc-cognito: could not read ${f.what}: ${f.error.message} ${f.error.nextStep}\n`);
      if (filled.failures.length > 0) incomplete = true;
      if (Object.keys(filled.clientIds).length > 0) plan = planMigration(module, { style: args.style, clientIds: filled.clientIds });
    }
    plans.push(plan);
    report(plan, module, io);
    if (plan.instances.some((i) => !i.filled)) incomplete = true;
  }
  if (plans.length === 0) {
    io.err('Nothing to convert: no aws_cognito_user_pool_client resource found.\n');
    return 0;
  }
  const changes = plans.flatMap((p) => p.changes);
  if (!args.write) {
    const cwd = options.cwd ?? process.cwd();
    for (const c of changes) {
      const path = fileURLToPath(c.uri);
      const rel = relative(cwd, path);
      const name = rel && !rel.startsWith('..') ? rel : path;
      io.out(unifiedDiff(c.before, c.after, `a/${name}`, `b/${name}`));
    }
  } else {
    const error = writeAll(changes.map((c) => ({ path: fileURLToPath(c.uri), text: c.after })));
    if (error) {
      io.err(`awscc-cognito: nothing was written: ${error}\n`);
      return 2;
    }
    io.err(`Wrote ${changes.length} file${changes.length === 1 ? '' : 's'}.\n`);
  }
  if (incomplete && !live) io.err('Client IDs are left as FILL-IN-CLIENT-ID: fill them in, or run again with --region/--profile to look them up.\n');
  return incomplete ? 1 : 0;
}

function report(plan: MigrationPlan, module: TerraformModule, io: MigrateIo): void {
  const n = plan.instances.length;
  io.err(`${module.dir}: ${n} import${n === 1 ? '' : 's'} (${plan.instances.filter((i) => i.filled).length} with the client ID filled in).\n`);
  for (const r of plan.requirements) io.err(`Needs ${r}\n`);
  for (const w of plan.warnings) io.err(`Warning: ${w}\n`);
  for (const note of plan.notes) io.err(`Note: ${note}\n`);
}

/** Writes every file or none: all texts go to temporary files first, then each is renamed over its target. */
function writeAll(files: { path: string; text: string }[]): string | undefined {
  const temps: string[] = [];
  try {
    for (const f of files) {
      if (!existsSync(f.path) || !statSync(f.path).isFile()) return `${f.path} is not a regular file`;
      const temp = `${f.path}.awscc-migrate-${process.pid}.tmp`;
      writeFileSync(temp, f.text, { flag: 'wx' });
      temps.push(temp);
    }
  } catch (err) {
    for (const t of temps) safeUnlink(t);
    return (err as Error).message;
  }
  // Renames within one folder do not fail for space; a failure here is reported with what was done.
  for (let i = 0; i < files.length; i++) {
    try {
      renameSync(temps[i], files[i].path);
    } catch (err) {
      for (const t of temps.slice(i)) safeUnlink(t);
      return `${(err as Error).message} (${i} of ${files.length} files were already replaced)`;
    }
  }
  return undefined;
}

function safeUnlink(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
