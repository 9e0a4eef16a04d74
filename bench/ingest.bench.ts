import './bench-env';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ApiKeyService } from '../src/auth/api-key.service';
import { Scope } from '../src/auth/scope';
import { importCsv } from '../src/ingest/csv-import';
import { MAX_BATCH_ITEMS } from '../src/ingest/ingest.service';
import { ingestKinds } from '../src/ingest/kinds';
import { startHttpServer } from '../src/server';
import { BenchDatabase, openBenchDatabase } from './bench-database';
import { loadPrerequisites, writeTouchFile } from './bench-setup';
import { copyIntoFairTable, copyIntoScratch, resetFairTable, resetScratchTable, writeFairFloorFile } from './copy-floor';
import { recordTouchesOverHttp } from './graphql-ingest';
import { Measurement, measure, measureInTurns } from './measure';
import { COPY_FLOOR, CSV_IMPORT, FAIR_FLOOR, markdownReport } from './report';

// npm run bench:ingest: the two COPY floors, the CSV import and recordTouches over HTTP, on the same
// kind of rows. Figures go to stdout as markdown; progress goes to stderr. Settings (environment):
// BENCH_ROWS and BENCH_RUNS (default 1,000,000 rows, 3 runs) for COPY and the CSV import;
// BENCH_GRAPHQL_ROWS, BENCH_GRAPHQL_RUNS and BENCH_GRAPHQL_CONCURRENCY (default 1,000,000 rows,
// 1 run since one takes minutes, 2 requests in flight); DATABASE_URL to use a server of your own.

const numberFrom = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
};

const settings = {
  rows: numberFrom('BENCH_ROWS', 1_000_000),
  runs: numberFrom('BENCH_RUNS', 3),
  graphqlRows: numberFrom('BENCH_GRAPHQL_ROWS', 1_000_000),
  graphqlRuns: numberFrom('BENCH_GRAPHQL_RUNS', 1),
  concurrency: numberFrom('BENCH_GRAPHQL_CONCURRENCY', 2),
};

// Each timed run starts from the same state: no touches, empty queues of derived data (the touch
// merge fills *_stale_* queues for credits and scores), and no checkpoint debt from the last run.
const TRUNCATE_TOUCH_STATE = `DO $$ BEGIN
  EXECUTE (SELECT 'TRUNCATE touches' || coalesce(', ' || string_agg(quote_ident(relname), ', '), '') FROM pg_class
           WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND relname LIKE '%\\_stale\\_%');
END $$`;

const freshTouches = (dataSource: DataSource) => async () => {
  // The floors' tables go too, out of the cache's way.
  await dataSource.query('DROP TABLE IF EXISTS fair_touches, scratch_touches');
  await dataSource.query(TRUNCATE_TOUCH_STATE);
  await dataSource.query('CHECKPOINT');
};

async function importOnce(dataSource: DataSource, file: string): Promise<number> {
  const result = await importCsv(dataSource, ingestKinds.touches, createReadStream(file));
  if (result.refused) throw new Error(`CSV import refused: ${result.errors[0]?.message}`);
  return result.created;
}

async function graphqlStep(dataSource: DataSource): Promise<Measurement> {
  const server = await startHttpServer({ dataSource, port: 0, host: '127.0.0.1', config: { NODE_ENV: 'production' } });
  const { key } = await new ApiKeyService(dataSource).create('bench:ingest', Scope.INGEST);
  try {
    const options = {
      url: server.url, key, rows: settings.graphqlRows, batchSize: MAX_BATCH_ITEMS, concurrency: settings.concurrency, seed: 2,
    };
    const measurement = await measure('`recordTouches` over HTTP', settings.graphqlRuns, freshTouches(dataSource),
      () => recordTouchesOverHttp(options));
    return { ...measurement, note: `${MAX_BATCH_ITEMS.toLocaleString('en-US')}-item batches, ${settings.concurrency} in flight` };
  } finally {
    await server.stop();
  }
}

async function context(dataSource: DataSource, database: BenchDatabase, loadBefore: number): Promise<string[]> {
  const [{ version }] = await dataSource.query(`SELECT current_setting('server_version') AS version`);
  return [
    `${new Date().toISOString().slice(0, 10)}, ${database.where} ${version}, Node ${process.version}, `
      + `${cpus().length} x ${cpus()[0]?.model.trim()}; 1-minute load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after.`,
    'Rows: touches with every field (80% with a campaign reference and UTM parameters, 30% with JSON properties) '
      + 'over 100,000 leads in 25,000 accounts and 100 campaigns.',
    'Fair floor: `COPY fair_touches FROM STDIN (FORMAT csv)` of the same rows with their references resolved to ids, '
      + 'into `CREATE TABLE fair_touches (LIKE touches INCLUDING ALL)` plus the foreign keys of `touches` (same identity, '
      + 'defaults, checks, primary and unique keys, indexes and foreign keys). COPY floor: `COPY scratch_touches FROM STDIN '
      + '(FORMAT csv, HEADER true)` of the file into a new, unindexed, logged table of text columns. CSV import: `importCsv` '
      + 'of the file (staging, checks, merge into `touches`).',
    'Each run starts from an empty target table after a CHECKPOINT; the seconds are medians of the runs, rows/s = rows / median. '
      + 'Runs: BENCH_RUNS (default 3) rounds of COPY floor, fair floor and CSV import taking turns, BENCH_GRAPHQL_RUNS (default 1) for GraphQL.',
  ];
}

async function main(): Promise<void> {
  const loadBefore = loadavg()[0];
  const dir = await mkdtemp(join(tmpdir(), 'attribution-bench-csv-'));
  const file = join(dir, 'touches.csv');
  const fairFile = join(dir, 'touches-resolved.csv');
  const database = await openBenchDatabase();
  const { dataSource } = database;
  try {
    console.error(`preparing: prerequisites and ${settings.rows.toLocaleString('en-US')} touch rows in ${file}`);
    await loadPrerequisites(dataSource);
    await writeTouchFile(file, settings.rows);
    // The fair floor's file: the rows of the CSV file with their references resolved (untimed).
    await resetScratchTable(dataSource);
    await copyIntoScratch(dataSource, file);
    await writeFairFloorFile(dataSource, fairFile);
    const [floor, fair, csv] = await measureInTurns([
      { step: COPY_FLOOR, prepare: () => resetScratchTable(dataSource), run: () => copyIntoScratch(dataSource, file) },
      { step: FAIR_FLOOR, prepare: () => resetFairTable(dataSource), run: () => copyIntoFairTable(dataSource, fairFile) },
      { step: CSV_IMPORT, prepare: freshTouches(dataSource), run: () => importOnce(dataSource, file) },
    ], settings.runs);
    const graphql = await graphqlStep(dataSource);
    console.log(markdownReport([fair, floor, csv, graphql], await context(dataSource, database, loadBefore)));
  } finally {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
