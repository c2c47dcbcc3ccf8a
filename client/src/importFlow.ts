// The decisions of the "Generate import block" command that do not need VS Code: reading the settings,
// building picker items, marking clients the module already has, choosing where text goes, and composing
// the insertions. importCommand.ts does the talking to VS Code and AWS; this file only computes, so it is
// unit-tested without an editor. `vscode` is imported for types only (nothing of it is loaded at runtime).
import type { QuickPickItem } from 'vscode';
import type { ClientSummary, PoolSummary } from '../../server/src/live/types';
import type { RenderImportsResult } from '../../server/src/protocol';

export type ImportStyle = 'id' | 'identity' | 'for_each';
export type ImportTarget = 'cursor' | 'importsFile';
export type ResourceTarget = 'mainFile' | 'besideImports';

export interface ImportSettings {
  /** Regions to preselect; empty means "the SDK's default region". */
  regions: string[];
  profile?: string;
  endpoint?: string;
  style: ImportStyle;
  withResource: boolean;
  target: ImportTarget;
  resourceTarget: ResourceTarget;
  concurrency: number;
  /** True when profile/endpoint were set but ignored because the workspace is not trusted. */
  ignoredUntrusted: boolean;
  /** The user's opt-in to a plain-http endpoint off this machine (awsccCognito.allowInsecureEndpoint). */
  allowInsecureEndpoint: boolean;
}

export const DEFAULT_CONCURRENCY = 4;
export const IMPORTS_FILE = 'imports.tf';
export const MAIN_FILE = 'main.tf';

/**
 * Regions offered in the region picker besides the configured ones. Cognito user pools are offered in most
 * commercial regions; this list is a convenience, not a claim — a region missing here can still be set in
 * `awsccCognito.region`.
 */
export const COMMON_REGIONS: readonly string[] = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'ca-west-1', 'sa-east-1', 'mx-central-1',
  'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-central-2', 'eu-north-1', 'eu-south-1', 'eu-south-2',
  'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3',
  'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-7', 'ap-south-1', 'ap-south-2', 'ap-east-1', 'me-south-1',
  'me-central-1', 'il-central-1', 'af-south-1', 'us-gov-west-1', 'us-gov-east-1',
];

const REGION_SHAPE = /^[a-z]{2,5}(-[a-z0-9]+)+-\d+$/;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** `awsccCognito.region` may be one region, a comma-separated list, or an array; junk is dropped. */
export function regionsFromSetting(value: unknown): string[] {
  const raw = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  const out: string[] = [];
  for (const item of raw) {
    const region = text(item);
    if (region && REGION_SHAPE.test(region) && !out.includes(region)) out.push(region);
  }
  return out;
}

/**
 * The import settings as the command must use them. `get` reads one key under `awsccCognito.`. Profile and
 * endpoint are ignored in an untrusted workspace: a cloned repository must not be able to point our AWS
 * calls (signed with the user's credentials) at a server of its choosing.
 */
export function readImportSettings(get: (key: string) => unknown, trusted: boolean): ImportSettings {
  const profile = text(get('profile'));
  const endpoint = text(get('endpoint'));
  const style = get('import.style');
  const target = get('import.target');
  const resourceTarget = get('import.resourceTarget');
  const concurrency = get('import.concurrency');
  return {
    regions: regionsFromSetting(get('region')),
    ...(trusted && profile ? { profile } : {}),
    ...(trusted && endpoint ? { endpoint } : {}),
    style: style === 'identity' || style === 'for_each' ? style : 'id',
    withResource: get('import.withResource') === true,
    target: target === 'cursor' ? 'cursor' : 'importsFile',
    resourceTarget: resourceTarget === 'besideImports' ? 'besideImports' : 'mainFile',
    concurrency:
      typeof concurrency === 'number' && Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 32
        ? concurrency
        : DEFAULT_CONCURRENCY,
    ignoredUntrusted: !trusted && Boolean(profile || endpoint),
    allowInsecureEndpoint: trusted && get('allowInsecureEndpoint') === true,
  };
}

/** The steps of the command, in order; titles read "Generate import block (2/6): regions". */
export const IMPORT_STEPS = ['AWS profile', 'regions', 'user pool', 'app clients', 'import form', 'resource blocks'] as const;
export type ImportStep = (typeof IMPORT_STEPS)[number];

