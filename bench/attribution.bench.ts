import './bench-env';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { ApiKeyService } from '../src/auth/api-key.service';
import { Scope } from '../src/auth/scope';
import { config } from '../src/config';
import { refreshTouchCredits } from '../src/reports/stored-credits/touch-credit-refresh';
import { seedDemoData } from '../src/seed';
import { startHttpServer } from '../src/server';
import { openBenchDatabase } from './bench-database';
import { identificationCost } from './identification-refresh';
import { medianMs } from './measure';
import { widenJourneys } from './wider-journeys';

// npm run bench:attribution: the large demo dataset (about 1M touches), then the median latency
// through GraphQL of attribution reports against the floor, a bare GROUP BY over the touches.
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZE = (process.env.BENCH_SIZE ?? 'large') as 'small' | 'large';
// The data-driven goal's journeys (over 30 channels): the last run reshapes the data to them.
const WIDE_JOURNEYS = 100_000;
// BENCH_ONLY=markov runs the floor and the MARKOV rows only (the others take minutes on a busy machine).
const ONLY_MARKOV = process.env.BENCH_ONLY === 'markov';

const RULE_BASED = ['FIRST_TOUCH', 'LAST_TOUCH', 'LAST_NON_DIRECT', 'LINEAR', 'POSITION_BASED', 'U_SHAPED', 'W_SHAPED',
  'FULL_PATH', 'J_SHAPED', 'INVERSE_J', 'TIME_DECAY'];

const timed = (run: () => Promise<unknown>, prepare?: () => Promise<unknown>) => medianMs(run, RUNS, { prepare });

// Data-driven models learn from every won and lost deal, every lead in no deal and every visitor never identified: about 125k
// journeys in the large dataset, over 13 channels or 62 campaigns.
// SHAPLEY refuses journeys with more than 12 distinct keys (the spec's limit): some demo journeys
// touch more campaigns than that, so it runs by CHANNEL over the last 30 days before conversion.
async function dataDrivenRuns(run: (model: string, groupBy: string, options?: object) => () => Promise<void>,
  newSnapshot: () => Promise<void>) {
  const results: Array<[string, number]> = [['MARKOV order 1 by CHANNEL', await timed(run('MARKOV', 'CHANNEL'), newSnapshot)]];
  for (const order of [1, 2, 3, 4]) {
    results.push([`MARKOV order ${order} by CAMPAIGN`, await timed(run('MARKOV', 'CAMPAIGN', { order }), newSnapshot)]);
  }
  if (ONLY_MARKOV) return results;
  results.push(['COUNTERFACTUAL by CAMPAIGN', await timed(run('COUNTERFACTUAL', 'CAMPAIGN'), newSnapshot)]);
  results.push(['SHAPLEY by CHANNEL, lookbackDays 30', await timed(run('SHAPLEY', 'CHANNEL', { lookbackDays: 30 }), newSnapshot)]);
  return results;
}

async function countJourneys(dataSource: DataSource): Promise<{ touches: number; journeys: number }> {
  const [counts] = await dataSource.query(`
    SELECT (SELECT count(*)::int FROM touches) AS touches,
           (SELECT count(*)::int FROM deals WHERE status <> 'OPEN')
           + (SELECT count(*)::int FROM leads l WHERE NOT EXISTS (SELECT 1 FROM deal_contacts dc WHERE dc.lead_id = l.id)
                AND EXISTS (SELECT 1 FROM touches t WHERE t.lead_id = l.id))
           + (SELECT count(*)::int FROM visitor_journey_keys) AS journeys`);
  return counts;
}

