// Types for scripts/e2e-setup.mjs, so the TypeScript e2e runner can import it.
export declare const CODE_SERVER_VERSION: string;
export declare const PLAYWRIGHT_VERSION: string;
export declare function cacheDir(): string;
export declare function codeServerBin(dir?: string): string;
export declare function playwrightModule(dir?: string): string;
export interface E2eTools {
  cacheDir: string;
  codeServer: string;
  playwright: string;
  chromium: string;
}
export declare function ensureE2eTools(): E2eTools;
