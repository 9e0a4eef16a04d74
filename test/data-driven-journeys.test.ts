import { account, campaign, deal, ingest, lead, touch } from './support/ingest';
import { startTestApp, TestApp } from './support/test-app';

// Which journeys the data-driven models learn from, and in what order their keys come
// (docs/attribution.md, "Data-driven models"), for the March 2025 period; every figure by hand.
//   D1 won 100.00 USD, closed 03-20, contacts L1 (primary) and L2:
//      T1 L1 03-01 C-SEARCH (paid_search), T2 L2 03-03 email, T3 L1 03-05 12:00 C-EMAIL (email),
//      T4 L2 03-05 12:00 direct (same instant as T3, recorded later: larger id, so after it);
//      T6 L1 03-25 comes after the close.
//   D2 lost, closed 03-15, contact L3: T7 03-10 and T8 03-11, both C-SEARCH.
//   D3 won 200.00 EUR (220.00 USD at 1.1), closed 03-28, no contacts: an empty journey.
//   L4, in no deal: T9 webinar 03-02, and T10 email 04-10, after the period.
//   L5, in no deal: its last touch (02-10) is before the period, so it is no journey of it.
//   D4 won 70.00 GBP, closed 05-10, contact L3: no GBP rate.
const MARCH = { from: '2025-03-01T00:00:00Z', to: '2025-04-01T00:00:00Z' };

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  const ok = (result: { userErrors: unknown[] }) => expect(result.userErrors).toEqual([]);
  ok(await ingest(app, 'rates', [{ currency: 'EUR', date: '2025-03-01', rate: '1.1' }]));
  ok(await ingest(app, 'campaigns', [campaign('C-SEARCH', { channel: 'paid_search' }), campaign('C-EMAIL', { channel: 'email' })]));
  ok(await ingest(app, 'accounts', [account('A1'), account('A2')]));
  ok(await ingest(app, 'leads', ['L1', 'L2', 'L3', 'L4', 'L5'].map((id) => lead(id, { accountExternalId: 'A1', createdAt: '2025-01-01T00:00:00Z' }))));
  const fromCampaign = (id: string, lead: string, campaignExternalId: string, occurredAt: string) =>
    touch(id, lead, { channel: null, campaignExternalId, occurredAt });
  ok(await ingest(app, 'touches', [
    fromCampaign('T1', 'L1', 'C-SEARCH', '2025-03-01T10:00:00Z'),
    touch('T2', 'L2', { channel: 'email', type: 'EMAIL_CLICK', occurredAt: '2025-03-03T00:00:00Z' }),
    fromCampaign('T3', 'L1', 'C-EMAIL', '2025-03-05T12:00:00Z'),
    fromCampaign('T6', 'L1', 'C-SEARCH', '2025-03-25T00:00:00Z'),
    fromCampaign('T7', 'L3', 'C-SEARCH', '2025-03-10T00:00:00Z'),
    fromCampaign('T8', 'L3', 'C-SEARCH', '2025-03-11T00:00:00Z'),
    touch('T9', 'L4', { channel: 'webinar', type: 'WEBINAR', occurredAt: '2025-03-02T00:00:00Z' }),
    touch('T10', 'L4', { channel: 'email', type: 'EMAIL_CLICK', occurredAt: '2025-04-10T00:00:00Z' }),
    touch('T11', 'L5', { channel: 'webinar', type: 'WEBINAR', occurredAt: '2025-02-10T00:00:00Z' }),
  ]));
  ok(await ingest(app, 'touches', [touch('T4', 'L2', { channel: 'direct', type: 'WEB_VISIT', occurredAt: '2025-03-05T12:00:00Z' })]));
  ok(await ingest(app, 'deals', [
    deal('D1', { accountExternalId: 'A1', amount: '100.00', status: 'WON', createdAt: '2025-03-02T00:00:00Z',
      closedAt: '2025-03-20T00:00:00Z', contacts: [{ leadExternalId: 'L1', primary: true }, { leadExternalId: 'L2' }] }),
    deal('D2', { accountExternalId: 'A1', amount: '500.00', status: 'LOST', createdAt: '2025-03-02T00:00:00Z',
      closedAt: '2025-03-15T00:00:00Z', contacts: [{ leadExternalId: 'L3' }] }),
    deal('D3', { accountExternalId: 'A2', amount: '200.00', currency: 'EUR', status: 'WON', createdAt: '2025-03-02T00:00:00Z',
      closedAt: '2025-03-28T00:00:00Z' }),
    deal('D4', { accountExternalId: 'A2', amount: '70.00', currency: 'GBP', status: 'WON', createdAt: '2025-05-01T00:00:00Z',
      closedAt: '2025-05-10T00:00:00Z', contacts: [{ leadExternalId: 'L3' }] }),
  ]));
});
afterAll(async () => { await app.stop(); });

