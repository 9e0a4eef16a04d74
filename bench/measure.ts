/** One measured step: its rows and the seconds of each run. */
export interface Measurement {
  step: string;
  rows: number;
  seconds: number[];
  note?: string;
}

/** A step to time: `prepare` (untimed) then `run` (timed), which returns the rows it wrote. */
export interface Step {
  step: string;
  prepare: () => Promise<void>;
  run: () => Promise<number>;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * The median milliseconds of `runs` timed calls of `run`, each after an untimed `prepare`. With
 * `warmUp`, a first untimed call fills plans and caches.
 */
export async function medianMs(run: () => Promise<unknown>, runs: number,
  { prepare = async () => {}, warmUp = true }: { prepare?: () => Promise<unknown>; warmUp?: boolean } = {}): Promise<number> {
  if (warmUp) await run();
  const times: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    await prepare();
    const started = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(times);
}

async function runOnce({ step, prepare, run }: Step, into: Measurement, runs: number): Promise<void> {
  await prepare();
  const started = process.hrtime.bigint();
  into.rows = await run();
  into.seconds.push(Number(process.hrtime.bigint() - started) / 1e9);
  console.error(`  ${step}: run ${into.seconds.length}/${runs}, ${into.rows.toLocaleString('en-US')} rows in ${into.seconds.at(-1)!.toFixed(1)} s`);
}

/** Runs `prepare` (untimed) then `run` (timed), `runs` times; `run` returns the rows it wrote. */
export async function measure(step: string, runs: number, prepare: () => Promise<void>, run: () => Promise<number>): Promise<Measurement> {
  const [measurement] = await measureInTurns([{ step, prepare, run }], runs);
  return measurement;
}

/**
 * Runs every step once per round, `runs` rounds. Steps compared with each other take turns, so
 * that load coming and going on a shared machine weighs on each of them alike.
 */
export async function measureInTurns(steps: readonly Step[], runs: number): Promise<Measurement[]> {
  const measurements: Measurement[] = steps.map(({ step }) => ({ step, rows: 0, seconds: [] }));
  for (let round = 0; round < runs; round++) {
    for (const [index, step] of steps.entries()) await runOnce(step, measurements[index], runs);
  }
  return measurements;
}
