// The server's view of the `awsccCognito.*` settings, with defaults and validation of what the client sends.
import type { DiagnosticOptions } from './features/diagnostics';

export interface ServerSettings {
  /** Delay between the last keystroke and diagnostics for that document. */
  debounceMs: number;
  severities: NonNullable<DiagnosticOptions['severities']>;
  /** 'auto': yield plain structural diagnostics and items when HashiCorp's extension is active. */
  coexistence: 'auto' | 'always-yield' | 'never-yield';
  /** `import.style` as the aws → awscc conversion reads it (`for_each` converts with `id`). */
  importStyle: 'id' | 'identity';
}

export const defaultSettings: ServerSettings = { debounceMs: 150, severities: {}, coexistence: 'auto', importStyle: 'id' };

const severityWords = new Set(['error', 'warning', 'information', 'hint', 'off']);

/** Reads the `awsccCognito` section; anything malformed falls back to its default instead of failing. */
export function readSettings(section: unknown): ServerSettings {
  const s = (section && typeof section === 'object' ? section : {}) as Record<string, unknown>;
  const diagnostics = (s.diagnostics && typeof s.diagnostics === 'object' ? s.diagnostics : {}) as Record<string, unknown>;
  const debounce = diagnostics.debounceMs;
  const severities: ServerSettings['severities'] = {};
  const raw = diagnostics.severity;
  if (raw && typeof raw === 'object') {
    for (const [code, level] of Object.entries(raw as Record<string, unknown>)) {
      if (typeof level === 'string' && severityWords.has(level)) severities[code] = level as 'error';
    }
  }
  const coexistence = s.coexistence;
  const imports = (s.import && typeof s.import === 'object' ? s.import : {}) as Record<string, unknown>;
  return {
    importStyle: imports.style === 'identity' ? 'identity' : 'id',
    debounceMs: typeof debounce === 'number' && debounce >= 0 && debounce <= 10_000 ? debounce : defaultSettings.debounceMs,
    severities,
    coexistence: coexistence === 'always-yield' || coexistence === 'never-yield' ? coexistence : 'auto',
  };
}
