// `check` on what a file system really holds: folders it cannot read, symbolic links (to files, to folders,
// in loops, out of the tree), FIFOs, sockets, devices and files over the size limit. Everything readable is
// checked; everything else gets one stderr line and exit 2; nothing special is ever opened.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI } from './importSupport';

const RESOURCE = 'resource "awscc_cognito_user_pool_client" "web" {\n  user_pool_id = "us-east-1_Abc"\n  client_name  = "web"\n}\n';
const IMPORT = 'import {\n  to = awscc_cognito_user_pool_client.web\n  id = "us-east-1_Abc|1example23456789"\n}\n';
// An error our check reports, to tell a file that was read from one that was not.
const BROKEN = 'locals {\n  a = (1\n}\n';

/** Runs the built CLI; `asUser` drops root for a test that needs permissions to bite. */
function run(args: string[], cwd: string, asUser?: number) {
  const command = asUser === undefined ? [process.execPath, CLI, ...args] : ['setpriv', `--reuid=${asUser}`, `--regid=${asUser}`, '--clear-groups', process.execPath, CLI, ...args];
  // The timeout is a guard, not a budget: a FIFO opened for reading would block forever.
  const r = spawnSync(command[0], command.slice(1), { encoding: 'utf8', cwd, timeout: 20_000 });
  assert.equal(r.signal, null, `the CLI did not finish (killed by ${r.signal}): it blocked on something`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'awscc-files-'));
  chmodSync(dir, 0o755);
  return dir;
}

describe('check: folders it cannot read', () => {
  let dir: string;
  before(() => {
    dir = tempDir();
    writeFileSync(join(dir, 'main.tf'), RESOURCE);
    mkdirSync(join(dir, 'locked'));
    writeFileSync(join(dir, 'locked', 'bad.tf'), BROKEN);
    mkdirSync(join(dir, 'open'));
    writeFileSync(join(dir, 'open', 'bad.tf'), BROKEN);
    writeFileSync(join(dir, 'secret.tf'), BROKEN);
    chmodSync(join(dir, 'locked'), 0o000);
    chmodSync(join(dir, 'secret.tf'), 0o000);
  });
  after(() => {
    chmodSync(join(dir, 'locked'), 0o755);
    rmSync(dir, { recursive: true, force: true });
  });

  test('an unreadable subfolder or file is reported (exit 2) and the readable files are still checked', (t) => {
    // Root reads any folder; run the CLI as `nobody` then, so the permission is real.
    let asUser: number | undefined;
    if (process.getuid?.() === 0) {
      if (spawnSync('setpriv', ['--version']).status !== 0) {
        console.log('# skipped: running as root without setpriv, so no folder can be made unreadable');
        t.skip('running as root without setpriv: no folder can be made unreadable');
        return;
      }
      asUser = 65534;
    }
    const r = run(['check', '.'], dir, asUser);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /^awscc-cognito: cannot read folder locked: permission denied \(EACCES\); the \.tf files in it were not checked$/m);
    assert.match(r.stderr, /^awscc-cognito: cannot read secret\.tf: permission denied \(EACCES\)$/m);
    assert.match(r.stdout, /^open\/bad\.tf:2:\d+: error CUP001/m, 'the readable folder was checked');
  });
});

