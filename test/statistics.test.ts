import { QueryRunner } from 'typeorm';
import { analyzeOutdated, analyzeQueue } from '../src/database/statistics';
import { createTestDatabase, TestDatabase } from './support/test-database';

let database: TestDatabase;
// One session throughout: its statistics flushes are what the test counts on.
let client: QueryRunner;
beforeAll(async () => {
  database = await createTestDatabase({ empty: true });
  client = database.dataSource.createQueryRunner();
  await client.connect();
  await client.query('CREATE TABLE scratch (n int)');
});
afterAll(async () => {
  await client.release();
  await database.drop();
});

async function insert(count: number): Promise<void> {
  await client.query('INSERT INTO scratch SELECT generate_series(1, $1)', [count]);
  // This session's row counts reach the statistics views at its next transaction's end.
  await client.query('SELECT pg_stat_force_next_flush()');
  await client.query('SELECT 1');
}

const estimatedRows = async () => Number((await client.query("SELECT reltuples FROM pg_class WHERE relname = 'scratch'"))[0].reltuples);

test('a table without statistics is analyzed, then again only once it changed past 50 rows and 10%', async () => {
  await insert(1000);
  await analyzeOutdated(client, ['scratch']);
  expect(await estimatedRows()).toBe(1000);
  await insert(100);
  await analyzeOutdated(client, ['scratch']);
  expect(await estimatedRows()).toBe(1000);
  await insert(100);
  await analyzeOutdated(client, ['scratch']);
  expect(await estimatedRows()).toBe(1200);
});

test('a queue analyzed while drained is analyzed again when a bulk of marks arrives, so claiming them is planned for them all', async () => {
  await client.query('CREATE TABLE marks (id bigint PRIMARY KEY)');
  const fill = () => client.query('INSERT INTO marks SELECT generate_series(1, 5000)');
  // What the planner expects a claim of every mark to return.
  const claimEstimate = async () => (await client.query('EXPLAIN (FORMAT JSON) DELETE FROM marks RETURNING id'))[0]['QUERY PLAN'][0].Plan['Plan Rows'];
  await fill();
  await client.query('DELETE FROM marks');
  await client.query('ANALYZE marks');
  await fill();
  // Drained when analyzed, the queue looks empty to the planner whatever it holds now.
  expect(await claimEstimate()).toBeLessThan(10);
  await analyzeQueue(client, 'marks');
  expect(await claimEstimate()).toBeGreaterThan(4000);
});