const REPORT = `query($input: AttributionInput!) { attribution(input: $input) {
  total { amount } unattributed { amount } rows { key touches influencedDeals influencedRevenue { amount } revenue { amount } }
  paths(first: 20) { nodes { path journeys conversions value { amount } } } } }`;

async function report(input: Record<string, unknown>) {
  const body = await app.gql(REPORT, { input: { model: 'MARKOV', ...MARCH, ...input } });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!.attribution;
}

const paths = async (input: Record<string, unknown>) => (await report(input)).paths.nodes
  .map((node: { path: string[]; journeys: number; conversions: number; value: { amount: string } }) =>
    [node.path.join(' > '), node.journeys, node.conversions, node.value.amount]);

test('won and lost deals and leads in no deal, keys in (occurredAt, id) order, repeats collapsed', async () => {
  expect(await paths({})).toEqual([
    ['paid_search', 1, 0, '0.00'],
    ['paid_search > email > direct', 1, 1, '100.00'],
    ['webinar', 1, 0, '0.00'],
  ]);
});

test.each([
  [{ collapseRepeats: false }, ['paid_search > email > email > direct', 'paid_search > paid_search', 'webinar']],
  [{ groupBy: ['CAMPAIGN'] }, ['(none)', 'C-SEARCH', 'C-SEARCH > (none) > C-EMAIL > (none)']],
  // D1 from 03-04, D2 from 02-27, L4 from 03-16 (the period's end - 16 days): L4 has no touch left.
  [{ lookbackDays: 16 }, ['email > direct', 'paid_search']],
  [{ contacts: 'PRIMARY' }, ['paid_search', 'paid_search > email', 'webinar']],
  [{ excludeChannels: ['email'] }, ['paid_search', 'paid_search > direct', 'webinar']],
  // D1 and D2 now share a path; D3 and L4 have no touch left, so they are no path.
  [{ includeCampaigns: ['C-SEARCH'] }, ['paid_search']],
])('journey options shape the paths: %j', async (input, expected) => {
  expect((await paths(input)).map(([path]: [string]) => path)).toEqual(expected);
});

test('rows show the won journeys\' touches and influence; credits and unattributed reconcile to the total', async () => {
  const result = await report({});
  expect(result.total.amount).toBe('320.00');
  expect(result.unattributed.amount).toBe('220.00');
  const rows = Object.fromEntries(result.rows.map((row: any) =>
    [row.key, [row.touches, row.influencedDeals, row.influencedRevenue.amount]]));
  expect(rows).toEqual({
    paid_search: [1, 1, '100.00'], email: [2, 1, '100.00'], direct: [1, 1, '100.00'], webinar: [0, 0, '0.00'],
  });
  const credited = result.rows.reduce((sum: number, row: any) => sum + Math.round(Number(row.revenue.amount) * 100), 0);
  expect(credited).toBe(10000);
});

test('converting values are in the report currency at the conversion date\'s rate', async () => {
  // D1: 100.00 USD / 1.1 = 90.91 EUR; D3 is in EUR already.
  expect(await paths({ currency: 'EUR' })).toEqual([
    ['paid_search', 1, 0, '0.00'],
    ['paid_search > email > direct', 1, 1, '90.91'],
    ['webinar', 1, 0, '0.00'],
  ]);
});

test('a won deal without an FX rate is an error naming the currency and the date', async () => {
  const body = await app.gql(REPORT, { input: { model: 'SHAPLEY', from: '2025-05-01T00:00:00Z', to: '2025-06-01T00:00:00Z' } });
  expect(body.errors?.[0]).toMatchObject({
    message: 'No FX rate for GBP on or before 2025-05-10: record one with recordFxRates to convert GBP into USD',
    extensions: { code: 'MISSING_FX_RATE', currency: 'GBP', date: '2025-05-10' },
  });
});
