import { Readable } from 'node:stream';
import { importCsv } from '../src/ingest/csv-import';
import { ingestKinds } from '../src/ingest/kinds';
import { seedDemoData } from '../src/seed';
import { deal, ingest, lead, touch } from './support/ingest';
import { startTestApp, TestApp } from './support/test-app';

// Reports with default options read credits stored per deal and touch; any other option credits
// journeys on the fly. Both must give the same figures, to the cent, before and after changes.
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await seedDemoData(app.dataSource, { size: 'small' });
});
afterAll(async () => { await app.stop(); });

const MODELS = ['FIRST_TOUCH', 'LAST_TOUCH', 'LAST_NON_DIRECT', 'LINEAR', 'POSITION_BASED', 'U_SHAPED', 'W_SHAPED',
  'FULL_PATH', 'J_SHAPED', 'INVERSE_J', 'TIME_DECAY'];
const COMPARE = `query($input: CompareModelsInput!) { compareModels(input: $input) {
  total { amountMinor } unattributed { amountMinor } deals
  rows { keys touches influencedRevenue { amountMinor } influencedDeals cost { amountMinor }
         values { model revenue { amountMinor } deals } } } }`;

// A filter that excludes nothing still takes the on-the-fly path.
const ON_THE_FLY = { excludeChannels: ['no_such_channel'] };

async function compare(input: Record<string, unknown>) {
  const body = await app.gql(COMPARE, { input: { models: MODELS, ...input } });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  const result = body.data!.compareModels;
  for (const row of result.rows) row.values.forEach((value: { deals: number }) => { value.deals = Math.round(value.deals * 1e9) / 1e9; });
  return result;
}

async function expectPathsAgree(input: Record<string, unknown>) {
  const stored = await compare(input);
  expect(stored.rows.length).toBeGreaterThan(0);
  expect(await compare({ ...input, ...ON_THE_FLY })).toEqual(stored);
  return stored;
}

test.each([
  [{ groupBy: ['CHANNEL'] }],
  [{ groupBy: ['CAMPAIGN'] }],
  [{ groupBy: ['SOURCE_MEDIUM'] }],
  [{ groupBy: ['CHANNEL', 'MONTH'], timeZone: 'America/New_York' }],
  [{ groupBy: ['QUARTER'], basis: 'PIPELINE' }],
  [{ groupBy: ['CHANNEL'], basis: 'PIPELINE', from: '2025-04-01T00:00:00Z', to: '2025-10-01T00:00:00Z' }],
])('stored credits equal on-the-fly credits for %j', async (input) => {
  await expectPathsAgree(input);
});

test('stored credits follow new touches, changed contacts, lead creation times and FX rates', async () => {
  const before = await expectPathsAgree({ groupBy: ['CHANNEL'] });
  const [won] = await app.dataSource.query(`
    SELECT d.external_id AS deal, l.external_id AS lead, d.closed_at, d.currency FROM deals d
    JOIN deal_contacts dc ON dc.deal_id = d.id AND dc.is_primary JOIN leads l ON l.id = dc.lead_id
    WHERE d.status = 'WON' AND d.currency <> 'USD' ORDER BY d.id LIMIT 1`);
  const justBefore = new Date(new Date(won.closed_at).getTime() - 3_600_000).toISOString();
  expect((await ingest(app, 'touches', [{ externalId: 'FRESH-T1', leadExternalId: won.lead, channel: 'fresh_channel',
    type: 'CHAT', occurredAt: justBefore }])).userErrors).toEqual([]);
  const afterTouch = await expectPathsAgree({ groupBy: ['CHANNEL'] });
  const fresh = afterTouch.rows.find((row: { keys: string[] }) => row.keys[0] === 'fresh_channel');
  expect(fresh.values.find((value: { model: string }) => value.model === 'LAST_TOUCH').deals).toBe(1);
  expect(afterTouch.total).toEqual(before.total);

  expect((await ingest(app, 'rates', [{ currency: won.currency, date: '2020-01-01', rate: '0.5' }])).userErrors).toEqual([]);
  await app.dataSource.query('UPDATE fx_rates SET rate = rate * 2 WHERE currency = $1', [won.currency]);
  await app.dataSource.query('INSERT INTO touch_credit_stale_deals SELECT id FROM deals WHERE currency = $1 ON CONFLICT DO NOTHING', [won.currency]);
  const afterRates = await expectPathsAgree({ groupBy: ['CHANNEL'] });
  expect(BigInt(afterRates.total.amountMinor)).toBeGreaterThan(BigInt(before.total.amountMinor));

  const [lead] = await app.dataSource.query(`SELECT external_id, created_at FROM leads WHERE external_id = $1`, [won.lead]);
  expect((await ingest(app, 'leads', [{ externalId: lead.external_id, createdAt: '2020-01-01T00:00:00Z' }])).userErrors).toEqual([]);
  await expectPathsAgree({ groupBy: ['CHANNEL'] });
});