/**
 * A step's picker title, with where the calls go when given. Numbers are fixed: when the profile step is
 * skipped (no profiles on this machine) the regions step still says 2/6, so a title always names the same step.
 */
export function stepTitle(step: ImportStep, destination?: string): string {
  return `Generate import block (${IMPORT_STEPS.indexOf(step) + 1}/${IMPORT_STEPS.length}): ${step}${destination ? ` · ${destination}` : ''}`;
}

/** The profile facts the pickers use (see server/src/live/awsProfiles.ts); never a key or a token. */
export interface ProfileSummary {
  name: string;
  region?: string;
  sso: boolean;
}

export interface ProfileItem extends QuickPickItem {
  /** undefined: no profile, the SDK's default credential chain. */
  profile?: string;
  /** The profile's own region, which the regions step then preselects. */
  region?: string;
}

/**
 * One item per profile plus "Default credential chain". The preselected one comes first (a single-choice
 * QuickPick activates its first item, so Enter takes it): `awsccCognito.profile` when set, else
 * AWS_PROFILE, else the default chain. A preferred name that no file declares is still offered, marked, so
 * the user sees what the setting says; the SDK then reports the missing profile if it is kept.
 */
export function profilePickItems(profiles: readonly ProfileSummary[], setting?: string, envProfile?: string): ProfileItem[] {
  const preferred = text(setting) ?? text(envProfile);
  const source = text(setting) ? 'from awsccCognito.profile' : 'from AWS_PROFILE';
  const items: ProfileItem[] = profiles.map((p) => ({
    label: p.name,
    profile: p.name,
    ...(p.region ? { region: p.region } : {}),
    description: [p.sso ? 'SSO' : '', p.region ?? 'no region'].filter(Boolean).join(' · '),
    ...(p.name === preferred ? { detail: source, picked: true } : {}),
  }));
  const chain: ProfileItem = {
    label: 'Default credential chain',
    description: 'no profile',
    detail: 'Environment keys, AWS_PROFILE or [default], SSO, instance roles',
  };
  if (preferred === undefined) return [{ ...chain, picked: true }, ...items];
  const chosen = items.find((i) => i.profile === preferred) ?? {
    label: preferred,
    profile: preferred,
    description: 'not found in the shared config or credentials file',
    detail: source,
    picked: true,
  };
  return [chosen, chain, ...items.filter((i) => i !== chosen)];
}

export interface RegionItem extends QuickPickItem {
  /** undefined: the region the AWS SDK resolves itself (AWS_REGION, the profile's region). */
  region?: string;
}

/**
 * Configured regions first and picked, then the common ones. With nothing configured, the chosen profile's
 * region is picked, else `fallback` (e.g. AWS_REGION), or else a "default region" item that leaves the
 * choice to the AWS configuration.
 */
export function regionPickItems(configured: readonly string[], fallback?: string, profile?: { name: string; region?: string }): RegionItem[] {
  const items: RegionItem[] = [];
  if (configured.length > 0) {
    for (const region of configured) items.push({ label: region, region, picked: true, description: 'from awsccCognito.region' });
  } else if (profile?.region && REGION_SHAPE.test(profile.region)) {
    items.push({ label: profile.region, region: profile.region, picked: true, description: `from profile ${profile.name}` });
  } else if (fallback && REGION_SHAPE.test(fallback)) {
    items.push({ label: fallback, region: fallback, picked: true, description: 'from AWS_REGION' });
  } else {
    items.push({ label: 'Default region', description: 'the region of your AWS profile', picked: true });
  }
  const listed = new Set(items.map((i) => i.region));
  for (const region of COMMON_REGIONS) if (!listed.has(region)) items.push({ label: region, region, picked: false });
  return items;
}

export interface PoolChoice {
  /** The region the pool was listed in (undefined: the SDK's default region). */
  region?: string;
  pool: PoolSummary;
}

export interface PoolItem extends QuickPickItem {
  choice: PoolChoice;
}

/** One item per pool: its name, its id, and its region when several regions were searched. */
export function poolPickItems(choices: readonly PoolChoice[]): PoolItem[] {
  const regions = new Set(choices.map((c) => c.region ?? ''));
  return choices.map((choice) => ({
    label: choice.pool.Name ?? choice.pool.Id,
    description: choice.pool.Id,
    ...(regions.size > 1 && choice.region ? { detail: choice.region } : {}),
    choice,
  }));
}

/** A client the module already has, and how the renderer knows. */
export interface SkippedClient {
  clientId: string;
  reason: string;
}

