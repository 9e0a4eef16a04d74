import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Steps } from '../../attribution/data-driven';
import { reportTimeout } from '../../errors';

// Steps run between two turns of the event loop: long enough to cost little, short enough that
// other requests wait no longer than a step or two.
const SLICE_MS = 20;

/**
 * Runs a model's steps, giving the event loop a turn every SLICE_MS, and stops them once they
 * have run `limitMs`: the limit of a report's statements (REPORT_STATEMENT_TIMEOUT_MS), with the
 * same TIMEOUT error.
 */
export async function runModelSteps<T>(steps: Steps<T>, limitMs: number): Promise<T> {
  const deadline = performance.now() + limitMs;
  let turnAt = performance.now() + SLICE_MS;
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    const now = performance.now();
    if (now > deadline) throw reportTimeout(limitMs);
    if (now > turnAt) {
      await nextTurn();
      turnAt = performance.now() + SLICE_MS;
    }
  }
}
