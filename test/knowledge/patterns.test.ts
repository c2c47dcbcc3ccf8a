// Patterns with Unicode property classes carry an ASCII twin (`asciiRegex`) that CUP204 uses for ASCII
// values, because compiling the Unicode classes costs each new server process a few ms on its first
// diagnostics run. The twin must give the very same answer for every ASCII string.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resourceSchema, type AttributeSpec } from '../../server/src/knowledge';
import { seededRandom } from '../support/generate';
import { reported } from '../features/rules/helpers';

function all(attrs: readonly AttributeSpec[]): AttributeSpec[] {
  return attrs.flatMap((a) => [a, ...all(a.attributes ?? [])]);
}

const patterns = all(resourceSchema.attributes).flatMap((a) => (a.pattern ? [{ name: a.name, pattern: a.pattern }] : []));
const twins = patterns.filter((a) => a.pattern.asciiRegex !== undefined);

test('every pattern with Unicode property classes has an ASCII twin, and only those', () => {
  const unicodeClasses = patterns.filter((a) => a.pattern.regex.includes('\\p{'));
  assert.ok(unicodeClasses.length >= 2, 'the URL and identity provider patterns');
  assert.deepEqual(
    twins.map((t) => t.name),
    unicodeClasses.map((t) => t.name),
  );
  for (const { name, pattern } of twins) assert.match(pattern.flags ?? '', /u/, `${name}: a twin is only for Unicode patterns`);
});

test('each ASCII twin answers as its Unicode pattern for every ASCII character and for random ASCII strings', () => {
  const rand = seededRandom(204);
  const samples: string[] = [];
  for (let c = 0; c < 128; c++) samples.push(String.fromCharCode(c), `a${String.fromCharCode(c)}b`);
  for (let i = 0; i < 3000; i++) {
    let s = '';
    const length = 1 + Math.floor(rand() * 24);
    for (let k = 0; k < length; k++) s += String.fromCharCode(Math.floor(rand() * 128));
    samples.push(s);
  }
  for (const { name, pattern } of twins) {
    const unicode = new RegExp(pattern.regex, pattern.flags);
    const ascii = new RegExp(pattern.asciiRegex as string);
    for (const s of samples) assert.equal(ascii.test(s), unicode.test(s), `${name}: ${JSON.stringify(s)}`);
  }
});

test('CUP204 still reads values beyond ASCII with the Unicode pattern', () => {
  const block = (urls: string) => `resource "awscc_cognito_user_pool_client" "c" {\n  user_pool_id  = "us-east-1_abc"\n  callback_ur_ls = [${urls}]\n}\n`;
  // Letters beyond ASCII are letters; a no-break space (U+00A0) is a space separator, which URLs may not hold.
  assert.deepEqual(reported(block('"https://exämple.com/cb"'), 'CUP204'), []);
  assert.deepEqual(reported(block('"https://example.com/a\u00a0b"'), 'CUP204'), ['error "https://example.com/a\u00a0b"']);
  assert.deepEqual(reported(block('"https://example.com/a b"'), 'CUP204'), ['error "https://example.com/a b"']);
});