/**
 * The clients the module already has, from the renderer's answer: those an import block already imports
 * (left out of the output) and those a resource block declares (the output would import into that block).
 */
export function alreadyInModule(result: Pick<RenderImportsResult, 'skipped' | 'clients'>): SkippedClient[] {
  const out: SkippedClient[] = [];
  for (const s of result.skipped) if (s.reason === 'already-imported') out.push({ clientId: s.clientId, reason: s.message });
  for (const c of result.clients) if (c.status === 'declared') out.push({ clientId: c.clientId, reason: `declared as ${c.address}` });
  return out;
}

export interface ClientItem extends QuickPickItem {
  client: ClientSummary;
  alreadyInModule: boolean;
}

/**
 * One item per app client. Clients the module already imports or declares are marked with the reason and
 * start unselected, so the default selection only adds what is new; the user may still tick them.
 */
export function clientPickItems(clients: readonly ClientSummary[], skipped: readonly SkippedClient[]): ClientItem[] {
  const reasons = new Map(skipped.map((s) => [s.clientId, s.reason]));
  return clients.map((client) => {
    const reason = reasons.get(client.ClientId);
    return {
      label: client.ClientName ?? client.ClientId,
      description: client.ClientId,
      ...(reason ? { detail: `$(check) Already in the module: ${reason}` } : {}),
      picked: reason === undefined,
      client,
      alreadyInModule: reason !== undefined,
    };
  });
}

export interface StyleItem extends QuickPickItem {
  style: ImportStyle;
}

/** The three forms, the configured one first (QuickPick activates the first item). */
export function stylePickItems(preferred: ImportStyle): StyleItem[] {
  const all: StyleItem[] = [
    { style: 'id', label: 'id', description: 'id = "<pool id>|<client id>"', detail: 'One import block per client. Terraform 1.5 or later.' },
    {
      style: 'identity',
      label: 'identity',
      description: 'identity = { user_pool_id, client_id }',
      detail: 'One import block per client. Terraform 1.12 or later and awscc 1.56 or later.',
    },
    {
      style: 'for_each',
      label: 'for_each',
      description: 'one import block over a map of clients',
      detail: 'One import block for all chosen clients. Terraform 1.7 or later.',
    },
  ];
  return [...all.filter((s) => s.style === preferred), ...all.filter((s) => s.style !== preferred)];
}

export interface ResourceChoiceItem extends QuickPickItem {
  withResource: boolean;
}

export function resourcePickItems(preferred: boolean): ResourceChoiceItem[] {
  const items: ResourceChoiceItem[] = [
    { withResource: true, label: 'Import and resource blocks', detail: 'Also write an awscc_cognito_user_pool_client block with the live settings.' },
    { withResource: false, label: 'Import blocks only', detail: 'Write the resource blocks yourself, or let terraform plan -generate-config-out write them.' },
  ];
  return preferred ? items : items.reverse();
}

/** Where one piece of text goes. */
export type Spot =
  /** `path` is set for documents on disk, so a cursor in main.tf and "end of main.tf" are known to be one document. */
  | { kind: 'cursor'; uri: string; path?: string; offset: number }
  | { kind: 'fileEnd'; path: string };

export interface Targets {
  moduleDir: string;
  imports: Spot;
  resources: Spot;
}

export interface EditorState {
  /** The active editor's document, when it is a Terraform file on disk (or untitled, then no path). */
  uri: string;
  /** Absolute path of the document, or undefined for unsaved documents. */
  path?: string;
  isTerraform: boolean;
  offset: number;
}

function dirname(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut <= 0 ? path.slice(0, cut + 1) || path : path.slice(0, cut);
}

function join(dir: string, name: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return dir.endsWith(sep) ? dir + name : dir + sep + name;
}

/**
 * Decides the module folder and where imports and resources go. The module is the active Terraform file's
 * folder, else the first workspace folder. The cursor target needs an active Terraform editor; without one
 * the imports file is used instead (and the returned `note` says so). Returns a reason string when there is
 * no folder to write into at all.
 */
