// What a scenario file exports. A scenario gets a fresh editor window (its own extension host and
// language server) with the fixture workspace open, so scenarios cannot leak state into each other.
import type { Driver } from './driver';

export interface Scenario {
  /** Short kebab-case name; used in the report and in screenshot file names. */
  name: string;
  /** One sentence: what a user should see. */
  description: string;
  run(driver: Driver): Promise<void>;
  /**
   * Optional workbench URL payload, e.g. to run an extension test suite in the window's extension host.
   * Paths are turned into vscode-remote URIs of the code-server under test.
   */
  payload?: (paths: { root: string }) => Array<[key: string, path: string]>;
}
