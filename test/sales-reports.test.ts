import { account, campaign, deal, ingest, lead, touch } from './support/ingest';
import { startTestApp, TestApp } from './support/test-app';

// One small world, every figure worked out by hand (UTC). Rules v2 (set mid-test, replacing v1):
//   FORM_SUBMIT 40, WEBINAR 40, EMAIL_CLICK on email 15, channel email 1, channel paid_search 10;
//   fit SEGMENT=ENTERPRISE 20; threshold 50; no decay; SLA 24 h. v1 lacks WEBINAR and email 1, and
//   gives EMAIL_CLICK on email 5, WEBINAR touches earn nothing.
//   L1 (A1 ENTERPRISE, created 03-01, lifecycle SQL at 03-04): T1 paid_search 03-01 10:00 (campaign C-SEARCH) 20+10=30,
//      T2 FORM_SUBMIT content 03-02 +40=70 -> MQL 03-02; T3 SALES_CALL 03-02 12:00 (answered in 12 h).
//   L2 (A2, created 03-05): T4 EMAIL_CLICK email 03-05, T5 EMAIL_OPEN email 03-05 12:00, T6 WEBINAR 03-06.
//      v1: 5+0+0=5, never sales-ready. v2: 15+1+40=56 -> MQL 03-06. No sales touch: neglected.
//   L3 (A2, created 03-10): T7 FORM_SUBMIT webinar 03-10 40, T8 AD_CLICK paid_search 03-11 +10=50 -> MQL 03-11. Neglected.
//   L4 (A1, created 03-12): T9 SALES_MEETING sales 02-28; never scored above 0.
//   D1 (A1, 1000.00 USD, owner alice, created 03-15, won 04-14): contacts L1 (primary) and L4.
//   D2 (A2, 500.00 EUR = 550.00 USD at 1.1, owner bob, created 03-20, lost 03-25): contact L3.
let app: TestApp;

const RULES_V1 = {
  rules: [{ touchType: 'FORM_SUBMIT', points: 40 }, { touchType: 'EMAIL_CLICK', channel: 'email', points: 5 },
    { channel: 'paid_search', points: 10 }],
  fitRules: [{ attribute: 'SEGMENT', value: 'ENTERPRISE', points: 20 }],
  threshold: 50, slaHours: 24,
};
const RULES_V2 = {
  ...RULES_V1,
  rules: [{ touchType: 'FORM_SUBMIT', points: 40 }, { touchType: 'WEBINAR', points: 40 },
    { touchType: 'EMAIL_CLICK', channel: 'email', points: 15 }, { channel: 'email', points: 1 }, { channel: 'paid_search', points: 10 }],
};

const SET_RULES = `mutation($input: SetScoringRulesInput!) { setScoringRules(input: $input) {
  rescoredLeads userErrors { path code } ruleSet { version threshold decayHalfLifeDays slaHours nonMarketingChannels
  rules { touchType channel points } fitRules { attribute value points } } } }`;

