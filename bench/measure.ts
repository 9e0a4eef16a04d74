/** One measured step: its rows and the seconds of each run. */
export interface Measurement {
  step: string;
  rows: number;
  seconds: number[];
  note?: string;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Runs `prepare` (untimed) then `run` (timed), `runs` times; `run` returns the rows it wrote. */
export async function measure(step: string, runs: number, prepare: () => Promise<void>, run: () => Promise<number>): Promise<Measurement> {
  const seconds: number[] = [];
  let rows = 0;
  for (let index = 0; index < runs; index++) {
    await prepare();
    const started = process.hrtime.bigint();
    rows = await run();
    seconds.push(Number(process.hrtime.bigint() - started) / 1e9);
    console.error(`  ${step}: run ${index + 1}/${runs}, ${rows.toLocaleString('en-US')} rows in ${seconds[index].toFixed(1)} s`);
  }
  return { step, rows, seconds };
}
