// Types of serverBundles.mjs for the tests that build with it (test/server/bundles.test.ts).
import type { BuildOptions, Plugin } from 'esbuild';

export declare const lazyBuiltinsPlugin: Plugin;
export declare function serverBundles(common: BuildOptions): BuildOptions[];
