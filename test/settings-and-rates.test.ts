import { account, deal, ingest, lead, touch } from './support/ingest';
import { startTestApp, TestApp } from './support/test-app';

// Two things every report shares: the server's own REPORTING_CURRENCY (not the process's), and
// one missing-rate error that names the currency whose rate is missing.
//   D1 won 100.00 USD on 2025-03-20, contact L1 with one touch. No EUR rate is recorded.
let usd: TestApp;
let eur: TestApp;

async function seed(app: TestApp): Promise<void> {
  const ok = (result: { userErrors: unknown[] }) => expect(result.userErrors).toEqual([]);
  ok(await ingest(app, 'accounts', [account('A1')]));
  ok(await ingest(app, 'leads', [lead('L1', { accountExternalId: 'A1', createdAt: '2025-03-01T00:00:00Z' })]));
  ok(await ingest(app, 'touches', [touch('T1', 'L1', { occurredAt: '2025-03-02T00:00:00Z' })]));
  ok(await ingest(app, 'deals', [deal('D1', {
    accountExternalId: 'A1', amount: '100.00', status: 'WON', createdAt: '2025-03-05T00:00:00Z', closedAt: '2025-03-20T00:00:00Z',
    contacts: [{ leadExternalId: 'L1', primary: true }],
  })]));
}

beforeAll(async () => {
  [usd, eur] = await Promise.all([startTestApp({ REPORTING_CURRENCY: 'USD' }), startTestApp({ REPORTING_CURRENCY: 'EUR' })]);
  await Promise.all([seed(usd), seed(eur)]);
  // The EUR server converts USD deals: 1 USD = 0.9 EUR from March.
  expect((await ingest(eur, 'rates', [{ currency: 'USD', date: '2025-03-01', rate: '0.9' }])).userErrors).toEqual([]);
});
afterAll(async () => { await Promise.all([usd.stop(), eur.stop()]); });

const PERIOD = { from: '2025-03-01T00:00:00Z', to: '2025-04-01T00:00:00Z' };
const REPORT = { ...PERIOD, model: 'LINEAR' };
const ATTRIBUTION = 'query($input: AttributionInput!) { attribution(input: $input) { currency total { amount currency } } }';
const JOURNEY = `query($input: DealJourneyInput) { dealByExternalId(externalId: "D1") {
  journey(input: $input) { amount { amount currency } } } }`;
const KPIS = 'query($input: KpisInput!) { kpis(input: $input) { revenue { amount currency } } }';

test('reports default to the serving instance\'s REPORTING_CURRENCY', async () => {
  expect((await usd.gql(ATTRIBUTION, { input: REPORT })).data!.attribution.total).toEqual({ amount: '100.00', currency: 'USD' });
  expect((await eur.gql(ATTRIBUTION, { input: REPORT })).data!.attribution.total).toEqual({ amount: '90.00', currency: 'EUR' });
  expect((await eur.gql(JOURNEY, {})).data!.dealByExternalId.journey.amount).toEqual({ amount: '90.00', currency: 'EUR' });
  expect((await eur.gql(KPIS, { input: PERIOD })).data!.kpis.revenue).toEqual({ amount: '90.00', currency: 'EUR' });
});

test('a USD deal in a EUR report without any EUR rate: attribution, the deal journey and kpis all name EUR', async () => {
  // kpis meets the deal first as pipeline, converted on its creation day.
  const expected = (date: string) => ({
    message: `No FX rate for EUR on or before ${date}: record one with recordFxRates to convert EUR into EUR`,
    extensions: { code: 'MISSING_FX_RATE', currency: 'EUR', date },
  });
  const errors = await Promise.all([
    usd.gql(ATTRIBUTION, { input: { ...REPORT, currency: 'EUR' } }),
    usd.gql(JOURNEY, { input: { currency: 'EUR' } }),
    usd.gql(KPIS, { input: { ...PERIOD, currency: 'EUR' } }),
  ]);
  expect(errors.map((body) => body.errors?.[0])).toEqual(['2025-03-20', '2025-03-20', '2025-03-05'].map((date) => expect.objectContaining(expected(date))));
});
