// The repo type-checks with `moduleResolution: node`, which ignores package "exports", so TypeScript cannot
// see the `vscode-languageclient/node` subpath that esbuild (which honours "exports") bundles. Point the
// types at the same file the "exports" map names.
declare module 'vscode-languageclient/node' {
  export * from 'vscode-languageclient/lib/node/main';
}
