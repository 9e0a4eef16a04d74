import { Client } from 'pg';
import { Registry } from 'prom-client';
import { logger } from '../src/logger';
import { startHttpServer } from '../src/server';
import { GraphQLResponse, startTestApp, TestApp } from './support/test-app';
import { createTestDatabase } from './support/test-database';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DEALS = '{ deals { nodes { id } } }';

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(async () => { await app.stop(); });

const at = (target: { url: string }, path: string) => new URL(path, target.url).toString();

/** POSTs an operation as the admin and returns the whole response (headers included). */
function post(target: TestApp, query: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${target.adminKey}`, ...headers },
    body: JSON.stringify({ query }),
  });
}

async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('/health and /ready', () => {
  test('both answer 200 on a live, migrated server', async () => {
    const health = await fetch(at(app, '/health'));
    expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
    const ready = await fetch(at(app, '/ready'));
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
  });

  test('/ready is 503 naming the migration that is pending', async () => {
    const behind = await startTestApp();
    try {
      const [latest] = await behind.dataSource.query('SELECT name FROM migrations ORDER BY timestamp DESC LIMIT 1');
      await behind.dataSource.query('DELETE FROM migrations WHERE name = $1', [latest.name]);
      const ready = await fetch(at(behind, '/ready'));
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'not ready', check: 'migrations', reason: `pending: ${latest.name}` });
    } finally {
      await behind.stop();
    }
  });

  // The database is dropped under a running server (its connections are terminated): the state of a
  // server whose database went away, without stubbing anything.
  test('/ready is 503 without details when the database is gone, while /health stays 200', async () => {
    const database = await createTestDatabase();
    const server = await startHttpServer({ dataSource: database.dataSource, port: 0, host: '127.0.0.1' });
    const admin = new Client({ connectionString: process.env.TEST_ADMIN_URL });
    try {
      await admin.connect();
      await admin.query(`DROP DATABASE ${new URL(database.url).pathname.slice(1)} WITH (FORCE)`);
      const ready = await fetch(at(server, '/ready'));
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'not ready', check: 'database', reason: 'unreachable' });
      expect((await fetch(at(server, '/health'))).status).toBe(200);
    } finally {
      await admin.end();
      await server.stop();
      await database.drop();
    }
  });
});

describe('request ids', () => {
  test('a sane x-request-id is echoed and is the id the context (and so an internal error) carries', async () => {
    await app.dataSource.query('ALTER TABLE deals RENAME TO deals_moved');
    try {
      const response = await post(app, DEALS, { 'x-request-id': 'lb-7f3a.2:9_x' });
      expect(response.headers.get('x-request-id')).toBe('lb-7f3a.2:9_x');
      const body = await response.json() as GraphQLResponse;
      expect(body.errors![0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'lb-7f3a.2:9_x' });
    } finally {
      await app.dataSource.query('ALTER TABLE deals_moved RENAME TO deals');
    }
  });

  test.each([
    ['missing', undefined],
    ['too long', 'a'.repeat(129)],
    ['with spaces', 'a b'],
    ['with other characters', '<script>'],
  ])('a %s one is replaced by a UUID', async (_case, incoming) => {
    const response = await post(app, DEALS, incoming === undefined ? {} : { 'x-request-id': incoming });
    expect(response.headers.get('x-request-id')).toMatch(UUID);
  });

  test('refused requests get one too', async () => {
    const response = await post(app, DEALS, { authorization: 'Bearer not-a-key', 'x-request-id': 'refused-1' });
    expect(response.status).toBe(401);
    expect(response.headers.get('x-request-id')).toBe('refused-1');
  });
});

describe('request log', () => {
  const lines = () => logged.mock.calls.filter(([, message]) => message === 'graphql request').map(([fields]) => fields as Record<string, unknown>);
  const lineOf = (requestId: string) => eventually(async () => lines().find((line) => line.requestId === requestId));
  let logged: jest.SpyInstance;
  beforeEach(() => { logged = jest.spyOn(logger, 'info'); });
  afterEach(() => { logged.mockRestore(); });

  test('one line per request: id, key, operation, status, duration', async () => {
    await post(app, `query LoggedDeals ${DEALS}`, { 'x-request-id': 'log-ok' });
    expect(await lineOf('log-ok')).toEqual({
      requestId: 'log-ok', keyId: app.adminKey.split('.')[0], operationName: 'LoggedDeals', operationType: 'query',
      status: 200, durationMs: expect.any(Number),
    });
    expect(lines().filter((line) => line.requestId === 'log-ok')).toHaveLength(1);
  });

  test('errors are logged by code, including refusals before execution', async () => {
    await post(app, '{ deals { nodes { nmae } } }', { 'x-request-id': 'log-invalid' });
    await post(app, DEALS, { 'x-request-id': 'log-unauthenticated', authorization: 'Bearer not-a-key' });
    expect(await lineOf('log-invalid')).toEqual({
      requestId: 'log-invalid', keyId: app.adminKey.split('.')[0], status: 400, durationMs: expect.any(Number),
      errorCodes: ['GRAPHQL_VALIDATION_FAILED'],
    });
    expect(await lineOf('log-unauthenticated')).toEqual({
      requestId: 'log-unauthenticated', status: 401, durationMs: expect.any(Number), errorCodes: ['UNAUTHENTICATED'],
    });
  });
});

describe('/metrics', () => {
  const scrape = async () => {
    const response = await fetch(at(app, '/metrics'));
    expect(response.headers.get('content-type')).toBe(Registry.PROMETHEUS_CONTENT_TYPE);
    return response.text();
  };
  const sample = (text: string, series: string) => {
    const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
    return line === undefined ? 0 : Number(line.slice(series.length + 1));
  };

  test('request durations by operation, errors by code, the database pool and the process', async () => {
    const series = {
      named: 'graphql_request_duration_seconds_count{operation_name="MetricsDeals",operation_type="query"}',
      anonymous: 'graphql_request_duration_seconds_count{operation_name="anonymous",operation_type="query"}',
      unresolved: 'graphql_request_duration_seconds_count{operation_name="anonymous",operation_type="none"}',
      invalid: 'graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"}',
      unauthenticated: 'graphql_errors_total{code="UNAUTHENTICATED"}',
    };
    const before = await scrape();
    await post(app, `query MetricsDeals ${DEALS}`);
    await post(app, `query MetricsDeals ${DEALS}`);
    await post(app, DEALS);
    await post(app, '{ deals { nodes { nmae } } }');
    await post(app, DEALS, { authorization: 'Bearer not-a-key' });
    const after = await scrape();

    const increase = Object.fromEntries(Object.entries(series).map(([name, line]) => [name, sample(after, line) - sample(before, line)]));
    expect(increase).toEqual({ named: 2, anonymous: 1, unresolved: 2, invalid: 1, unauthenticated: 1 });
    expect(sample(after, 'db_pool_clients')).toBeGreaterThan(0);
    expect(sample(after, 'db_pool_idle_clients')).toBeLessThanOrEqual(sample(after, 'db_pool_clients'));
    expect(after).toMatch(/^db_pool_waiting_clients 0$/m);
    expect(after).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(after).toMatch(/^nodejs_heap_size_used_bytes \d/m);
    // No MARKOV chain here is large enough for a thread.
    expect(after).toMatch(/^markov_threads_started_total 0$/m);
    expect(after).toMatch(/^markov_threads_running 0$/m);
  });
});

describe('production mode (NODE_ENV=production)', () => {
  const introspection = '{ __schema { queryType { name } } }';
  const sandboxPage = (target: TestApp) => fetch(target.url, { headers: { accept: 'text/html' } });
  let production: TestApp;
  let opened: TestApp;
  beforeAll(async () => {
    production = await startTestApp({ NODE_ENV: 'production' });
    opened = await startTestApp({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: true, GRAPHQL_SANDBOX: true });
  });
  afterAll(async () => {
    await production.stop();
    await opened.stop();
  });

  test('refuses introspection', async () => {
    const body = await production.gql(introspection);
    expect(body.data).toBeUndefined();
    expect(body.errors![0].message).toContain('introspection');
    expect(body.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  test('serves no sandbox page', async () => {
    const page = await sandboxPage(production);
    expect(page.status).toBe(400);
    expect(page.headers.get('content-type')).not.toContain('text/html');
  });

  test('hides field suggestions', async () => {
    const body = await production.gql('{ deals { nodes { nmae } } }');
    expect(body.errors![0].message).toBe('Cannot query field "nmae" on type "Deal".');
  });

  test('masks internal errors, giving the request id instead', async () => {
    await production.dataSource.query('ALTER TABLE deals RENAME TO deals_moved');
    try {
      const body = await production.gql(DEALS, {}, { 'x-request-id': 'prod-internal' });
      expect(body.data).toBeNull();
      expect(body.errors).toEqual([{
        message: 'Internal server error', locations: expect.any(Array), path: ['deals'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'prod-internal' },
      }]);
    } finally {
      await production.dataSource.query('ALTER TABLE deals_moved RENAME TO deals');
    }
  });

  test('GRAPHQL_INTROSPECTION=true and GRAPHQL_SANDBOX=true turn them back on', async () => {
    expect((await opened.gql(introspection)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const page = await sandboxPage(opened);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
  });

  test('outside production both are on by default', async () => {
    expect((await app.gql(introspection)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    expect((await sandboxPage(app)).headers.get('content-type')).toContain('text/html');
  });
});

describe('graceful shutdown', () => {
  test('reports not ready for SHUTDOWN_DELAY_MS, then refuses connections but finishes in-flight requests', async () => {
    // Long enough that the probe below lands inside it on a loaded machine too.
    const stopping = await startTestApp({ SHUTDOWN_DELAY_MS: 5_000 });
    // A lock held by the test keeps a request in flight for as long as the test wants.
    const lock = stopping.dataSource.createQueryRunner();
    await lock.startTransaction();
    await lock.query('LOCK TABLE deals IN ACCESS EXCLUSIVE MODE');
    const inFlight = stopping.gql(`query InFlight ${DEALS}`);
    await eventually(async () => {
      // The request's own statement: an autovacuum worker may be waiting for the same lock.
      const [{ waiting }] = await stopping.dataSource.query(`
        SELECT count(*)::int AS waiting FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND backend_type = 'client backend' AND query ILIKE '%deals%'`);
      return waiting === 1;
    });

    const stopped = stopping.stop();
    const ready = await fetch(at(stopping, '/ready'));
    expect([ready.status, await ready.json()]).toEqual([503, { status: 'not ready', check: 'shutdown', reason: 'the server is shutting down' }]);
    await eventually(() => fetch(at(stopping, '/health')).then(() => false, () => true), 30_000);

    await lock.commitTransaction();
    await lock.release();
    expect((await inFlight).data).toEqual({ deals: { nodes: [] } });
    await stopped;
  });
});
