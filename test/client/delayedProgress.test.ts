// A step's progress notification appears only when the step outlasts the delay (client/src/delayedProgress.ts).
import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { withDelayedProgress, type ProgressSink } from '../../client/src/delayedProgress';

/** A step whose end and reports the test controls. */
function controlledStep<T>() {
  let finish!: (value: T) => void;
  let fail!: (error: Error) => void;
  let report!: (message: string) => void;
  const work = (r: (message: string) => void) => {
    report = r;
    return new Promise<T>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
  };
  return { work, finish: (v: T) => finish(v), fail: (e: Error) => fail(e), report: (m: string) => report(m) };
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs `body` with setTimeout under the test's control (mock.timers.tick). */
async function withMockTimers(body: () => Promise<void>): Promise<void> {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    await body();
  } finally {
    mock.timers.reset();
  }
}

test('a step that ends before the delay shows no progress at all', () =>
  withMockTimers(async () => {
    const step = controlledStep<number>();
    let shown = 0;
    const result = withDelayedProgress(step.work, 500, () => shown++);
    step.report('1/3');
    mock.timers.tick(499);
    step.finish(7);
    assert.equal(await result, 7);
    mock.timers.tick(10_000);
    assert.equal(shown, 0);
  }));

test('a longer step shows progress once, with the last message so far and every later one', () =>
  withMockTimers(async () => {
    const step = controlledStep<string>();
    const received: string[] = [];
    const shows: Promise<string>[] = [];
    const result = withDelayedProgress(step.work, 500, (running, attach) => {
      shows.push(running);
      attach({ report: (m) => received.push(m) } satisfies ProgressSink);
    });
    step.report('1/3');
    step.report('2/3');
    mock.timers.tick(500);
    assert.equal(shows.length, 1);
    assert.deepEqual(received, ['2/3']);
    step.report('3/3');
    assert.deepEqual(received, ['2/3', '3/3']);
    step.finish('done');
    assert.equal(await result, 'done');
    assert.equal(await shows[0], 'done', 'the notification closes when the step ends');
    mock.timers.tick(10_000);
    assert.equal(shows.length, 1);
  }));

test('a failing step rejects with its own error, before or after the progress appeared', () =>
  withMockTimers(async () => {
    const early = controlledStep<void>();
    let shown = 0;
    const earlyResult = withDelayedProgress(early.work, 500, () => shown++);
    early.fail(new Error('denied'));
    await assert.rejects(earlyResult, /denied/);
    mock.timers.tick(1000);
    assert.equal(shown, 0);

    const late = controlledStep<void>();
    let running: Promise<void> | undefined;
    const lateResult = withDelayedProgress(late.work, 500, (r) => (running = r));
    mock.timers.tick(500);
    late.fail(new Error('throttled'));
    await assert.rejects(lateResult, /throttled/);
    await assert.rejects(running!, /throttled/);
    await flush();
  }));
