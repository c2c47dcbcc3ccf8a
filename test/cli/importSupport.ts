// Helpers for the `awscc-cognito import` tests: run the built CLI as a child process (asynchronously, so an
// in-process fault proxy keeps answering), and read its HCL back with our parser.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import type { UserPoolClientType } from '@aws-sdk/client-cognito-identity-provider';
import { parse } from '../../server/src/parser';
import { resourceSchema, settableAttributes, type AttributeSpec } from '../../server/src/knowledge';
import { emulatorEnv } from '../support/emulators';
import { fileToJson } from '../support/hclJson';

export const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node dist/cli.js ...args` with dummy emulator credentials (never the developer's AWS setup).
 * `env` entries override; an undefined value removes the variable.
 */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): Promise<CliRun> {
  const env: Record<string, string | undefined> = { ...process.env, ...emulatorEnv(), ...options.env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface ParsedOutput {
  imports: Array<{ [key: string]: Json }>;
  /** resource name → attributes */
  resources: Map<string, { [key: string]: Json }>;
}

/** Parses CLI output; fails the test when it is not syntactically valid HCL. */
export function parseOutput(text: string): ParsedOutput {
  const file = parse(text);
  assert.deepEqual(file.diagnostics.map((d) => d.message), [], 'the output parses without syntax errors');
  const json = fileToJson(file) as { import?: Array<{ [key: string]: Json }>; resource?: { [type: string]: { [name: string]: Array<{ [key: string]: Json }> } } };
  const resources = new Map<string, { [key: string]: Json }>();
  for (const [name, blocks] of Object.entries(json.resource?.awscc_cognito_user_pool_client ?? {})) {
    assert.equal(blocks.length, 1, `one resource block named ${name}`);
    resources.set(name, blocks[0]);
  }
  return { imports: json.import ?? [], resources };
}

/** The `id` strings of id-style import blocks, in output order. */
export function importIds(out: ParsedOutput): string[] {
  return out.imports.map((i) => i.id).filter((id): id is string => typeof id === 'string');
}

/**
 * What a resource block must hold for a client as the API describes it, under awscc names (from the
 * knowledge base's cfnName mapping): every settable field the API returned, `generate_secret = true` for a
 * client with a secret, and nothing else.
 */
export function expectedAttributes(raw: UserPoolClientType): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  const record = raw as Record<string, unknown>;
  for (const spec of settableAttributes(resourceSchema.attributes)) {
    if (spec.name === 'generate_secret') {
      if (raw.ClientSecret) out.generate_secret = true;
      continue;
    }
    const value = plain(spec, record[spec.cfnName]);
    if (value !== undefined) out[spec.name] = value;
  }
  return out;
}

function plain(spec: AttributeSpec, value: unknown): Json | undefined {
  if (value === undefined || value === null) return undefined;
  if (spec.type !== 'object') return value as Json;
  const nested: { [key: string]: Json } = {};
  for (const child of settableAttributes(spec.attributes ?? [])) {
    const v = plain(child, (value as Record<string, unknown>)[child.cfnName]);
    if (v !== undefined) nested[child.name] = v;
  }
  return Object.keys(nested).length > 0 ? nested : undefined;
}
