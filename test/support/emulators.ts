/**
 * Real Cognito user-pool APIs for tests, over HTTP on loopback.
 *
 * - `startCognitoLocal()` runs the `cognito-local` devDependency in a fresh temporary folder on a free
 *   port. Always available. It does not page and drops three client fields (see
 *   /work/shared/recipes/cognito-emulators.md); put `startFaultProxy` in front of it for paging and faults.
 * - `startMoto()` runs `moto_server` when it is on PATH (real paging, all fields) and otherwise returns
 *   `{ skipReason }` so the caller can print why it skipped.
 * - `seedEmulator(endpoint, spec)` creates pools and app clients through the real SDK, with varied client
 *   settings (`variedClientSettings(i)`).
 * - `emulatorEnv(endpoint?)` gives environment variables for child processes (e.g. the CLI) that should use
 *   dummy credentials and never reach real AWS credential sources.
 *
 * Every started process is stopped by `stop()`, and also when the test process exits, so a failing test
 * never leaves an emulator behind. Emulator output is discarded after start-up because the emulators may
 * echo responses, and responses contain client secrets.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  type CreateUserPoolClientRequest,
} from '@aws-sdk/client-cognito-identity-provider';

export const EMULATOR_REGION = 'us-east-1';
export const DUMMY_CREDENTIALS = { accessKeyId: 'AKIDEMULATOR', secretAccessKey: 'emulator-dummy-secret-key' };

export interface RunningEmulator {
  kind: 'cognito-local' | 'moto';
  /** Base URL such as http://127.0.0.1:41234 */
  endpoint: string;
  /** Stops the process and removes its data. Safe to call twice. */
  stop(): Promise<void>;
}

export interface RunningMoto extends RunningEmulator {
  kind: 'moto';
  /** Forgets every pool and client (POST /moto-api/reset). */
  reset(): Promise<void>;
}

const repoRoot = resolve(__dirname, '..', '..');
// Same reason as in createCognitoClient: the SDK's Node 22 notice is noise in test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const live = new Set<ChildProcess>();
const dataDirs = new Set<string>();

// Last-resort cleanup when a test process ends without calling stop(): kill the emulators and remove
// their data folders (cognito-local stores client secrets there). Signals are re-raised afterwards so the
// process still ends the way it was asked to.
function cleanUpNow() {
  for (const child of live) child.kill('SIGKILL');
  live.clear();
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  dataDirs.clear();
}
process.once('exit', cleanUpNow);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    cleanUpNow();
    process.kill(process.pid, signal);
  });
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, child: ChildProcess, what: string, output: () => string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${what} exited during start-up (code ${child.exitCode}). Output:\n${output()}`);
    }
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not become ready within ${timeoutMs} ms. Output:\n${output()}`);
}

function stopper(child: ChildProcess, cleanup: () => void): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  return () =>
    (stopping ??= new Promise<void>((done) => {
      const finish = () => {
        live.delete(child);
        cleanup();
        done();
      };
      if (child.exitCode !== null || child.signalCode !== null) return finish();
      const force = setTimeout(() => child.kill('SIGKILL'), 3_000);
      child.once('exit', () => {
        clearTimeout(force);
        finish();
      });
      child.kill('SIGTERM');
    }));
}

