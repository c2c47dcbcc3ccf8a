// `awscc-cognito profiles [--format text|json]`: the AWS profiles of the shared config and credentials
// files, with the facts the VS Code profile picker shows (name, region, SSO, which files), so a terminal
// user can see which names `import --profile` accepts instead of guessing. The reader is the picker's own
// (live/awsProfiles.ts), which drops keys and tokens while reading, so nothing here can print them.
// The list goes to stdout (JSON stays parseable); notes and problems go to stderr, as with `import`.
import { terminalField, terminalSafe } from './terminal';
import { listAwsProfiles, profileFileProblem, profileFilePaths, type ProfileFileReport, type ProfileListing } from '../live/awsProfiles';

export const PROFILES_HELP = `  awscc-cognito profiles [--format text|json]
      List the AWS profiles of the shared config and credentials files (AWS_CONFIG_FILE and
      AWS_SHARED_CREDENTIALS_FILE when set, else ~/.aws/config and ~/.aws/credentials): name, region,
      SSO or not, and which files declare it. Keys and tokens are never read out.
      Exit codes: 0 listed (also when there are none), 2 usage error or a profile file that exists but
      could not be read (the other file's profiles are still listed).
`;

export interface ProfilesIo {
  out(text: string): void;
  err(text: string): void;
}

type ProfilesFormat = 'text' | 'json';

/** The SDK's variable for each file, named in notes so the user knows which setting to fix. */
const ENV_NAME = { config: 'AWS_CONFIG_FILE', credentials: 'AWS_SHARED_CREDENTIALS_FILE' } as const;

const HINT =
  'To create a profile run `aws configure` (access keys) or `aws configure sso` (IAM Identity Center), or set\n' +
  'AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE to where your files are.';

export async function runProfiles(argv: readonly string[], rawIo: ProfilesIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  // Names and paths come from files and variables this tool did not write: escaped before a terminal sees them.
  const io = terminalSafe(rawIo);
  let format: ProfilesFormat = 'text';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      io.out(`Usage:\n${PROFILES_HELP}`);
      return 0;
    }
    if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (value !== 'text' && value !== 'json') return usage(io, `--format must be text or json (got ${value ?? 'nothing'})`);
      format = value;
      continue;
    }
    return usage(io, arg.startsWith('-') ? `unknown option '${arg}' for profiles` : `profiles takes no positional arguments (got '${arg}')`);
  }

  const listing = await listAwsProfiles(profileFilePaths(env));
  io.out(format === 'json' ? formatJson(listing) : formatText(listing));
  const problems = listing.files.map(profileFileProblem).filter((p): p is string => p !== undefined);
  for (const problem of problems) io.err(`awscc-cognito: ${problem}\n`);
  for (const file of listing.files) {
    // A variable that names a missing file is most likely a typo; the SDK would silently ignore it too.
    if (file.state === 'missing' && env[ENV_NAME[file.kind]]?.trim()) {
      io.err(`awscc-cognito: ${ENV_NAME[file.kind]} names ${terminalField(file.path)}, which does not exist.\n`);
    }
  }
  // The hint only where it helps: after an unreadable file the fix is that file, not `aws configure`.
  if (listing.profiles.length === 0 && problems.length === 0) io.err(`awscc-cognito: ${noProfilesNote(listing.files)}\n${HINT}\n`);
  return problems.length > 0 ? 2 : 0;
}

function usage(io: ProfilesIo, message: string): number {
  io.err(`awscc-cognito: ${message}\nRun 'awscc-cognito profiles --help' for the options.\n`);
  return 2;
}

function noProfilesNote(files: readonly ProfileFileReport[]): string {
  const read = files.filter((f) => f.state === 'read');
  if (read.length === 0) return `no AWS profiles: neither ${files.map((f) => terminalField(f.path)).join(' nor ')} exists.`;
  return `no AWS profiles in ${read.map((f) => terminalField(f.path)).join(' or ')} (no [default], [profile NAME] or credentials section).`;
}

function formatJson(listing: ProfileListing): string {
  // `region: null` rather than an absent key, so a script can rely on every field being there.
  const profiles = listing.profiles.map((p) => ({ name: p.name, region: p.region ?? null, sso: p.sso, sources: p.sources }));
  return `${JSON.stringify({ profiles, files: listing.files }, null, 2)}\n`;
}

/** A table, one profile a line; nothing at all when there are none (the note on stderr says so). */
function formatText(listing: ProfileListing): string {
  if (listing.profiles.length === 0) return '';
  const rows = [
    ['PROFILE', 'REGION', 'SSO', 'FILES'],
    ...listing.profiles.map((p) => [terminalField(p.name), terminalField(p.region ?? '(none)'), p.sso ? 'yes' : 'no', p.sources.join(', ')]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ')).join('\n') + '\n';
}
