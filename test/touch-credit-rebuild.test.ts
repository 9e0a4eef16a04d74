import { setTimeout as sleep } from 'node:timers/promises';
import { withConnection, withTransaction } from '../src/database/sql';
import { startRebuild } from '../src/reports/stored-credits/touch-credit-rebuild';
import { refreshTouchCredits } from '../src/reports/stored-credits/touch-credit-refresh';
import { seedDemoData } from '../src/seed';
import { startTestApp, TestApp } from './support/test-app';

// A refresh that finds nearly every deal stale rebuilds touch_credits into new tables and swaps them in
// for the partitions; any other refresh replaces the stale deals' rows. Both must store the same
// rows, leave the same tables and indexes behind, and lose no deal when a rebuild is cut short.
let app: TestApp;
let deals: number;
beforeAll(async () => {
  app = await startTestApp();
  await seedDemoData(app.dataSource, { size: 'small' });
  [{ deals }] = await app.dataSource.query('SELECT count(*)::int AS deals FROM deals');
});
afterAll(async () => { await app.stop(); });

const CURRENCY = 'USD';
const REPLACE_ROWS = { rebuildFrom: Number.MAX_SAFE_INTEGER };
const REBUILD = { rebuildFrom: 1 };

// Every stored row, as text, in one order.
const contents = async () => (await app.dataSource.query(`
  SELECT count(*)::int AS rows, md5(string_agg(tc::text, ',' ORDER BY basis, deal_id, touch_id NULLS FIRST)) AS md5
  FROM touch_credits tc`))[0];

// The partitions of touch_credits, their options, constraints, columns without statistics, and every index on them.
const layout = () => app.dataSource.query(`
  SELECT c.relname AS partition, pg_get_expr(c.relpartbound, c.oid) AS bound, c.reloptions AS options,
         (SELECT array_agg(pg_get_indexdef(x.indexrelid) ORDER BY pg_get_indexdef(x.indexrelid)) FROM pg_index x WHERE x.indrelid = c.oid) AS indexes,
         (SELECT array_agg(conname::text ORDER BY conname) FROM pg_constraint WHERE conrelid = c.oid) AS constraints,
         (SELECT array_agg(attname::text ORDER BY attname) FROM pg_attribute
          WHERE attrelid = c.oid AND attnum > 0 AND attstattarget = 0) AS unanalyzed
  FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
  WHERE i.inhparent = 'touch_credits'::regclass ORDER BY c.relname`);

const leftovers = async () => (await app.dataSource.query(`
  SELECT array_remove(ARRAY[to_regclass('touch_credits_revenue_next')::text, to_regclass('touch_credits_pipeline_next')::text,
    to_regclass('touch_credit_rebuild_deals')::text], NULL) AS tables`))[0].tables;

const markEveryDeal = () => app.dataSource.query('INSERT INTO touch_credit_stale_deals SELECT id FROM deals ON CONFLICT DO NOTHING');
const stale = async () => (await app.dataSource.query('SELECT count(*)::int AS n FROM touch_credit_stale_deals'))[0].n;

// Whether a lock on touch_credits is being waited for (the swap's, behind a reader).
const swapWaiting = async () => (await app.dataSource.query(`
  SELECT EXISTS (SELECT FROM pg_locks WHERE NOT granted AND relation = 'touch_credits'::regclass) AS waiting`))[0].waiting;

const REPORT = `query($input: AttributionInput!) { attribution(input: $input) { total { amountMinor } rows { key revenue { amountMinor } } } }`;
const report = async () => {
  const body = await app.gql(REPORT, { input: { model: 'W_SHAPED', groupBy: ['CHANNEL'], basis: 'PIPELINE' } });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!.attribution;
};

test('a rebuild stores the rows that replacing each deal\'s rows stores, in the same partitions and indexes', async () => {
  // The demo data arrives with every deal marked stale.
  expect(await refreshTouchCredits(app.dataSource, CURRENCY, REPLACE_ROWS)).toBe(deals);
  const replaced = await contents();
  const before = await layout();
  const reported = await report();
  expect(replaced.rows).toBeGreaterThan(deals);
  expect(before[0].unanalyzed).toContain('credit_time_decay');

  await markEveryDeal();
  expect(await refreshTouchCredits(app.dataSource, CURRENCY, REBUILD)).toBe(deals);
  expect(await contents()).toEqual(replaced);
  expect(await layout()).toEqual(before);
  expect(await leftovers()).toEqual([]);
  expect(await stale()).toBe(0);
  // Reports read the swapped-in partitions through touch_credits.
  expect(await report()).toEqual(reported);
});

