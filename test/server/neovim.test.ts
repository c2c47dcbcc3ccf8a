// The README's Neovim 0.7–0.10 configuration, run as written (only the server path filled in) by a real
// headless Neovim against the built server: the client attaches to a .tf buffer and receives our diagnostics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVER_PATH } from '../support/lspClient';

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

/** The Lua block that follows the README's "Neovim 0.7–0.10" paragraph. */
function readmeConfig(): string {
  const start = README.indexOf('Neovim 0.7–0.10');
  assert.ok(start >= 0, 'the README has a Neovim 0.7–0.10 section');
  const block = /```lua\n([\s\S]*?)```/.exec(README.slice(start));
  assert.ok(block, 'with a Lua block');
  return block[1];
}

// After start-up: wait for diagnostics on the buffer, then write what the client saw to RESULT_FILE.
const HARNESS = `
vim.api.nvim_create_autocmd('VimEnter', { callback = function()
  vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 50)
  local clients = {}
  for _, c in pairs(vim.lsp.buf_get_clients(0)) do table.insert(clients, c.name) end
  local diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(diagnostics, { code = d.code or lsp.code, line = d.lnum, message = d.message })
  end
  vim.fn.writefile({ vim.fn.json_encode({ version = vim.version().minor, filetype = vim.bo.filetype, clients = clients, diagnostics = diagnostics }) }, os.getenv('RESULT_FILE'))
  vim.cmd('qa!')
end })
`;

test('the README config for Neovim 0.7–0.10 attaches the server to a .tf buffer and shows its diagnostics', (t) => {
  const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  if (version.status !== 0) {
    console.log('# skipped: nvim is not on PATH (apt-get install neovim gives 0.7 on Debian 12)');
    t.skip('nvim is not on PATH');
    return;
  }
  const minor = Number(/NVIM v0\.(\d+)/.exec(version.stdout)?.[1]);
  if (!(minor >= 7 && minor <= 10)) {
    console.log(`# skipped: this nvim is ${version.stdout.split('\n')[0]}, not 0.7–0.10`);
    t.skip('nvim outside 0.7–0.10');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'awscc-nvim-'));
  try {
    const config = readmeConfig().replace('/path/to/dist/server.js', SERVER_PATH.replace(/\\/g, '/'));
    assert.ok(config.includes(SERVER_PATH), 'the README block names the server path to fill in');
    writeFileSync(join(dir, 'init.lua'), config + HARNESS);
    writeFileSync(join(dir, 'main.tf'), 'resource "awscc_cognito_user_pool_client" "web" {\n  user_pool_id = "not a pool id"\n  client_name  = "web"\n}\n');
    const resultFile = join(dir, 'result.json');
    const r = spawnSync('nvim', ['--headless', '-n', '-i', 'NONE', '-u', join(dir, 'init.lua'), join(dir, 'main.tf')], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, RESULT_FILE: resultFile, XDG_CONFIG_HOME: join(dir, 'config'), XDG_DATA_HOME: join(dir, 'data'), XDG_STATE_HOME: join(dir, 'state') },
    });
    assert.ok(existsSync(resultFile), `nvim wrote no result (exit ${r.status}, signal ${r.signal}):\n${r.stdout}\n${r.stderr}`);
    const result = JSON.parse(readFileSync(resultFile, 'utf8')) as { filetype: string; clients: string[]; diagnostics: { code: string; line: number; message: string }[] };
    assert.deepEqual(result.clients, ['awscc_cognito'], `filetype ${result.filetype}`);
    const pattern = result.diagnostics.find((d) => d.code === 'CUP204');
    assert.ok(pattern, JSON.stringify(result.diagnostics));
    assert.equal(pattern.line, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
