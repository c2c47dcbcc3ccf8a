// Loads VS Code's own TextMate engine (vscode-textmate + the Oniguruma wasm) so the grammar can be
// tokenized exactly as the editor does. The project does not depend on these packages; they come with
// code-server in the real-editor cache (scripts/e2e-setup.mjs). When that cache is absent the caller skips.
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface Token {
  text: string;
  scopes: string[];
}

export type LineTokenizer = (lines: string[]) => Token[][];

function vscodeModulesDir(): string {
  const cache = process.env.AWSCC_COGNITO_E2E_CACHE ?? join(homedir(), '.cache', 'awscc-cognito-e2e');
  return join(cache, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules');
}

/** Returns a tokenizer for the grammar file, or a reason why VS Code's engine is not available. */
export async function loadTextMate(grammarPath: string): Promise<LineTokenizer | { unavailable: string }> {
  const dir = vscodeModulesDir();
  const wasmPath = join(dir, 'vscode-oniguruma', 'release', 'onig.wasm');
  if (!existsSync(wasmPath) || !existsSync(join(dir, 'vscode-textmate'))) {
    return { unavailable: `VS Code's TextMate engine not found under ${dir} (run node scripts/e2e-setup.mjs)` };
  }
  const load = createRequire(join(dir, 'noop.js'));
  const oniguruma = load('vscode-oniguruma');
  const textmate = load('vscode-textmate');
  const wasm = readFileSync(wasmPath);
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async () => textmate.parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath),
  });
  const grammar = await registry.loadGrammar('source.hcl.terraform');
  if (!grammar) return { unavailable: 'vscode-textmate could not load the grammar' };
  return (lines: string[]) => {
    let state = textmate.INITIAL;
    return lines.map((line) => {
      const result = grammar.tokenizeLine(line, state);
      state = result.ruleStack;
      return result.tokens.map((t: { startIndex: number; endIndex: number; scopes: string[] }) => ({
        text: line.slice(t.startIndex, t.endIndex),
        scopes: t.scopes,
      }));
    });
  };
}