async function gql(query: string, variables?: Record<string, unknown>) {
  const body = await app.gql(query, variables);
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

const setRules = async (input: object) => (await gql(SET_RULES, { input })).setScoringRules;

async function leadScore(externalId: string) {
  return (await gql(`query($id: String!) { leadByExternalId(externalId: $id) { score salesReady mqlAt
    scoreBreakdown { occurredAt type channel points currentPoints rule { touchType channel points } } } }`, { id: externalId }))
    .leadByExternalId;
}

beforeAll(async () => {
  app = await startTestApp();
  const ok = (result: { userErrors: unknown[] }) => expect(result.userErrors).toEqual([]);
  ok(await ingest(app, 'rates', [{ currency: 'EUR', date: '2025-03-01', rate: '1.1' }]));
  ok(await ingest(app, 'campaigns', [campaign('C-SEARCH', { channel: 'paid_search' })]));
  ok(await ingest(app, 'costs', [{ campaignExternalId: 'C-SEARCH', date: '2025-03-01', amount: '200.00', currency: 'USD' }]));
  ok(await ingest(app, 'accounts', [account('A1', { segment: 'ENTERPRISE' }), account('A2')]));
  expect((await setRules(RULES_V1)).userErrors).toEqual([]);
  ok(await ingest(app, 'leads', [
    lead('L1', { accountExternalId: 'A1', createdAt: '2025-03-01T00:00:00Z', lifecycleStage: 'SQL', stageChangedAt: '2025-03-04T00:00:00Z' }),
    lead('L2', { accountExternalId: 'A2', createdAt: '2025-03-05T00:00:00Z' }),
    lead('L3', { accountExternalId: 'A2', createdAt: '2025-03-10T00:00:00Z' }),
    lead('L4', { accountExternalId: 'A1', createdAt: '2025-03-12T00:00:00Z' }),
  ]));
  ok(await ingest(app, 'touches', [
    touch('T1', 'L1', { channel: null, campaignExternalId: 'C-SEARCH', occurredAt: '2025-03-01T10:00:00Z' }),
    touch('T2', 'L1', { channel: 'content', type: 'FORM_SUBMIT', occurredAt: '2025-03-02T00:00:00Z' }),
    touch('T3', 'L1', { channel: 'sales', type: 'SALES_CALL', occurredAt: '2025-03-02T12:00:00Z' }),
    touch('T4', 'L2', { channel: 'email', type: 'EMAIL_CLICK', occurredAt: '2025-03-05T00:00:00Z' }),
    touch('T5', 'L2', { channel: 'email', type: 'EMAIL_OPEN', occurredAt: '2025-03-05T12:00:00Z' }),
    touch('T6', 'L2', { channel: 'webinar', type: 'WEBINAR', occurredAt: '2025-03-06T00:00:00Z' }),
    touch('T7', 'L3', { channel: 'webinar', type: 'FORM_SUBMIT', occurredAt: '2025-03-10T00:00:00Z' }),
    touch('T8', 'L3', { channel: 'paid_search', type: 'AD_CLICK', occurredAt: '2025-03-11T00:00:00Z' }),
    touch('T9', 'L4', { channel: 'sales', type: 'SALES_MEETING', occurredAt: '2025-02-28T00:00:00Z' }),
  ]));
  ok(await ingest(app, 'deals', [
    deal('D1', { accountExternalId: 'A1', amount: '1000.00', status: 'WON', owner: 'alice', createdAt: '2025-03-15T00:00:00Z',
      closedAt: '2025-04-14T00:00:00Z', contacts: [{ leadExternalId: 'L1', primary: true }, { leadExternalId: 'L4' }] }),
    deal('D2', { accountExternalId: 'A2', amount: '500.00', currency: 'EUR', status: 'LOST', owner: 'bob',
      createdAt: '2025-03-20T00:00:00Z', closedAt: '2025-03-25T00:00:00Z', contacts: [{ leadExternalId: 'L3', primary: true }] }),
  ]));
});
afterAll(async () => { await app.stop(); });

const MARCH = { from: '2025-03-01T00:00:00Z', to: '2025-04-01T00:00:00Z' };
const FUNNEL = `query($input: FunnelInput!) { funnel(input: $input) {
  total { key stages { stage count conversionFromPrevious medianDaysFromPrevious } }
  rows { key stages { count } } } }`;

describe('lead scoring', () => {
  test('scores after ingestion under v1: a lead that never becomes sales-ready, and the breakdown', async () => {
    expect(await leadScore('L2')).toMatchObject({ score: 5, salesReady: false, mqlAt: null });
    expect(await leadScore('L1')).toEqual({
      score: 70, salesReady: true, mqlAt: '2025-03-02T00:00:00.000Z',
      scoreBreakdown: [
        { occurredAt: '2025-03-01T10:00:00.000Z', type: 'AD_CLICK', channel: 'paid_search', points: 10, currentPoints: 10,
          rule: { touchType: null, channel: 'paid_search', points: 10 } },
        { occurredAt: '2025-03-02T00:00:00.000Z', type: 'FORM_SUBMIT', channel: 'content', points: 40, currentPoints: 40,
          rule: { touchType: 'FORM_SUBMIT', channel: null, points: 40 } },
        { occurredAt: '2025-03-02T12:00:00.000Z', type: 'SALES_CALL', channel: 'sales', points: 0, currentPoints: 0, rule: null },
      ],
    });
    const funnel = (await gql(FUNNEL, { input: MARCH })).funnel;
    expect(funnel.total.stages.map((stage: { count: number }) => stage.count)).toEqual([4, 3, 3, 3, 2]);
  });

  test('changing the rules mid-period rescores every lead; the most specific rule wins; versions stay readable', async () => {
    const result = await setRules(RULES_V2);
    expect(result).toMatchObject({ rescoredLeads: 4, userErrors: [], ruleSet: { version: 3, threshold: 50, slaHours: 24,
      decayHalfLifeDays: null, nonMarketingChannels: ['sales', 'direct'] } });
    const l2 = await leadScore('L2');
    expect(l2).toMatchObject({ score: 56, salesReady: true, mqlAt: '2025-03-06T00:00:00.000Z' });
    expect(l2.scoreBreakdown.map((touch: { points: number }) => touch.points)).toEqual([15, 1, 40]);
    expect(await leadScore('L3')).toMatchObject({ score: 50, salesReady: true, mqlAt: '2025-03-11T00:00:00.000Z' });
    expect(await leadScore('L4')).toMatchObject({ score: 20, salesReady: false, mqlAt: null });
    const v2 = await gql('{ scoringRules(version: 2) { version rules { points } } }');
    expect(v2.scoringRules).toEqual({ version: 2, rules: [{ points: 5 }, { points: 40 }, { points: 10 }] });
    const top = await gql('{ leadsByScore(input: { salesReady: true, limit: 10 }) { externalId score } }');
    expect(top.leadsByScore).toEqual([{ externalId: 'L1', score: 70 }, { externalId: 'L2', score: 56 }, { externalId: 'L3', score: 50 }]);
  });

  test('refuses a bad configuration with user errors and changes nothing', async () => {
    const result = await setRules({ ...RULES_V2, threshold: 0, rules: [{ points: 3 }, { channel: 'Bad Slug', points: 1 }] });
    expect(result).toEqual({ rescoredLeads: 0, ruleSet: null, userErrors: [
      { path: ['input', 'threshold'], code: 'INVALID_VALUE' },
      { path: ['input', 'rules', '0'], code: 'REQUIRED' },
      { path: ['input', 'rules', '1', 'channel'], code: 'INVALID_VALUE' },
    ] });
    expect((await gql('{ scoringRules { version } }')).scoringRules.version).toBe(3);
  });

  test('refuses numbers that no score could be computed with', async () => {
    const result = await setRules({ ...RULES_V2, decayHalfLifeDays: 0.001, slaHours: 1e9,
      rules: [{ channel: 'email', points: 1e-9 }], fitRules: [{ attribute: 'SEGMENT', value: 'ENTERPRISE', points: 1e12 }] });
    expect(result.userErrors).toEqual([
      { path: ['input', 'slaHours'], code: 'INVALID_VALUE' },
      { path: ['input', 'decayHalfLifeDays'], code: 'INVALID_VALUE' },
      { path: ['input', 'rules', '0', 'points'], code: 'INVALID_VALUE' },
      { path: ['input', 'fitRules', '0', 'points'], code: 'INVALID_VALUE' },
    ]);
  });
});

describe('reports (rules v2)', () => {
  test('funnel by first-touch channel', async () => {
    const funnel = (await gql(FUNNEL, { input: { ...MARCH, groupBy: 'CHANNEL' } })).funnel;
    expect(funnel.total).toEqual({ key: 'TOTAL', stages: [
      { stage: 'LEAD', count: 4, conversionFromPrevious: null, medianDaysFromPrevious: null },
      { stage: 'MQL', count: 4, conversionFromPrevious: 1, medianDaysFromPrevious: 1 },
      { stage: 'SQL', count: 3, conversionFromPrevious: 0.75, medianDaysFromPrevious: 2 },
      { stage: 'OPPORTUNITY', count: 3, conversionFromPrevious: 1, medianDaysFromPrevious: 0 },
      { stage: 'WON', count: 2, conversionFromPrevious: 2 / 3, medianDaysFromPrevious: 30 },
    ] });
    const rows = Object.fromEntries(funnel.rows.map((row: { key: string; stages: Array<{ count: number }> }) =>
      [row.key, row.stages.map((stage) => stage.count)]));
    expect(rows).toEqual({ paid_search: [1, 1, 1, 1, 1], email: [1, 1, 0, 0, 0], webinar: [1, 1, 1, 1, 0], sales: [1, 1, 1, 1, 1] });
    const byMonth = (await gql(FUNNEL, { input: { ...MARCH, groupBy: 'MONTH' } })).funnel.rows;
    expect(byMonth).toEqual([{ key: '2025-03', stages: [{ count: 4 }, { count: 4 }, { count: 3 }, { count: 3 }, { count: 2 }] }]);
  });

  test('handoff SLA by period and owner, and neglected leads oldest first', async () => {
    const { handoffSla } = await gql(`query($input: HandoffSlaInput!) { handoffSla(input: $input) { slaHours
      total { key mqls met breached pending compliance medianResponseHours }
      byPeriod { key mqls met breached } byOwner { key mqls met breached } } }`, { input: MARCH });
    expect(handoffSla.slaHours).toBe(24);
    expect(handoffSla.total).toEqual({ key: 'TOTAL', mqls: 3, met: 1, breached: 2, pending: 0, compliance: 1 / 3, medianResponseHours: 12 });
    expect(handoffSla.byPeriod).toEqual([{ key: '2025-03-01', mqls: 3, met: 1, breached: 2 }]);
    const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : 1);
    expect([...handoffSla.byOwner].sort(byKey)).toEqual([
      { key: '(unknown)', mqls: 1, met: 0, breached: 1 },
      { key: 'alice', mqls: 1, met: 1, breached: 0 },
      { key: 'bob', mqls: 1, met: 0, breached: 1 },
    ]);
    const { neglectedLeads } = await gql('{ neglectedLeads { lead { externalId } mqlAt deadline } }');
    expect(neglectedLeads).toEqual([
      { lead: { externalId: 'L2' }, mqlAt: '2025-03-06T00:00:00.000Z', deadline: '2025-03-07T00:00:00.000Z' },
      { lead: { externalId: 'L3' }, mqlAt: '2025-03-11T00:00:00.000Z', deadline: '2025-03-12T00:00:00.000Z' },
    ]);
  });

  test('lead quality by first-touch channel: a deal with several contacts counts once', async () => {
    const { leadQuality } = await gql(`query($input: LeadQualityInput!) { leadQuality(input: $input) {
      total { ...q } rows { ...q } } }
      fragment q on LeadQualityRow { key leads mqls sqls opportunities wonDeals lostDeals winRate revenue { amount currency }
        averageDealSize { amount } averageSalesCycleDays revenuePerLead { amount } }`, { input: MARCH });
    expect(leadQuality.total).toEqual({ key: 'TOTAL', leads: 4, mqls: 4, sqls: 3, opportunities: 2, wonDeals: 1, lostDeals: 1,
      winRate: 0.5, revenue: { amount: '1000.00', currency: 'USD' }, averageDealSize: { amount: '1000.00' },
      averageSalesCycleDays: 30, revenuePerLead: { amount: '250.00' } });
    const rows = Object.fromEntries(leadQuality.rows.map(({ key, ...row }: { key: string }) => [key, row]));
    expect(rows.paid_search).toEqual({ leads: 1, mqls: 1, sqls: 1, opportunities: 1, wonDeals: 1, lostDeals: 0, winRate: 1,
      revenue: { amount: '1000.00', currency: 'USD' }, averageDealSize: { amount: '1000.00' }, averageSalesCycleDays: 30,
      revenuePerLead: { amount: '1000.00' } });
    expect(rows.webinar).toEqual({ leads: 1, mqls: 1, sqls: 1, opportunities: 1, wonDeals: 0, lostDeals: 1, winRate: 0,
      revenue: { amount: '0.00', currency: 'USD' }, averageDealSize: null, averageSalesCycleDays: null, revenuePerLead: { amount: '0.00' } });
    expect(rows.email).toMatchObject({ leads: 1, mqls: 1, sqls: 0, opportunities: 0, winRate: null });
    expect(rows.sales).toMatchObject({ leads: 1, mqls: 1, sqls: 1, opportunities: 0, winRate: null });
  });

  test('shared KPIs, with FX conversion and attributed revenue under LINEAR', async () => {
    const { kpis } = await gql(`query($input: KpisInput!) { kpis(input: $input) { nonMarketingChannels
      pipeline { amount } marketingSourcedPipeline { amount } marketingInfluencedPipeline { amount }
      revenue { amount } marketingSourcedRevenue { amount } marketingInfluencedRevenue { amount } attributedMarketingRevenue { amount }
      opportunities wonDeals lostDeals winRate averageDealSize { amount } salesCycleDays leads mqls mqlToSqlRate newCustomers
      marketingSpend { amount } costPerLead { amount } costPerMql { amount } costPerOpportunity { amount }
      customerAcquisitionCost { amount } marketingRoi } }`,
    { input: { from: '2025-03-01T00:00:00Z', to: '2025-05-01T00:00:00Z', model: 'LINEAR' } });
    expect(kpis).toEqual({
      nonMarketingChannels: ['sales', 'direct'],
      pipeline: { amount: '1550.00' },
      // D1's journey starts with L4's sales meeting: influenced, not sourced.
      marketingSourcedPipeline: { amount: '550.00' },
      marketingInfluencedPipeline: { amount: '1550.00' },
      revenue: { amount: '1000.00' },
      marketingSourcedRevenue: { amount: '0.00' },
      marketingInfluencedRevenue: { amount: '1000.00' },
      // LINEAR over T9 sales, T1 paid_search, T2 content, T3 sales: 250.00 each, two on marketing channels.
      attributedMarketingRevenue: { amount: '500.00' },
      opportunities: 2, wonDeals: 1, lostDeals: 1, winRate: 0.5, averageDealSize: { amount: '1000.00' }, salesCycleDays: 30,
      leads: 4, mqls: 4, mqlToSqlRate: 0.75, newCustomers: 1,
      marketingSpend: { amount: '200.00' }, costPerLead: { amount: '50.00' }, costPerMql: { amount: '50.00' },
      costPerOpportunity: { amount: '100.00' }, customerAcquisitionCost: { amount: '200.00' }, marketingRoi: 1.5,
    });
  });

  test('a missing FX rate is an error naming currency and date', async () => {
    const body = await app.gql('query($input: KpisInput!) { kpis(input: $input) { pipeline { amount } } }',
      { input: { from: '2025-03-01T00:00:00Z', to: '2025-05-01T00:00:00Z', currency: 'GBP' } });
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'MISSING_FX_RATE' });
  });

  test('bad periods are refused', async () => {
    const body = await app.gql(FUNNEL, { input: { from: MARCH.to, to: MARCH.from } });
    expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('decay', () => {
  test('points halve every half-life: the MQL time and current score follow', async () => {
    expect((await setRules({ ...RULES_V2, decayHalfLifeDays: 1 })).userErrors).toEqual([]);
    // L1 at T2: 20 + 10 x 2^(-14/24) + 40 = 66.7 >= 50. L3 at T8: 40 x 2^-1 + 10 = 30 < 50: never.
    const l1 = await leadScore('L1');
    expect(l1.mqlAt).toBe('2025-03-02T00:00:00.000Z');
    // Months later the touch points have decayed to nothing: the fit points remain.
    expect(l1.score).toBeCloseTo(20, 6);
    expect(await leadScore('L3')).toMatchObject({ salesReady: false, mqlAt: null });
  });

  test('touches thousands of half-lives old count for nothing, and scores can still be read', async () => {
    // An hourly half-life puts the March touches over 10,000 half-lives back: past float8's range.
    expect((await setRules({ ...RULES_V2, decayHalfLifeDays: 1 / 24 })).userErrors).toEqual([]);
    expect((await leadScore('L1')).score).toBeCloseTo(20, 6);
  });
});

describe('corrections', () => {
  test('a touch moved to another lead rescores both leads', async () => {
    expect((await setRules(RULES_V2)).userErrors).toEqual([]);
    const before = await leadScore('L4');
    expect(await leadScore('L3')).toMatchObject({ score: 50, salesReady: true });
    // T7 (FORM_SUBMIT, 40 points) was recorded against the wrong lead: it is L4's.
    expect((await ingest(app, 'touches', [
      touch('T7', 'L4', { channel: 'webinar', type: 'FORM_SUBMIT', occurredAt: '2025-03-10T00:00:00Z' }),
    ])).userErrors).toEqual([]);
    expect(await leadScore('L3')).toMatchObject({ score: 10, salesReady: false, mqlAt: null });
    expect((await leadScore('L4')).score).toBe(before.score + 40);
  });

  test('an account that changes segment rescores its leads\' fit points', async () => {
    const before = await leadScore('L1');
    // A1 is no longer ENTERPRISE: L1 loses the 20 fit points.
    expect((await ingest(app, 'accounts', [account('A1', { segment: 'MID_MARKET' })])).userErrors).toEqual([]);
    expect((await leadScore('L1')).score).toBe(before.score - 20);
  });
});
