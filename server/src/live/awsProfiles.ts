// The AWS profiles on this machine: names, regions and whether a profile signs in through SSO, read from
// the shared config and credentials files. Used by the profile step of "Generate import block" (VS Code
// client) and by `awscc-cognito profiles` (CLI), so both show the same facts. Only those facts are kept:
// keys, secrets and session tokens are skipped while reading, so they never reach an object, a picker, a
// terminal or a log. Credentials themselves are still resolved by the AWS SDK's own chain when AWS is
// called; this file only lists what there is to choose from. It imports nothing of the SDK (the client
// bundles it into its entry file, which must stay SDK-free) and nothing of `vscode`.
import { readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface AwsProfile {
  name: string;
  /** The profile's `region`; the config file wins over the credentials file, as in the SDK. */
  region?: string;
  /** Signs in through IAM Identity Center (`sso_session` or `sso_start_url`). */
  sso: boolean;
  /** The files that have a section for it. */
  sources: Array<'config' | 'credentials'>;
}

export interface ProfileFiles {
  config: string;
  credentials: string;
}

/** Files larger than this are not profile files anyone wrote by hand; they are ignored rather than parsed. */
export const MAX_PROFILE_FILE_BYTES = 4 * 1024 * 1024;

/** The keys worth keeping. Everything else (aws_secret_access_key, aws_session_token, ...) is dropped unread. */
const KEPT_KEYS = new Set(['region', 'sso_session', 'sso_start_url']);

/**
 * The shared files as the SDK finds them: AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE when set (a
 * leading `~/` meaning the home folder), else ~/.aws/config and ~/.aws/credentials.
 */
export function profileFilePaths(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): ProfileFiles {
  const resolve = (value: string | undefined, fallback: string) => {
    const path = value?.trim();
    if (!path) return join(home, '.aws', fallback);
    return path.startsWith('~/') || path.startsWith('~\\') ? join(home, path.slice(2)) : path;
  };
  return { config: resolve(env.AWS_CONFIG_FILE, 'config'), credentials: resolve(env.AWS_SHARED_CREDENTIALS_FILE, 'credentials') };
}

/** Sections by the key the SDK gives them, each with the kept keys only. */
type Sections = Map<string, Map<string, string>>;

// How the AWS SDK (its shared-ini-file-loader) reads these files, mirrored so that every name listed is
// one the SDK will find: `[prefix name]` with one blank between them and a name of these characters, for
// the prefixes it knows; any other header made of two words names no section at all.
const PREFIXED_HEADER = /^([\w-]+)\s(["'])?([\w-@+.%:/]+)\2$/;
const SECTION_TYPES = new Set(['profile', 'sso-session', 'services']);
/** Section names the SDK refuses: it then ignores the whole file. */
const REFUSED_NAMES = new Set(['__proto__', 'profile __proto__']);

/**
 * The file's sections, read line by line as the SDK reads them, keeping only the keys worth keeping; or
 * undefined when the SDK would refuse the whole file. As in the SDK: a `#` or `;` at the start or after a
 * blank starts a comment; a header is the whole trimmed line in brackets; a key with an empty value opens
 * sub-settings (`s3 =`), which last while the following lines are indented; a section with no key at all
 * does not exist; keys are case-sensitive.
 */
function parseSections(text: string): Sections | undefined {
  const sections: Sections = new Map();
  let current: string | undefined;
  let subSettings = false;
  for (const rawLine of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = rawLine.split(/(^|\s)[;#]/)[0].trim();
    if (line.startsWith('[') && line.endsWith(']') && line.length >= 2) {
      const header = line.slice(1, -1);
      if (REFUSED_NAMES.has(header)) return undefined;
      const prefixed = PREFIXED_HEADER.exec(header);
      current = prefixed ? (SECTION_TYPES.has(prefixed[1]) ? `${prefixed[1]}.${prefixed[3]}` : undefined) : header;
      subSettings = false;
      continue;
    }
    if (!current) continue; // as in the SDK, `[]` (an empty name) holds no settings
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    if (value === '') {
      subSettings = true;
      continue;
    }
    if (subSettings && rawLine.trimStart() === rawLine) subSettings = false;
    let values = sections.get(current);
    if (!values) sections.set(current, (values = new Map()));
    if (!subSettings && KEPT_KEYS.has(key)) values.set(key, value);
  }
  return sections;
}

/** The profile a config-file section key names: `default`, or `profile.name`; other sections are not profiles. */
function configProfileName(section: string): string | undefined {
  if (section === 'default') return 'default';
  return section.startsWith('profile.') ? section.slice('profile.'.length) : undefined;
}

/**
 * The profiles in the two files' texts, `default` first and the rest by name. The config file's
 * `[sso-session ...]` and `[services ...]` sections are not profiles; in the credentials file every
 * section is one, except those written with such a prefix (the SDK files them under `prefix.name`).
 */
export function parseProfiles(configText: string, credentialsText: string): AwsProfile[] {
  return profilesOf(parseSections(configText) ?? new Map(), parseSections(credentialsText) ?? new Map());
}

function profilesOf(config: Sections, credentials: Sections): AwsProfile[] {
  const byName = new Map<string, AwsProfile & { configRegion?: string; credentialsRegion?: string }>();
  const add = (name: string, values: Map<string, string>, source: 'config' | 'credentials') => {
    if (name === '') return;
    const profile = byName.get(name) ?? { name, sso: false, sources: [] };
    if (!profile.sources.includes(source)) profile.sources.push(source);
    if (values.has('sso_session') || values.has('sso_start_url')) profile.sso = true;
    const region = values.get('region');
    if (region && source === 'config') profile.configRegion = region;
    if (region && source === 'credentials') profile.credentialsRegion = region;
    byName.set(name, profile);
  };
  for (const [section, values] of config) {
    const name = configProfileName(section);
    if (name !== undefined) add(name, values, 'config');
  }
  for (const [section, values] of credentials) {
    const dot = section.indexOf('.');
    if (dot > 0 && SECTION_TYPES.has(section.slice(0, dot))) continue;
    add(section, values, 'credentials');
  }
  return [...byName.values()]
    .map(({ configRegion, credentialsRegion, ...profile }) => {
      const region = configRegion ?? credentialsRegion;
      return region ? { ...profile, region } : profile;
    })
    .sort((a, b) => (a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name.localeCompare(b.name)));
}

/** What became of one profile file. Only `read` contributes profiles. */
export type ProfileFileState =
  | 'read'
  | 'missing'
  /** A folder or device where the file should be. */
  | 'not-a-file'
  /** Over MAX_PROFILE_FILE_BYTES; not read. */
  | 'too-large'
  /** It exists but could not be read (permissions, I/O). */
  | 'unreadable'
  /** It names a section `__proto__`, for which the AWS SDK ignores the whole file. */
  | 'refused';

export interface ProfileFileReport {
  kind: keyof ProfileFiles;
  path: string;
  state: ProfileFileState;
  /** For `unreadable`: the system error code (EACCES, EIO, ...), when there is one. */
  reason?: string;
}

export interface ProfileListing {
  profiles: AwsProfile[];
  /** The config file's report, then the credentials file's. */
  files: ProfileFileReport[];
}

/**
 * A file's text and what happened reading it. A missing file is normal (many machines have only one of
 * the two), so it is a state, not an error; the caller decides what deserves a message.
 */
async function readProfileFile(kind: keyof ProfileFiles, path: string): Promise<{ text: string; report: ProfileFileReport }> {
  const report = (state: ProfileFileState, reason?: string) => ({ text: '', report: { kind, path, state, ...(reason ? { reason } : {}) } });
  try {
    const info = await stat(path);
    if (!info.isFile()) return report('not-a-file');
    if (info.size > MAX_PROFILE_FILE_BYTES) return report('too-large');
    const text = await readFile(path, 'utf8');
    // The file may have grown between stat and read; the limit is about what gets parsed. (Characters, not
    // bytes: a UTF-8 text never has more of the former, so this only errs towards parsing.)
    if (text.length > MAX_PROFILE_FILE_BYTES) return report('too-large');
    return { text, report: { kind, path, state: 'read' } };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // ENOTDIR: a folder on the way is a file, so this path cannot exist either.
    if (code === 'ENOENT' || code === 'ENOTDIR') return report('missing');
    return report('unreadable', typeof code === 'string' ? code : undefined);
  }
}

/** The profiles of this machine's shared files (see profileFilePaths) and how each file fared; never throws. */
export async function listAwsProfiles(files: ProfileFiles = profileFilePaths()): Promise<ProfileListing> {
  const [config, credentials] = await Promise.all([readProfileFile('config', files.config), readProfileFile('credentials', files.credentials)]);
  const sections = [config, credentials].map((file) => {
    const parsed = parseSections(file.text);
    if (!parsed) file.report.state = 'refused';
    return parsed ?? new Map();
  });
  return { profiles: profilesOf(sections[0], sections[1]), files: [config.report, credentials.report] };
}

/**
 * The profiles only: a file that is missing, unreadable or too large simply contributes none, which is
 * also what the SDK does with a file it cannot read.
 */
export async function readAwsProfiles(files: ProfileFiles = profileFilePaths()): Promise<AwsProfile[]> {
  return (await listAwsProfiles(files)).profiles;
}

/** The message for a file that exists but gave nothing; undefined for a file read or simply missing. */
export function profileFileProblem(file: ProfileFileReport): string | undefined {
  const what = `the ${file.kind} file ${printable(file.path)}`;
  switch (file.state) {
    case 'unreadable':
      return `cannot read ${what}${file.reason ? ` (${file.reason})` : ''}; its profiles are not listed.`;
    case 'too-large':
      return `${what} is larger than ${MAX_PROFILE_FILE_BYTES / (1024 * 1024)} MiB, far more than any profile file, so it was not read; its profiles are not listed.`;
    case 'not-a-file':
      return `${what} is not a regular file (a folder?), so no profiles were read from it.`;
    case 'refused':
      return `${what} has a section named __proto__, for which the AWS SDK ignores the whole file; none of its profiles are listed.`;
    default:
      return undefined;
  }
}

/** Control characters (from a hostile file or variable) shown as `?` in messages and tables. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}
