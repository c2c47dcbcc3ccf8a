// Loads VS Code's own TextMate engine (vscode-textmate + the Oniguruma wasm, devDependencies pinned to the
// versions code-server ships) so the grammar is tokenized exactly as the editor does.
import { readFileSync } from 'node:fs';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

export interface Token {
  text: string;
  scopes: string[];
}

export type LineTokenizer = (lines: string[]) => Token[][];

let wasmLoaded: Promise<void> | undefined;

/** A tokenizer for the grammar file; throws when the grammar cannot be loaded (that is a failure, not a skip). */
export async function loadTextMate(grammarPath: string): Promise<LineTokenizer> {
  wasmLoaded ??= (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  })();
  await wasmLoaded;
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async () => textmate.parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath),
  });
  const grammar = await registry.loadGrammar('source.hcl.terraform');
  if (!grammar) throw new Error(`vscode-textmate could not load ${grammarPath}`);
  return (lines: string[]) => {
    let state = textmate.INITIAL;
    return lines.map((line) => {
      const result = grammar.tokenizeLine(line, state);
      state = result.ruleStack;
      return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
    });
  };
}
