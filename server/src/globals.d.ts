/** Injected by esbuild from package.json; undefined when the sources run unbundled (tests under tsx). */
declare const __VERSION__: string;
