/** Injected by esbuild from package.json; undefined when the sources run unbundled (tests under tsx). */
declare const __VERSION__: string;
/** package.json `repository.url`, injected the same way (links from SARIF rules to docs/rules.md). */
declare const __REPOSITORY_URL__: string;