test('the largest amount under a weight with a large denominator is credited exactly in SQL, as in the process', async () => {
  // These weights have the denominator 25,000: over 5 touches a touch's quota is amount x weight /
  // 150,000, and 9,999,999,999,999.99 USD x 150,000 exceeds bigint, so the SQL takes its numeric
  // branch for this deal (bigint for every other).
  const weights = { first: 0.00004, last: 0.00004, middle: 0.99992 };
  const ok = (result: { userErrors: unknown[] }) => expect(result.userErrors).toEqual([]);
  ok(await ingest(app, 'leads', [lead('L-HUGE', { createdAt: '2025-05-01T00:00:00Z' })]));
  ok(await ingest(app, 'touches', ['email', 'paid_search', 'webinar', 'email', 'direct'].map((channel, index) =>
    touch(`T-HUGE-${index}`, 'L-HUGE', { channel, occurredAt: `2025-05-0${index + 2}T00:00:00Z` }))));
  ok(await ingest(app, 'deals', [deal('D-HUGE', { amount: '9999999999999.99', status: 'WON', createdAt: '2025-05-08T00:00:00Z',
    closedAt: '2025-05-09T00:00:00Z', contacts: [{ leadExternalId: 'L-HUGE', primary: true }] })]));
  const huge = { groupBy: ['CHANNEL'], from: '2025-05-09T00:00:00Z', to: '2025-05-10T00:00:00Z', weights };
  const inSql = await compare({ ...huge, models: ['CUSTOM'] });
  // With TIME_DECAY beside it, no model of the request is credited in SQL.
  const inProcess = await compare({ ...huge, models: ['CUSTOM', 'TIME_DECAY'] });
  for (const row of inProcess.rows) row.values = row.values.filter((value: { model: string }) => value.model === 'CUSTOM');
  expect(inSql.total.amountMinor).toBe('999999999999999');
  expect(inSql).toEqual(inProcess);
});

// Models whose shares follow from positions alone are credited on the fly in one SQL statement
// (position-credit-sql.ts): to the cent what the stored credits (computed in Node) say.
const POSITION_ONLY = ['FIRST_TOUCH', 'LAST_TOUCH', 'LINEAR', 'POSITION_BASED', 'J_SHAPED', 'INVERSE_J'];

test.each([
  [{ groupBy: ['CHANNEL'] }],
  [{ groupBy: ['CAMPAIGN', 'QUARTER'] }],
  [{ groupBy: ['SOURCE_MEDIUM'], basis: 'PIPELINE' }],
  [{ groupBy: ['MONTH'], timeZone: 'America/New_York', from: '2025-04-01T00:00:00Z', to: '2025-10-01T00:00:00Z' }],
])('position models credited in SQL equal the stored credits for %j', async (input) => {
  const stored = await compare({ ...input, models: POSITION_ONLY });
  expect(stored.rows.length).toBeGreaterThan(0);
  expect(await compare({ ...input, models: POSITION_ONLY, ...ON_THE_FLY })).toEqual(stored);
});

test('CUSTOM weights on FIRST, LAST and MIDDLE alone, credited in SQL, equal the stored POSITION_BASED credits', async () => {
  const stored = await compare({ groupBy: ['CHANNEL'], models: ['POSITION_BASED'] });
  const custom = await compare({ groupBy: ['CHANNEL'], models: ['CUSTOM'], weights: { first: 0.4, last: 0.4, middle: 0.2 } });
  for (const row of custom.rows) row.values.forEach((value: { model: string }) => { value.model = 'POSITION_BASED'; });
  expect(custom).toEqual(stored);
});

test('touches less than a millisecond apart keep their time order in every path, whatever their ids', async () => {
  // A CSV file keeps microseconds. The later touch is imported first, so it has the smaller id:
  // ordered by millisecond and then id, the journey would start with it.
  const ok = (result: { userErrors: unknown[] }) => expect(result.userErrors).toEqual([]);
  ok(await ingest(app, 'leads', [lead('L-MICRO', { createdAt: '2025-06-01T00:00:00Z' })]));
  const csv = ['externalId,leadExternalId,channel,type,occurredAt', 'T-MICRO-LATE,L-MICRO,micro_late,AD_CLICK,2025-06-02T10:00:00.000900Z',
    'T-MICRO-EARLY,L-MICRO,micro_early,AD_CLICK,2025-06-02T10:00:00.000100Z'];
  for (const line of csv.slice(1)) {
    expect(await importCsv(app.dataSource, ingestKinds.touches, Readable.from([`${csv[0]}\n${line}\n`]))).toMatchObject({ created: 1 });
  }
  ok(await ingest(app, 'deals', [deal('D-MICRO', { amount: '100.00', status: 'WON', createdAt: '2025-06-03T00:00:00Z',
    closedAt: '2025-06-03T00:00:00Z', contacts: [{ leadExternalId: 'L-MICRO', primary: true }] })]));
  const day = { groupBy: ['CHANNEL'], from: '2025-06-03T00:00:00Z', to: '2025-06-04T00:00:00Z' };
  const credited = (result: Awaited<ReturnType<typeof compare>>, model: string) => Object.fromEntries(result.rows.map(
    (row: { keys: string[]; values: Array<{ model: string; revenue: { amountMinor: string } }> }) =>
      [row.keys[0], row.values.find((value) => value.model === model)!.revenue.amountMinor]));
  const stored = await expectPathsAgree(day);
  expect(credited(stored, 'FIRST_TOUCH')).toEqual({ micro_early: '10000', micro_late: '0' });
  expect(credited(stored, 'LAST_TOUCH')).toEqual({ micro_early: '0', micro_late: '10000' });
  const inSql = await compare({ ...day, models: ['FIRST_TOUCH'], ...ON_THE_FLY });
  expect(credited(inSql, 'FIRST_TOUCH')).toEqual({ micro_early: '10000', micro_late: '0' });
});
