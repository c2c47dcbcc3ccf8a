// Custom messages between the VS Code client and the language server, typed once and imported by both.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

export interface StatusParams {
  state: 'busy' | 'idle';
  /** What the server is doing, e.g. "Checking main.tf". */
  detail?: string;
  /** Milliseconds the last diagnostics run took (server work only). */
  lastValidationMs?: number;
}

/** Server → client: shows and hides the status bar spinner. */
export const StatusNotification = new NotificationType<StatusParams>('awsccCognito/status');

export interface ServerInfoResult {
  version: string;
  awsccProviderVersion: string;
}

/** Client → server: what the server is (used by tests and the status bar tooltip). */
export const ServerInfoRequest = new RequestType<void, ServerInfoResult, void>('awsccCognito/serverInfo');
