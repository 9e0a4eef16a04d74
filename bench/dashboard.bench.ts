import './bench-env';
import { Browser } from 'playwright-core';
import { ApiKeyService } from '../src/auth/api-key.service';
import { Scope } from '../src/auth/scope';
import { config } from '../src/config';
import { refreshTouchCredits } from '../src/reports/stored-credits/touch-credit-refresh';
import { seedDemoData } from '../src/seed';
import { startHttpServer } from '../src/server';
import { loadExampleOperations } from '../src/web/example-operations';
import { QUERIES_DIR } from '../src/web/web-files';
import { launchBrowser, offlinePage } from '../test/support/browser';
import { openBenchDatabase } from './bench-database';
import { median } from './measure';

// npm run bench:dashboard: the demo dataset (large unless BENCH_SIZE=small), then the dashboard's
// time to first chart and to every report shown, measured by the browser itself
// (performance.mark in web/src), from navigation start.
// Cold: a new browser profile (nothing cached) and a new database snapshot (the server's report
// cache cannot answer). Warm: the same view again in the same browser on unchanged data.
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZE = (process.env.BENCH_SIZE ?? 'large') as 'small' | 'large';
// BENCH_SCREENSHOT=docs/images/dashboard.png writes the README's picture from the last warm run.
const SCREENSHOT = process.env.BENCH_SCREENSHOT;
const VIEW = '/?from=2025-01-01&to=2026-01-01&model=W_SHAPED&basis=REVENUE&currency=';


interface Timing { firstChart: number; ready: number }

async function measure(page: import('playwright-core').Page, url: string): Promise<Timing> {
  await page.goto(url);
  await page.locator('#report[aria-busy="false"]').waitFor({ timeout: 600_000 });
  const marks = await page.evaluate(`({
    firstChart: performance.getEntriesByName('first-chart')[0].startTime,
    ready: performance.getEntriesByName('dashboard-ready')[0].startTime,
    error: document.getElementById('error').hidden ? null : document.getElementById('error').textContent,
  })`) as Timing & { error: string | null };
  if (marks.error) throw new Error(`the dashboard showed an error: ${marks.error}`);
  return marks;
}

// The operations the default view sends, with its variables, to time each one on the server.
const PERIOD = { from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' };
const REPORT = { ...PERIOD, model: 'W_SHAPED', basis: 'REVENUE' };
const VIEW_OPERATIONS: Record<string, object> = {
  Kpis: { ...PERIOD, model: 'W_SHAPED' }, ModelComparison: { ...REPORT, models: ['FIRST_TOUCH', 'LAST_TOUCH', 'LINEAR', 'W_SHAPED', 'TIME_DECAY'] },
  RevenueByMonth: REPORT, CampaignPerformance: REPORT, AttributionByChannel: REPORT, Funnel: PERIOD, HandoffSla: PERIOD,
};

async function operationTimes(url: string, key: string, newSnapshot: () => Promise<unknown>): Promise<Array<[string, number]>> {
  const queries = new Map(loadExampleOperations(QUERIES_DIR).map((operation) => [operation.name, operation.query]));
  const results: Array<[string, number]> = [];
  for (const [name, variables] of Object.entries(VIEW_OPERATIONS)) {
    const times: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      await newSnapshot();
      const start = performance.now();
      const response = await fetch(url, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query: queries.get(name), variables }),
      });
      const body = await response.json() as { errors?: unknown };
      if (body.errors) throw new Error(`${name}: ${JSON.stringify(body.errors)}`);
      times.push(performance.now() - start);
    }
    results.push([name, median(times)]);
  }
  return results;
}

async function main(): Promise<void> {
  const database = await openBenchDatabase();
  const seeding = performance.now();
  await seedDemoData(database.dataSource, { size: SIZE });
  await refreshTouchCredits(database.dataSource, config().REPORTING_CURRENCY);
  await database.dataSource.query('VACUUM ANALYZE');
  const [{ touches, deals }] = await database.dataSource.query('SELECT (SELECT count(*)::int FROM touches) AS touches, (SELECT count(*)::int FROM deals) AS deals');
  console.log(`seeded ${SIZE} (${touches} touches, ${deals} deals) in ${((performance.now() - seeding) / 1000).toFixed(0)} s`);
  const { key } = await new ApiKeyService(database.dataSource).create('bench:dashboard', Scope.READ);
  const server = await startHttpServer({ dataSource: database.dataSource, port: 0, host: '127.0.0.1', localAdminKey: key });
  const origin = new URL(server.url).origin;
  const newSnapshot = () => database.dataSource.query('SELECT pg_current_xact_id()'); // no cached report then
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    const cold: Timing[] = [];
    const warm: Timing[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      await newSnapshot();
      const watched = await offlinePage(browser, origin);
      cold.push(await measure(watched.page, `${origin}${VIEW}`));
      warm.push(await measure(watched.page, `${origin}${VIEW}`));
      if (SCREENSHOT && run === RUNS - 1) await watched.page.screenshot({ path: SCREENSHOT });
      if (watched.blocked.length || watched.errors.length) throw new Error(`offline check: ${JSON.stringify(watched)}`);
      await watched.close();
    }
    console.log(`\n${SIZE} demo data, ${touches} touches; median of ${RUNS} runs, ms from navigation start\n`);
    console.log('| dashboard | first chart | every report shown |\n|---|---:|---:|');
    for (const [name, timings] of [['cold', cold], ['warm', warm]] as const) {
      console.log(`| ${name} | ${median(timings.map((t) => t.firstChart)).toFixed(0)} | ${median(timings.map((t) => t.ready)).toFixed(0)} |`);
    }
    console.log('\nEach operation of the view alone over HTTP, new snapshot each run (median ms)\n\n| operation | ms |\n|---|---:|');
    for (const [name, ms] of await operationTimes(server.url, key, newSnapshot)) console.log(`| ${name} | ${ms.toFixed(0)} |`);
  } finally {
    await browser?.close();
    await server.stop();
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
