// HCL literals for described values. Strings are escaped the way hclwrite writes them, so `${` in a
// callback URL stays literal text instead of becoming an interpolation.
import { quoteString } from '../format';

export type PlainValue = string | number | boolean | null | PlainValue[] | { [key: string]: PlainValue };

export function hclLiteral(value: PlainValue, indent = ''): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return quoteString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map((v) => hclLiteral(v, indent)).join(', ')}]`;
  const keys = Object.keys(value);
  if (keys.length === 0) return '{}';
  const inner = indent + '  ';
  return `{\n${keys.map((k) => `${inner}${objectKey(k)} = ${hclLiteral(value[k], inner)}\n`).join('')}${indent}}`;
}

/** A bare key when it is an identifier, else a quoted one. */
export function objectKey(key: string): string {
  return /^[a-zA-Z_][a-zA-Z0-9_-]*$/.test(key) ? key : quoteString(key);
}
