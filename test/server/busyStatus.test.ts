// When the server announces work (the status bar spinner): only for runs expected to be slow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BusyStatus } from '../../server/src/busyStatus';
import type { StatusParams } from '../../server/src/protocol';

function recorder(slowRunMs = 100) {
  const sent: StatusParams[] = [];
  return { sent, status: new BusyStatus((p) => sent.push(p), slowRunMs) };
}

test("a document's first run is announced, and idle follows once nothing is pending", () => {
  const { sent, status } = recorder();
  status.scheduled('a');
  status.scheduled('b');
  assert.deepEqual(sent, [{ state: 'busy', detail: 'Checking' }], 'announced once');
  status.finished('a', 7, 1);
  assert.equal(sent.length, 1, 'b is still pending');
  status.finished('b', 9, 0);
  assert.deepEqual(sent[1], { state: 'idle', lastValidationMs: 9 });
});

test('runs of a document whose last run was fast are not announced; after a slow one they are', () => {
  const { sent, status } = recorder(100);
  status.finished('a', 99, 0);
  status.scheduled('a');
  status.finished('a', 150, 0);
  assert.deepEqual(sent, [], 'no busy, so no idle either');
  status.scheduled('a');
  assert.deepEqual(sent, [{ state: 'busy', detail: 'Checking' }]);
});

test('a forgotten document (closed, replaced, a large edit) is announced again', () => {
  const { sent, status } = recorder();
  status.finished('a', 2, 0);
  status.forget('a');
  status.scheduled('a');
  assert.equal(sent.length, 1);
});

test('a cancelled run settles the status once nothing is pending', () => {
  const { sent, status } = recorder();
  status.scheduled('a');
  status.settled(1);
  assert.equal(sent.length, 1);
  status.settled(0);
  assert.deepEqual(sent.map((p) => p.state), ['busy', 'idle']);
});
