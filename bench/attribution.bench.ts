import './bench-env';
import { performance } from 'node:perf_hooks';
import { seedDemoData } from '../src/seed';
import { startHttpServer } from '../src/server';
import { openBenchDatabase } from './bench-database';

// npm run bench:attribution: the large demo dataset (about 1M touches), then the median latency
// through GraphQL of attribution reports against the floor, a bare GROUP BY over the touches.
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZE = (process.env.BENCH_SIZE ?? 'large') as 'small' | 'large';

const RULE_BASED = ['FIRST_TOUCH', 'LAST_TOUCH', 'LAST_NON_DIRECT', 'LINEAR', 'POSITION_BASED', 'U_SHAPED', 'W_SHAPED',
  'FULL_PATH', 'J_SHAPED', 'INVERSE_J', 'TIME_DECAY'];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timed(run: () => Promise<void>): Promise<number> {
  await run(); // warm-up: plans, caches
  const times: number[] = [];
  for (let index = 0; index < RUNS; index += 1) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return median(times);
}

async function main(): Promise<void> {
  const database = await openBenchDatabase();
  const started = performance.now();
  const summary = await seedDemoData(database.dataSource, { size: SIZE });
  console.log(`seeded ${SIZE} in ${((performance.now() - started) / 1000).toFixed(1)} s`, summary);
  await database.dataSource.query('VACUUM ANALYZE');
  const server = await startHttpServer({ dataSource: database.dataSource, port: 0, host: '127.0.0.1', production: true });

  let peakHeap = 0;
  const sampler = setInterval(() => { peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed); }, 5);
  const post = async (query: string, variables: object) => {
    const response = await fetch(server.url, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }),
    });
    const body = await response.json() as { errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
  };
  const report = (groupBy: string[]) => () => post(
    'query($input: AttributionInput!) { attribution(input: $input) { total { amount } rows { key revenue { amount } deals } } }',
    { input: { model: 'POSITION_BASED', groupBy } });
  const compare = () => post(
    'query($input: CompareModelsInput!) { compareModels(input: $input) { rows { key values { revenue { amount } } } } }',
    { input: { models: RULE_BASED } });

  const [{ touches }] = await database.dataSource.query('SELECT count(*)::int AS touches FROM touches');
  const heapBefore = process.memoryUsage().heapUsed;
  const results: Array<[string, number]> = [
    ['floor: SELECT channel, count(*) FROM touches GROUP BY channel',
      await timed(async () => { await database.dataSource.query('SELECT channel, count(*) FROM touches GROUP BY channel'); })],
    ['attribution POSITION_BASED by CHANNEL', await timed(report(['CHANNEL']))],
    ['attribution POSITION_BASED by CAMPAIGN', await timed(report(['CAMPAIGN']))],
    ['attribution POSITION_BASED by CHANNEL x MONTH', await timed(report(['CHANNEL', 'MONTH']))],
    [`compareModels, ${RULE_BASED.length} rule-based models by CHANNEL`, await timed(compare)],
  ];
  clearInterval(sampler);
  const floor = results[0][1];
  console.log(`\n${touches} touches, ${database.where}, median of ${RUNS} runs after one warm-up\n`);
  console.log('| query | median ms | vs floor |\n|---|---|---|');
  for (const [name, ms] of results) console.log(`| ${name} | ${ms.toFixed(0)} | ${(ms / floor).toFixed(1)}x |`);
  console.log(`\nNode heap: ${(heapBefore / 2 ** 20).toFixed(0)} MiB before the reports, peak ${(peakHeap / 2 ** 20).toFixed(0)} MiB during them`);
  await server.stop();
  await database.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
