// Progress for a step of "Generate import block" that shows only if the step is still running after a
// moment. VS Code puts at most three toasts on screen in 800 ms and sends the others to the notification
// center unseen: against a fast endpoint, a toast for each quick step (listing pools, listing clients,
// describing) used to swallow the closing "Wrote import blocks …" message. A step that ends quickly needs no
// progress anyway. No VS Code import here, so that node tests can drive it.

/** Steps that end within this many ms get no progress notification. */
export const PROGRESS_DELAY_MS = 500;

export interface ProgressSink {
  report(message: string): void;
}

/**
 * Starts `work` at once. If it is still running after `delayMs`, calls `show` with the running work and an
 * `attach` that connects a progress sink: the last message reported so far is replayed into it, and later
 * ones go straight to it. The result is the work's own, rejection included.
 */
export function withDelayedProgress<T>(
  work: (report: (message: string) => void) => Promise<T>,
  delayMs: number,
  show: (running: Promise<T>, attach: (sink: ProgressSink) => void) => void,
): Promise<T> {
  let sink: ProgressSink | undefined;
  let last: string | undefined;
  const running = work((message) => {
    last = message;
    sink?.report(message);
  });
  const timer = setTimeout(() => {
    show(running, (attached) => {
      sink = attached;
      if (last !== undefined) attached.report(last);
    });
  }, delayMs);
  const settled = () => clearTimeout(timer);
  running.then(settled, settled);
  return running;
}
