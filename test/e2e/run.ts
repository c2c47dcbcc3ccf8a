// `npm run test:e2e [-- <name filter>...] [--no-package] [--keep]`: the real-editor tests.
// Installs its tools when missing (scripts/e2e-setup.mjs), packages and installs the .vsix into a fresh
// code-server, then drives Chromium through every scenario in test/e2e/scenarios/ and prints
// "N passed, N failed". Whatever it started is stopped at the end, also after errors and Ctrl+C.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ensureE2eTools, type E2eTools } from '../../scripts/e2e-setup.mjs';
import { launchBrowser, type BrowserContext } from './browser';
import { startCodeServer, type Editor } from './codeServer';
import { Driver } from './driver';
import { extensionLogFiles } from './extensionLog';
import { cleanupAll, installSignalHandlers, onCleanup, removeLater } from './processes';
import type { Scenario, ScenarioSetup } from './scenario';

// Scenarios carry their own setup data types; the runner only passes it through.
type AnyScenario = Scenario<unknown>;

const root = join(__dirname, '..', '..');
const outDir = join(root, 'test-output', 'e2e');
const vsixPath = join(root, 'dist', 'awscc-cognito.vsix');
const SCENARIO_TIMEOUT_MS = 120_000;

const args = process.argv.slice(2);
const filters = args.filter((a) => !a.startsWith('--'));
const skipPackaging = args.includes('--no-package');
// Keeps the temporary user-data/extensions/logs folder for a post-mortem (its path is printed).
const keepTemp = args.includes('--keep');

