// We report a syntax error exactly when terraform's parser rejects a mutated file (a few hundred here;
// acceptReject.fuzz.ts runs over ten thousand).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/parser';
import { runAcceptReject } from './acceptRejectSuite';
import { terraformAvailable, terraformRejects } from '../support/terraformCheck';

describe('accept/reject agreement with terraform', () => {
  test('300 mutated valid files', () => {
    const result = runAcceptReject(300, 7);
    console.log(`reference: ${result.reference}; ${result.rejected} of ${result.mutations} mutations rejected`);
    assert.ok(result.rejected > 30 && result.rejected < 270, 'the mutations produce a mix of valid and invalid files');
    const shown = result.disagreements.slice(0, 3).map((d) => `${d.description}: ours ${JSON.stringify(d.ours)}, reference rejects: ${d.referenceRejects}\n${d.text.slice(0, 300)}`);
    assert.equal(result.disagreements.length, 0, shown.join('\n---\n'));
  });

  test('HCL line breaks are LF and CRLF: a lone CR is an invalid character', () => {
    assert.deepEqual(parse('a = 1\r\nb = 2\r\n').diagnostics, []);
    const messages = parse('a = 1\rb = 2\n').diagnostics.map((d) => d.message);
    assert.equal(messages[0], 'Invalid character');
    // Inside strings and heredocs too (but not inside comments).
    assert.deepEqual(parse('a = "x\ry"\n').diagnostics.map((d) => d.message), ['Invalid character']);
    assert.deepEqual(parse('a = <<EOT\nx\ry\nEOT\n').diagnostics.map((d) => d.message), ['Invalid character']);
  });

  test('a line comment runs to the line feed', () => {
    const file = parse('# note\r}\na = 1\r\n');
    assert.deepEqual(file.diagnostics, []);
    assert.deepEqual(file.comments.map((c) => [c.start, c.end]), [[0, 8]]);
  });
});

describe('cases the long run found, with the verdict terraform gives', () => {
  // Each: text, whether HCL rejects it. Checked against the terraform binary when it is on PATH.
  const cases: [string, boolean][] = [
    ['a = "%{ for v in xs }${v}%{~\r\n endfor }"\n', false], // a line break inside a directive's braces
    ['a = "%{\n if c }y%{\n else }n%{\n endif }"\n', false],
    ['a = [2. 5E-2]\n', false], // `2` then the legacy index `.5E-2`: HCL scans the exponent after a dot
    ['a = x.5E-2\n', false],
    ['a = x.0.1\n', true], // two legacy indexes in a row
    ['a = x.0.1e5\n', true],
    ['a = x.5e\n', true],
  ];
  test('each agrees with HCL', () => {
    for (const [text, rejected] of cases) assert.equal(parse(text).diagnostics.length > 0, rejected, JSON.stringify(text));
  });
  test('and the verdicts are terraform\'s', (t) => {
    if (!terraformAvailable()) {
      console.log('# skipped: no terraform binary on PATH');
      t.skip('no terraform binary on PATH');
      return;
    }
    assert.deepEqual(terraformRejects(cases.map((c) => c[0])), cases.map((c) => c[1]));
  });
});
