import { account, campaign, deal, ingest, lead, touch } from './support/ingest';
import { startTestApp, TestApp } from './support/test-app';

// One small world, ingested through the public mutations; every expected figure is worked out by
// hand from docs/attribution.md (times are UTC).
//   D1 (A1, 1000.00 USD, created 03-08, won 04-01): contacts L1 (created 03-02, primary) and L2 (03-10);
//      journey T1 paid_search 03-01 10:00, T2 webinar 03-05, T3 email 03-12, T4 direct 03-15.
//      Milestones: FIRST T1, LEAD_CREATION T1, OPPORTUNITY_CREATION T2, CLOSED T4, LAST T4.
//   D2 (A2, 333.33 USD, won 03-20): contact L3; journey T5 paid_search 03-04.
//   D3 (A2, 200.00 USD, won 03-25): no contacts, so unattributed (except under the ACCOUNT rule).
//   D5 (A2, 100.00 EUR, won 03-20): contact L3; EUR rate 1.1 from 03-01 gives 110.00 USD.
//   D4 lost and D6 (GBP, won 06-10, no GBP rate) are outside the March-April revenue reports.
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  const ok = (result: { userErrors: unknown[] }) => expect(result.userErrors).toEqual([]);
  ok(await ingest(app, 'rates', [
    { currency: 'EUR', date: '2025-03-01', rate: '1.1' }, { currency: 'EUR', date: '2025-03-21', rate: '1.2' },
  ]));
  ok(await ingest(app, 'campaigns', [
    campaign('C-SEARCH', { channel: 'paid_search' }), campaign('C-WEB', { channel: 'webinar' }),
    campaign('C-EMAIL', { channel: 'email' }),
  ]));
  ok(await ingest(app, 'costs', [
    { campaignExternalId: 'C-SEARCH', date: '2025-03-01', amount: '100.00', currency: 'USD' },
    { campaignExternalId: 'C-WEB', date: '2025-03-05', amount: '50.00', currency: 'USD' },
    { campaignExternalId: 'C-WEB', date: '2025-02-05', amount: '999.00', currency: 'USD' },
  ]));
  ok(await ingest(app, 'accounts', [account('A1'), account('A2')]));
  ok(await ingest(app, 'leads', [
    lead('L1', { accountExternalId: 'A1', createdAt: '2025-03-02T00:00:00Z' }),
    lead('L2', { accountExternalId: 'A1', createdAt: '2025-03-10T00:00:00Z' }),
    lead('L3', { accountExternalId: 'A2', createdAt: '2025-03-03T00:00:00Z' }),
  ]));
  ok(await ingest(app, 'touches', [
    touch('T1', 'L1', { channel: null, campaignExternalId: 'C-SEARCH', occurredAt: '2025-03-01T10:00:00Z' }),
    touch('T2', 'L1', { channel: null, campaignExternalId: 'C-WEB', type: 'WEBINAR', occurredAt: '2025-03-05T00:00:00Z' }),
    touch('T3', 'L1', { channel: null, campaignExternalId: 'C-EMAIL', type: 'EMAIL_CLICK', occurredAt: '2025-03-12T00:00:00Z' }),
    touch('T4', 'L2', { channel: 'direct', type: 'WEB_VISIT', occurredAt: '2025-03-15T00:00:00Z' }),
    touch('T5', 'L3', { channel: null, campaignExternalId: 'C-SEARCH', occurredAt: '2025-03-04T00:00:00Z' }),
  ]));
  ok(await ingest(app, 'deals', [
    deal('D1', { accountExternalId: 'A1', amount: '1000.00', status: 'WON', createdAt: '2025-03-08T00:00:00Z',
      closedAt: '2025-04-01T00:00:00Z', contacts: [{ leadExternalId: 'L1', primary: true }, { leadExternalId: 'L2' }] }),
    deal('D2', { accountExternalId: 'A2', amount: '333.33', status: 'WON', createdAt: '2025-03-05T00:00:00Z',
      closedAt: '2025-03-20T00:00:00Z', contacts: [{ leadExternalId: 'L3' }] }),
    deal('D3', { accountExternalId: 'A2', amount: '200.00', status: 'WON', createdAt: '2025-03-01T00:00:00Z',
      closedAt: '2025-03-25T00:00:00Z' }),
    deal('D4', { accountExternalId: 'A2', amount: '5000.00', status: 'LOST', createdAt: '2025-03-01T00:00:00Z',
      closedAt: '2025-03-25T00:00:00Z', contacts: [{ leadExternalId: 'L3' }] }),
    deal('D5', { accountExternalId: 'A2', amount: '100.00', currency: 'EUR', status: 'WON', createdAt: '2025-03-06T00:00:00Z',
      closedAt: '2025-03-20T00:00:00Z', contacts: [{ leadExternalId: 'L3' }] }),
    deal('D6', { accountExternalId: 'A2', amount: '70.00', currency: 'GBP', status: 'WON', createdAt: '2025-06-01T00:00:00Z',
      closedAt: '2025-06-10T00:00:00Z', contacts: [{ leadExternalId: 'L3' }] }),
  ]));
});
afterAll(async () => { await app.stop(); });

