// Installs what the real-editor tests need, once, into a cache outside the project's node_modules:
// Debian chromium + ripgrep (apt), code-server 4.99.x and playwright-core (npm, into the cache dir).
// Idempotent: every step checks for its result first, so a warm run takes well under a second.
// Usage: node scripts/e2e-setup.mjs            (prints the cache dir on the last line)
//        import { ensureE2eTools } from './e2e-setup.mjs'
import { existsSync, mkdirSync, writeFileSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { homedir, tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.99.4'; // last line that runs on Node 20 (VS Code 1.99.3)
export const PLAYWRIGHT_VERSION = '1.65.1';
const RIPGREP_CACHE = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
const APT_PACKAGES = ['chromium', 'ripgrep', 'libkrb5-dev', 'libxkbfile-dev', 'libsecret-1-dev'];

export function cacheDir() {
  return process.env.AWSCC_COGNITO_E2E_CACHE ?? join(homedir(), '.cache', 'awscc-cognito-e2e');
}

function log(message) {
  console.log(`[e2e-setup] ${message}`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
  }
}

function dpkgInstalled(pkg) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

function ensureAptPackages() {
  const missing = APT_PACKAGES.filter((p) => !dpkgInstalled(p));
  if (missing.length === 0) return;
  log(`apt: installing ${missing.join(' ')}`);
  const asRoot = process.getuid?.() === 0;
  const apt = (args) =>
    run(asRoot ? 'apt-get' : 'sudo', asRoot ? args : ['apt-get', ...args], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  apt(['update']);
  apt(['install', '-y', '--no-install-recommends', ...missing]);
}

export function codeServerBin(dir = cacheDir()) {
  return join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

export function playwrightModule(dir = cacheDir()) {
  return join(dir, 'node_modules', 'playwright-core', 'index.js');
}

function installedVersion(dir, name) {
  const pkgJson = join(dir, 'node_modules', name, 'package.json');
  if (!existsSync(pkgJson)) return undefined;
  return JSON.parse(readFileSync(pkgJson, 'utf8')).version;
}

function ensureNpmPackages(dir) {
  // The asar symlink is made by code-server's postinstall; without it the install is half done.
  const haveCodeServer =
    installedVersion(dir, 'code-server') === CODE_SERVER_VERSION &&
    existsSync(codeServerBin(dir)) &&
    existsSync(join(dir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules.asar'));
  const havePlaywright = installedVersion(dir, 'playwright-core') === PLAYWRIGHT_VERSION;
  if (haveCodeServer && havePlaywright) return;
  mkdirSync(dir, { recursive: true });
  const pkgFile = join(dir, 'package.json');
  if (!existsSync(pkgFile)) {
    writeFileSync(pkgFile, JSON.stringify({ name: 'awscc-cognito-e2e-cache', private: true }, null, 2) + '\n');
  }
  // @vscode/ripgrep (a code-server dependency) downloads rg from GitHub, which is unreachable here:
  // seed its download cache with Debian's rg so the postinstall finds the archive locally.
  const scratch = mkdtempSync(join(tmpdir(), 'awscc-e2e-npm-'));
  try {
    const rgCache = join(scratch, RIPGREP_CACHE);
    mkdirSync(rgCache, { recursive: true });
    run('tar', ['czf', join(rgCache, RIPGREP_ASSET), '-C', '/usr/bin', 'rg']);
    const env = {
      ...process.env,
      TMPDIR: scratch,
      npm_config_unsafe_perm: 'true', // as root npm otherwise skips code-server's install script
      npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`, which would prompt
      npm_config_nodedir: '/usr', // argon2 compiles from source when its prebuilt download fails
      npm_config_fund: 'false',
      npm_config_audit: 'false',
      XDG_CONFIG_HOME: join(scratch, 'config'), // code-server writes its config.yaml there on any call
    };
    const wanted = [];
    if (!haveCodeServer) wanted.push(`code-server@${CODE_SERVER_VERSION}`);
    if (!havePlaywright) wanted.push(`playwright-core@${PLAYWRIGHT_VERSION}`);
    log(`npm: installing ${wanted.join(' ')} into ${dir} (about 1-2 minutes the first time)`);
    run('npm', ['install', '--no-save', '--prefix', dir, ...wanted], { env, cwd: dir });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  if (!existsSync(codeServerBin(dir))) throw new Error(`code-server entry point missing after install: ${codeServerBin(dir)}`);
}

/** Makes sure every tool exists; returns the paths the runner needs. */
export function ensureE2eTools() {
  const dir = cacheDir();
  ensureAptPackages();
  ensureNpmPackages(dir);
  return {
    cacheDir: dir,
    codeServer: codeServerBin(dir),
    playwright: playwrightModule(dir),
    chromium: '/usr/bin/chromium',
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const tools = ensureE2eTools();
    log('ready');
    console.log(tools.cacheDir);
  } catch (error) {
    console.error(`[e2e-setup] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