export function chooseTargets(
  settings: Pick<ImportSettings, 'target' | 'resourceTarget'>,
  editor: EditorState | undefined,
  workspaceFolder: string | undefined,
): (Targets & { note?: string }) | { error: string } {
  const terraformEditor = editor?.isTerraform ? editor : undefined;
  const moduleDir = terraformEditor?.path ? dirname(terraformEditor.path) : workspaceFolder;
  if (settings.target === 'cursor' && terraformEditor) {
    const imports: Spot = {
      kind: 'cursor',
      uri: terraformEditor.uri,
      ...(terraformEditor.path ? { path: terraformEditor.path } : {}),
      offset: terraformEditor.offset,
    };
    if (settings.resourceTarget === 'besideImports' || !moduleDir) return { moduleDir: moduleDir ?? '', imports, resources: imports };
    return { moduleDir, imports, resources: { kind: 'fileEnd', path: join(moduleDir, MAIN_FILE) } };
  }
  if (!moduleDir) return { error: 'Open a Terraform file or a folder first: the import blocks need a module folder to go into.' };
  const importsFile: Spot = { kind: 'fileEnd', path: join(moduleDir, IMPORTS_FILE) };
  const resources: Spot = settings.resourceTarget === 'besideImports' ? importsFile : { kind: 'fileEnd', path: join(moduleDir, MAIN_FILE) };
  const note = settings.target === 'cursor' ? `No Terraform file is active, so the blocks go into ${IMPORTS_FILE}.` : undefined;
  return { moduleDir, imports: importsFile, resources, ...(note ? { note } : {}) };
}

/** One insertion into one document; several of them make the single undoable workspace edit. */
export interface Insertion {
  /** Where: an open document by uri, or a file by path (created when it does not exist). */
  spot: Spot;
  /** Offset (UTF-16 units) into the current text. */
  offset: number;
  text: string;
}

/**
 * The text to insert at `offset` of `existing` so that `block` stands apart: on its own lines, with one blank
 * line before and after it when there is text around, and the document's own line ending (CRLF documents
 * stay CRLF).
 */
export function separatedInsertion(existing: string, offset: number, block: string): string {
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  const body = block.replace(/\r\n/g, '\n').replace(/\n+$/, '').split('\n').join(eol) + eol;
  const before = existing.slice(0, offset);
  const after = existing.slice(offset);
  let prefix = '';
  if (before.trim() !== '') {
    if (!before.endsWith('\n')) prefix = eol + eol;
    else if (!/\n[ \t]*\r?\n$/.test(before)) prefix = eol;
  }
  let suffix = '';
  if (after.trim() !== '') suffix = after.startsWith('\n') || after.startsWith('\r\n') ? '' : eol;
  return prefix + body + suffix;
}

export interface RenderedTexts {
  importsText: string;
  resourcesText: string;
}

/**
 * The insertions for the rendered texts. `textOf(spot)` gives the current text of the document or file at
 * a spot ('' when the file does not exist yet). Imports and resources going to the same spot are inserted as
 * one piece, imports first.
 */
export function composeInsertions(rendered: RenderedTexts, targets: Targets, textOf: (spot: Spot) => string): Insertion[] {
  // Pieces are keyed by document and offset, so two texts bound for one place (resources beside the
  // imports, or a cursor at the very end of main.tf) become one insertion with one set of blank lines.
  const pieces: Array<{ spot: Spot; document: string; offset: number; block: string }> = [];
  const add = (spot: Spot, block: string) => {
    if (block.trim() === '') return;
    const existing = textOf(spot);
    const offset = spot.kind === 'cursor' ? Math.min(Math.max(0, spot.offset), existing.length) : existing.length;
    const document = documentOf(spot);
    const same = pieces.find((p) => p.document === document && p.offset === offset);
    if (same) same.block = `${same.block.replace(/\n+$/, '')}\n\n${block}`;
    else pieces.push({ spot, document, offset, block });
  };
  add(targets.imports, rendered.importsText);
  add(targets.resources, rendered.resourcesText);
  return pieces.map(({ spot, offset, block }) => ({ spot, offset, text: separatedInsertion(textOf(spot), offset, block) }));
}

function documentOf(spot: Spot): string {
  return spot.kind === 'fileEnd' ? `path:${spot.path}` : spot.path ? `path:${spot.path}` : `uri:${spot.uri}`;
}

/** A one-line summary for the notification and the log (counts and file names only). */
export function summarize(written: number, skipped: number, files: readonly string[]): string {
  const parts = [`Wrote import blocks for ${written} app client${written === 1 ? '' : 's'}${files.length ? ` into ${files.join(', ')}` : ''}.`];
  if (skipped > 0) parts.push(`Skipped ${skipped} already imported.`);
  return parts.join(' ');
}
