// `npm run test:vscode`: the real-editor checks in a downloaded VS Code (Electron) through
// @vscode/test-electron. Where VS Code cannot be downloaded (no internet) it prints one line,
// "skipped: VS Code could not be downloaded (<reason>)", and exits 0; test/e2e covers that case.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadAndUnzipVSCode, runTests, SilentReporter } from '@vscode/test-electron';
import { bundleSuite } from './bundleSuite';

const root = join(__dirname, '..', '..');

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
}

async function main(): Promise<number> {
  let executable: string;
  try {
    executable = await downloadAndUnzipVSCode({ reporter: new SilentReporter(), timeout: 30_000 });
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    console.log(`skipped: VS Code could not be downloaded (${reason})`);
    return 0;
  }

  run(process.execPath, ['scripts/build.mjs']);
  const suite = bundleSuite(root);

  const temp = mkdtempSync(join(tmpdir(), 'awscc-cognito-vscode-'));
  try {
    const workspace = join(temp, 'workspace');
    cpSync(join(root, 'test', 'e2e', 'fixtures', 'workspace'), workspace, { recursive: true });
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: root,
      extensionTestsPath: suite,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(temp, 'user-data')],
    });
    return 0;
  } catch (error) {
    console.log(`test:vscode failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