async function main(): Promise<void> {
  const database = await openBenchDatabase();
  const started = performance.now();
  const summary = await seedDemoData(database.dataSource, { size: SIZE });
  console.log(`seeded ${SIZE} in ${((performance.now() - started) / 1000).toFixed(1)} s`, summary);
  const crediting = performance.now();
  const credited = await refreshTouchCredits(database.dataSource, config().REPORTING_CURRENCY);
  const creditSeconds = (performance.now() - crediting) / 1000;
  await database.dataSource.query('VACUUM ANALYZE');
  // MARKOV order 4 by campaign solves for about half a minute: well within the limit, whatever the machine's load.
  const server = await startHttpServer({
    dataSource: database.dataSource, port: 0, host: '127.0.0.1', config: { NODE_ENV: 'production', REPORT_STATEMENT_TIMEOUT_MS: 600_000 },
  });
  const { key } = await new ApiKeyService(database.dataSource).create('bench:attribution', Scope.READ);

  let peakHeap = 0;
  const sampler = setInterval(() => { peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed); }, 5);
  const post = async (query: string, variables: object) => {
    const response = await fetch(server.url, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify({ query, variables }),
    });
    const body = await response.json() as { errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
  };
  const report = (groupBy: string[]) => () => post(
    'query($input: AttributionInput!) { attribution(input: $input) { total { amount } rows { key revenue { amount } deals } } }',
    { input: { model: 'POSITION_BASED', groupBy } });
  // What each model's report shows: MARKOV its chain's figures, the others the path table they use.
  const details = (model: string) => (model === 'MARKOV'
    ? 'markov { conversionProbability removalEffects { key effect } transitions { from to probability } }'
    : 'paths(first: 20) { totalCount nodes { path journeys } }');
  const dataDriven = (model: string, groupBy: string, options: object = {}, extra = '') => () => post(
    `query($input: AttributionInput!) { attribution(input: $input) { total { amount } rows { key revenue { amount } } ${details(model)} ${extra} } }`,
    { input: { model, groupBy: [groupBy], ...options } });
  // Reports are cached per database snapshot: before each run a transaction commits, as any ingest
  // would, so that every run computes its report.
  const newSnapshot = async () => { await database.dataSource.query('SELECT pg_current_xact_id()'); };
  const compare = () => post(
    'query($input: CompareModelsInput!) { compareModels(input: $input) { rows { key values { revenue { amount } } } } }',
    { input: { models: RULE_BASED } });

  const ruleBasedRuns = async (): Promise<Array<[string, number]>> => [
    ['attribution POSITION_BASED by CHANNEL', await timed(report(['CHANNEL']), newSnapshot)],
    ['attribution POSITION_BASED by CAMPAIGN', await timed(report(['CAMPAIGN']), newSnapshot)],
    ['attribution POSITION_BASED by CHANNEL x MONTH', await timed(report(['CHANNEL', 'MONTH']), newSnapshot)],
    [`compareModels, ${RULE_BASED.length} rule-based models by CHANNEL`, await timed(compare, newSnapshot)],
    ['attribution POSITION_BASED by CHANNEL, lookbackDays 90 (credited on the fly)',
      await timed(() => post('query($input: AttributionInput!) { attribution(input: $input) { total { amount } } }',
        { input: { model: 'POSITION_BASED', lookbackDays: 90 } }), newSnapshot)],
  ];

  const { touches, journeys } = await countJourneys(database.dataSource);
  const heapBefore = process.memoryUsage().heapUsed;
  const results: Array<[string, number]> = [
    ['floor: SELECT channel, count(*) FROM touches GROUP BY channel',
      await timed(async () => { await database.dataSource.query('SELECT channel, count(*) FROM touches GROUP BY channel'); })],
    ...(ONLY_MARKOV ? [] : await ruleBasedRuns()),
    ...(await dataDrivenRuns(dataDriven, newSnapshot)),
  ];
  const identification = await identificationCost(database.dataSource, server.url, config().REPORTING_CURRENCY);
  const { channels } = await widenJourneys(database.dataSource, WIDE_JOURNEYS, journeys);
  const wide = await countJourneys(database.dataSource);
  results.push([`MARKOV order 1 by CHANNEL, reshaped: ${wide.journeys} journeys over ${channels} channels`,
    await timed(dataDriven('MARKOV', 'CHANNEL'), newSnapshot)]);
  if (!ONLY_MARKOV) {
    results.push(['the same, with its path table (paths(first: 20))',
      await timed(dataDriven('MARKOV', 'CHANNEL', {}, 'paths(first: 20) { totalCount nodes { path journeys } }'), newSnapshot)]);
  }
  clearInterval(sampler);
  const floor = results[0][1];
  console.log(`\n${touches} touches, ${journeys} data-driven journeys, ${database.where}, median of ${RUNS} runs after one warm-up\n`);
  console.log('| query | median ms | vs floor |\n|---|---|---|');
  for (const [name, ms] of results) console.log(`| ${name} | ${ms.toFixed(0)} | ${(ms / floor).toFixed(1)}x |`);
  console.log(`\nStored credits for ${credited} deals (11 models, revenue and pipeline) computed in ${creditSeconds.toFixed(1)} s (once; then only changed deals).`);
  console.log(`\nidentifyVisitors: ${identification.links} links in ${identification.ingestSeconds.toFixed(1)} s (2 batches over HTTP); `
    + `the refresh then re-credited ${identification.deals} deals in ${identification.refreshSeconds.toFixed(1)} s.`);
  console.log(`\nNode heap: ${(heapBefore / 2 ** 20).toFixed(0)} MiB before the reports, peak ${(peakHeap / 2 ** 20).toFixed(0)} MiB during them`);
  await server.stop();
  await database.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
