// "Generate import block": profile → regions → user pool → app clients → form → blocks inserted as one undoable edit.
// The AWS calls run here in the extension host (credentials never reach the language server); the server
// only renders, because it knows the module. Decisions that need no editor live in importFlow.ts.
//
// Nothing is written unless every step succeeded: a failure or a cancel ends the flow before the edit.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
// Types only: the live layer (and the AWS SDK behind it) is loaded when the command runs, not at activation.
import type { DescribedClient, LiveError } from '../../server/src/live';
import { RenderImportsRequest, type RenderImportsResult } from '../../server/src/protocol';
// Straight from its file, not the live index: the profile reader is needed before any AWS call and holds no
// SDK, so it is bundled into the entry file while the SDK stays in dist/live.js.
import { listAwsProfiles, profileFileProblem } from '../../server/src/live/awsProfiles';
import { DEFAULT_DEADLINE_MS, insecureEndpointProblem } from '../../server/src/live/endpoint';
import { PROGRESS_DELAY_MS, withDelayedProgress } from './delayedProgress';
import type { ExtensionRuntime } from './extension';
import {
  alreadyInModule,
  chooseTargets,
  clientPickItems,
  composeInsertions,
  poolPickItems,
  profilePickItems,
  readImportSettings,
  regionPickItems,
  resourcePickItems,
  stepTitle,
  stylePickItems,
  summarize,
  type ImportSettings,
  type PoolChoice,
  type SkippedClient,
  type Spot,
  type Targets,
} from './importFlow';
import { destinationOf, parseSettingsJson, unappliedSettings, unappliedUserFileSettings } from './importDestination';

export const GENERATE_IMPORT_COMMAND = 'awsccCognito.generateImportBlock';

export function registerImportCommand(runtime: ExtensionRuntime): void {
  runtime.context.subscriptions.push(vscode.commands.registerCommand(GENERATE_IMPORT_COMMAND, () => generateImportBlock(runtime)));
}

/**
 * The User settings file as the extension host sees it: `<user data>/User/settings.json`, two folders above
 * the extension's global storage. In code-server that is the User settings the Settings editor writes; in
 * other remote windows it is usually absent (the local User settings stay on the local machine), and then
 * there is nothing to compare.
 */
