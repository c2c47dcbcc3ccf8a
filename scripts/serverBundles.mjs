// The language server's bundles, shared by scripts/build.mjs and the test that checks what they contain
// (test/server/bundles.test.ts).
import { readFile } from 'node:fs/promises';

/**
 * Node built-ins that two library files require at load time but use only in functions the server never
 * calls before `initialize` (if ever): vscode-languageserver's `Files` helpers fork and spawn npm/yarn to
 * find global modules, vscode-jsonrpc makes random pipe names for pipe transports. Loading child_process and
 * crypto cost ~15 ms of start-up (`node --cpu-prof`), so their require() becomes a stand-in that requires
 * the module on first property access: the functions still work when called.
 */
const lazyBuiltins = [
  { file: /[\\/]node_modules[\\/]vscode-languageserver[\\/]lib[\\/]node[\\/]files\.js$/, modules: ['child_process'] },
  { file: /[\\/]node_modules[\\/]vscode-jsonrpc[\\/]lib[\\/]node[\\/]main\.js$/, modules: ['crypto'] },
];

export const lazyBuiltinsPlugin = {
  name: 'lazy-builtins',
  setup(build) {
    for (const { file, modules } of lazyBuiltins) {
      build.onLoad({ filter: file }, async (args) => {
        let text = await readFile(args.path, 'utf8');
        for (const name of modules) {
          const call = `require("${name}")`;
          // A library update that moves the require() must fail the build, not quietly undo the saving.
          if (!text.includes(call)) throw new Error(`lazy-builtins: ${call} is no longer in ${args.path}`);
          text = text.replace(call, `new Proxy({}, { get: (_, key) => require("${name}")[key] })`);
        }
        return { contents: text, loader: 'js' };
      });
    }
  },
};

/** server.ts loads the core with require('./serverCore'): at run time that is dist/serverCore.js, not bundled in. */
const coreApartPlugin = {
  name: 'core-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/serverCore$/ }, () => ({ path: './serverCore.js', external: true }));
  },
};

/** esbuild options of dist/serverMain.js (connection and `initialize`) and dist/serverCore.js (the rest). */
export function serverBundles(common) {
  // No "module" condition (esbuild adds it by default): with it, vscode-languageserver-types resolves to its
  // ES module build, which the CommonJS libraries that require it then get through a copy of all its exports,
  // made three times over before `initialize` (~1 ms); without it they get the CommonJS build as Node would.
  const server = { ...common, conditions: [] };
  return [
    { ...server, entryPoints: ['server/src/server.ts'], outfile: 'dist/serverMain.js', plugins: [lazyBuiltinsPlugin, coreApartPlugin] },
    { ...server, entryPoints: ['server/src/serverCore.ts'], outfile: 'dist/serverCore.js', plugins: [lazyBuiltinsPlugin] },
  ];
}
