// When the server tells the client it is busy (the status bar spinner). A diagnostics run is synchronous,
// so the spinner has to be announced before the run starts, and only a guess can say whether the run will
// be long. Announcing and retracting it around every keystroke's run of a few milliseconds cost two
// notifications per keystroke and a flicker nobody can read; so it is announced only for runs expected to
// be slow: a document's first run (nothing known yet), the first after a large edit, and every run of a
// document whose last run took SLOW_RUN_MS or more.
import type { StatusParams } from './protocol';

export const SLOW_RUN_MS = 100;

/** A change that inserts or replaces this many characters may make the next run slow (a paste). */
export const LARGE_EDIT_CHARS = 10_000;

export class BusyStatus {
  private readonly lastRunMs = new Map<string, number>();
  private shown = false;
  private lastMs = 0;

  constructor(
    private readonly send: (params: StatusParams) => void,
    private readonly slowRunMs = SLOW_RUN_MS,
  ) {}

  /** A run of `uri` is scheduled: announce it when it is expected to be slow (once until idle). */
  scheduled(uri: string): void {
    if (this.shown) return;
    const last = this.lastRunMs.get(uri);
    if (last !== undefined && last < this.slowRunMs) return;
    this.shown = true;
    this.send({ state: 'busy', detail: 'Checking' });
  }

  /** A run of `uri` took `ms`; `pending` runs are still scheduled. */
  finished(uri: string, ms: number, pending: number): void {
    this.lastRunMs.set(uri, ms);
    this.lastMs = ms;
    this.settled(pending);
  }

  /** `pending` runs are left (one may have been cancelled): idle once none is. */
  settled(pending: number): void {
    if (this.shown && pending === 0) {
      this.shown = false;
      this.send({ state: 'idle', lastValidationMs: this.lastMs });
    }
  }

  /** Nothing is known about the next run of `uri` any more (closed, replaced, a large edit). */
  forget(uri: string): void {
    this.lastRunMs.delete(uri);
  }
}