test('a rebuild cut short is dropped by the next refresh, which credits every deal again', async () => {
  await refreshTouchCredits(app.dataSource, CURRENCY);
  const credited = await contents();
  // As if the process died right after starting a rebuild: the stale marks are claimed, nothing is swapped in.
  await markEveryDeal();
  await withConnection(app.dataSource, (connection) => startRebuild(connection));
  expect(await stale()).toBe(0);
  expect(await leftovers()).toHaveLength(3);

  expect(await refreshTouchCredits(app.dataSource, CURRENCY, REPLACE_ROWS)).toBe(deals);
  expect(await leftovers()).toEqual([]);
  expect(await contents()).toEqual(credited);
});

test('a refresh with few stale deals replaces their rows and leaves the partitions as they are', async () => {
  await refreshTouchCredits(app.dataSource, CURRENCY);
  const partitions = await app.dataSource.query(`SELECT inhrelid::int AS oid FROM pg_inherits WHERE inhparent = 'touch_credits'::regclass ORDER BY 1`);
  await app.dataSource.query('INSERT INTO touch_credit_stale_deals SELECT id FROM deals ORDER BY id LIMIT 3');
  expect(await refreshTouchCredits(app.dataSource, CURRENCY, { rebuildFrom: 2 })).toBe(3);
  expect(await app.dataSource.query(`SELECT inhrelid::int AS oid FROM pg_inherits WHERE inhparent = 'touch_credits'::regclass ORDER BY 1`))
    .toEqual(partitions);
});

test('a reader holding touch_credits delays the swap, not the reads that arrive after it', async () => {
  await refreshTouchCredits(app.dataSource, CURRENCY);
  const credited = await contents();
  await markEveryDeal();
  let refresh: Promise<number> | undefined;
  await withTransaction(app.dataSource, {}, async (reader) => {
    await reader.query('SELECT count(*) FROM touch_credits');
    refresh = refreshTouchCredits(app.dataSource, CURRENCY, REBUILD);
    while (!(await swapWaiting())) await sleep(20);
    // This read queues behind the swap, which waits for the reader: were the swap to wait for good,
    // neither would ever go on. It gets through once the swap steps back, and sees the old rows.
    expect(await contents()).toEqual(credited);
  });
  expect(await refresh).toBe(deals);
  expect(await contents()).toEqual(credited);
  expect(await leftovers()).toEqual([]);
});

test('a rebuild whose chunk fails gives up with the error, and the next refresh credits every deal again', async () => {
  await refreshTouchCredits(app.dataSource, CURRENCY);
  const credited = await contents();
  await markEveryDeal();
  let refresh: Promise<unknown> | undefined;
  await withTransaction(app.dataSource, {}, async (blocker) => {
    // Every chunk stores its deals' journey keys first: held here, the chunks wait, and one is cut off.
    await blocker.query('LOCK TABLE deal_journey_keys IN EXCLUSIVE MODE');
    refresh = refreshTouchCredits(app.dataSource, CURRENCY, REBUILD).catch((error: unknown) => error);
    let waiting: Array<{ pid: number }> = [];
    while (waiting.length === 0) {
      waiting = await app.dataSource.query(`SELECT pid FROM pg_locks WHERE NOT granted AND relation = 'deal_journey_keys'::regclass`);
      await sleep(20);
    }
    await app.dataSource.query('SELECT pg_terminate_backend($1)', [waiting[0].pid]);
  });
  expect(await refresh).toBeInstanceOf(Error);
  // Nothing was swapped in; the next refresh drops the rebuild's tables and credits every deal.
  expect(await contents()).toEqual(credited);
  expect(await refreshTouchCredits(app.dataSource, CURRENCY)).toBe(deals);
  expect(await leftovers()).toEqual([]);
  expect(await contents()).toEqual(credited);
});
