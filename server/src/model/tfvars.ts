// Variable values Terraform loads without being asked: `terraform.tfvars`, `terraform.tfvars.json`, then
// `*.auto.tfvars` and `*.auto.tfvars.json` in lexical order of their names; a later file overrides an
// earlier one. A variable set there is judged by that value rather than by its default.
import type { Expression, HclFile } from '../parser';
import { parse } from '../parser';

/** One variable's value from a tfvars file: an HCL expression, or a JSON value. */
export interface TfvarsValue {
  readonly variable: string;
  readonly uri: string;
  /** The file's name (`terraform.tfvars`), for messages. */
  readonly fileName: string;
  /** Zero-based line of the assignment. */
  readonly line: number;
  /** Source text of the value, for cache keys. */
  readonly text: string;
  readonly expression?: Expression;
  /** Set (possibly to null) for `.tfvars.json` values. */
  readonly json?: { value: unknown };
}

export interface TfvarsSource {
  readonly uri: string;
  readonly fileName: string;
  readonly text: string;
  /** The parsed tree, when an open document already has one. */
  readonly file?: HclFile;
}

/** Any variable definitions file, loaded automatically or not: never a document of the module. */
export function isAnyTfvarsFileName(name: string): boolean {
  return name.endsWith('.tfvars') || name.endsWith('.tfvars.json');
}

export function isTfvarsFileName(name: string): boolean {
  return name === 'terraform.tfvars' || name === 'terraform.tfvars.json' || name.endsWith('.auto.tfvars') || name.endsWith('.auto.tfvars.json');
}

/** Terraform's loading order: the two fixed names first, then the auto files by name. */
export function tfvarsOrder(a: string, b: string): number {
  const rank = (n: string) => (n === 'terraform.tfvars' ? 0 : n === 'terraform.tfvars.json' ? 1 : 2);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** The effective values of a folder's tfvars files (already in loading order). */
export function tfvarsValues(sources: readonly TfvarsSource[]): Map<string, TfvarsValue> {
  const values = new Map<string, TfvarsValue>();
  for (const source of sources) {
    const found = source.fileName.endsWith('.json') ? jsonValues(source) : hclValues(source);
    for (const v of found) values.set(v.variable, v);
  }
  return values;
}

function hclValues(source: TfvarsSource): TfvarsValue[] {
  const file = source.file ?? parse(source.text);
  // Terraform refuses a file it cannot parse: it sets nothing we could judge by.
  if (file.diagnostics.length > 0) return [];
  const out: TfvarsValue[] = [];
  for (const item of file.body.items) {
    if (item.kind !== 'Attribute' || !item.name.name || item.equals < 0 || item.value.kind === 'Invalid') continue;
    out.push({
      variable: item.name.name,
      uri: source.uri,
      fileName: source.fileName,
      line: file.lines.positionAt(item.start).line,
      text: file.slice(item.value.start, item.value.end),
      expression: item.value,
    });
  }
  return out;
}

function jsonValues(source: TfvarsSource): TfvarsValue[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(source.text.replace(/^\uFEFF/, ''));
  } catch {
    // Terraform refuses the file; it sets nothing we could judge by.
    return [];
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return [];
  const out: TfvarsValue[] = [];
  for (const [variable, value] of Object.entries(parsed as Record<string, unknown>)) {
    out.push({ variable, uri: source.uri, fileName: source.fileName, line: keyLine(source.text, variable), text: JSON.stringify(value) ?? '', json: { value } });
  }
  return out;
}

/** The line of a top-level key's first occurrence (good enough to point a reader at it). */
function keyLine(text: string, key: string): number {
  const at = text.indexOf(JSON.stringify(key));
  if (at < 0) return 0;
  let line = 0;
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