const REPORT = `query($input: AttributionInput!) { attribution(input: $input) {
  currency total { amount } attributed { amount } unattributed { amount } deals cost { amount }
  rows { key keys label revenue { amount } deals touches influencedRevenue { amount } influencedDeals cost { amount } roas roi }
  unattributedRow { key revenue { amount } deals } } }`;

const MARCH_APRIL = { from: '2025-03-01T00:00:00Z', to: '2025-05-01T00:00:00Z' };

async function report(input: Record<string, unknown>) {
  const body = await app.gql(REPORT, { input: { ...MARCH_APRIL, ...input } });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!.attribution;
}

type Row = { key: string; keys: string[]; revenue: { amount: string } };

/** The rows with revenue (rows also exist for keys that only have touches or spend). */
const earning = (rows: Row[]) => rows.filter((row) => row.revenue.amount !== '0.00');

/** key -> revenue amount of the earning rows, for compact expectations. */
async function revenueByKey(input: Record<string, unknown>): Promise<Record<string, string>> {
  const result = await report(input);
  return Object.fromEntries(earning(result.rows).map((row) => [row.key, row.revenue.amount]));
}

describe('the rule-based models, by channel, revenue in March-April', () => {
  test.each([
    ['FIRST_TOUCH', { paid_search: '1443.33' }],
    ['LAST_TOUCH', { direct: '1000.00', paid_search: '443.33' }],
    ['LAST_NON_DIRECT', { email: '1000.00', paid_search: '443.33' }],
    ['LINEAR', { paid_search: '693.33', webinar: '250.00', email: '250.00', direct: '250.00' }],
    ['POSITION_BASED', { paid_search: '843.33', direct: '400.00', webinar: '100.00', email: '100.00' }],
    ['U_SHAPED', { paid_search: '1243.33', webinar: '66.67', email: '66.67', direct: '66.66' }],
    ['W_SHAPED', { paid_search: '1043.33', webinar: '300.00', email: '50.00', direct: '50.00' }],
    ['FULL_PATH', { paid_search: '893.33', webinar: '225.00', direct: '225.00', email: '100.00' }],
    ['J_SHAPED', { direct: '600.00', paid_search: '643.33', webinar: '100.00', email: '100.00' }],
    ['INVERSE_J', { paid_search: '1043.33', direct: '200.00', webinar: '100.00', email: '100.00' }],
  ])('%s', async (model, expected) => {
    expect(await revenueByKey({ model })).toEqual(expected);
  });

  test('TIME_DECAY weighs each touch 2^(-age/halfLife), normalised', async () => {
    const ages = [30 + 14 / 24, 27, 20, 17];
    const weights = ages.map((age) => 2 ** (-age / 7));
    const total = weights.reduce((a, b) => a + b, 0);
    const cents = weights.map((weight) => (100000 * weight) / total);
    const rows = await revenueByKey({ model: 'TIME_DECAY' });
    expect(Number(rows.webinar) * 100).toBeCloseTo(cents[1], -0.5);
    expect(Number(rows.email) * 100).toBeCloseTo(cents[2], -0.5);
    expect(Number(rows.direct) * 100).toBeCloseTo(cents[3], -0.5);
    const sum = Object.values(rows).reduce((a, b) => a + Math.round(Number(b) * 100), 0);
    expect(sum).toBe(144333);
  });

  test('rows plus the unattributed bucket reconcile to the total, with influence, touches and spend', async () => {
    const result = await report({ model: 'LINEAR' });
    expect(result).toMatchObject({
      currency: 'USD', total: { amount: '1643.33' }, attributed: { amount: '1443.33' }, unattributed: { amount: '200.00' },
      deals: 4, cost: { amount: '150.00' },
      unattributedRow: { key: 'UNATTRIBUTED', revenue: { amount: '200.00' }, deals: 1 },
    });
    expect(result.rows[0]).toEqual({
      key: 'paid_search', keys: ['paid_search'], label: 'Paid search', revenue: { amount: '693.33' }, deals: 2.25, touches: 3,
      influencedRevenue: { amount: '1443.33' }, influencedDeals: 3, cost: { amount: '100.00' }, roas: 6.9333, roi: 5.9333,
    });
    expect(result.rows.find((row: { key: string }) => row.key === 'email')).toMatchObject({ cost: null, roas: null, touches: 1 });
  });
});

