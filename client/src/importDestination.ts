// Where the calls of "Generate import block" will go, decided before any call: the settings VS Code really
// applies in this window, and those written somewhere it does not apply. Pure, so it is unit-tested without
// an editor.
import type { ImportSettings } from './importFlow';

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** What `WorkspaceConfiguration.inspect` reports for one key (the fields this file reads). */
export interface SettingInspection {
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
}

/** The keys that decide where signed AWS calls go. */
export const STEERING_KEYS = ['endpoint', 'profile'] as const;

/**
 * Settings that are written somewhere but not in force, so the command would silently call somewhere else
 * (the regional AWS endpoint, the default credentials) than the user asked for. `inspect(key)` is VS Code's
 * view of the key per scope, `effective(key)` the value `get` gives. When the highest scope holding a value
 * does not come through, VS Code did not apply that scope to this setting: in a remote
 * window, machine-scoped settings come from the Remote settings, not the local User settings. Nothing is
 * reported for an untrusted workspace: the command does not run there at all.
 */
export function unappliedSettings(
  inspect: (key: string) => SettingInspection | undefined,
  effective: (key: string) => unknown,
  remoteName: string | undefined,
): string[] {
  const problems: string[] = [];
  for (const key of STEERING_KEYS) {
    const seen = inspect(key);
    const inForce = text(effective(key));
    const scopes: Array<[string, unknown]> = [
      ['workspace folder', seen?.workspaceFolderValue],
      ['workspace', seen?.workspaceValue],
      [remoteName ? 'Remote' : 'User', seen?.globalValue],
    ];
    for (const [scope, value] of scopes) {
      const written = text(value);
      if (written === undefined) continue;
      // The highest scope with a value is the one that should be in force; lower ones are merely shadowed.
      if (written === inForce) break;
      problems.push(
        `awsccCognito.${key} is "${written}" in the ${scope} settings, but VS Code gives this window ${inForce ? `"${inForce}"` : 'no value'}` +
          `${remoteName ? ` (in this remote window, ${remoteName}, machine-scoped settings come from the Remote settings only)` : ''}.`,
      );
      break;
    }
  }
  return problems;
}

/** Where the calls will go, in words for picker titles and the log. */
export function destinationOf(settings: Pick<ImportSettings, 'endpoint'>, remoteName?: string): string {
  if (settings.endpoint) return `calls go to ${settings.endpoint} (awsccCognito.endpoint)`;
  return `calls go to the regional AWS endpoints${remoteName ? ' (no awsccCognito.endpoint in the Remote or workspace settings)' : ''}`;
}

/**
 * The steering values of the local User settings that a remote window does not apply. VS Code applies
 * machine-scoped settings (endpoint, profile) in a remote window only from the Remote and workspace
 * settings, and `inspect` does not even show a User value there, so the file is read directly when the
 * extension host can see it (code-server keeps it next to the extension's global storage). Values equal to
 * what is in force are not reported.
 */
export function unappliedUserFileSettings(
  userSettings: Record<string, unknown> | undefined,
  effective: (key: string) => unknown,
  remoteName: string | undefined,
): string[] {
  if (!remoteName || !userSettings) return [];
  const problems: string[] = [];
  for (const key of STEERING_KEYS) {
    const written = text(userSettings[`awsccCognito.${key}`]);
    const inForce = text(effective(key));
    if (written === undefined || written === inForce) continue;
    problems.push(
      `awsccCognito.${key} is "${written}" in your User settings, but this is a remote window (${remoteName}), where VS Code applies ` +
        `machine-scoped settings only from the Remote or workspace settings, so it gives this window ${inForce ? `"${inForce}"` : 'no value'}.`,
    );
  }
  return problems;
}

/** settings.json as VS Code writes it: JSON with comments and trailing commas. Undefined when unreadable. */
export function parseSettingsJson(source: string): Record<string, unknown> | undefined {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === ',' && /^\s*(\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*[}\]]/.test(source.slice(i + 1, i + 400))) {
      continue; // a trailing comma
    } else if (c === '"') {
      // Copy the string literal whole, escapes included, so comment markers inside it stay text.
      let j = i + 1;
      while (j < source.length && source[j] !== '"') j += source[j] === '\\' ? 2 : 1;
      out += source.slice(i, j + 1);
      i = j;
    } else if (c === '/' && source[i + 1] === '/') {
      while (i < source.length && source[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? source.length : end + 1;
    } else out += c;
  }
  try {
    const value: unknown = JSON.parse(out);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
