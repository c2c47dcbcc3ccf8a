// playwright-core lives in the e2e cache (scripts/e2e-setup.mjs), not in the project's dependencies, so
// this file loads it by path and describes the small part of its API the harness uses.
import { createRequire } from 'node:module';

/** The DOM element shape page-side callbacks read (the project type-checks without the DOM library). */
export interface PageElement {
  getAttribute(name: string): string | null;
  textContent: string | null;
}

export interface Locator {
  first(): Locator;
  nth(index: number): Locator;
  filter(options: { hasText?: string | RegExp; has?: Locator }): Locator;
  locator(selector: string): Locator;
  count(): Promise<number>;
  click(options?: { timeout?: number }): Promise<void>;
  textContent(options?: { timeout?: number }): Promise<string | null>;
  getAttribute(name: string, options?: { timeout?: number }): Promise<string | null>;
  boundingBox(options?: { timeout?: number }): Promise<{ x: number; y: number; width: number; height: number } | null>;
  waitFor(options?: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number }): Promise<void>;
  evaluateAll<R>(fn: (elements: PageElement[]) => R): Promise<R>;
  fill(value: string, options?: { timeout?: number }): Promise<void>;
}

export interface Page {
  goto(url: string, options?: { waitUntil?: 'load' | 'domcontentloaded'; timeout?: number }): Promise<unknown>;
  locator(selector: string): Locator;
  waitForSelector(selector: string, options?: { state?: 'attached' | 'visible' | 'hidden' | 'detached'; timeout?: number }): Promise<unknown>;
  waitForFunction<A>(fn: (arg: A) => unknown, arg: A, options?: { timeout?: number; polling?: number | 'raf' }): Promise<unknown>;
  keyboard: {
    press(key: string, options?: { delay?: number }): Promise<void>;
    type(text: string, options?: { delay?: number }): Promise<void>;
    insertText(text: string): Promise<void>;
  };
  mouse: { move(x: number, y: number, options?: { steps?: number }): Promise<void> };
  screenshot(options: { path: string; fullPage?: boolean; timeout?: number }): Promise<unknown>;
  setDefaultTimeout(ms: number): void;
  close(): Promise<void>;
  on(event: 'console' | 'pageerror', handler: (arg: { text?: () => string; message?: string }) => void): void;
}

export interface BrowserContext {
  pages(): Page[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

interface ChromiumType {
  launchPersistentContext(
    userDataDir: string,
    options: {
      executablePath: string;
      headless: boolean;
      args: string[];
      viewport?: { width: number; height: number };
      handleSIGINT?: boolean;
      handleSIGTERM?: boolean;
      handleSIGHUP?: boolean;
    },
  ): Promise<BrowserContext>;
}

export function loadChromium(playwrightModulePath: string): ChromiumType {
  const load = createRequire(playwrightModulePath);
  return (load(playwrightModulePath) as { chromium: ChromiumType }).chromium;
}

export async function launchBrowser(playwrightModulePath: string, executablePath: string, profileDir: string): Promise<BrowserContext> {
  // launch() rejects --user-data-dir in args, so a persistent context gives each run its own fresh profile.
  return loadChromium(playwrightModulePath).launchPersistentContext(profileDir, {
    executablePath,
    headless: true,
    // The runner's own handlers stop everything in order; playwright's would exit before code-server is stopped.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    viewport: { width: 1400, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