// Keeps only the first few KB of start-up output (for the error message if start-up fails), then stops
// listening so nothing the emulator prints later, secrets included, is kept.
function captureStartup(child: ChildProcess): { text: () => string; release: () => void } {
  let text = '';
  const onData = (chunk: Buffer) => {
    if (text.length < 8_000) text += chunk.toString('utf8');
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  return {
    text: () => text,
    release: () => {
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.stdout?.resume();
      child.stderr?.resume();
      text = '';
    },
  };
}

/** Starts cognito-local on a free loopback port in a fresh temporary folder (its data lives in ./.cognito). */
export async function startCognitoLocal(): Promise<RunningEmulator> {
  const dir = mkdtempSync(join(tmpdir(), 'awscc-cognito-local-'));
  dataDirs.add(dir);
  const port = await freeLoopbackPort();
  const script = join(repoRoot, 'node_modules', 'cognito-local', 'lib', 'bin', 'start.js');
  const child = spawn(process.execPath, [script], {
    cwd: dir,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DEBUG: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  const output = captureStartup(child);
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = stopper(child, () => {
    rmSync(dir, { recursive: true, force: true });
    dataDirs.delete(dir);
  });
  try {
    await waitUntil(
      async () => {
        const res = await fetch(`${endpoint}/health`);
        return res.ok && ((await res.json()) as { ok?: boolean }).ok === true;
      },
      20_000,
      child,
      'cognito-local',
      output.text,
    );
  } catch (err) {
    await stop();
    throw err;
  } finally {
    output.release();
  }
  return { kind: 'cognito-local', endpoint, stop };
}

/** The full path of `moto_server` if it is on PATH. */
export function findMotoServer(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, 'moto_server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

/**
 * Starts moto_server on a free loopback port, or explains why not. Callers print `skipReason` and skip;
 * moto is a Python tool that this project cannot install, so its absence is not a failure.
 */
export async function startMoto(): Promise<RunningMoto | { skipReason: string }> {
  const bin = findMotoServer();
  if (!bin) return { skipReason: 'moto_server is not on PATH (it comes from Python: pip install "moto[server]")' };
  const port = await freeLoopbackPort();
  const child = spawn(bin, ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  const output = captureStartup(child);
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = stopper(child, () => undefined);
  try {
    await waitUntil(async () => (await fetch(`${endpoint}/moto-api/`)).status < 500, 30_000, child, 'moto_server', output.text);
  } catch (err) {
    await stop();
    return { skipReason: `moto_server is on PATH but did not start: ${(err as Error).message.split('\n')[0]}` };
  } finally {
    output.release();
  }
  const reset = async () => {
    const res = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
    if (!res.ok) throw new Error(`moto reset answered HTTP ${res.status}`);
  };
  return { kind: 'moto', endpoint, stop, reset };
}

/** An SDK client for seeding and for direct checks: dummy credentials, one attempt (emulator gaps answer 500). */
export function emulatorSdkClient(endpoint: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    endpoint,
    region: EMULATOR_REGION,
    credentials: DUMMY_CREDENTIALS,
    maxAttempts: 1,
  });
}

/**
 * Environment for a child process (such as the CLI) that should talk to an emulator with dummy
 * credentials: spread it over process.env. It blanks AWS_PROFILE (which would otherwise win over the
 * keys) and points the shared files at paths that do not exist, so a developer's real AWS setup is never
 * read. Pass the emulator endpoint explicitly (setting or flag); it takes precedence over AWS_ENDPOINT_URL.
 */
export function emulatorEnv(): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: DUMMY_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: DUMMY_CREDENTIALS.secretAccessKey,
    AWS_SESSION_TOKEN: '',
    AWS_PROFILE: '',
    AWS_REGION: EMULATOR_REGION,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: join(tmpdir(), 'awscc-cognito-no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(tmpdir(), 'awscc-cognito-no-aws-credentials'),
  };
}

export type ClientSettings = Omit<CreateUserPoolClientRequest, 'UserPoolId' | 'ClientName'>;

export interface SeedSpec {
  pools: Array<{ name: string; clients: Array<{ name: string; settings?: ClientSettings }> }>;
}

export interface SeededClient {
  clientId: string;
  clientName: string;
  settings: ClientSettings;
  /**
   * The secret the emulator generated, kept ONLY so leak tests can search output for it.
   * Never print, log or write it.
   */
  secretForLeakChecks?: string;
}

export interface SeededPool {
  id: string;
  name: string;
  clients: SeededClient[];
}

/** Creates the pools and clients of `spec` in order and returns their ids. */
export async function seedEmulator(endpoint: string, spec: SeedSpec): Promise<SeededPool[]> {
  const sdk = emulatorSdkClient(endpoint);
  try {
    const pools: SeededPool[] = [];
    for (const poolSpec of spec.pools) {
      const created = await sdk.send(new CreateUserPoolCommand({ PoolName: poolSpec.name }));
      const id = created.UserPool?.Id;
      if (!id) throw new Error(`CreateUserPool ${poolSpec.name} returned no id`);
      const pool: SeededPool = { id, name: poolSpec.name, clients: [] };
      for (const clientSpec of poolSpec.clients) {
        const settings = clientSpec.settings ?? {};
        const out = await sdk.send(
          new CreateUserPoolClientCommand({ ...settings, UserPoolId: id, ClientName: clientSpec.name }),
        );
        const clientId = out.UserPoolClient?.ClientId;
        if (!clientId) throw new Error(`CreateUserPoolClient ${clientSpec.name} returned no id`);
        const seeded: SeededClient = { clientId, clientName: clientSpec.name, settings };
        if (out.UserPoolClient?.ClientSecret) seeded.secretForLeakChecks = out.UserPoolClient.ClientSecret;
        pool.clients.push(seeded);
      }
      pools.push(pool);
    }
    return pools;
  } finally {
    sdk.destroy();
  }
}

const FLOW_SETS = [
  ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_CUSTOM_AUTH'],
  ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
] as const;

/**
 * Client settings that differ from client to client (index `i` picks the variant): auth flows, OAuth
 * flows and scopes, callback/logout URLs, token validity with units, secret or not, read/write attributes,
 * analytics, revocation, user-existence errors, and the three fields cognito-local drops.
 * Every 3rd client (i % 3 === 0) generates a secret.
 */
export function variedClientSettings(i: number): ClientSettings {
  const withSecret = i % 3 === 0;
  const settings: ClientSettings = {
    GenerateSecret: withSecret,
    ExplicitAuthFlows: [...FLOW_SETS[i % FLOW_SETS.length]],
    ReadAttributes: i % 2 === 0 ? ['email', 'email_verified', 'name'] : ['email'],
    WriteAttributes: i % 2 === 0 ? ['email', 'name'] : ['email'],
    PreventUserExistenceErrors: i % 2 === 0 ? 'ENABLED' : 'LEGACY',
    EnableTokenRevocation: i % 4 !== 1,
    AccessTokenValidity: i % 4 === 3 ? 1 + (i % 23) : 5 + (i % 55),
    IdTokenValidity: 1 + (i % 23),
    RefreshTokenValidity: 30 + (i % 60),
    TokenValidityUnits: {
      AccessToken: i % 4 === 3 ? 'hours' : 'minutes',
      IdToken: 'hours',
      RefreshToken: i % 2 === 0 ? 'days' : 'hours',
    },
    AuthSessionValidity: 3 + (i % 12),
  };
  if (i % 2 === 0) {
    Object.assign(settings, {
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: withSecret ? ['client_credentials'] : ['code'],
      AllowedOAuthScopes: withSecret ? [`api-${i}/read`] : ['openid', 'email', 'profile'],
      SupportedIdentityProviders: ['COGNITO'],
      CallbackURLs: [`https://app${i}.example.com/callback`, `https://app${i}.example.com/alt`],
      LogoutURLs: [`https://app${i}.example.com/logout`],
      DefaultRedirectURI: `https://app${i}.example.com/callback`,
    } satisfies ClientSettings);
  }
  if (i % 5 === 2) {
    settings.AnalyticsConfiguration = {
      ApplicationId: `0123456789abcdef0123456789abcd${String(i % 100).padStart(2, '0')}`,
      RoleArn: `arn:aws:iam::123456789012:role/cognito-analytics-${i}`,
      ExternalId: `external-${i}`,
      UserDataShared: i % 2 === 0,
    };
  }
  if (withSecret) {
    settings.EnablePropagateAdditionalUserContextData = true;
    settings.RefreshTokenRotation = { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 + (i % 50) };
  }
  return settings;
}
