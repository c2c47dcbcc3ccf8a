// VS Code adapter: starts the language server over IPC and wires commands and the status bar.
// Activation must stay cheap (it runs on the first .tf file), so the server starts in the background
// and activate() returns immediately.
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  RevealOutputChannelOn,
  State,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type StateChangeEvent,
} from 'vscode-languageclient/node';
import { HashicorpTerraformNotification, StatusNotification, type StatusParams } from '../../server/src/protocol';
import { SHOW_LOG_COMMAND, ServerStatusItem } from './status';
import { registerImportCommand } from './importCommand';
import { serverOptions } from './serverOptions';

const CLIENT_ID = 'awsccCognito'; // also the prefix of the `awsccCognito.trace.server` setting
const CLIENT_NAME = 'awscc-cognito';
const RESTART_COMMAND = 'awsccCognito.restartServer';
// A server that dies this often in this window is broken, not unlucky: stop restarting it.
const MAX_CRASHES = 4;
const CRASH_WINDOW_MS = 3 * 60 * 1000;
// When HashiCorp's Terraform extension is installed it reports plain HCL problems itself; the server
// then leaves those to it (see the `awsccCognito.coexistence` setting on the server side).
const HASHICORP_EXTENSION_ID = 'hashicorp.terraform';

/** What other client files (e.g. client/src/importCommand.ts) need from the running extension. */
export interface ExtensionRuntime {
  readonly context: vscode.ExtensionContext;
  readonly output: vscode.LogOutputChannel;
  /** The running client, or undefined while the server is stopped or failed to start. */
  client(): LanguageClient | undefined;
}

let languageClient: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;
let status: ServerStatusItem | undefined;

export function activate(context: vscode.ExtensionContext): ExtensionRuntime {
  output = vscode.window.createOutputChannel('awscc-cognito', { log: true });
  status = new ServerStatusItem();
  context.subscriptions.push(output, status);

  const runtime: ExtensionRuntime = { context, output, client: () => languageClient };

  context.subscriptions.push(
    vscode.commands.registerCommand(RESTART_COMMAND, () => restartServer(context)),
    vscode.commands.registerCommand(SHOW_LOG_COMMAND, () => output?.show(true)),
    vscode.extensions.onDidChange(() => {
      const client = languageClient;
      if (client?.state === State.Running) {
        void client.sendNotification(HashicorpTerraformNotification, { active: hashicorpTerraformPresent() });
      }
    }),
  );

  // Workspace trust: the server only reads files, so it runs everywhere. What trust restricts (the
  // endpoint/profile settings and live AWS calls) lives in the client's commands, which check
  // vscode.workspace.isTrusted when they run (see importCommand.ts).
  registerFeatureCommands(runtime);

  void startServer(context);
  return runtime;
}

export async function deactivate(): Promise<void> {
  const client = languageClient;
  languageClient = undefined;
  if (client) await client.stop().catch(() => undefined);
}

/** Commands that are features of their own, one file each. */
function registerFeatureCommands(runtime: ExtensionRuntime): void {
  registerImportCommand(runtime);
}

function createClient(context: vscode.ExtensionContext): LanguageClient {
  // The bundled server sits next to the bundled client in dist/.
  const serverModule = context.asAbsolutePath('dist/server.js');
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'terraform', scheme: 'file' },
      { language: 'terraform', scheme: 'untitled' },
    ],
    // The server registers its own file watchers (it models whole folders) and pulls settings; this
    // only makes the client forward changes to the awsccCognito.* settings.
    synchronize: { configurationSection: 'awsccCognito' },
    initializationOptions: {
      settings: vscode.workspace.getConfiguration('awsccCognito'),
      hashicorpTerraformActive: hashicorpTerraformPresent(),
    },
    outputChannel: output,
    // The crash handler below tells the user once; the library would add a toast for every logged error.
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler: new CrashLimitingErrorHandler(),
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions(serverModule, TransportKind.ipc), clientOptions);
}

async function startServer(context: vscode.ExtensionContext): Promise<void> {
  const client = createClient(context);
  languageClient = client;
  status?.starting();
  client.onDidChangeState((event: StateChangeEvent) => {
    if (event.newState === State.Running) status?.idle();
    if (event.newState === State.Stopped && languageClient === client) status?.stopped('The language server is not running.');
  });
  client.onNotification(StatusNotification, (params: StatusParams) => status?.report(params));
  try {
    await client.start();
  } catch (error) {
    // The extension stays active (snippets, grammar and commands still work); the user gets the log.
    const reason = error instanceof Error ? error.message : String(error);
    output?.error(`the language server failed to start: ${reason}`);
    status?.stopped('The language server failed to start.');
    void offerLog(`awscc-cognito: the language server failed to start (${reason}).`);
  }
}

async function restartServer(context: vscode.ExtensionContext): Promise<void> {
  const previous = languageClient;
  languageClient = undefined;
  if (previous) {
    // A client that never reached Running cannot be stopped cleanly; dispose it and start afresh.
    await (previous.state === State.Running ? previous.stop() : previous.dispose()).catch((error: unknown) => {
      output?.warn(`stopping the previous server failed: ${String(error)}`);
    });
  }
  output?.info('restarting the language server');
  await startServer(context);
}

function hashicorpTerraformPresent(): boolean {
  // getExtension only returns installed and enabled extensions; HashiCorp's activates on the same
  // language as ours, so "present" is the useful signal even before it has finished activating.
  return vscode.extensions.getExtension(HASHICORP_EXTENSION_ID) !== undefined;
}

async function offerLog(message: string): Promise<void> {
  const choice = await vscode.window.showErrorMessage(message, 'Show log', 'Restart');
  if (choice === 'Show log') output?.show(true);
  if (choice === 'Restart') await vscode.commands.executeCommand(RESTART_COMMAND);
}

/** Restarts a crashed server a few times, then gives up with a message that leads to the log. */
class CrashLimitingErrorHandler implements ErrorHandler {
  private readonly crashes: number[] = [];

  error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.crashes.push(now);
    while (this.crashes.length > 0 && now - this.crashes[0]! > CRASH_WINDOW_MS) this.crashes.shift();
    if (this.crashes.length <= MAX_CRASHES) {
      output?.warn(`the language server stopped unexpectedly; restarting (${this.crashes.length}/${MAX_CRASHES})`);
      return { action: CloseAction.Restart, handled: true };
    }
    output?.error(`the language server stopped ${this.crashes.length} times in ${CRASH_WINDOW_MS / 60_000} minutes; not restarting it`);
    status?.stopped('The language server crashed repeatedly and was not restarted.');
    void offerLog('awscc-cognito: the language server crashed repeatedly and was stopped.');
    return { action: CloseAction.DoNotRestart, handled: true };
  }
}
