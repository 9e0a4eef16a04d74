import { LeadScoringService } from '../src/sales/lead-scoring.service';
import { account, deal, ingest, lead, touch } from './support/ingest';
import { startTestApp, TestApp } from './support/test-app';

// The funnel reads each lead's stages from lead_stages, stored by the refresh for the leads that
// ingestion marked. Every step below changes a lead's stages in another way; after each, the funnel
// shows it, and the stored rows equal those of a refresh of every lead from scratch (so no step
// left a lead unmarked). June 2025, UTC.
let app: TestApp;

const FUNNEL = `query($input: FunnelInput!) { funnel(input: $input) {
  total { stages { stage count } } rows { key stages { stage count } } } }`;
const STAGES = ['LEAD', 'MQL', 'SQL', 'OPPORTUNITY', 'WON'];

/** The funnel of leads created in June by first-touch channel: channel -> counts by stage ('total' too). */
async function funnel(): Promise<Record<string, number[]>> {
  const body = await app.gql(FUNNEL, { input: { from: '2025-06-01T00:00:00Z', to: '2025-07-01T00:00:00Z', groupBy: 'CHANNEL' } });
  expect(body.errors).toBeUndefined();
  const counts = (row: { stages: Array<{ stage: string; count: number }> }) => {
    expect(row.stages.map((stage) => stage.stage)).toEqual(STAGES);
    return row.stages.map((stage) => stage.count);
  };
  const { total, rows } = body.data!.funnel;
  return { total: counts(total), ...Object.fromEntries(rows.map((row: { key: string; stages: [] }) => [row.key, counts(row)])) };
}

const storedStages = () => app.dataSource.query('SELECT * FROM lead_stages ORDER BY lead_id');

/** The stored stages equal those computed again for every lead. */
async function expectStoredStagesFresh(): Promise<void> {
  const stored = await storedStages();
  await app.dataSource.query('INSERT INTO lead_stage_stale_leads (lead_id) SELECT id FROM leads ON CONFLICT DO NOTHING');
  await new LeadScoringService(app.dataSource).refresh();
  expect(await storedStages()).toEqual(stored);
}

const ok = (result: { userErrors: unknown[] }) => expect(result.userErrors).toEqual([]);
const june = (day: string) => `2025-06-${day}T00:00:00Z`;
const wonDeal = (contacts: string[], overrides: object = {}) => deal('D1', {
  status: 'WON', createdAt: june('10'), closedAt: june('20'), contacts: contacts.map((leadExternalId) => ({ leadExternalId })), ...overrides,
});

const SET_RULES = `mutation($input: SetScoringRulesInput!) { setScoringRules(input: $input) { userErrors { path code } } }`;

beforeAll(async () => {
  app = await startTestApp();
  ok(await ingest(app, 'accounts', [account('AA'), account('AB')]));
  ok(await ingest(app, 'leads', [lead('LA', { createdAt: june('01'), accountExternalId: 'AA' }),
    lead('LB', { createdAt: june('01'), accountExternalId: 'AB' })]));
  ok(await ingest(app, 'touches', [
    touch('TA', 'LA', { channel: 'paid_search', occurredAt: june('02') }),
    touch('TB', 'LB', { channel: 'email', occurredAt: june('03') }),
  ]));
});
afterAll(async () => { await app.stop(); });

