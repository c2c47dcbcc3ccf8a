// How the VS Code client starts the language server: the bundled dist/server.js over IPC, in the extension
// host's environment minus what only slows the server down. Kept free of `vscode` so that it is unit-tested
// in plain Node (test/client/serverOptions.test.ts).
import type { ServerOptions, TransportKind } from 'vscode-languageclient/node';

/**
 * Variables of the extension host the server does not inherit. NODE_EXTRA_CA_CERTS makes Node 20 read and
 * parse the whole CA store as it starts (~40-60 ms of every start, measured in issue #14), for TLS
 * connections the server never makes: it reads files and talks to us over IPC; live AWS calls run in the
 * extension host (dist/live.js). test/server/bundles.test.ts keeps network clients out of its bundles.
 */
export const SERVER_DROPPED_VARIABLES = ['NODE_EXTRA_CA_CERTS'] as const;

/**
 * `ipc` is TransportKind.ipc, passed in because vscode-languageclient/node cannot be loaded outside VS Code.
 * vscode-languageclient starts the server with the extension host's variables overlaid with `env`; an
 * undefined value there reaches Node's fork() as undefined, and fork() leaves such a variable out.
 */
export function serverOptions(serverModule: string, ipc: TransportKind): ServerOptions {
  const env: NodeJS.ProcessEnv = Object.fromEntries(SERVER_DROPPED_VARIABLES.map((name) => [name, undefined]));
  return {
    run: { module: serverModule, transport: ipc, options: { env } },
    debug: { module: serverModule, transport: ipc, options: { env, execArgv: ['--nolazy', '--inspect=6011'] } },
  };
}