describe('journey options', () => {
  test('excludeChannels leaves those touches out of journeys', async () => {
    expect(await revenueByKey({ model: 'LAST_TOUCH', excludeChannels: ['direct'] }))
      .toEqual({ email: '1000.00', paid_search: '443.33' });
  });

  test('excludeCampaigns leaves those campaigns\' touches out and keeps touches without a campaign', async () => {
    const result = await report({ model: 'LAST_TOUCH', excludeCampaigns: ['C-SEARCH'] });
    expect(result.rows.map((row: Row) => [row.key, row.revenue.amount]))
      .toEqual([['direct', '1000.00'], ['email', '0.00'], ['webinar', '0.00']]);
    expect(result.unattributed.amount).toBe('643.33');
  });

  test('includeCampaigns keeps only those campaigns\' touches; deals left without touches become unattributed', async () => {
    const result = await report({ model: 'LINEAR', includeCampaigns: ['C-WEB'] });
    expect(result.rows.map((row: Row) => [row.key, row.revenue.amount])).toEqual([['webinar', '1000.00']]);
    expect(result.unattributed.amount).toBe('643.33');
  });

  test('lookbackDays keeps touches at most that many days before t*', async () => {
    expect(await revenueByKey({ model: 'LINEAR', lookbackDays: 20 }))
      .toEqual({ paid_search: '443.33', email: '500.00', direct: '500.00' });
  });

  test('contacts: PRIMARY uses only the primary contact', async () => {
    expect(await revenueByKey({ model: 'LINEAR', contacts: 'PRIMARY' }))
      .toEqual({ paid_search: '776.67', webinar: '333.33', email: '333.33' });
  });

  test('contacts: ACCOUNT uses the whole buying committee, even for a deal without contacts', async () => {
    const result = await report({ model: 'FIRST_TOUCH', contacts: 'ACCOUNT' });
    expect(result.unattributed.amount).toBe('0.00');
    expect(earning(result.rows).map((row) => [row.key, row.revenue.amount])).toEqual([['paid_search', '1643.33']]);
  });

  test('PIPELINE counts deals created in the period at their createdAt, without a CLOSED milestone', async () => {
    const result = await report({ model: 'FULL_PATH', basis: 'PIPELINE' });
    // Created in March-April: D1 (t* 03-08: T1 holds FIRST and LEAD_CREATION, T2 OPPORTUNITY_CREATION; the
    // absent CLOSED and the empty MIDDLE go to them in proportion: 2/3 and 1/3), D2, D3 (no contacts), D4
    // (lost, created 03-01 before T5: unattributed) and D5 (110.00 USD).
    expect(result).toMatchObject({ total: { amount: '6643.33' }, unattributed: { amount: '5200.00' } });
    expect(Object.fromEntries(earning(result.rows).map((row) => [row.key, row.revenue.amount])))
      .toEqual({ paid_search: '1110.00', webinar: '333.33' });
  });

  test('groupBy CHANNEL x MONTH gives a time series keyed by the month\'s first day', async () => {
    const result = await report({ model: 'FIRST_TOUCH', groupBy: ['CHANNEL', 'MONTH'] });
    expect(earning(result.rows).map((row) => [row.keys, row.revenue.amount])).toEqual([
      [['paid_search', '2025-04-01'], '1000.00'],
      [['paid_search', '2025-03-01'], '443.33'],
    ]);
    expect(result.rows.find((row: Row) => row.keys.join() === 'webinar,2025-03-01'))
      .toMatchObject({ revenue: { amount: '0.00' }, cost: { amount: '50.00' }, roas: 0 });
  });

  test('CAMPAIGN rows name their campaign', async () => {
    const body = await app.gql(`query($input: AttributionInput!) { attribution(input: $input) {
      rows { key label campaign { externalId name channel } revenue { amount } } } }`,
    { input: { ...MARCH_APRIL, model: 'LAST_NON_DIRECT', groupBy: ['CAMPAIGN'] } });
    expect(body.data?.attribution.rows).toEqual([
      { key: 'C-EMAIL', label: 'Campaign C-EMAIL', campaign: { externalId: 'C-EMAIL', name: 'Campaign C-EMAIL', channel: 'email' }, revenue: { amount: '1000.00' } },
      { key: 'C-SEARCH', label: 'Campaign C-SEARCH', campaign: { externalId: 'C-SEARCH', name: 'Campaign C-SEARCH', channel: 'paid_search' }, revenue: { amount: '443.33' } },
      { key: '(none)', label: 'No campaign', campaign: null, revenue: { amount: '0.00' } },
      { key: 'C-WEB', label: 'Campaign C-WEB', campaign: { externalId: 'C-WEB', name: 'Campaign C-WEB', channel: 'webinar' }, revenue: { amount: '0.00' } },
    ]);
  });
});

