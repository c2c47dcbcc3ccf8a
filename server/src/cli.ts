// The CLI adapter: `awscc-cognito check ...`, `import ...` and `profiles`. Argument parsing, output and exit
// codes live here; the checking itself is the same core the language server uses.
import { runCheck } from './cli/check';
import { IMPORT_HELP } from './cli/importArgs';
import { MIGRATE_HELP } from './cli/migrate';
import { PROFILES_HELP, runProfiles } from './cli/profiles';
import { ruleSummaries } from './features/rules';
import { rulesDocUrl, type OutputFormat, type SarifRule } from './cli/output';
import { ruleAnchor } from './features/rules/docs';
import { terminalSafe } from './cli/terminal';
import { setV8Flags } from './features/v8Flags';

const VERSION = typeof __VERSION__ !== 'undefined' ? __VERSION__ : 'dev';
const RULES_DOC = rulesDocUrl(typeof __REPOSITORY_URL__ !== 'undefined' ? __REPOSITORY_URL__ : '');

/** The rules as SARIF describes them, each linked to its section of docs/rules.md (CUP001 to the page: it has no section). */
function sarifRules(): SarifRule[] {
  return ruleSummaries().map((r) => ({
    ...r,
    ...(RULES_DOC ? { helpUri: r.id === 'CUP001' ? RULES_DOC : `${RULES_DOC}#${ruleAnchor(r.id, r.name)}` } : {}),
  }));
}

const CHECK_HELP = `  awscc-cognito check [--format text|json|sarif] PATH...
      Check .tf files with the language server's rules. Folders are searched recursively (hidden folders,
      .terraform and node_modules skipped; links to folders are not followed); a .tf link to a file is
      checked wherever it points. A file's module is its folder.
      --format text (default): file:line:column: severity code message, control characters escaped.
      --format json: [{file, range, severity, code, message}] with LSP ranges (0-based, UTF-16).
      --format sarif: SARIF 2.1.0 for code-scanning tools.
      Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage error or a file or folder that
      could not be read (FIFOs, sockets and devices are never opened; files over 20 MB are not read);
      everything readable is still checked.
`;

const HELP = `awscc-cognito ${VERSION}
Editor tooling for Terraform's awscc_cognito_user_pool_client resource and its import blocks.

Usage:
${CHECK_HELP}${IMPORT_HELP}${MIGRATE_HELP}${PROFILES_HELP}  awscc-cognito --help | --version
`;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export async function main(argv: string[], rawIo: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  // Arguments, file names and values are echoed back: nothing reaches the terminal with raw control
  // characters. `import` gets the raw channel too, for its in-place counter, and escapes everything else.
  const io = terminalSafe(rawIo);
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.out(HELP);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    io.out(`${VERSION}\n`);
    return 0;
  }
  if (command === 'check') return check(rest, io);
  if (command === 'import') return importCommand(rest, rawIo);
  if (command === 'profiles') return runProfiles(rest, io);
  if (command === 'migrate') return migrateCommand(rest, io);
  io.err(`awscc-cognito: unknown command '${command}'\n\n${HELP}`);
  return 2;
}

function check(args: string[], io: CliIo): number {
  let format: OutputFormat = 'text';
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--format' || a.startsWith('--format=')) {
      const value = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (value !== 'text' && value !== 'json' && value !== 'sarif') {
        io.err(`awscc-cognito: --format must be text, json or sarif (got ${value ?? 'nothing'})\n`);
        return 2;
      }
      format = value;
    } else if (a === '--help' || a === '-h') {
      io.out(`Usage:\n${CHECK_HELP}`);
      return 0;
    } else if (a.startsWith('-')) {
      io.err(`awscc-cognito: unknown option '${a}' for check\n`);
      return 2;
    } else paths.push(a);
  }
  if (paths.length === 0) {
    io.err('awscc-cognito: check needs at least one file or folder\n');
    return 2;
  }
  const result = runCheck({ format, paths }, VERSION, format === 'sarif' ? sarifRules() : []);
  if (result.stdout) io.out(result.stdout + '\n');
  if (result.stderr) io.err(result.stderr + '\n');
  return result.exitCode;
}

// Ctrl+C stops the AWS calls in flight; nothing has been printed to stdout at that point.
async function importCommand(args: string[], io: CliIo): Promise<number> {
  const controller = new AbortController();
  const onInterrupt = () => controller.abort();
  process.once('SIGINT', onInterrupt);
  try {
    // Loaded on demand: the AWS SDK behind it is a noticeable share of start-up time for `check`.
    const { runImport } = await import('./cli/import');
    return await runImport(args, io, { signal: controller.signal, interactive: process.stderr.isTTY === true });
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}

async function migrateCommand(args: string[], io: CliIo): Promise<number> {
  const controller = new AbortController();
  const onInterrupt = () => controller.abort();
  process.once('SIGINT', onInterrupt);
  try {
    const { runMigrate } = await import('./cli/migrate');
    return await runMigrate(args, io, { signal: controller.signal });
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}

if (require.main === module) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  setV8Flags((require('node:v8') as typeof import('node:v8')).setFlagsFromString);
  main(process.argv.slice(2), {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`awscc-cognito: internal error: ${(e as Error).stack ?? e}\n`);
      process.exitCode = 2;
    },
  );
}
