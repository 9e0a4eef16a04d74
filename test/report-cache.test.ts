import { deal, ingest, lead, touch } from './support/ingest';
import { startTestApp, TestApp } from './support/test-app';

// Reports are cached by database snapshot: a repeated question is answered from memory, and any
// committed write, through this server or behind its back, is seen by the next report.
const REPORT = 'query($input: AttributionInput!) { attribution(input: $input) { total { amount } rows { key revenue { amount } } } }';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await ingest(app, 'leads', [lead('L1')]);
  await ingest(app, 'touches', [touch('T1', 'L1'), touch('T2', 'L1', { channel: 'email', type: 'EMAIL_CLICK', occurredAt: '2025-01-20T10:00:00Z' })]);
  await ingest(app, 'deals', [deal('D1', { status: 'WON', closedAt: '2025-03-01T00:00:00Z', contacts: [{ leadExternalId: 'L1', primary: true }] })]);
});
afterAll(async () => { await app.stop(); });

async function cacheCounts(): Promise<{ hits: number; misses: number }> {
  const text = await (await fetch(new URL('/metrics', app.url))).text();
  const read = (name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(text)![1]);
  return { hits: read('report_cache_hits_total'), misses: read('report_cache_misses_total') };
}

async function report(input: object) {
  const body = await app.gql(REPORT, { input });
  expect(body.errors).toBeUndefined();
  return body.data!.attribution as { total: { amount: string }; rows: Array<{ key: string; revenue: { amount: string } }> };
}

test('the same report on unchanged data is a cache hit with the same answer', async () => {
  const first = await report({ model: 'LINEAR', groupBy: ['CHANNEL'] });
  // Snapshots are cluster-wide: a write in another test's database between two reports is a miss.
  let hit = false;
  for (let attempt = 0; attempt < 50 && !hit; attempt += 1) {
    const { hits } = await cacheCounts();
    expect(await report({ model: 'LINEAR', groupBy: ['CHANNEL'] })).toEqual(first);
    hit = (await cacheCounts()).hits === hits + 1;
  }
  expect(hit).toBe(true);
  const { misses } = await cacheCounts();
  await report({ model: 'FIRST_TOUCH', groupBy: ['CHANNEL'] });
  expect((await cacheCounts()).misses).toBe(misses + 1);
});

test('a write through the API is seen by the next report', async () => {
  expect((await report({ model: 'LINEAR' })).total.amount).toBe('1000.00');
  await ingest(app, 'deals', [deal('D1', { amount: '1500.00', status: 'WON', closedAt: '2025-03-01T00:00:00Z', contacts: [{ leadExternalId: 'L1', primary: true }] })]);
  const after = await report({ model: 'LINEAR' });
  expect(after.total.amount).toBe('1500.00');
  expect(after.rows.map((row) => row.revenue.amount).sort()).toEqual(['750.00', '750.00']);
});

test('a write by another client of the database is seen too', async () => {
  const options = { model: 'LINEAR', lookbackDays: 365 };
  expect((await report(options)).total.amount).toBe('1500.00');
  await app.dataSource.query("UPDATE deals SET amount_minor = 200000 WHERE external_id = 'D1'");
  expect((await report(options)).total.amount).toBe('2000.00');
});
