import { performance } from 'node:perf_hooks';
import type { Steps } from '../../attribution/data-driven';
import { runModelSteps } from './model-steps';

/** `count` steps (forever if omitted) of `ms` of busy work each, then 'done'. */
function* busySteps(ms: number, count = Infinity): Steps<string> {
  for (let step = 0; step < count; step += 1) {
    const until = performance.now() + ms;
    while (performance.now() < until) { /* a model's work */ }
    yield;
  }
  return 'done';
}

test('gives the event loop turns while the steps run, and returns their result', async () => {
  let finished = false;
  let turnTakenBeforeTheEnd = false;
  setImmediate(() => { turnTakenBeforeTheEnd = !finished; });
  const result = await runModelSteps(busySteps(2, 50), 10_000);
  finished = true;
  expect(result).toBe('done');
  expect(turnTakenBeforeTheEnd).toBe(true);
});

test('stops steps that run past the limit with the report TIMEOUT error', async () => {
  await expect(runModelSteps(busySteps(1), 50)).rejects.toMatchObject({
    message: 'Report cancelled: it ran longer than REPORT_STATEMENT_TIMEOUT_MS = 50 ms',
    extensions: { code: 'TIMEOUT', limit: 'REPORT_STATEMENT_TIMEOUT_MS', max: 50 },
  });
});
