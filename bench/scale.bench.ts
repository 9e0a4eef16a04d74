import './bench-env';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { ApiKeyService } from '../src/auth/api-key.service';
import { Scope } from '../src/auth/scope';
import { config } from '../src/config';
import { refreshTouchCredits } from '../src/reports/stored-credits/touch-credit-refresh';
import { seedDemoData } from '../src/seed';
import { startHttpServer } from '../src/server';
import { openBenchDatabase } from './bench-database';
import { medianMs } from './measure';
import { checkCopies } from './scale-check';
import { growHistory } from './scale-growth';
import { LeadScoringService } from '../src/sales/lead-scoring.service';
import { Memory, SCALE_REPORTS, SCALE_SCORING_RULES, ScaleReport } from './scale-reports';

// npm run bench:scale: every report of one quarter on the large demo data (about 1M touches), then
// on the same data grown to about 10M touches by nine shifted copies of its history before it
// (scale-growth.ts), through GraphQL over HTTP: medians, the 10M/1M ratio per report, whether each
// answer stayed the same (it must: the copies lie before the quarter), and Node's peak memory.
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SIZE = (process.env.BENCH_SIZE ?? 'large') as 'small' | 'large';
const COPIES = Number(process.env.SCALE_COPIES ?? 9);
// Copied deals and leads re-credited and rescored by the normal refresh, to compare with the copies.
const CHECK_SAMPLE = Number(process.env.SCALE_CHECK_SAMPLE ?? 200);
const FLOOR = 'SELECT channel, count(*) FROM touches GROUP BY channel';

interface Round { touches: number; medians: number[]; answers: string[]; memory: Memory; load: string }

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

// The median of a report, and its last answer (compared between the rounds).
async function timed(run: () => Promise<string>, prepare: () => Promise<void>): Promise<{ ms: number; answer: string }> {
  let answer = '';
  const ms = await medianMs(async () => { answer = await run(); }, RUNS, { prepare });
  return { ms, answer };
}

async function measureRound(dataSource: DataSource, post: (report: ScaleReport) => Promise<string>): Promise<Round> {
  const [{ touches }] = await dataSource.query('SELECT count(*)::int AS touches FROM touches');
  // The machine's 1-minute load average before and after: the figures are only comparable when it is steady.
  const loadBefore = loadavg()[0].toFixed(1);
  // Reports are cached per database snapshot: a commit before each run makes every run compute.
  const newSnapshot = async () => { await dataSource.query('SELECT pg_current_xact_id()'); };
  const memory: Memory = { rss: 0, heap: 0 };
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    memory.rss = Math.max(memory.rss, usage.rss);
    memory.heap = Math.max(memory.heap, usage.heapUsed);
  }, 5);
  const floor = await timed(async () => { await dataSource.query(FLOOR); return ''; }, async () => {});
  const medians = [floor.ms];
  const answers = [''];
  for (const report of SCALE_REPORTS) {
    const { ms, answer } = await timed(() => post(report), newSnapshot);
    console.error(`  ${report.name}: ${ms.toFixed(0)} ms`);
    medians.push(ms);
    answers.push(answer);
  }
  clearInterval(sampler);
  return { touches, medians, answers, memory, load: `${loadBefore} -> ${loadavg()[0].toFixed(1)}` };
}

function printTable(small: Round, large: Round): void {
  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
  const names = [`floor: \`${FLOOR}\``, ...SCALE_REPORTS.map((report) => report.name)];
  console.log(`\n| query (quarter ${SCALE_REPORTS[0].period}) | ${small.touches} touches: median ms | vs floor `
    + `| ${large.touches} touches: median ms | 10M / 1M | same answer |`);
  console.log('|---|---:|---:|---:|---:|---|');
  names.forEach((name, index) => {
    const ratio = large.medians[index] / small.medians[index];
    console.log(`| ${name} | ${small.medians[index].toFixed(0)} | ${(small.medians[index] / small.medians[0]).toFixed(1)}x `
      + `| ${large.medians[index].toFixed(0)} | ${ratio.toFixed(2)}x | ${index === 0 ? '' : small.answers[index] === large.answers[index] ? 'yes' : 'NO'} |`);
  });
  console.log(`\nNode peak RSS / heap during the reports: ${mib(small.memory.rss)} / ${mib(small.memory.heap)} at ${small.touches} touches, `
    + `${mib(large.memory.rss)} / ${mib(large.memory.heap)} at ${large.touches} touches`);
}

async function main(): Promise<void> {
  const database = await openBenchDatabase();
  const { dataSource } = database;
  let started = performance.now();
  await seedDemoData(dataSource, { size: SIZE });
  const currency = config().REPORTING_CURRENCY;
  await refreshTouchCredits(dataSource, currency);
  const scoring = new LeadScoringService(dataSource);
  const { rescoredLeads } = await scoring.setRules(SCALE_SCORING_RULES);
  // The stored stages too, before VACUUM, as a long-running service has them: fresh and all-visible.
  await scoring.refresh();
  await dataSource.query('VACUUM ANALYZE');
  console.error(`seeded, credited and scored (${rescoredLeads} leads) ${SIZE} in ${seconds(started)} s`);
  const server = await startHttpServer({
    dataSource, port: 0, host: '127.0.0.1', config: { NODE_ENV: 'production', REPORT_STATEMENT_TIMEOUT_MS: 600_000 },
  });
  const { key } = await new ApiKeyService(dataSource).create('bench:scale', Scope.READ);
  const post = async (report: ScaleReport) => {
    const response = await fetch(server.url, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: report.query, variables: report.variables }),
    });
    const body = await response.json() as { data?: unknown; errors?: unknown };
    if (body.errors) throw new Error(`${report.name}: ${JSON.stringify(body.errors)}`);
    // The answer alone: extensions (the rate-limit budget) change from one request to the next.
    return JSON.stringify(body.data);
  };

  const small = await measureRound(dataSource, post);
  started = performance.now();
  const growth = await growHistory(dataSource, COPIES, (k) => console.error(`  copy ${k}/${COPIES} written (${seconds(started)} s)`));
  const growSeconds = seconds(started);
  started = performance.now();
  const check = await checkCopies(dataSource, currency, { deals: growth.maxIds.deals, leads: growth.maxIds.leads }, CHECK_SAMPLE);
  const checkSeconds = seconds(started);
  await dataSource.query('VACUUM ANALYZE');
  const large = await measureRound(dataSource, post);

  printTable(small, large);
  console.log(`\nGrown by ${COPIES} copies shifted back by multiples of ${growth.spanDays} days (the data's span) in ${growSeconds} s, `
    + 'stored credits, journey keys, lead scores and lead stages copied with them.');
  console.log(`Copies checked against the normal refresh: ${check.deals} copied deals and ${check.leads} copied leads re-credited and `
    + `rescored in ${checkSeconds} s, ${check.rows} stored rows compared, ${check.differences} differ.`);
  console.log(`${database.where}, median of ${RUNS} runs after one warm-up, a new snapshot before each run; `
    + `1-minute load average ${small.load} (${small.touches} touches), ${large.load} (${large.touches} touches).`);
  await server.stop();
  await database.close();
  if (check.differences > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
