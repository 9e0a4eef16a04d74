import { seedDemoData } from '../src/seed';
import { startTestApp, TestApp } from './support/test-app';

// A data-driven report alone takes its total, unattributed amount and rows' touches and influence
// from its path table, built in SQL; beside a rule-based model (compareModels) they come from the
// streamed journeys instead. Both must agree to the cent, under every journey option.
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await seedDemoData(app.dataSource, { size: 'small' });
  // What autovacuum does soon after a bulk load: without statistics, the streamed journeys beside
  // a rule-based model are planned badly.
  await app.dataSource.query('ANALYZE');
});
afterAll(async () => { await app.stop(); });

const ROWS = 'keys touches influencedRevenue { amountMinor } influencedDeals campaign { externalId }';
const ATTRIBUTION = `query($input: AttributionInput!) { attribution(input: $input) {
  total { amountMinor } deals unattributed { amountMinor } rows { ${ROWS} revenue { amountMinor } deals } } }`;
const COMPARE = `query($input: CompareModelsInput!) { compareModels(input: $input) {
  total { amountMinor } deals totals { model unattributed { amountMinor } }
  rows { ${ROWS} values { model revenue { amountMinor } deals } } } }`;

async function data(query: string, input: Record<string, unknown>) {
  const body = await app.gql(query, { input });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

const byKeys = (rows: Array<{ keys: string[] }>) => Object.fromEntries(rows.map((row) => [row.keys.join(), row]));
const rounded = (deals: number) => Math.round(deals * 1e9) / 1e9;

test.each([
  [{}],
  [{ groupBy: ['CAMPAIGN'] }],
  [{ from: '2025-04-01T00:00:00Z', to: '2025-10-01T00:00:00Z', timeZone: 'America/New_York' }],
  [{ lookbackDays: 45, collapseRepeats: false }],
  [{ contacts: 'PRIMARY', excludeChannels: ['direct'] }],
  [{ contacts: 'ACCOUNT', groupBy: ['CAMPAIGN'] }],
  [{ currency: 'EUR' }],
])('MARKOV alone and beside LINEAR report the same totals and rows for %j', async (options) => {
  const { attribution } = await data(ATTRIBUTION, { model: 'MARKOV', ...options });
  const { compareModels } = await data(COMPARE, { models: ['MARKOV', 'LINEAR'], ...options });
  expect(attribution.rows.length).toBeGreaterThan(0);
  expect(attribution.total).toEqual(compareModels.total);
  expect(attribution.deals).toBe(compareModels.deals);
  expect(attribution.unattributed).toEqual(compareModels.totals[0].unattributed);
  const alone = byKeys(attribution.rows);
  const beside = byKeys(compareModels.rows);
  expect(Object.keys(alone).sort()).toEqual(Object.keys(beside).sort());
  for (const [key, { values, ...row }] of Object.entries(beside) as Array<[string, any]>) {
    const { revenue, deals, ...figures } = alone[key] as any;
    expect({ key, ...figures }).toEqual({ key, ...row });
    expect({ key, revenue, deals: rounded(deals) }).toEqual({ key, revenue: values[0].revenue, deals: rounded(values[0].deals) });
  }
  const credited = attribution.rows.reduce((sum: bigint, row: any) => sum + BigInt(row.revenue.amountMinor), 0n);
  expect(credited + BigInt(attribution.unattributed.amountMinor)).toBe(BigInt(attribution.total.amountMinor));
});