function log(message: string): void {
  console.log(`[e2e] ${message}`);
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

function loadScenarios(): AnyScenario[] {
  const dir = join(__dirname, 'scenarios');
  const scenarios: AnyScenario[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
    const loaded = require(join(dir, file)) as { scenario?: AnyScenario };
    if (!loaded.scenario) throw new Error(`test/e2e/scenarios/${file} does not export a \`scenario\``);
    scenarios.push(loaded.scenario);
  }
  return scenarios.filter((s) => filters.length === 0 || filters.some((f) => s.name.includes(f)));
}

function packageExtension(): void {
  if (skipPackaging && existsSync(vsixPath)) {
    log(`reusing ${relative(root, vsixPath)} (--no-package)`);
    return;
  }
  const started = Date.now();
  // stdin is closed so a vsce question fails the run instead of waiting forever.
  const result = spawnSync('npm', ['run', 'package'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) {
    throw new Error(`npm run package failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  log(`packaged ${relative(root, vsixPath)} in ${seconds(started)}`);
}

/** Each scenario gets its own copy of the fixture workspace, so the editor restores nothing from a previous one. */
function workspaceFor(editor: Editor, scenario: AnyScenario): string {
  const folder = join(editor.workspacesDir, scenario.name);
  cpSync(join(__dirname, 'fixtures', 'workspace'), folder, { recursive: true });
  return folder;
}

interface RunContext {
  tools: E2eTools;
  tempRoot: string;
  browser: BrowserContext;
  /** The code-server scenarios without a setup share; started when the first of them runs. */
  sharedEditor: () => Promise<Editor>;
}

/** Runs one scenario, with its own code-server when it has a setup; prints PASS or FAIL and says why. */
async function runScenario(run: RunContext, scenario: AnyScenario): Promise<boolean> {
  const started = Date.now();
  let setup: ScenarioSetup<unknown> | undefined;
  let ownEditor: Editor | undefined;
  let editor: Editor | undefined;
  let passed = false;
  try {
    if (scenario.setup) {
      setup = await scenario.setup();
      ownEditor = await startCodeServer(run.tools, vsixPath, join(run.tempRoot, scenario.name), setup, log);
    }
    editor = ownEditor ?? (await run.sharedEditor());
    passed = await driveScenario(run.browser, editor, scenario, setup?.data, started);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.log(`FAIL ${scenario.name} (${seconds(started)}): ${message}\n     screenshot: (none: the editor was not started)`);
  } finally {
    if (!passed && editor) printEditorLogs(editor);
    await ownEditor?.stop();
    await setup?.dispose?.().catch((error: unknown) => log(`${scenario.name}: dispose failed: ${String(error)}`));
  }
  return passed;
}

async function driveScenario(browser: BrowserContext, editor: Editor, scenario: AnyScenario, data: unknown, started: number): Promise<boolean> {
  const page = await browser.newPage();
  page.setDefaultTimeout(30_000);
  const browserErrors: string[] = [];
  page.on('pageerror', (error) => browserErrors.push(error.message ?? String(error)));
  const folder = workspaceFor(editor, scenario);
  const driver = new Driver(page, scenario.name, outDir, {
    workspaceFolder: folder,
    extensionsDir: editor.extensionsDir,
    userDataDir: editor.userDataDir,
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const authority = `127.0.0.1:${editor.port}`;
    const payload = scenario.payload?.({ root }).map(([key, path]) => [key, `vscode-remote://${authority}${path}`]);
    const query = `folder=${encodeURIComponent(folder)}${payload ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : ''}`;
    await page.goto(`http://${authority}/?${query}`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await Promise.race([
      scenario.run(driver, data),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${SCENARIO_TIMEOUT_MS / 1000} s`)), SCENARIO_TIMEOUT_MS);
      }),
    ]);
    console.log(`PASS ${scenario.name} (${seconds(started)}): ${scenario.description}`);
    return true;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    let shot = '(no screenshot: the page was not usable)';
    try {
      shot = await driver.screenshot('failure');
    } catch {
      // keep the placeholder
    }
    console.log(`FAIL ${scenario.name} (${seconds(started)}): ${message}\n     screenshot: ${relative(root, shot)}`);
    if (browserErrors.length > 0) console.log(`     page errors: ${browserErrors.slice(0, 3).join(' | ')}`);
    return false;
  } finally {
    clearTimeout(timer);
    await page.close().catch(() => undefined);
  }
}

function printTail(title: string, file: string, lines: number): void {
  const tail = existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n') : '';
  if (tail.trim()) console.log(`[e2e] last lines of the ${title} (${file}):\n${tail}`);
}

function printEditorLogs(editor: Editor): void {
  printTail('code-server log', editor.logFile, 15);
  // The extension's output channel is a log file under the user-data dir: it says why the server stopped.
  for (const file of extensionLogFiles(editor.userDataDir)) printTail('awscc-cognito log', file, 20);
}

async function main(): Promise<number> {
  installSignalHandlers();
  const started = Date.now();
  const scenarios = loadScenarios();
  if (scenarios.length === 0) {
    console.log(`no scenario matches ${filters.join(' ')}`);
    return 1;
  }
  const tools = ensureE2eTools();
  packageExtension();

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const tempRoot = mkdtempSync(join(tmpdir(), 'awscc-cognito-e2e-'));
  if (keepTemp) log(`keeping ${tempRoot} (--keep)`);
  else removeLater(tempRoot);

  const browser = await launchBrowser(tools.playwright, tools.chromium, join(tempRoot, 'browser-profile'));
  onCleanup(() => browser.close());
  let shared: Promise<Editor> | undefined;
  const sharedEditor = () => (shared ??= startCodeServer(tools, vsixPath, join(tempRoot, 'shared'), {}, log));

  let passed = 0;
  let failed = 0;
  for (const scenario of scenarios) {
    if (await runScenario({ tools, tempRoot, browser, sharedEditor }, scenario)) passed += 1;
    else failed += 1;
  }
  log(`screenshots in ${relative(root, outDir)}/; total ${seconds(started)}`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main()
  .catch((error: unknown) => {
    console.error(`[e2e] ${error instanceof Error ? error.message : String(error)}`);
    console.log('0 passed, 1 failed');
    return 1;
  })
  .then(async (code) => {
    await cleanupAll();
    process.exit(code);
  });
