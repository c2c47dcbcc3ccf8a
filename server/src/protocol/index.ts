// Custom messages between the VS Code client and the language server, typed once and imported by both.
// A require for the reason given in server.ts (the bundler's copy of every export of an imported module).
import protocol = require('vscode-languageserver-protocol');

const { NotificationType, RequestType } = protocol;

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

// ----- import rendering -------------------------------------------------------------------------------------

import type { DescribedClient } from '../live/types';

export interface RenderImportsParams {
  /** Described app clients (never with a secret: `DescribedClient` has none). */
  clients: DescribedClient[];
  /** `file://` URI of the Terraform module folder the blocks are for (names, existing imports, pool references). */
  moduleUri: string;
  options: {
    style: 'id' | 'identity' | 'for_each';
    withResource: boolean;
    /** for_each style: name of the one resource all imports target (default `this`). */
    forEachName?: string;
  };
}

/** The renderer's answer (same shape as render's `RenderResult`; repeated here because protocol imports no parts). */
export interface RenderImportsResult {
  importsText: string;
  resourcesText: string;
  /** Client ID → resource name (for_each style: the map key). */
  names: Record<string, string>;
  clients: {
    clientId: string;
    userPoolId: string;
    name: string;
    address: string;
    /** `declared`: the module already has a resource for the client; the import targets it, no resource is rendered. */
    status: 'new' | 'declared';
  }[];
  /** Clients left out: already imported by an import block, or listed twice. */
  skipped: { clientId: string; userPoolId: string; reason: 'already-imported' | 'duplicate'; message: string }[];
  requirements: string[];
}

/** Client → server: import (and resource) blocks for described clients, rendered against the module. */
export const RenderImportsRequest = new RequestType<RenderImportsParams, RenderImportsResult, void>('awsccCognito/renderImports');

export interface HashicorpTerraformParams {
  /** Whether HashiCorp's Terraform extension is installed and enabled in this window. */
  active: boolean;
}

/** Client → server: HashiCorp's extension came or went, so plain items and structural diagnostics yield or not. */
export const HashicorpTerraformNotification = new NotificationType<HashicorpTerraformParams>('awsccCognito/hashicorpTerraform');
