// What a scenario file exports. A scenario gets a fresh editor window (its own extension host and
// language server) with the fixture workspace open, so scenarios cannot leak state into each other.
import type { EditorOptions } from './codeServer';
import type { Driver } from './driver';

/**
 * What a scenario's `setup` returns: how its own code-server must differ from the shared one, plus
 * anything `run` needs (e.g. the ids of seeded emulator resources).
 */
export interface ScenarioSetup<Data> extends EditorOptions {
  data: Data;
  /** Stops what setup started (an emulator...). Runs after the scenario, whether it passed or not. */
  dispose?(): Promise<void>;
}

export interface Scenario<Data = undefined> {
  /** Short kebab-case name; used in the report and in screenshot file names. */
  name: string;
  /** One sentence: what a user should see. */
  description: string;
  /**
   * Optional. Runs before the editor starts. A scenario with a setup gets a code-server of its own,
   * started with the returned environment, user settings and workspace-trust mode, and stopped after it.
   */
  setup?(): Promise<ScenarioSetup<Data>>;
  run(driver: Driver, data: Data): Promise<void>;
  /**
   * Optional workbench URL payload, e.g. to run an extension test suite in the window's extension host.
   * Paths are turned into vscode-remote URIs of the code-server under test.
   */
  payload?: (paths: { root: string }) => Array<[key: string, path: string]>;
}
