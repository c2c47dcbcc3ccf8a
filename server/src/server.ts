// The LSP adapter's entry: the connection and `initialize`. `node dist/server.js --stdio` serves any LSP
// client; the VS Code client starts it with IPC. It holds no rules.
//
// `initialize` is answered before the language service exists: the rules, knowledge tables, formatter and
// the rest are the core bundle (serverCore.ts, built as dist/serverCore.js), loaded right after the answer is
// written, while the client is still sending `initialized` and its first didOpen (issue #14: spawn →
// `initialize` answered was ~60 ms of our own start-up on top of Node's). Any other message that arrives
// first loads the core before it is handled, so nothing is ever handled without it.
import type { InitializeParams, InitializeResult, MessageReader, MessageWriter } from 'vscode-languageserver/node';
// A require, not named imports: the bundler wraps a CommonJS module imported by name in a copy of all its
// ~600 exports (a getter each), ~0.3 MB and a couple of ms before `initialize` can be answered.
import lsp = require('vscode-languageserver/node');
import { HashicorpTerraformNotification, RenderImportsRequest, ServerInfoRequest, StatusNotification } from './protocol';
import { AWSCC_PROVIDER_VERSION } from './knowledge/meta';
import { featureCapabilities } from './serverCapabilities';
import { encodeMs, jsonDecoder, sliceEncoder } from './messageEncoder';
import type { Core } from './serverCore';

const {
  createConnection,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  IPCMessageReader,
  IPCMessageWriter,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentSyncKind,
} = lsp;

const VERSION = typeof __VERSION__ !== 'undefined' ? __VERSION__ : 'dev';

let initializeParams: InitializeParams | undefined;
let supportsWatchRegistration = false;
/** On a transport whose reader and writer are not ours, the core is loaded while `initialize` is answered. */
let loadCoreInInitialize = false;
let loaded: Core | undefined;

const connection = openConnection();

/** The language service, loaded and wired to the connection on first need. */
function core(): Core {
  if (loaded) return loaded;
  const started = process.hrtime.bigint();
  // A bundle of its own next to this one (scripts/build.mjs keeps it out of this bundle).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startCore } = require('./serverCore') as typeof import('./serverCore');
  loaded = startCore(connection, initializeParams, {
    sendStatus: (params) => void connection.sendNotification(StatusNotification, params),
    showWarning: (message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }),
    // The encoder is this bundle's (the core bundle has its own copy of the module).
    writerEncodeMs: (params) => encodeMs.get(params),
  });
  // With AWSCC_COGNITO_TIMINGS=1, what loading the core cost (a client that sends didOpen at once waits for it).
  if (process.env.AWSCC_COGNITO_TIMINGS === '1') connection.console.log(`timing core-load ${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(3)}`);
  return loaded;
}

/** Loads the core ahead of need; a core that cannot load is reported, and each handler that needs it fails. */
function loadCoreAhead(): void {
  try {
    core();
  } catch (e) {
    process.stderr.write(`awscc-cognito language server: cannot load the language service: ${(e as Error).stack ?? e}\n`);
  }
}

connection.onInitialize((params): InitializeResult => {
  initializeParams = params;
  supportsWatchRegistration = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  if (loadCoreInInitialize) core();
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      ...featureCapabilities,
    },
    serverInfo: { name: 'awscc-cognito', version: VERSION },
  };
});

connection.onInitialized(async () => {
  if (supportsWatchRegistration) {
    await connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*.tf' }, { globPattern: '**/*.tf.json' }, { globPattern: '**/*.tfvars' }, { globPattern: '**/*.tfvars.json' }],
    });
  }
  await core().initialized();
  // The client's log then names the process serving it: the one to look at when the server seems slow or
  // stuck, and the line after each restart that shows the new server is up.
  connection.console.info(`language server ${VERSION} ready (process ${process.pid})`);
});

connection.onNotification(HashicorpTerraformNotification, (params) => core().hashicorpChanged(params?.active === true));

connection.onDidChangeWatchedFiles(({ changes }) =>
  core().filesChanged(
    changes.map((change) => ({
      uri: change.uri,
      kind: change.type === FileChangeType.Created ? 'created' : change.type === FileChangeType.Deleted ? 'deleted' : 'changed',
    })),
  ),
);

connection.onRequest(RenderImportsRequest, (params) => core().renderImports(params));

connection.onRequest(ServerInfoRequest, () => ({ version: VERSION, awsccProviderVersion: AWSCC_PROVIDER_VERSION }));

/**
 * Reader and writer are ours on stdio and IPC (the transports our clients use), so that the core is loaded
 * before the first message other than `initialize` is handled (the reader passes messages on as they
 * arrive; handling comes later), and otherwise as soon as the `initialize` answer has been written.
 *
 * On stdio the reader also tells us about frames it cannot read. After a bad header (`Content-Length: abc`)
 * it has lost the frame boundaries and would ignore everything that follows, leaving a server that is alive
 * but deaf. Exiting instead, with the reason on stderr, lets the client see the failure and restart us
 * (vscode-languageclient does). IPC carries whole messages, so there is no framing to lose there.
 */
function openConnection() {
  let reader: MessageReader;
  let writer: MessageWriter;
  if (process.argv.includes('--stdio')) {
    const stdin = new StreamMessageReader(process.stdin, { charset: 'utf-8', contentTypeDecoder: jsonDecoder() });
    stdin.onError((error) => {
      process.stderr.write(`awscc-cognito language server: cannot read a message from the client, exiting: ${error.message}\n`);
      process.exit(1);
    });
    reader = stdin;
    writer = new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: sliceEncoder() });
  } else if (process.argv.includes('--node-ipc') && process.send) {
    reader = new IPCMessageReader(process);
    writer = new IPCMessageWriter(process);
  } else {
    // Another transport (--pipe, --socket): the library sets it up.
    loadCoreInInitialize = true;
    return createConnection(ProposedFeatures.all);
  }
  // Instance methods wrapped in place: the connection calls listen() and write() on these very objects.
  // The parameters are taken as `initialize` arrives: a client that sends more before the answer (against
  // the protocol, but harmless) gets a core that knows them, though `initialize` is not handled yet.
  let initializeSeen = false;
  const listen = reader.listen.bind(reader);
  reader.listen = (callback) =>
    listen((message) => {
      if ('method' in message && message.method === 'initialize' && !initializeSeen) {
        initializeSeen = true;
        initializeParams = (message as { params?: InitializeParams }).params;
      } else loadCoreAhead();
      callback(message);
    });
  const write = writer.write.bind(writer);
  writer.write = (message) => {
    const written = write(message);
    // The first message out after `initialize` is its answer; the core loads once it is on its way.
    if (initializeSeen && !loaded) void written.then(() => setImmediate(loadCoreAhead), () => undefined);
    return written;
  };
  return createConnection(ProposedFeatures.all, reader, writer);
}

process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e.stack ?? e}`));
connection.listen();
