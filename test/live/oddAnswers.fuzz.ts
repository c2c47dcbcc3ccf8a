// Whatever a 200 answer contains, the live layer returns well-typed data or an explained failure
// (many random answers; run by `npm run fuzz`).
import { after, before, describe, test } from 'node:test';
import { startFaultProxy, type FaultProxy } from '../support/faultProxy';
import { startCognitoLocal, type RunningEmulator } from '../support/emulators';
import { oddDescribeAnswersProperty, oddListAnswersProperty } from './oddAnswers';

describe('odd answers from the endpoint (fuzz)', () => {
  let emulator: RunningEmulator;
  let proxy: FaultProxy;
  before(async () => {
    emulator = await startCognitoLocal();
    proxy = await startFaultProxy({ upstream: emulator.endpoint });
  });
  after(async () => {
    await proxy?.stop();
    await emulator?.stop();
  });

  test('describe answers of any shape give typed clients or failures, never a crash or the secret', async () => {
    await oddDescribeAnswersProperty(proxy, 1000);
  });

  test('list answers of any shape give typed pools or a LiveCallError', async () => {
    await oddListAnswersProperty(proxy, 1000);
  });
});
