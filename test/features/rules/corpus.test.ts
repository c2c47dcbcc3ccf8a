// The realistic corpus: modules under test/fixtures/corpus/ written the way public repositories write
// these blocks (reusable modules with placeholder defaults and their callers, tfvars, outputs, split ids,
// URL resource-server identifiers, dynamic values, modules converted from hashicorp/aws). Every folder is a
// module. Annotations at the end of a line where a diagnostic must start:
//   # expect: CODE severity[, CODE severity]   a real mistake (or a downgraded placeholder) that must be reported
//   # pending(tag): no CODE                     a false alarm another part of issue #11 removes
//   # pending(tag): [CODE] severity             a finding another part of issue #11 adds (any code when none is named)
// Until a tag is in LANDED, its false alarms are tolerated and its new findings are not required; once the
// lead lists the tag (after merging that work), both are enforced. No other Error or Warning may appear.
// The Information findings per client are printed: keep them few.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { Workspace, nodeFileSystem } from '../../../server/src/model';
import { computeDiagnostics } from '../../../server/src/features/diagnostics';
import { RESOURCE_TYPE } from '../../../server/src/knowledge';
import { tfFiles } from '../../support/tfFiles';

/**
 * Tags of pending expectations whose work has landed. Switch on after merging:
 * - 'split-id': CUP701 accepts split("|", X.id)[1] (Deliver 2)
 * - 'url-scope': CUP210 accepts URL resource-server identifiers (Deliver 3)
 * - 'openid-cc': client_credentials with OpenID scopes is a Warning (Deliver 3)
 */
const LANDED = new Set<string>(['split-id', 'url-scope', 'openid-cc']);

const ROOT = join(__dirname, '..', '..', 'fixtures', 'corpus');
const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];
/** The most Information findings one client may draw. */
const MAX_INFORMATION_PER_CLIENT = 2;

interface Pending {
  tag: string;
  line: number;
  /** `no` = a false alarm of `code` goes away; otherwise a finding of `severity` (and `code`, when named) appears. */
  no: boolean;
  code?: string;
  severity?: string;
}

function parseAnnotations(text: string): { expected: string[]; pending: Pending[] } {
  const expected: string[] = [];
  const pending: Pending[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const e = /#\s*expect:\s*([^#]+)/.exec(line);
    if (e) for (const part of e[1].split(',')) expected.push(`${i + 1} ${part.trim().split(/\s+/).join(' ')}`);
    const p = /#\s*pending\(([\w-]+)\):\s*([^#]+)/.exec(line);
    if (p) {
      const words = p[2].trim().split(/\s+/);
      if (words[0] === 'no') pending.push({ tag: p[1], line: i + 1, no: true, code: words[1] });
      else if (words.length === 1) pending.push({ tag: p[1], line: i + 1, no: false, severity: words[0] });
      else pending.push({ tag: p[1], line: i + 1, no: false, code: words[0], severity: words[1] });
    }
  });
  return { expected: expected.sort(), pending };
}

const key = (d: Diagnostic) => `${d.range.start.line + 1} ${d.code} ${SEVERITY[d.severity ?? 1]}`;

/** Client blocks of a file: their names and line ranges (1-based, inclusive). */
function clientBlocks(text: string): { name: string; from: number; to: number }[] {
  const lines = text.split(/\r?\n/);
  const out: { name: string; from: number; to: number }[] = [];
  lines.forEach((line, i) => {
    const m = new RegExp(`^resource "${RESOURCE_TYPE}" "([^"]+)"`).exec(line);
    if (!m) return;
    let end = i;
    while (end < lines.length && lines[end] !== '}') end++;
    out.push({ name: m[1], from: i + 1, to: end + 1 });
  });
  return out;
}

const files = tfFiles(ROOT);
const workspace = new Workspace(nodeFileSystem);
const found = new Map(files.map((f) => [f, computeDiagnostics(workspace.contextFor(pathToFileURL(f).href)!)]));

describe('realistic corpus', () => {
  test('the corpus is realistic in size: at least 10 modules and 30 clients', () => {
    const modules = new Set(files.map((f) => f.slice(0, f.lastIndexOf('/'))));
    const clients = files.reduce((n, f) => n + clientBlocks(readFileSync(f, 'utf8')).length, 0);
    assert.ok(modules.size >= 10, `${modules.size} modules`);
    assert.ok(clients >= 30, `${clients} clients`);
  });

  for (const file of files) {
    const name = relative(ROOT, file);
    test(`${name}: every planted mistake reported, no other Error or Warning`, () => {
      const text = readFileSync(file, 'utf8');
      const { expected, pending } = parseAnnotations(text);
      const reported = found.get(file)!.map(key).sort();
      const landed = pending.filter((p) => LANDED.has(p.tag));
      const waiting = pending.filter((p) => !LANDED.has(p.tag));
      for (const p of landed.filter((p) => !p.no)) {
        const i = reported.findIndex((r) => r.startsWith(`${p.line} `) && (!p.code || r.includes(` ${p.code} `)) && r.endsWith(` ${p.severity}`));
        assert.ok(i >= 0, `pending(${p.tag}) now landed, not reported: line ${p.line} ${p.code ?? ''} ${p.severity}\nreported:\n${reported.join('\n')}`);
        reported.splice(i, 1);
      }
      for (const a of expected) {
        const i = reported.indexOf(a);
        assert.ok(i >= 0, `expected finding not reported: line ${a}\nreported:\n${reported.join('\n')}`);
        reported.splice(i, 1);
      }
      const tolerated = (r: string) =>
        waiting.some((p) => r.startsWith(`${p.line} `) && (p.no ? r.includes(` ${p.code} `) : (!p.code || r.includes(` ${p.code} `)) && r.endsWith(` ${p.severity}`)));
      const stillWaiting = reported.filter(tolerated);
      if (stillWaiting.length > 0) console.log(`  ${name}: tolerated until its pending work lands: ${stillWaiting.join('; ')}`);
      const unexpected = reported.filter((r) => /(error|warning)$/.test(r) && !tolerated(r));
      assert.deepEqual(unexpected, [], `Errors or Warnings nobody planted in ${name}`);
    });
  }

  test(`Information findings per client stay low (at most ${MAX_INFORMATION_PER_CLIENT} each)`, () => {
    const rows: string[] = [];
    let total = 0;
    let clients = 0;
    const over: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const info = found.get(file)!.filter((d) => d.severity === 3);
      const blocks = clientBlocks(text);
      for (const b of blocks) {
        const mine = info.filter((d) => d.range.start.line + 1 >= b.from && d.range.start.line + 1 <= b.to);
        clients++;
        total += mine.length;
        rows.push(`${relative(ROOT, file)} ${b.name}: ${mine.length}${mine.length ? ` (${mine.map((d) => d.code).join(', ')})` : ''}`);
        if (mine.length > MAX_INFORMATION_PER_CLIENT) over.push(rows[rows.length - 1]);
      }
      const outside = info.filter((d) => !blocks.some((b) => d.range.start.line + 1 >= b.from && d.range.start.line + 1 <= b.to));
      if (outside.length > 0) rows.push(`${relative(ROOT, file)} (outside client blocks, e.g. on defaults): ${outside.length} (${outside.map((d) => d.code).join(', ')})`);
    }
    console.log(`Information findings per client (${clients} clients, ${total} in client blocks):\n  ${rows.join('\n  ')}`);
    assert.deepEqual(over, []);
  });
});