describe('money', () => {
  test('a report in EUR converts each deal at the rate of its conversion date', async () => {
    const result = await report({ model: 'FIRST_TOUCH', currency: 'EUR' });
    // D1 1000 USD / 1.2 (rate from 03-21) = 833.33; D2 333.33 / 1.1 = 303.03; D3 200 / 1.2 = 166.67; D5 100.00 EUR.
    expect(result).toMatchObject({ currency: 'EUR', total: { amount: '1403.03' }, unattributed: { amount: '166.67' } });
  });

  test('a missing FX rate is an error naming the currency and the date', async () => {
    const body = await app.gql(REPORT, { input: { model: 'LINEAR', from: '2025-06-01T00:00:00Z', to: '2025-07-01T00:00:00Z' } });
    expect(body.errors?.[0]).toMatchObject({
      message: 'No FX rate for GBP on or before 2025-06-10: record one with recordFxRates to convert GBP into USD',
      extensions: { code: 'MISSING_FX_RATE', currency: 'GBP', date: '2025-06-10' },
    });
  });

  test('CUSTOM weights must sum to 1', async () => {
    const body = await app.gql(REPORT, { input: { model: 'CUSTOM', weights: { first: 0.5, last: 0.6 } } });
    expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0].message).toMatch(/^input\.weights: CUSTOM weights must be non-negative and sum to 1; got FIRST=0\.5, LAST=0\.6/);
    expect(await revenueByKey({ model: 'CUSTOM', weights: { first: 0.5, last: 0.5 } }))
      .toEqual({ paid_search: '943.33', direct: '500.00' });
  });

  test('bad arguments are BAD_USER_INPUT naming the argument', async () => {
    const attempts: Array<[Record<string, unknown>, string]> = [
      [{ model: 'LINEAR', groupBy: ['CHANNEL', 'MONTH', 'WEEK'] }, 'input.groupBy takes 1 or 2 distinct dimensions'],
      [{ model: 'LINEAR', timeZone: 'Mars/Olympus' }, 'input.timeZone "Mars/Olympus" is not a time zone that both IANA and the database know'],
      [{ model: 'LINEAR', lookbackDays: -1 }, 'input.lookbackDays must be between 0 and 3650; got -1'],
      [{ model: 'LINEAR', currency: 'XXQ' }, 'currency "XXQ" is not an ISO 4217 currency code'],
      [{ model: 'LINEAR', weights: { first: 1 } }, 'input.weights applies only to the CUSTOM model'],
      [{ model: 'LINEAR', from: '2025-05-01T00:00:00Z', to: '2025-03-01T00:00:00Z' }, 'input.from must be before input.to'],
    ];
    for (const [input, message] of attempts) {
      const body = await app.gql(REPORT, { input: { ...MARCH_APRIL, ...input } });
      expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
      expect(body.errors?.[0].message).toContain(message);
    }
  });
});

