import { setImmediate as nextTurn } from 'node:timers/promises';
import { conversionProbabilities } from '../../attribution/data-driven/absorption';
import { finish, markovSystem } from '../../attribution/data-driven';
import { randomRows } from '../../attribution/data-driven/path-row.fixture';
import { conversionProbabilitiesInThreads, markovThreads } from './absorption-threads';

// Order 2 over 70 keys: 95k transitions and 71 variants, a chain large enough for a thread.
const system = markovSystem(randomRows(40_000, 70), { order: 2 });
const { chain, removals } = system;

async function threadsStopped(): Promise<void> {
  while (markovThreads.running > 0) await nextTurn();
}

describe('conversionProbabilitiesInThreads', () => {
  test('a thread solves half of the groups, and the answer is the one solve of them all, to the bit', async () => {
    const started = markovThreads.started;
    const inThreads = await conversionProbabilitiesInThreads(chain, removals, 60_000);
    expect(markovThreads.started).toBe(started + 1);
    expect(inThreads).toEqual(finish(conversionProbabilities(chain, removals)));
    await threadsStopped();
  });

  test('out of time: a TIMEOUT error, and the thread started for it is gone', async () => {
    const started = markovThreads.started;
    await expect(conversionProbabilitiesInThreads(chain, removals, 0))
      .rejects.toMatchObject({ extensions: { code: 'TIMEOUT', limit: 'REPORT_STATEMENT_TIMEOUT_MS' } });
    expect(markovThreads.started).toBe(started + 1);
    await threadsStopped();
  });

  test('a small chain is solved without a thread', async () => {
    const small = markovSystem(randomRows(200, 5), { order: 1 });
    const started = markovThreads.started;
    await conversionProbabilitiesInThreads(small.chain, small.removals, 60_000);
    expect(markovThreads.started).toBe(started);
  });
});
