// Text the CLI prints to a terminal never carries raw control characters: ESC/OSC/BEL in a .tf value or a
// file name would set the terminal title or clear the screen, a C1 CSI acts like ESC [ on many terminals,
// and a bidi override (U+202E) reorders what the reader sees. Each is shown as a \uXXXX escape. JSON, SARIF
// and the generated HCL keep their exact meaning: their strings decode the escapes to the same characters.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { terminalField, terminalText } from '../../server/src/cli/terminal';
import { EMULATOR_REGION, seedEmulator, startCognitoLocal, type RunningEmulator, type SeededPool } from '../support/emulators';
import { startFaultProxy, type FaultProxy } from '../support/faultProxy';
import { CLI, parseOutput, runCli } from './importSupport';

/** Any character that must not reach a terminal raw (line feeds are the output's own structure). */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const ESC = '\u001b';
const HOSTILE = `${ESC}]0;pwned\u0007${ESC}[2J\u009b31m\u202eevil\u2066\u007f`;

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the shared escape', () => {
  test('escapes C0, DEL, C1, bidi controls and separators; keeps text, emoji and backslashes', () => {
    assert.equal(terminalField(`a${ESC}[2Jb\u0007`), 'a\\u001b[2Jb\\u0007');
    assert.equal(terminalField('x\u009by\u202ez\u2067w\u200fv\u2028'), 'x\\u009by\\u202ez\\u2067w\\u200fv\\u2028');
    assert.equal(terminalField('line\nbreak\ttab\rcr'), 'line\\u000abreak\\u0009tab\\u000dcr');
    assert.equal(terminalText('line\nbreak\ttab'), 'line\nbreak\\u0009tab', 'a block keeps its line feeds');
    assert.equal(terminalField('C:\\tf\\main.tf é 🙂 ü'), 'C:\\tf\\main.tf é 🙂 ü');
  });
  test('JSON passed through it parses to the same values', () => {
    const value = { name: HOSTILE, nested: [HOSTILE, 'plain'] };
    const json = terminalText(JSON.stringify(value, null, 2));
    assert.ok(!RAW.test(json), json);
    assert.deepEqual(JSON.parse(json), value);
  });
});

describe('check prints no raw control characters', () => {
  let dir: string;
  const fileName = `m${ESC}[31m\u202e.tf`;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'awscc-terminal-'));
    // The value is written with HCL escapes: the string Terraform (and our check) sees holds the raw bytes.
    writeFileSync(
      join(dir, fileName),
      'resource "awscc_cognito_user_pool_client" "c" {\n' +
        '  user_pool_id        = "p\\u001b]0;pwned\\u0007\\u009b2J\\u202e"\n' +
        '  client_name         = "x"\n' +
        '  explicit_auth_flows = ["BAD\\u001b[2J"]\n' +
        '}\n',
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('text: file names and quoted values are escaped on stdout', () => {
    const r = run(['check', '.'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.ok(!RAW.test(r.stdout), JSON.stringify(r.stdout));
    assert.match(r.stdout, /^m\\u001b\[31m\\u202e\.tf:2:\d+: error CUP204 `p\\u001b\]0;pwned\\u0007\\u009b2J\\u202e` is not a valid/m);
    assert.match(r.stdout, /error CUP201 `BAD\\u001b\[2J`/);
  });

  test('json and sarif: exact JSON whose strings hold the real characters, and nothing raw', () => {
    for (const format of ['json', 'sarif']) {
      const r = run(['check', '--format', format, '.'], dir);
      assert.equal(r.code, 1, r.stderr);
      assert.ok(!RAW.test(r.stdout), `${format}: ${JSON.stringify(r.stdout.slice(0, 400))}`);
      const text = JSON.stringify(JSON.parse(r.stdout));
      assert.ok(text.includes(JSON.stringify(`p${ESC}]0;pwned\u0007\u009b2J\u202e`).slice(1, -1)), `${format} carries the exact value`);
      const log = JSON.parse(r.stdout);
      // JSON names the file as a path; SARIF as a URI (percent-encoded) relative to SRCROOT.
      const names: string[] = format === 'json' ? log.map((i: { file: string }) => i.file) : log.runs[0].results.map((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => decodeURIComponent(x.locations[0].physicalLocation.artifactLocation.uri));
      assert.ok(names.length > 0 && names.every((n) => n === fileName), `${format} carries the exact file name: ${JSON.stringify(names)}`);
    }
  });

  test('stderr: an unreadable path named with control characters is escaped too', () => {
    const r = run(['check', `nope${ESC}]0;t\u0007.tf`], dir);
    assert.equal(r.code, 2);
    assert.ok(!RAW.test(r.stderr), JSON.stringify(r.stderr));
    assert.match(r.stderr, /cannot read nope\\u001b\]0;t\\u0007\.tf/);
    const option = run(['check', `--${ESC}[2J`], dir);
    assert.equal(option.code, 2);
    assert.ok(!RAW.test(option.stderr), JSON.stringify(option.stderr));
  });
});

describe('import prints no raw control characters (cognito-local)', () => {
  let emulator: RunningEmulator;
  let proxy: FaultProxy;
  let pools: SeededPool[];
  let moduleDir: string;
  before(async () => {
    emulator = await startCognitoLocal();
    pools = await seedEmulator(emulator.endpoint, {
      pools: [{ name: 'hostile', clients: [{ name: `shown ${HOSTILE}` }, { name: `failing ${HOSTILE}` }] }],
    });
    proxy = await startFaultProxy({ upstream: emulator.endpoint });
    moduleDir = mkdtempSync(join(tmpdir(), 'awscc-terminal-import-'));
  });
  after(async () => {
    await proxy?.stop();
    await emulator?.stop();
    if (moduleDir) rmSync(moduleDir, { recursive: true, force: true });
  });

  test('client names, the API error __type and the generated HCL comments are escaped; values stay exact', async () => {
    const [shown, failing] = pools[0].clients;
    proxy.setFaults([
      {
        operation: 'DescribeUserPoolClient',
        when: (input) => input.ClientId === failing.clientId,
        // A raw answer: the proxy's own error fault also sets the type as a header, which cannot hold ESC.
        fault: {
          type: 'raw',
          status: 400,
          contentType: 'application/x-amz-json-1.1',
          body: JSON.stringify({ __type: `Evil${ESC}]0;owned\u0007Exception`, message: `no${ESC}[2J` }),
        },
      },
    ]);
    const r = await runCli(['import', '--endpoint', proxy.endpoint, '--region', EMULATOR_REGION, '--with-resource', '--module', moduleDir]);
    assert.equal(r.code, 1, r.stderr);
    assert.ok(!RAW.test(r.stderr), JSON.stringify(r.stderr));
    assert.ok(!RAW.test(r.stdout), JSON.stringify(r.stdout));
    // The failing client is named, escaped, with its error.
    assert.ok(r.stderr.includes(failing.clientId), r.stderr);
    assert.match(r.stderr, /failing \\u001b\]0;pwned\\u0007/);
    assert.match(r.stderr, /Evil\\u001b\]0;owned\\u0007Exception/);
    // The comment above the import block shows the name with escapes (as the string value does)...
    assert.match(r.stdout, /^# App client "shown \\u001b\]0;pwned\\u0007\\u001b\[2J\\u009b31m\\u202eevil\\u2066\\u007f" \(/m);
    // ...and the HCL string value still means exactly the API's name.
    const out = parseOutput(r.stdout);
    const resource = [...out.resources.values()][0];
    assert.equal(resource.client_name, shown.clientName);
  });
});
