import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { ApiKeyService } from '../src/auth/api-key.service';
import { Scope } from '../src/auth/scope';
import { createDataSource } from '../src/database/data-source';
import { RunningServer, startHttpServer } from '../src/server';
import { accountItem, leadItem, touchItem } from './support/factories';
import { leakedInternals } from './support/leaks';
import { postGraphQL, RawGraphQLResponse } from './support/post-graphql';
import { PrivatePostgres, startPrivatePostgres } from './support/private-postgres';

// PostgreSQL restarts under ingest and report traffic. This file runs its own PostgreSQL, so the
// restart never touches the server that other test files share.
const OUTAGE_MS = Number(process.env.FAULT_OUTAGE_MS ?? 6_000); // past the 5 s API key cache
const WORKERS = Number(process.env.FAULT_WORKERS ?? 3);
const BATCH = 10;
// How long traffic goes on after the restart, at most, for every operation to succeed again: it stops
// as soon as they do (about a second), so a loaded machine only waits longer, never fails.
const RECOVERY_BOUND_MS = 60_000;

interface Operation {
  name: string;
  query: string;
  variables?: (batch: string, worker: number) => Record<string, unknown>;
  /** The table an ingest batch writes; its rows are found by the batch's externalId prefix. */
  table?: string;
}

const items = (batch: string, item: (externalId: string) => object) =>
  Array.from({ length: BATCH }, (_, index) => item(`${batch}-${index}`));

const INGESTS: Operation[] = [
  {
    name: 'upsertAccounts', table: 'accounts',
    query: 'mutation($input: UpsertAccountsInput!) { upsertAccounts(input: $input) { created userErrors { code } } }',
    variables: (batch) => ({ input: { accounts: items(batch, (id) => accountItem(id)), idempotencyKey: batch } }),
  },
  {
    name: 'recordTouches', table: 'touches',
    query: 'mutation($input: RecordTouchesInput!) { recordTouches(input: $input) { created userErrors { code } } }',
    variables: (batch, worker) => ({ input: { touches: items(batch, (id) => touchItem(id, `LEAD-${worker}`)), idempotencyKey: batch } }),
  },
];

const REPORTS: Operation[] = [
  { name: 'attribution', query: '{ attribution(input: { model: LINEAR }) { total { amount } } }' },
  { name: 'accounts', query: '{ accounts(first: 5) { totalCount } }' },
];

interface Call {
  operation: Operation;
  batch: string;
  worker: number;
  startedAt: number;
  response: RawGraphQLResponse;
}

const succeeded = (call: Call) => call.response.status === 200 && !call.response.body.errors
  && !(call.response.body.data![call.operation.name].userErrors?.length);

let dataDir: string;
let postgres: PrivatePostgres;
let dataSource: DataSource;
let server: RunningServer;
let key: string;
const calls: Call[] = [];
let restartedAt: number;

async function send(operation: Operation, batch: string, worker: number): Promise<Call> {
  const startedAt = Date.now();
  // postGraphQL gives up on a request unanswered after 30 s: answers, outage or not, take well
  // under a second, so only a hanging request is counted here, never a slow machine.
  const response = await postGraphQL(server.url, key, operation.query, operation.variables?.(batch, worker)).catch((error: Error) => {
    if (error.name !== 'TimeoutError') throw error;
    return { status: 0, headers: new Headers(), text: '', body: {} };
  });
  return { operation, batch, worker, startedAt, response };
}

/** One client: sends its operations in turn, each ingest batch with fresh externalIds, until told to stop. */
async function client(worker: number, operations: Operation[], running: () => boolean): Promise<void> {
  for (let turn = 0; running(); turn += 1) {
    calls.push(await send(operations[turn % operations.length], `W${worker}-B${turn}`, worker));
  }
}

const recovered = () => [...INGESTS, ...REPORTS].every((operation) =>
  calls.some((call) => call.operation === operation && call.startedAt > restartedAt && succeeded(call)));

async function waitFor(condition: () => boolean, boundMs: number): Promise<void> {
  for (const deadline = Date.now() + boundMs; !condition() && Date.now() < deadline;) await sleep(100);
}

async function startService(): Promise<void> {
  dataDir = await mkdtemp(join(tmpdir(), 'attribution-faults-'));
  postgres = await startPrivatePostgres(dataDir);
  dataSource = createDataSource({ url: postgres.url, poolSize: 5 });
  await dataSource.initialize();
  await dataSource.runMigrations();
  server = await startHttpServer({ dataSource, port: 0, host: '127.0.0.1', config: { RATE_LIMIT_PER_MINUTE: 1_000_000 } });
  key = (await new ApiKeyService(dataSource).create('faults', Scope.ADMIN)).key;
  const leads = Array.from({ length: WORKERS }, (_, worker) => leadItem(`LEAD-${worker}`));
  const seeded = await postGraphQL(server.url, key, 'mutation($input: UpsertLeadsInput!) { upsertLeads(input: $input) { created } }', { input: { leads } });
  expect(seeded.body.data).toEqual({ upsertLeads: { created: WORKERS } });
}