test('each change of a lead\'s stages reaches the funnel, and leaves the stored stages fresh', async () => {
  expect(await funnel()).toEqual({ total: [2, 0, 0, 0, 0], paid_search: [1, 0, 0, 0, 0], email: [1, 0, 0, 0, 0] });
  await expectStoredStagesFresh();

  // An open deal makes its contact an opportunity (and so an MQL and an SQL no later).
  ok(await ingest(app, 'deals', [wonDeal(['LA'], { status: 'OPEN', closedAt: null })]));
  expect(await funnel()).toEqual({ total: [2, 1, 1, 1, 0], paid_search: [1, 1, 1, 1, 0], email: [1, 0, 0, 0, 0] });
  await expectStoredStagesFresh();

  // Won: a change of the deal alone, its contacts unchanged.
  ok(await ingest(app, 'deals', [wonDeal(['LA'])]));
  expect(await funnel()).toEqual({ total: [2, 1, 1, 1, 1], paid_search: [1, 1, 1, 1, 1], email: [1, 0, 0, 0, 0] });
  await expectStoredStagesFresh();

  // The contact moves to LB: LA loses the stages the deal gave it.
  ok(await ingest(app, 'deals', [wonDeal(['LB'])]));
  expect(await funnel()).toEqual({ total: [2, 1, 1, 1, 1], paid_search: [1, 0, 0, 0, 0], email: [1, 1, 1, 1, 1] });
  await expectStoredStagesFresh();

  // An earlier touch changes LB's first channel.
  ok(await ingest(app, 'touches', [touch('TB0', 'LB', { channel: 'display', occurredAt: '2025-05-30T00:00:00Z' })]));
  expect(await funnel()).toEqual({ total: [2, 1, 1, 1, 1], paid_search: [1, 0, 0, 0, 0], display: [1, 1, 1, 1, 1] });
  await expectStoredStagesFresh();

  // The deal is deleted.
  ok(await ingest(app, 'deals', [wonDeal(['LB'], { deleted: true })]));
  expect(await funnel()).toEqual({ total: [2, 0, 0, 0, 0], paid_search: [1, 0, 0, 0, 0], display: [1, 0, 0, 0, 0] });
  await expectStoredStagesFresh();

  // A lifecycle change to SQL (an MQL no later).
  ok(await ingest(app, 'leads', [lead('LA', { createdAt: june('01'), accountExternalId: 'AA', lifecycleStage: 'SQL', stageChangedAt: june('05') })]));
  expect(await funnel()).toEqual({ total: [2, 1, 1, 0, 0], paid_search: [1, 1, 1, 0, 0], display: [1, 0, 0, 0, 0] });
  await expectStoredStagesFresh();

  // New scoring rules make LB an MQL by its score alone.
  const rules = await app.gql(SET_RULES, { input: { threshold: 50, slaHours: 24, rules: [{ channel: 'display', points: 60 }] } });
  expect(rules.data!.setScoringRules.userErrors).toEqual([]);
  expect(await funnel()).toEqual({ total: [2, 2, 1, 0, 0], paid_search: [1, 1, 1, 0, 0], display: [1, 1, 0, 0, 0] });
  await expectStoredStagesFresh();

  // An account merge moves LB to AA.
  ok(await ingest(app, 'accountMerges', [{ survivorExternalId: 'AA', mergedExternalId: 'AB', mergedAt: june('24') }]));
  await funnel();
  await expectStoredStagesFresh();
  expect(new Set((await storedStages()).map((row: { account_id: string }) => row.account_id)).size).toBe(1);

  // LA merged into LB: one lead left, with LA's history and LB's earlier first touch.
  ok(await ingest(app, 'leadMerges', [{ survivorExternalId: 'LB', mergedExternalId: 'LA', mergedAt: june('25') }]));
  expect(await funnel()).toEqual({ total: [1, 1, 1, 0, 0], display: [1, 1, 1, 0, 0] });
  await expectStoredStagesFresh();
  expect(await storedStages()).toHaveLength(1);

  // An anonymous visitor, identified as LB, clicked an ad before any of LB's touches.
  ok(await ingest(app, 'touches', [{ externalId: 'TV', visitorId: 'V1', type: 'AD_CLICK', channel: 'paid_social', occurredAt: '2025-05-20T00:00:00Z' }]));
  ok(await ingest(app, 'links', [{ visitorId: 'V1', leadExternalId: 'LB', identifiedAt: june('26') }]));
  expect(await funnel()).toEqual({ total: [1, 1, 1, 0, 0], paid_social: [1, 1, 1, 0, 0] });
  await expectStoredStagesFresh();
});
