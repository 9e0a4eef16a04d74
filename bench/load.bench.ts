import './bench-env';
import autocannon, { Request, Result } from 'autocannon';
import { ChildProcess, fork } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { ApiKeyService } from '../src/auth/api-key.service';
import { Scope } from '../src/auth/scope';
import { config } from '../src/config';
import { refreshTouchCredits } from '../src/reports/stored-credits/touch-credit-refresh';
import { seedDemoData } from '../src/seed';
import { openBenchDatabase } from './bench-database';

// npm run bench:load: autocannon against this service on the small demo dataset, next to a bare
// Apollo Server answering { __typename } on the same machine in the same run. Each server runs in
// a process of its own. BENCH_DURATION seconds per run (default 60), BENCH_CONNECTIONS (32).
const DURATION = Number(process.env.BENCH_DURATION ?? 60);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);

const SMALL_REPORT = 'query SmallReport { attribution(input: { model: LINEAR, groupBy: [CHANNEL] }) { total { amount } rows { key revenue { amount } deals } } }';
const REPORTS = [
  SMALL_REPORT,
  'query ByCampaign { attribution(input: { model: W_SHAPED, groupBy: [CAMPAIGN] }) { rows { key revenue { amount } roas } } }',
  'query Comparison { compareModels(input: { models: [FIRST_TOUCH, LAST_TOUCH, LINEAR] }) { rows { key values { revenue { amount } } } } }',
  'query Pipeline { deals(first: 20, status: OPEN) { totalCount nodes { name amount { amount } } } }',
];

interface Target {
  port: number;
  stop(): void;
}

async function startTarget(kind: 'bare' | 'api', databaseUrl: string): Promise<Target> {
  const child: ChildProcess = fork(join(__dirname, 'load-target.js'), [kind], { env: { ...process.env, DATABASE_URL: databaseUrl } });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
  return { port, stop: () => child.kill('SIGKILL') };
}

/** Counts responses whose body carries GraphQL errors: autocannon only sees HTTP statuses. */
function withErrorCount(requests: Request[]): { requests: Request[]; graphqlErrors: () => number } {
  let errors = 0;
  const counted = requests.map((request) => ({
    ...request,
    onResponse: (_status: number, body: string) => { if (body.includes('"errors"')) errors += 1; },
  }));
  return { requests: counted, graphqlErrors: () => errors };
}

async function load(port: number, headers: Record<string, string>, requests: Request[]): Promise<Result & { graphqlErrors: number }> {
  const counted = withErrorCount(requests);
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`, connections: CONNECTIONS, duration: DURATION,
    headers: { 'content-type': 'application/json', ...headers }, requests: counted.requests,
  });
  return { ...result, graphqlErrors: counted.graphqlErrors() };
}

const post = (query: string): Request => ({ method: 'POST', path: '/graphql', body: JSON.stringify({ query }) });

/** Ingest: 20 new touches per call, on leads of the demo data, with unique external ids. */
function ingestRequest(leads: string[]): Request {
  let sent = 0;
  return {
    method: 'POST',
    path: '/graphql',
    setupRequest: (request) => {
      const touches = Array.from({ length: 20 }, () => {
        sent += 1;
        return { externalId: `LOAD-${sent}`, leadExternalId: leads[sent % leads.length], channel: 'webinar', type: 'WEBINAR', occurredAt: '2026-06-01T10:00:00Z' };
      });
      return { ...request, body: JSON.stringify({ query: 'mutation Ingest($touches: [TouchItem!]!) { recordTouches(input: { touches: $touches }) { created userErrors { message } } }', variables: { touches } }) };
    },
  };
}

const row = (name: string, result: Result & { graphqlErrors: number }, bare: Result) => {
  const errors = result.errors + result.timeouts + result.non2xx + result.graphqlErrors;
  return `| ${name} | ${result.requests.total.toLocaleString('en-US')} | ${result.requests.average.toFixed(0)} | `
    + `${result.latency.p50} | ${result.latency.p99} | ${errors} | ${((result.requests.average / bare.requests.average) * 100).toFixed(1)}% |`;
};

async function main(): Promise<void> {
  const database = await openBenchDatabase();
  await seedDemoData(database.dataSource, { size: 'small' });
  await refreshTouchCredits(database.dataSource, config().REPORTING_CURRENCY);
  await database.dataSource.query('VACUUM ANALYZE');
  const keys = new ApiKeyService(database.dataSource);
  const readKey = (await keys.create('bench:load read', Scope.READ)).key;
  const ingestKey = (await keys.create('bench:load ingest', Scope.INGEST)).key;
  const leads = (await database.dataSource.query<Array<{ external_id: string }>>('SELECT external_id FROM leads ORDER BY id LIMIT 500'))
    .map((lead) => lead.external_id);
  const before = loadavg()[0];

  const bareTarget = await startTarget('bare', database.url);
  const bare = await load(bareTarget.port, {}, [post('{ __typename }')]);
  bareTarget.stop();

  const apiTarget = await startTarget('api', database.url);
  const cached = await load(apiTarget.port, { authorization: `Bearer ${readKey}` }, [post(SMALL_REPORT)]);
  const mix = await load(apiTarget.port, { authorization: `Bearer ${ingestKey}` }, [...REPORTS.map(post), ...REPORTS.map(post), ingestRequest(leads)]);
  apiTarget.stop();
  const [{ loaded }] = await database.dataSource.query<Array<{ loaded: number }>>("SELECT count(*)::int AS loaded FROM touches WHERE external_id LIKE 'LOAD-%'");

  console.log(`\n${DURATION} s per run, ${CONNECTIONS} connections, ${database.where}, ${cpus().length} CPUs; load average ${before.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after\n`);
  console.log('| run | requests | req/s (mean) | p50 ms | p99 ms | errors | vs bare |\n|---|---:|---:|---:|---:|---:|---:|');
  console.log(row('bare Apollo Server, `{ __typename }`', bare, bare));
  console.log(row('small report (`SmallReport`, same request repeated)', cached, bare));
  console.log(row('mix: 8 reports of 4 kinds + 1 `recordTouches` of 20 touches, in turn', mix, bare));
  console.log(`\nTouches written by the mix and present afterwards: ${loaded.toLocaleString('en-US')}`);
  await database.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