function localUserSettings(globalStorage: vscode.Uri): Record<string, unknown> | undefined {
  if (globalStorage.scheme !== 'file') return undefined;
  try {
    return parseSettingsJson(readFileSync(join(globalStorage.fsPath, '..', '..', 'settings.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

/** Ends the flow quietly (the user pressed Escape or Cancel). */
class Stop extends Error {}

type Live = typeof import('../../server/src/live');

/**
 * The live AWS part (the Cognito SDK, ~1.6 MB) is its own bundle, dist/live.js, read when the command first
 * runs: the extension's entry file stays small, so activation does not read or compile the SDK.
 */
function loadLive(): Live {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(join(__dirname, 'live.js')) as Live;
}

async function generateImportBlock(runtime: ExtensionRuntime): Promise<void> {
  const log = runtime.output;
  if (!vscode.workspace.isTrusted) {
    // The command signs AWS requests with the user's credentials; an untrusted folder must not steer that.
    const choice = await vscode.window.showWarningMessage(
      'awscc-cognito: Generate import block calls AWS with your credentials, so it only runs in a trusted workspace.',
      'Manage Workspace Trust',
    );
    if (choice) await vscode.commands.executeCommand('workbench.trust.manage');
    return;
  }
  // Read now, not at activation: a change in the Settings editor of this window counts for this run.
  const config = vscode.workspace.getConfiguration('awsccCognito');
  const settings = readImportSettings((key) => config.get(key), vscode.workspace.isTrusted);
  const remote = vscode.env.remoteName;
  log.info(
    `generate import block: settings in force: endpoint ${settings.endpoint ?? '(none: regional AWS endpoints)'}, profile ${settings.profile ?? '(none)'}` +
      `${remote ? `, remote window (${remote})` : ''}`,
  );
  // Before any call: a steering setting that is written but not in force would send signed requests to
  // real AWS (or with other credentials) while the user believes otherwise.
  const unapplied = [
    ...unappliedSettings((key) => config.inspect(key), (key) => config.get(key), remote),
    ...unappliedUserFileSettings(remote ? localUserSettings(runtime.context.globalStorageUri) : undefined, (key) => config.get(key), remote),
  ];
  if (unapplied.length > 0) {
    const text = `awscc-cognito: nothing was called. ${unapplied.join(' ')} Put the value where this window reads it (the Remote or workspace settings), or remove it.`;
    log.error(`generate import block: ${text}`);
    const choice = await vscode.window.showErrorMessage(text, 'Open Settings');
    if (choice) await vscode.commands.executeCommand('workbench.action.openSettings', 'awsccCognito.');
    return;
  }
  const insecure = settings.endpoint && insecureEndpointProblem(settings.endpoint, settings.allowInsecureEndpoint, 'editor');
  if (insecure) {
    log.error(`generate import block: ${insecure}`);
    void vscode.window.showErrorMessage(`awscc-cognito: ${insecure}`);
    return;
  }
  const targets = chooseTargets(settings, editorState(), vscode.workspace.workspaceFolders?.[0]?.uri.fsPath);
  if ('error' in targets) {
    void vscode.window.showErrorMessage(`awscc-cognito: ${targets.error}`);
    return;
  }
  let live: Live | undefined;
  try {
    live = loadLive();
    await runFlow(runtime, live, settings, targets, destinationOf(settings, remote));
  } catch (err) {
    if (err instanceof Stop) {
      log.info('generate import block: stopped before writing anything');
      return;
    }
    if (live && err instanceof live.LiveCallError) {
      if (err.live.kind === 'cancelled') {
        log.info('generate import block: cancelled; nothing was written');
        return;
      }
      showLiveError(log, err.live);
      return;
    }
    const message = err instanceof Error ? err.message : String(err);
    log.error(`generate import block failed: ${message}`);
    void vscode.window.showErrorMessage(`awscc-cognito: Generate import block failed: ${message}`);
  }
}

async function runFlow(
  runtime: ExtensionRuntime,
  live: Live,
  settings: ImportSettings,
  targets: Targets & { note?: string },
  destination: string,
): Promise<void> {
  const log = runtime.output;
  // Every picker says where the calls go, starting with the first one shown.
  const title = (step: Parameters<typeof stepTitle>[0]) => stepTitle(step, destination);
  const profile = await pickProfile(settings, log, title);
  const regions = await pickRegions(settings, profile, title);
  const connection = {
    profile: profile?.name,
    endpoint: settings.endpoint,
    surface: 'editor' as const,
    allowInsecureEndpoint: settings.allowInsecureEndpoint,
  };
  log.info(
    `generate import block: regions ${regions.map((r) => r ?? '(default)').join(', ')}` +
      `${profile ? `, profile ${profile.name}` : ''}${settings.endpoint ? `, endpoint ${settings.endpoint}` : ''}`,
  );

  const pools = await withProgress('Listing user pools', async (calls) => {
    const found: PoolChoice[] = [];
    for (const region of regions) {
      const sdk = live.createCognitoClient({ region, ...connection });
      try {
        for (const pool of await live.listUserPools(sdk, calls)) found.push({ region, pool });
      } finally {
        sdk.destroy();
      }
    }
    return found;
  });
  if (pools.length === 0) {
    const regionNames = regions.filter((r): r is string => r !== undefined);
    showLiveError(log, live.noUserPoolsMessage(regionNames.join(', ') || undefined, settings.endpoint), 'information');
    return;
  }

  const poolItem = await quickPick(poolPickItems(pools), {
    title: title('user pool'),
    placeHolder: 'User pool whose app clients to import',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  const { region, pool } = poolItem.choice;
  const sdk = live.createCognitoClient({ region, ...connection });
  try {
    const clients = await withProgress(`Listing app clients of ${pool.Name ?? pool.Id}`, (calls) => live.listUserPoolClients(sdk, pool.Id, calls));
    log.info(`generate import block: pool ${pool.Id} has ${clients.length} app client(s)`);
    if (clients.length === 0) {
      showLiveError(log, live.noAppClientsMessage(pool.Id, pool.Name), 'information');
      return;
    }
    // Names and ids are all the module matching needs, so the server is asked before anything is described.
    // Marks are a convenience: if the server cannot answer, the list is shown unmarked (the final render
    // still skips what the module already imports).
    const known = await renderRequest(runtime, clients.map((c) => ({ ...c, hasSecret: false })), targets.moduleDir, 'id', false).catch(
      (err: unknown) => {
        log.warn(`generate import block: could not ask the server which clients the module has: ${String(err)}`);
        return undefined;
      },
    );
    const skipped: SkippedClient[] = known ? alreadyInModule(known) : [];
    const chosen = await quickPick(clientPickItems(clients, skipped), {
      title: title('app clients'),
      placeHolder: 'App clients to import (those already in the module are unticked)',
      canPickMany: true,
      matchOnDescription: true,
    });
    if (chosen.length === 0) throw new Stop();
    const style = (await quickPick(stylePickItems(settings.style), { title: title('import form'), placeHolder: 'How to write the import blocks' })).style;
    const withResource = (
      await quickPick(resourcePickItems(settings.withResource), { title: title('resource blocks'), placeHolder: 'Write resource blocks too?' })
    ).withResource;

    const described = await withProgress(`Describing ${chosen.length} app client${chosen.length === 1 ? '' : 's'}`, (calls, report) =>
      live.describeUserPoolClients(sdk, chosen.map((c) => c.client), {
        ...calls,
        concurrency: settings.concurrency,
        onProgress: (p) => report(p.total ? `${p.done}/${p.total}` : p.message),
      }),
    );
    if (described.failures.length > 0) {
      for (const f of described.failures) log.error(`describe ${f.ref.ClientId} (${f.ref.ClientName ?? 'no name'}): ${f.error.message}`);
      const first = described.failures[0].error;
      void vscode.window.showErrorMessage(
        `awscc-cognito: ${described.failures.length} of ${chosen.length} app clients could not be described, so nothing was written. ${first.message} ${first.nextStep}`,
        'Show log',
      ).then((c) => c && log.show(true));
      return;
    }
    await writeBlocks(runtime, described.clients, targets, style, withResource);
  } finally {
    sdk.destroy();
  }
}

/**
 * The profile to sign with: picked from the shared config and credentials files, or, when they declare
 * none, the `awsccCognito.profile` setting as before (undefined: the SDK's default chain, AWS_PROFILE
 * included). Only names and regions are read from the files.
 */
async function pickProfile(
  settings: ImportSettings,
  log: vscode.LogOutputChannel,
  title: (step: 'AWS profile') => string,
): Promise<{ name: string; region?: string } | undefined> {
  const { profiles, files } = await listAwsProfiles();
  // A file that is there but could not be used would otherwise just leave its profiles out of the list.
  for (const file of files) {
    const problem = profileFileProblem(file);
    if (problem) log.warn(`AWS profiles: ${problem}`);
  }
  if (profiles.length === 0) return settings.profile ? { name: settings.profile } : undefined;
  const picked = await quickPick(profilePickItems(profiles, settings.profile, process.env.AWS_PROFILE), {
    title: title('AWS profile'),
    placeHolder: 'AWS profile whose credentials to use',
    matchOnDescription: true,
  });
  return picked.profile ? { name: picked.profile, ...(picked.region ? { region: picked.region } : {}) } : undefined;
}

async function pickRegions(
  settings: ImportSettings,
  profile: { name: string; region?: string } | undefined,
  title: (step: 'regions') => string,
): Promise<Array<string | undefined>> {
  const items = regionPickItems(settings.regions, process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION, profile);
  const picked = await quickPick(items, {
    title: title('regions'),
    placeHolder: 'Regions to search for user pools',
    canPickMany: true,
  });
  if (picked.length === 0) throw new Stop();
  return picked.map((i) => i.region);
}

async function writeBlocks(
  runtime: ExtensionRuntime,
  clients: DescribedClient[],
  targets: Targets & { note?: string },
  style: ImportSettings['style'],
  withResource: boolean,
): Promise<void> {
  const log = runtime.output;
  const rendered = await renderRequest(runtime, clients, targets.moduleDir, style, withResource);
  if (!rendered) throw new Error('the language server is not running, so the blocks could not be rendered (run "Restart language server")');
  const written = rendered.clients.length;
  if (written === 0) {
    void vscode.window.showInformationMessage(`awscc-cognito: every chosen client is already in the module; nothing was written.`);
    return;
  }
  targets = withCurrentCursor(targets);
  const texts = await loadTexts([targets.imports, targets.resources]);
  const insertions = composeInsertions(
    { importsText: rendered.importsText, resourcesText: withResource ? rendered.resourcesText : '' },
    targets,
    (spot) => texts.get(spotKey(spot)) ?? '',
  );
  const edit = new vscode.WorkspaceEdit();
  const touched: string[] = [];
  for (const insertion of insertions) {
    const uri = spotUri(insertion.spot);
    const document = documents.get(uri.toString());
    if (!document) edit.createFile(uri, { ignoreIfExists: true });
    const position = document ? document.positionAt(insertion.offset) : new vscode.Position(0, 0);
    edit.insert(uri, position, insertion.text);
    touched.push(vscode.workspace.asRelativePath(uri));
  }
  // One WorkspaceEdit: a single undo takes back every file it touched.
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error('VS Code refused the edit (is the file read-only?)');
  const summary = summarize(written, rendered.skipped.filter((s) => s.reason === 'already-imported').length, touched);
  log.info(`generate import block: ${summary}${targets.note ? ` ${targets.note}` : ''}`);
  void vscode.window.showInformationMessage(`awscc-cognito: ${summary}${targets.note ? ` ${targets.note}` : ''}`);
  const first = insertions[0];
  if (first && first.spot.kind === 'fileEnd') await vscode.window.showTextDocument(spotUri(first.spot), { preview: false });
}

/**
 * The pickers take a while; if the user moved the cursor (or typed) in the target editor meanwhile, the
 * blocks go where the cursor is now rather than where it was when the command started.
 */
function withCurrentCursor<T extends Targets>(targets: T): T {
  const editor = vscode.window.activeTextEditor;
  const move = (spot: Spot): Spot =>
    spot.kind === 'cursor' && editor && editor.document.uri.toString() === spot.uri
      ? { ...spot, offset: editor.document.offsetAt(editor.selection.active) }
      : spot;
  return { ...targets, imports: move(targets.imports), resources: move(targets.resources) };
}

// Documents opened while reading texts, reused to turn offsets into positions.
const documents = new Map<string, vscode.TextDocument>();

function spotUri(spot: Spot): vscode.Uri {
  return spot.kind === 'cursor' ? vscode.Uri.parse(spot.uri) : vscode.Uri.file(spot.path);
}

function spotKey(spot: Spot): string {
  return spotUri(spot).toString();
}

/** The current text at each spot: the editor's (possibly unsaved) text, the file's, or '' for a new file. */
async function loadTexts(spots: Spot[]): Promise<Map<string, string>> {
  documents.clear();
  const texts = new Map<string, string>();
  for (const spot of spots) {
    const uri = spotUri(spot);
    if (texts.has(uri.toString())) continue;
    const exists = spot.kind === 'cursor' || (await vscode.workspace.fs.stat(uri).then(() => true, () => false));
    if (!exists) {
      texts.set(uri.toString(), '');
      continue;
    }
    const document = await vscode.workspace.openTextDocument(uri);
    documents.set(uri.toString(), document);
    texts.set(uri.toString(), document.getText());
  }
  return texts;
}

async function renderRequest(
  runtime: ExtensionRuntime,
  clients: DescribedClient[],
  moduleDir: string,
  style: ImportSettings['style'],
  withResource: boolean,
): Promise<RenderImportsResult | undefined> {
  const client = runtime.client();
  if (!client) {
    runtime.output.warn('generate import block: the language server is not running; module matching is unavailable');
    return undefined;
  }
  return client.sendRequest(RenderImportsRequest, {
    clients,
    moduleUri: vscode.Uri.file(moduleDir).toString(),
    options: { style, withResource },
  });
}

function editorState() {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const document = editor.document;
  return {
    uri: document.uri.toString(),
    ...(document.uri.scheme === 'file' ? { path: document.uri.fsPath } : {}),
    isTerraform: document.languageId === 'terraform',
    offset: document.offsetAt(editor.selection.active),
  };
}

type Options = vscode.QuickPickOptions & { canPickMany?: boolean };

/** A QuickPick that throws Stop on Escape, so every step can simply await its answer. */
async function quickPick<T extends vscode.QuickPickItem>(items: T[], options: Options & { canPickMany: true }): Promise<T[]>;
async function quickPick<T extends vscode.QuickPickItem>(items: T[], options: Options): Promise<T>;
async function quickPick<T extends vscode.QuickPickItem>(items: T[], options: Options): Promise<T | T[]> {
  const answer = await vscode.window.showQuickPick(items, { ignoreFocusOut: true, ...options } as vscode.QuickPickOptions);
  if (answer === undefined) throw new Stop();
  return answer as T | T[];
}

/**
 * A cancellable progress notification, shown once the step has run for half a second (delayedProgress.ts);
 * its Cancel aborts the AWS calls in flight. Each step has its own deadline (the user's time in the pickers
 * between steps does not count).
 */
function withProgress<T>(
  title: string,
  work: (calls: { signal: AbortSignal; deadline: { at: number; ms: number } }, report: (message: string) => void) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const deadline = { at: Date.now() + DEFAULT_DEADLINE_MS, ms: DEFAULT_DEADLINE_MS };
  return withDelayedProgress((report) => work({ signal: controller.signal, deadline }, report), PROGRESS_DELAY_MS, (running, attach) => {
    const shown = vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `awscc-cognito: ${title}`, cancellable: true },
      (progress, token) => {
        const subscription = token.onCancellationRequested(() => controller.abort());
        attach({ report: (message) => progress.report({ message }) });
        return running.finally(() => subscription.dispose());
      },
    );
    // A failed step reaches the caller through `running`; the notification only closes.
    Promise.resolve(shown).catch(() => undefined);
  });
}

function showLiveError(log: vscode.LogOutputChannel, error: LiveError, level: 'error' | 'information' = 'error'): void {
  log[level === 'error' ? 'error' : 'info'](`generate import block: ${error.message} ${error.nextStep}`);
  const text = `awscc-cognito: ${error.message} ${error.nextStep}`;
  const shown = level === 'error' ? vscode.window.showErrorMessage(text, 'Show log') : vscode.window.showInformationMessage(text);
  void Promise.resolve(shown).then((choice) => choice && log.show(true));
}