test('compareModels returns a row per key and a value per model, each reconciling to the total', async () => {
  const body = await app.gql(`query($input: CompareModelsInput!) { compareModels(input: $input) {
    models total { amount } unattributed { amount } rows { key values { model revenue { amount } } } } }`,
  { input: { ...MARCH_APRIL, models: ['FIRST_TOUCH', 'LAST_TOUCH', 'LINEAR'] } });
  const comparison = body.data?.compareModels;
  expect(comparison.models).toEqual(['FIRST_TOUCH', 'LAST_TOUCH', 'LINEAR']);
  const byKey = Object.fromEntries(comparison.rows.map((row: { key: string; values: Array<{ revenue: { amount: string } }> }) =>
    [row.key, row.values.map((value) => value.revenue.amount)]));
  expect(byKey).toEqual({
    paid_search: ['1443.33', '443.33', '693.33'],
    webinar: ['0.00', '0.00', '250.00'],
    email: ['0.00', '0.00', '250.00'],
    direct: ['0.00', '1000.00', '250.00'],
  });
});

test('a deal\'s journey lists its touches in order with milestones and each model\'s credit', async () => {
  const body = await app.gql(`{ dealByExternalId(externalId: "D1") { journey(input: { models: [W_SHAPED, LINEAR] }) {
    basis conversionAt amount { amount } models
    steps { position channel occurredAt milestones touch { externalId } campaign { externalId }
            credits { model share amount { amount } } } } } }`);
  const journey = body.data?.dealByExternalId.journey;
  expect(journey).toMatchObject({ basis: 'REVENUE', conversionAt: '2025-04-01T00:00:00.000Z', amount: { amount: '1000.00' } });
  const steps = journey.steps.map((step: any) => [
    step.position, step.touch.externalId, step.campaign?.externalId ?? null, step.milestones,
    step.credits.map((credit: any) => credit.amount.amount),
  ]);
  expect(steps).toEqual([
    [1, 'T1', 'C-SEARCH', ['FIRST', 'LEAD_CREATION'], ['600.00', '250.00']],
    [2, 'T2', 'C-WEB', ['OPPORTUNITY_CREATION'], ['300.00', '250.00']],
    [3, 'T3', 'C-EMAIL', [], ['50.00', '250.00']],
    [4, 'T4', null, ['LAST', 'CLOSED'], ['50.00', '250.00']],
  ]);
  expect(journey.steps[0].credits[0]).toEqual({ model: 'W_SHAPED', share: 0.6, amount: { amount: '600.00' } });
});

test('an open deal\'s journey is its pipeline view, up to its creation', async () => {
  const body = await app.gql(`{ deals(first: 10, status: [LOST]) { nodes { externalId journey { basis steps { touch { externalId } } } } } }`);
  expect(body.data?.deals.nodes).toEqual([{ externalId: 'D4', journey: { basis: 'PIPELINE', steps: [] } }]);
});