/** Traffic runs; PostgreSQL stops, stays down for OUTAGE_MS and starts again on the same data and port. */
async function restartUnderTraffic(): Promise<void> {
  let running = true;
  const clients = Array.from({ length: WORKERS }, (_, worker) => [
    client(worker, INGESTS, () => running), client(worker, REPORTS, () => running),
  ]).flat();
  await sleep(1_500);
  await postgres.stop();
  await sleep(OUTAGE_MS);
  postgres = await startPrivatePostgres(dataDir, postgres.port);
  restartedAt = Date.now();
  await waitFor(recovered, RECOVERY_BOUND_MS);
  running = false;
  await Promise.all(clients);
}

beforeAll(async () => {
  await startService();
  await restartUnderTraffic();
}, 180_000);

afterAll(async () => {
  await server?.stop();
  if (dataSource?.isInitialized) await dataSource.destroy();
  await postgres?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

test('the outage was seen by ingest and report clients alike', () => {
  const failedOperations = new Set(calls.filter((call) => !succeeded(call)).map((call) => call.operation));
  expect(INGESTS.some((operation) => failedOperations.has(operation))).toBe(true);
  expect(REPORTS.some((operation) => failedOperations.has(operation))).toBe(true);
});

test('every request is answered, outage or not: none hangs', () => {
  expect(calls.filter((call) => call.response.status === 0)).toEqual([]);
});

test('a failed request gets a clean SERVICE_UNAVAILABLE error that says to retry', () => {
  const failures = calls.filter((call) => !succeeded(call));
  // 503 when authentication could not read the key, 200 with errors when a resolver lost the database.
  expect(failures.map((call) => call.response.status).filter((status) => status !== 200 && status !== 503)).toEqual([]);
  for (const { response } of failures) {
    expect(leakedInternals(response.text)).toEqual([]);
    for (const error of response.body.errors ?? []) {
      expect(error.extensions!.code).toBe('SERVICE_UNAVAILABLE');
      expect(error.message).toMatch(/database is unavailable.*retry/);
    }
  }
});

test('the server recovers by itself: every operation succeeds again after the restart', async () => {
  expect(recovered()).toBe(true);
  const health = await fetch(new URL('/health', server.url));
  expect(health.status).toBe(200);
});

describe('ingest batches', () => {
  let stored: Map<string, number>;
  /** Failed batches sent again with the same idempotencyKey once the database is back. */
  const retried: Call[] = [];
  beforeAll(async () => {
    for (const call of calls.filter((failed) => failed.operation.table && !succeeded(failed))) {
      retried.push(await send(call.operation, call.batch, call.worker));
    }
    const written = INGESTS.map((operation) => `SELECT external_id FROM ${operation.table}`).join(' UNION ALL ');
    const rows: Array<{ batch: string; count: number }> = await dataSource.query(
      `SELECT substring(external_id from '^(W\\d+-B\\d+)-') AS batch, count(*)::int AS count FROM (${written}) AS ingested GROUP BY 1`,
    );
    stored = new Map(rows.map((row) => [row.batch, row.count]));
  }, 60_000);
  const ingestCalls = () => calls.filter((call) => call.operation.table);

  test('every batch that was acknowledged is stored in full', () => {
    const acknowledged = ingestCalls().filter(succeeded);
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(acknowledged.map((call) => [call.batch, stored.get(call.batch)]))
      .toEqual(acknowledged.map((call) => [call.batch, BATCH]));
  });

  test('a failed batch retried with its idempotencyKey succeeds, and is then stored exactly once in full', () => {
    expect(retried.length).toBeGreaterThan(0);
    expect(retried.filter((call) => !succeeded(call)).map((call) => call.response.body)).toEqual([]);
    expect(retried.map((call) => [call.batch, stored.get(call.batch)])).toEqual(retried.map((call) => [call.batch, BATCH]));
  });

  test('no batch is half-written: each is stored in full or not at all', () => {
    const partial = ingestCalls().map((call) => [call.batch, stored.get(call.batch) ?? 0])
      .filter(([, count]) => count !== 0 && count !== BATCH);
    expect(partial).toEqual([]);
  });
});
