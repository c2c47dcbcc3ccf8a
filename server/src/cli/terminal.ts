// Everything the CLI prints to a terminal passes through here. File names, values from .tf files, client
// names and service error codes come from places this tool does not control, and an ESC, BEL, C1 control or
// bidi override among them would rewrite the terminal title, clear the screen or reorder what the user reads.
// Each such character is shown as a `\uXXXX` escape instead. The backslash itself is left alone so Windows
// paths stay readable; the escape form is the one JSON and HCL strings use, so JSON, SARIF and generated HCL
// keep meaning exactly what they meant (a JSON or HCL string decodes `\u202e` to the same character).

/**
 * C0 controls (line feed only where `keepNewlines`), DEL, C1 controls, the bidi marks, embeddings, overrides
 * and isolates (U+061C, U+200E/F, U+202A-E, U+2066-9) and the Unicode line and paragraph separators.
 */
const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const CONTROLS_AND_NEWLINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeOne(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** One field (a file name, a message, a client name): every control character escaped, line feeds too. */
export function terminalField(text: string): string {
  return text.replace(CONTROLS_AND_NEWLINE, escapeOne);
}

/**
 * A whole block of output: control characters escaped, line feeds kept as the line structure. JSON from
 * JSON.stringify holds line feeds only as layout, so passing it through here keeps it exact JSON.
 */
export function terminalText(text: string): string {
  return text.replace(CONTROLS, escapeOne);
}

/** An output channel whose every write is made safe for a terminal. */
export function terminalSafe<T extends { out(text: string): void; err(text: string): void }>(io: T): { out(text: string): void; err(text: string): void } {
  return { out: (text) => io.out(terminalText(text)), err: (text) => io.err(terminalText(text)) };
}
