import './bench-env';
import { cpus, loadavg } from 'node:os';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { ApiKeyService } from '../src/auth/api-key.service';
import { Scope } from '../src/auth/scope';
import { config } from '../src/config';
import { refreshTouchCredits } from '../src/reports/stored-credits/touch-credit-refresh';
import { seedDemoData } from '../src/seed';
import { startHttpServer } from '../src/server';
import { openBenchDatabase } from './bench-database';
import { measure, median, Measurement } from './measure';

// npm run bench:export: /export/credits.csv for every touch of the demo data under one model
// (LINEAR, revenue, default journeys), against the floor: COPY (SELECT ...) TO STDOUT of the same
// columns read straight from the stored credits and the tables. BENCH_SIZE (large, or small),
// BENCH_RUNS (3), DATABASE_URL.
const SIZE = (process.env.BENCH_SIZE ?? 'large') as 'small' | 'large';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const GOAL = 0.5;

const FLOOR_SQL = `COPY (
  SELECT 'LINEAR', tc.basis, d.external_id, tc.conversion_at, tc.currency, round(tc.amount_minor / 100.0, 2), tc.amount_minor,
         tc.touch_id IS NULL, t.external_id, t.occurred_at, coalesce(tc.channel, 'UNATTRIBUTED'), c.external_id, tc.source_medium,
         round(tc.credit_linear / 100.0, 2), tc.credit_linear, tc.share_linear
  FROM touch_credits tc JOIN deals d ON d.id = tc.deal_id LEFT JOIN touches t ON t.id = tc.touch_id
  LEFT JOIN campaigns c ON c.id = tc.campaign_id
  WHERE tc.basis = 'REVENUE'
) TO STDOUT (FORMAT csv, HEADER true)`;

/** Counts the lines of a byte stream without keeping it, as a client saving the file would. */
function lineCounter(): Writable & { lines: number } {
  const counter = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (let index = chunk.indexOf(10); index !== -1; index = chunk.indexOf(10, index + 1)) counter.lines += 1;
      done();
    },
  }) as Writable & { lines: number };
  counter.lines = 0;
  return counter;
}

async function copyFloor(dataSource: DataSource): Promise<number> {
  const runner = dataSource.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  try {
    const counter = lineCounter();
    await pipeline(client.query(copyTo(FLOOR_SQL)), counter);
    return counter.lines - 1;
  } finally {
    await runner.release();
  }
}

async function exportOverHttp(url: string, key: string): Promise<number> {
  const input = encodeURIComponent(JSON.stringify({ model: 'LINEAR' }));
  const response = await fetch(`${url}/export/credits.csv?input=${input}`, { headers: { authorization: `Bearer ${key}` } });
  if (response.status !== 200) throw new Error(`export failed: ${response.status} ${await response.text()}`);
  const counter = lineCounter();
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) counter.write(Buffer.from(chunk));
  return counter.lines - 1;
}

const format = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main(): Promise<void> {
  const database = await openBenchDatabase();
  try {
    console.error(`seeding the ${SIZE} demo data ...`);
    await seedDemoData(database.dataSource, { size: SIZE });
    await refreshTouchCredits(database.dataSource, config().REPORTING_CURRENCY);
    await database.dataSource.query('VACUUM ANALYZE');
    const server = await startHttpServer({ dataSource: database.dataSource, port: 0, host: '127.0.0.1', config: { NODE_ENV: 'production' } });
    const { key } = await new ApiKeyService(database.dataSource).create('bench:export', Scope.READ);
    const origin = new URL(server.url).origin;
    await exportOverHttp(origin, key); // warm-up: plans, caches, JIT
    const floor = await measure('COPY (SELECT ...) TO STDOUT (floor)', RUNS, async () => {}, () => copyFloor(database.dataSource));
    const heapBefore = process.memoryUsage().heapUsed;
    let peakHeap = heapBefore;
    const sampler = setInterval(() => { peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed); }, 5);
    const exported = await measure('GET /export/credits.csv', RUNS, async () => {}, () => exportOverHttp(origin, key));
    clearInterval(sampler);
    await server.stop();
    if (exported.rows !== floor.rows) throw new Error(`the export has ${exported.rows} rows, the floor ${floor.rows}`);
    const rate = (measurement: Measurement) => measurement.rows / median(measurement.seconds);
    const ratio = rate(exported) / rate(floor);
    console.log([
      '| step | rows | runs | seconds (median) | rows/s | vs floor | goal |',
      '|---|---:|---:|---:|---:|---:|---|',
      ...[floor, exported].map((measurement, index) => `| ${measurement.step} | ${format(measurement.rows)} | ${measurement.seconds.length} `
        + `| ${format(median(measurement.seconds), 2)} | ${format(rate(measurement))} | ${format((rate(measurement) / rate(floor)) * 100, 1)}% `
        + `| ${index === 1 ? `>= ${GOAL * 100}%: ${ratio >= GOAL ? 'met' : 'missed'}` : ''} |`),
      '',
      `- data: the ${SIZE} demo dataset; one model (LINEAR), revenue, default journeys; ${database.where}`,
      `- heap of the process (server and client) while exporting: ${format(heapBefore / 2 ** 20, 1)} MB before, `
        + `${format(peakHeap / 2 ** 20, 1)} MB at its peak`,
      `- machine: ${cpus().length} cores, load average ${loadavg().map((value) => value.toFixed(2)).join(' ')} at the end`,
    ].join('\n'));
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
