// Diagnostic messages and quick-fix titles are plain text (editors show them verbatim): no markdown code
// spans. The conversion is central (rules/plainMessage.ts, applied where findings are made and where fixes
// become code actions); this checks what is actually published for every diagnostics fixture.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Workspace, nodeFileSystem } from '../../../server/src/model';
import { computeDiagnostics } from '../../../server/src/features/diagnostics';
import { codeActions } from '../../../server/src/features/codeActions';
import { plainMessage } from '../../../server/src/features/rules/plainMessage';
import { diagnose } from './helpers';

const ROOT = join(__dirname, '..', '..', 'fixtures', 'diagnostics');

describe('plain-text messages', () => {
  test('code spans become quotes; a quoted string keeps its own quotes', () => {
    assert.equal(plainMessage('`LEGACY` lets errors through; set `x` to `"ENABLED"`.'), `'LEGACY' lets errors through; set 'x' to "ENABLED".`);
    assert.equal(plainMessage('no code here'), 'no code here');
    assert.equal(plainMessage('a stray ` tick'), "a stray ' tick");
  });

  test('the scan gives what the regular expressions it replaced gave, on random text of ticks, quotes and line breaks', () => {
    // The former implementation, kept as the oracle.
    const reference = (message: string) =>
      message.replace(/`([^`\n]*)`/g, (_, code: string) => (/^(".*"|'.*')$/.test(code) ? code : `'${code}'`)).replace(/`/g, "'");
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const alphabet = ['`', '`', '"', "'", '\n', 'a', 'b', ' ', '.'];
    for (let i = 0; i < 20000; i++) {
      let text = '';
      const length = Math.floor(random() * 14);
      for (let k = 0; k < length; k++) text += alphabet[Math.floor(random() * alphabet.length)];
      assert.equal(plainMessage(text), reference(text), JSON.stringify(text));
    }
  });

  test('no published diagnostic or quick-fix title in the diagnostics fixtures contains a backtick', () => {
    const workspace = new Workspace(nodeFileSystem);
    const codes = new Set<string>();
    let titles = 0;
    for (const module of readdirSync(ROOT)) {
      for (const name of readdirSync(join(ROOT, module)).filter((f) => f.endsWith('.tf'))) {
        const ctx = workspace.contextFor(pathToFileURL(join(ROOT, module, name)).href)!;
        for (const d of computeDiagnostics(ctx)) {
          codes.add(String(d.code));
          const message = d.message as string;
          assert.ok(!message.includes('`'), `${module}/${name} ${d.code}: ${message}`);
        }
        const lines = ctx.document.file.lines.lineCount;
        const whole = { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } };
        for (const action of codeActions(ctx, whole)) {
          titles++;
          assert.ok(!action.title.includes('`'), `${module}/${name}: fix ${action.title}`);
        }
      }
    }
    // Not vacuous: the fixtures exercise most rules and many fixes.
    assert.ok(codes.size >= 30, `${codes.size} codes seen`);
    assert.ok(titles >= 10, `${titles} fix titles seen`);
  });

  test('messages of a rule that writes code spans arrive without them', () => {
    const [d] = diagnose('resource "awscc_cognito_user_pool_client" "c" {\n  user_pool_id = "p"\n  prevent_user_existence_errors = "LEGACY"\n}\n').filter((x) => x.code === 'CUP502');
    assert.match(d.message as string, /^'LEGACY' lets/);
  });
});
