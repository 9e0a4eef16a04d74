import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { AbsorbingChain, byVariant, groupProbabilities, variantGroups } from '../../attribution/data-driven';
import { reportTimeout } from '../../errors';
import { runModelSteps } from './model-steps';

/** The groups of variants a thread solves, with what it needs of the chain. */
export interface AbsorptionTask {
  readonly chain: AbsorbingChain;
  readonly removals: readonly (readonly number[])[];
  readonly groups: readonly (readonly number[])[];
}

// One thread beside the event loop per further core, shared by every request of the process.
const THREADS = availableParallelism() - 1;

/** MARKOV's threads: how many were started, and how many run now (the metrics endpoint reads them). */
export const markovThreads = { started: 0, running: 0 };

// Two threads share the memory bandwidth that the solve's passes over its arrays are bound by: on
// the large demo data by campaign (transitions x variants: order 2 31k x 63, order 3 135k x 63,
// order 4 278k x 63), a thread made order 2 10% slower, order 3 10% and order 4 25% faster.
const THREAD_WORK = 4_000_000;

// Under ts-jest this module is TypeScript source: the thread runs the build of its entry, which
// `npm test` makes first.
const ENTRY = __filename.endsWith('.ts')
  ? join(__dirname, '../../../dist/src/reports/data-driven/absorption-thread-entry.js')
  : join(__dirname, 'absorption-thread-entry.js');

/**
 * P(conversion) of each variant of the chain (see `conversionProbabilities`), within `limitMs`
 * (runModelSteps). With a large chain and a spare core, a thread solves half of the groups of
 * variants while the event loop solves the other half, in steps. A group's result does not depend
 * on the thread that solves it, so the answer is the same to the bit with or without one.
 */
export async function conversionProbabilitiesInThreads(chain: AbsorbingChain, removals: readonly (readonly number[])[],
  limitMs: number): Promise<number[]> {
  const deadline = performance.now() + limitMs;
  const groups = variantGroups(chain, removals.length);
  const shared = groups.length > 1 && markovThreads.running < THREADS && chain.targets.length * removals.length >= THREAD_WORK;
  const here = shared ? groups.filter((_, group) => group % 2 === 0) : groups;
  const beside = shared ? groups.filter((_, group) => group % 2 === 1) : [];
  const thread = beside.length > 0 ? startThread({ chain: absorbingPart(chain), removals, groups: beside }) : undefined;
  try {
    const solved = [...await runModelSteps(groupProbabilities(chain, removals, here), limitMs)];
    if (thread) solved.push(...await within(thread.result, deadline - performance.now(), limitMs));
    return byVariant([...here, ...beside], solved);
  } finally {
    thread?.stop();
  }
}

// Only the arrays the solve reads are copied to the thread (not each state's keys).
function absorbingPart({ offsets, targets, probabilities, toConversion, toNull, reverse }: AbsorbingChain): AbsorbingChain {
  return { offsets, targets, probabilities, toConversion, toNull, reverse };
}

function startThread(task: AbsorptionTask): { result: Promise<number[][]>; stop: () => void } {
  const worker = new Worker(ENTRY, { workerData: task });
  markovThreads.started += 1;
  markovThreads.running += 1;
  const result = new Promise<number[][]>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      markovThreads.running -= 1;
      reject(new Error(`absorption thread exited with code ${code} before its result`));
    });
  });
  // The caller stops waiting when its own half fails or runs out of time.
  result.catch(() => undefined);
  return { result, stop: () => { void worker.terminate(); } };
}

async function within<T>(result: Promise<T>, ms: number, limitMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(reportTimeout(limitMs)), Math.max(0, ms)); });
  try {
    return await Promise.race([result, expired]);
  } finally {
    clearTimeout(timer);
  }
}
