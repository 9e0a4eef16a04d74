import { QueryRunner } from 'typeorm';
import { account, deal, ingest, lead, touch } from './support/ingest';
import { startTestApp, TestApp } from './support/test-app';

// Report reads run under REPORT_STATEMENT_TIMEOUT_MS (100 ms here); a report cancelled by it is
// a TIMEOUT error naming the limit. Locks held by another transaction stand in for slow queries.
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ REPORT_STATEMENT_TIMEOUT_MS: 100 });
  await ingest(app, 'accounts', [account('A1')]);
  await ingest(app, 'leads', [lead('L1', { accountExternalId: 'A1' })]);
  await ingest(app, 'touches', [touch('T1', 'L1')]);
  await ingest(app, 'deals', [deal('D1', { accountExternalId: 'A1', status: 'WON', closedAt: '2025-03-01T00:00:00Z',
    contacts: [{ leadExternalId: 'L1' }] })]);
});
afterAll(async () => { await app.stop(); });

const REPORT = 'query($input: AttributionInput!) { attribution(input: $input) { total { amount } } }';

async function whileLocked<T>(table: string, work: () => Promise<T>): Promise<T> {
  const locker: QueryRunner = app.dataSource.createQueryRunner();
  await locker.connect();
  await locker.startTransaction();
  try {
    await locker.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
    return await work();
  } finally {
    await locker.rollbackTransaction();
    await locker.release();
  }
}

test.each([
  ['stored credits', { model: 'LINEAR' }],
  ['credited on the fly', { model: 'LINEAR', lookbackDays: 90 }],
  ['data-driven', { model: 'MARKOV' }],
])('a report (%s) cancelled by the timeout is a TIMEOUT error naming the limit', async (_kind, input) => {
  // Every report reads campaign spend; the credit refresh before a stored report does not.
  const body = await whileLocked('campaign_costs', () => app.gql(REPORT, { input }));
  expect(body.errors).toEqual([expect.objectContaining({
    message: 'Report cancelled: it ran longer than REPORT_STATEMENT_TIMEOUT_MS = 100 ms',
    extensions: { code: 'TIMEOUT', limit: 'REPORT_STATEMENT_TIMEOUT_MS', max: 100 },
  })]);
  expect((await app.gql(REPORT, { input })).data?.attribution.total.amount).toBe('1000.00');
});

test('the credit refresh before a stored report is not bound by the timeout', async () => {
  await ingest(app, 'touches', [touch('T2', 'L1', { channel: 'email', type: 'EMAIL_CLICK', occurredAt: '2025-02-01T00:00:00Z' })]);
  // The refresh waits 300 ms for the stale marks; the report itself then takes a few.
  const report = await whileLocked('touch_credit_stale_deals', async () => {
    const pending = app.gql(REPORT, { input: { model: 'POSITION_BASED' } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { pending };
  });
  const body = await report.pending;
  expect(body.errors).toBeUndefined();
  expect(body.data).toEqual({ attribution: { total: { amount: '1000.00' } } });
});
