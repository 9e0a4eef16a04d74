import { account, deal, ingest, lead } from './support/ingest';
import { startTestApp, TestApp } from './support/test-app';

// Funnel and lead quality grouped by the lead's account (UTC, default scoring rules: no lead scores
// its way to MQL, so stages come from deals alone):
//   A1 software / ENTERPRISE / 1000+; A2 retail / SMB / no size; A3 SMB only.
//   March cohort: L1 (A1, 03-01), L2 (A1, 03-02), L3 (A2, 03-03), L4 (A3, 03-04), L5 (no account, 03-05).
//   L6 (A1) is created in February: outside the cohort.
//   D1 won 1000.00 USD, contacts L1 (primary) and L3: every stage for both; in lead quality it counts
//   once, for L1 (the earlier-created contact). D2 lost 500.00 USD, contact L4: up to OPPORTUNITY.
let app: TestApp;

const MARCH = { from: '2025-03-01T00:00:00Z', to: '2025-04-01T00:00:00Z' };

async function gql(query: string, variables?: Record<string, unknown>) {
  const body = await app.gql(query, variables);
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

beforeAll(async () => {
  app = await startTestApp();
  const ok = (result: { userErrors: unknown[] }) => expect(result.userErrors).toEqual([]);
  ok(await ingest(app, 'accounts', [
    account('A1', { industry: 'software', segment: 'ENTERPRISE', size: '1000+' }),
    account('A2', { industry: 'retail', segment: 'SMB' }),
    account('A3', { segment: 'SMB' }),
  ]));
  ok(await ingest(app, 'leads', [
    lead('L1', { accountExternalId: 'A1', createdAt: '2025-03-01T00:00:00Z' }),
    lead('L2', { accountExternalId: 'A1', createdAt: '2025-03-02T00:00:00Z' }),
    lead('L3', { accountExternalId: 'A2', createdAt: '2025-03-03T00:00:00Z' }),
    lead('L4', { accountExternalId: 'A3', createdAt: '2025-03-04T00:00:00Z' }),
    lead('L5', { createdAt: '2025-03-05T00:00:00Z' }),
    lead('L6', { accountExternalId: 'A1', createdAt: '2025-02-05T00:00:00Z' }),
  ]));
  ok(await ingest(app, 'deals', [
    deal('D1', { accountExternalId: 'A1', status: 'WON', createdAt: '2025-03-10T00:00:00Z', closedAt: '2025-03-20T00:00:00Z',
      contacts: [{ leadExternalId: 'L1', primary: true }, { leadExternalId: 'L3' }] }),
    deal('D2', { accountExternalId: 'A3', amount: '500.00', status: 'LOST', createdAt: '2025-03-12T00:00:00Z',
      closedAt: '2025-03-22T00:00:00Z', contacts: [{ leadExternalId: 'L4', primary: true }] }),
  ]));
});
afterAll(async () => { await app.stop(); });

type Counts = Record<string, number[]>;
const sumOf = (rows: Counts) => Object.values(rows).reduce((sum, counts) => sum.map((value, index) => value + counts[index]));

describe('funnel by an account attribute', () => {
  const FUNNEL = `query($input: FunnelInput!) { funnel(input: $input) {
    total { stages { count } } rows { key stages { count } } } }`;
  const funnelBy = async (groupBy: string) => {
    const { funnel } = await gql(FUNNEL, { input: { ...MARCH, groupBy } });
    const counts = (row: { stages: Array<{ count: number }> }) => row.stages.map((stage) => stage.count);
    return { total: counts(funnel.total), rows: Object.fromEntries(funnel.rows.map((row: { key: string; stages: [] }) => [row.key, counts(row)])) as Counts };
  };

  test.each([
    ['INDUSTRY', { software: [2, 1, 1, 1, 1], retail: [1, 1, 1, 1, 1], '(none)': [2, 1, 1, 1, 0] }],
    ['SEGMENT', { ENTERPRISE: [2, 1, 1, 1, 1], SMB: [2, 2, 2, 2, 1], '(none)': [1, 0, 0, 0, 0] }],
    ['SIZE', { '1000+': [2, 1, 1, 1, 1], '(none)': [3, 2, 2, 2, 1] }],
  ])('by %s: leads without an account or the attribute under (none), rows add up to the total', async (groupBy, expected) => {
    const { total, rows } = await funnelBy(groupBy);
    expect(rows).toEqual(expected);
    expect(total).toEqual([5, 3, 3, 3, 2]);
    expect(sumOf(rows)).toEqual(total);
  });
});

describe('lead quality by an account attribute', () => {
  const QUALITY = `query($input: LeadQualityInput!) { leadQuality(input: $input) {
    total { ...q } rows { key ...q } } }
    fragment q on LeadQualityRow { leads mqls sqls opportunities wonDeals lostDeals revenue { amount } }`;
  const figures = (row: { leads: number; mqls: number; sqls: number; opportunities: number; wonDeals: number; lostDeals: number; revenue: { amount: string } }) =>
    [row.leads, row.mqls, row.sqls, row.opportunities, row.wonDeals, row.lostDeals, Number(row.revenue.amount)];

  test.each([
    ['INDUSTRY', { software: [2, 1, 1, 1, 1, 0, 1000], retail: [1, 1, 1, 0, 0, 0, 0], '(none)': [2, 1, 1, 1, 0, 1, 0] }],
    ['SEGMENT', { ENTERPRISE: [2, 1, 1, 1, 1, 0, 1000], SMB: [2, 2, 2, 1, 0, 1, 0], '(none)': [1, 0, 0, 0, 0, 0, 0] }],
    ['SIZE', { '1000+': [2, 1, 1, 1, 1, 0, 1000], '(none)': [3, 2, 2, 1, 0, 1, 0] }],
  ])('by %s: each deal counts once, rows add up to the total', async (groupBy, expected) => {
    const { leadQuality } = await gql(QUALITY, { input: { ...MARCH, groupBy } });
    const rows: Counts = Object.fromEntries(leadQuality.rows.map((row: Parameters<typeof figures>[0] & { key: string }) => [row.key, figures(row)]));
    expect(rows).toEqual(expected);
    expect(figures(leadQuality.total)).toEqual([5, 3, 3, 2, 1, 1, 1000]);
    expect(sumOf(rows)).toEqual(figures(leadQuality.total));
  });
});