describe('check: symbolic links', () => {
  let root: string;
  let dir: string;
  let outside: string;
  before(() => {
    root = tempDir();
    dir = join(root, 'module');
    outside = join(root, 'shared');
    mkdirSync(dir);
    mkdirSync(outside);
    writeFileSync(join(outside, 'client.tf'), RESOURCE);
    writeFileSync(join(outside, 'broken.tf'), BROKEN);
    writeFileSync(join(dir, 'imports.tf'), IMPORT);
    // The module's only resource is a link to a file outside the tree: Terraform reads it wherever it points.
    symlinkSync(join(outside, 'client.tf'), join(dir, 'client.tf'));
    // A link to a folder out of the tree and a link back up (a loop): neither is followed.
    symlinkSync(outside, join(dir, 'shared'));
    mkdirSync(join(dir, 'sub'));
    symlinkSync('..', join(dir, 'sub', 'up'));
    writeFileSync(join(dir, 'sub', 'ok.tf'), 'locals {\n  a = 1\n}\n');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  test('a .tf link to a file is a module file: no false CUP610, its problems are reported under its own name', () => {
    const r = run(['check', '--format', 'json', '.'], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const items = JSON.parse(r.stdout) as { file: string; code: string }[];
    assert.deepEqual(items.filter((i) => i.code === 'CUP610'), [], 'the linked resource declares the import target');
    symlinkSync(join(outside, 'broken.tf'), join(dir, 'broken.tf'));
    try {
      const broken = run(['check', '.'], dir);
      assert.equal(broken.code, 1, broken.stderr);
      assert.match(broken.stdout, /^broken\.tf:2:\d+: error CUP001/m);
    } finally {
      rmSync(join(dir, 'broken.tf'));
    }
  });

  test('folder links are not followed (no loop, nothing outside the tree); the walk ends', () => {
    const r = run(['check', '--format', 'json', '.'], dir);
    assert.equal(r.code, 0, r.stderr);
    const files = new Set((JSON.parse(r.stdout) as { file: string }[]).map((i) => i.file));
    assert.ok(![...files].some((f) => f.startsWith('shared') || f.includes('up/')), [...files].join(', '));
  });

  test('a dangling link and a link loop named .tf are reported (exit 2); the rest is still checked', () => {
    symlinkSync(join(root, 'nowhere.tf'), join(dir, 'dangling.tf'));
    symlinkSync(join(dir, 'loop-b.tf'), join(dir, 'loop-a.tf'));
    symlinkSync(join(dir, 'loop-a.tf'), join(dir, 'loop-b.tf'));
    writeFileSync(join(dir, 'sub', 'bad.tf'), BROKEN);
    try {
      const r = run(['check', '.'], dir);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /^awscc-cognito: cannot read dangling\.tf: no such file or folder/m);
      assert.match(r.stderr, /^awscc-cognito: cannot read loop-a\.tf: symbolic links point at each other in a loop \(ELOOP\)$/m);
      assert.match(r.stdout, /^sub\/bad\.tf:2:\d+: error CUP001/m);
    } finally {
      for (const f of ['dangling.tf', 'loop-a.tf', 'loop-b.tf', 'sub/bad.tf']) rmSync(join(dir, f));
    }
  });
});

describe('check: special files and size', () => {
  let dir: string;
  let socketServer: Server;
  before(async () => {
    dir = tempDir();
    writeFileSync(join(dir, 'bad.tf'), BROKEN);
    assert.equal(spawnSync('mkfifo', [join(dir, 'x.tf')]).status, 0, 'mkfifo');
    socketServer = createServer();
    await new Promise<void>((resolve) => socketServer.listen(join(dir, 'sock.tf'), resolve));
    symlinkSync('/dev/null', join(dir, 'device.tf'));
  });
  after(async () => {
    await new Promise((resolve) => socketServer.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  test('a FIFO named on the command line is not opened: a message, exit 2, no hang', () => {
    const r = run(['check', 'x.tf'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'awscc-cognito: skipped x.tf: not a regular file: a FIFO (named pipe); it was not opened\n');
  });

  test('FIFOs, sockets and devices in a folder are reported; the regular files are checked', () => {
    const r = run(['check', '.'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^awscc-cognito: skipped x\.tf: not a regular file: a FIFO \(named pipe\); it was not opened$/m);
    assert.match(r.stderr, /^awscc-cognito: skipped sock\.tf: not a regular file: a socket; it was not opened$/m);
    assert.match(r.stderr, /^awscc-cognito: skipped device\.tf: not a regular file: a device; it was not opened$/m);
    assert.match(r.stdout, /^bad\.tf:2:\d+: error CUP001/m);
  });

  test('a file over the size limit names the limit', () => {
    writeFileSync(join(dir, 'huge.tf'), '#'.repeat(21 * 1024 * 1024));
    try {
      const r = run(['check', 'huge.tf', 'bad.tf'], dir);
      assert.equal(r.code, 2);
      assert.equal(r.stderr, 'awscc-cognito: cannot read huge.tf: larger than the 20 MB limit (21.0 MB)\n');
      assert.match(r.stdout, /^bad\.tf:2:\d+: error CUP001/m);
    } finally {
      rmSync(join(dir, 'huge.tf'));
    }
  });
});
