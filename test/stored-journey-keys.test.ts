import { seedDemoData } from '../src/seed';
import { ingest } from './support/ingest';
import { startTestApp, TestApp } from './support/test-app';

// Data-driven reports over default journeys read each journey's keys as the refresh stored them;
// any journey option builds them from the touches now. Both must give the same paths, chains and
// credits, before and after the changes that make stored keys stale.
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await seedDemoData(app.dataSource, { size: 'small' });
});
afterAll(async () => { await app.stop(); });

const REPORT = `query($input: AttributionInput!) { attribution(input: $input) {
  total { amountMinor } unattributed { amountMinor } deals
  rows { key touches influencedDeals revenue { amountMinor } }
  markov { conversionProbability removalEffects { key effect } }
  paths(first: 500) { totalCount nodes { path journeys conversions value { amountMinor } } } } }`;

// A filter that excludes nothing still builds the journeys from the touches.
const BUILT = { excludeChannels: ['no_such_channel'] };

async function report(input: Record<string, unknown>) {
  const body = await app.gql(REPORT, { input: { model: 'MARKOV', groupBy: ['CHANNEL'], ...input } });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!.attribution;
}

async function expectJourneysAgree(input: Record<string, unknown> = {}) {
  const stored = await report(input);
  expect(stored.paths.totalCount).toBeGreaterThan(0);
  expect(await report({ ...input, ...BUILT })).toEqual(stored);
  return stored;
}

// Every key of the chain, converting or not.
const keysOf = (result: { markov: { removalEffects: Array<{ key: string }> } }) => result.markov.removalEffects.map((effect) => effect.key);

test.each([
  [{}],
  [{ groupBy: ['CAMPAIGN'] }],
  [{ collapseRepeats: false }],
  [{ model: 'COUNTERFACTUAL', groupBy: ['CAMPAIGN'] }],
  [{ order: 2 }],
  // Many leads touched after the period's end: their journeys are cut at the end.
  [{ from: '2025-03-01T00:00:00Z', to: '2025-07-01T00:00:00Z' }],
  [{ currency: 'EUR', from: '2025-01-01T00:00:00Z' }],
])('stored journey keys give the same report as built ones for %j', async (input) => {
  await expectJourneysAgree(input);
});

async function wonUsdDeal(order = 'd.id') {
  const [won] = await app.dataSource.query(`
    SELECT d.external_id, d.name, a.external_id AS account, d.amount_minor, d.created_at, d.closed_at, l.external_id AS lead
    FROM deals d JOIN accounts a ON a.id = d.account_id
    JOIN deal_contacts dc ON dc.deal_id = d.id AND dc.is_primary AND dc.deleted_at IS NULL JOIN leads l ON l.id = dc.lead_id
    WHERE d.status = 'WON' AND d.currency = 'USD' AND d.deleted_at IS NULL
      AND EXISTS (SELECT 1 FROM touches t WHERE t.lead_id = l.id AND t.occurred_at <= d.closed_at) ORDER BY ${order} LIMIT 1`);
  return won;
}

test('a deal whose close time moves is reported with its journey in its new period', async () => {
  const won = await wonUsdDeal('d.id DESC');
  const movedClose = new Date(new Date(won.closed_at).getTime() + 3_600_000);
  // Only the new close time is in the period: stored keys found by the old one would leave it without touches.
  const period = { from: new Date(movedClose.getTime() - 1_800_000).toISOString(), to: new Date(movedClose.getTime() + 1_800_000).toISOString() };
  const deal = {
    externalId: won.external_id, name: won.name, accountExternalId: won.account, amount: (Number(won.amount_minor) / 100).toFixed(2),
    currency: 'USD', status: 'WON', createdAt: new Date(won.created_at).toISOString(), closedAt: movedClose.toISOString(),
  };
  expect((await ingest(app, 'deals', [deal])).userErrors).toEqual([]);
  const moved = await expectJourneysAgree(period);
  expect(BigInt(moved.total.amountMinor) - BigInt(moved.unattributed.amountMinor)).toBeGreaterThanOrEqual(BigInt(won.amount_minor));
});

test('stored journey keys follow new, moved and deleted touches, changed deals and contacts, deleted leads', async () => {
  const won = await wonUsdDeal();
  const beforeClose = new Date(new Date(won.closed_at).getTime() - 3_600_000).toISOString();
  const [loner, another] = await app.dataSource.query(`
    SELECT l.external_id, l.created_at FROM leads l WHERE NOT EXISTS (SELECT 1 FROM deal_contacts dc WHERE dc.lead_id = l.id)
      AND EXISTS (SELECT 1 FROM touches t WHERE t.lead_id = l.id) ORDER BY l.id LIMIT 2`);
  const ok = (payload: { userErrors: unknown[] }) => expect(payload.userErrors).toEqual([]);

  // A new touch of the won deal's contact, and one of a lead in no deal.
  ok(await ingest(app, 'touches', [
    { externalId: 'KEYS-T1', leadExternalId: won.lead, channel: 'fresh_channel', type: 'CHAT', occurredAt: beforeClose },
    { externalId: 'KEYS-T2', leadExternalId: loner.external_id, channel: 'lonely_channel', type: 'CHAT', occurredAt: '2025-06-01T00:00:00Z' },
  ]));
  const added = await expectJourneysAgree();
  expect(added.rows.find((row: { key: string }) => row.key === 'fresh_channel').influencedDeals).toBe(1);
  expect(keysOf(added)).toContain('lonely_channel');

  // The lead-less touch moves to the won deal's contact: its former lead's journey loses it.
  ok(await ingest(app, 'touches', [
    { externalId: 'KEYS-T2', leadExternalId: won.lead, channel: 'lonely_channel', type: 'CHAT', occurredAt: beforeClose },
  ]));
  const moved = await expectJourneysAgree();
  expect(moved.rows.find((row: { key: string }) => row.key === 'lonely_channel').influencedDeals).toBe(1);

  // Deleted touches leave the journeys; the won deal is lost, then its contacts are removed.
  ok(await ingest(app, 'touches', [
    { externalId: 'KEYS-T1', leadExternalId: won.lead, channel: 'fresh_channel', type: 'CHAT', occurredAt: beforeClose, deleted: true },
  ]));
  expect((await expectJourneysAgree()).rows.some((row: { key: string }) => row.key === 'fresh_channel')).toBe(false);
  const sameDeal = {
    externalId: won.external_id, name: won.name, accountExternalId: won.account, amount: (Number(won.amount_minor) / 100).toFixed(2),
    currency: 'USD', createdAt: new Date(won.created_at).toISOString(), closedAt: new Date(won.closed_at).toISOString(),
  };
  ok(await ingest(app, 'deals', [{ ...sameDeal, status: 'LOST' }]));
  const lost = await expectJourneysAgree();
  expect(lost.rows.find((row: { key: string }) => row.key === 'lonely_channel')?.influencedDeals ?? 0).toBe(0);
  ok(await ingest(app, 'deals', [{ ...sameDeal, status: 'WON', contacts: [] }]));
  await expectJourneysAgree();

  // A lead in no deal becomes a deal's contact: its journey is the deal's now. Another is deleted.
  ok(await ingest(app, 'deals', [{ ...sameDeal, status: 'WON', contacts: [{ leadExternalId: loner.external_id }] }]));
  await expectJourneysAgree();
  ok(await ingest(app, 'leads', [{ externalId: another.external_id, createdAt: new Date(another.created_at).toISOString(), deleted: true }]));
  await expectJourneysAgree();
});

test('default data-driven reports read the stored keys', async () => {
  // Only the stored keys say so: the journeys built from the touches do not change.
  await app.dataSource.query(`UPDATE lead_journey_keys SET channels = 'stored_marker' WHERE lead_id = (
    SELECT min(k.lead_id) FROM lead_journey_keys k
    WHERE NOT EXISTS (SELECT 1 FROM deal_contacts dc WHERE dc.lead_id = k.lead_id AND dc.deleted_at IS NULL))`);
  expect(keysOf(await report({}))).toContain('stored_marker');
  expect(keysOf(await report(BUILT))).not.toContain('stored_marker');
  // Marked stale, the lead's keys are stored again from its touches.
  await app.dataSource.query('INSERT INTO touch_credit_stale_leads (lead_id) SELECT lead_id FROM lead_journey_keys ON CONFLICT DO NOTHING');
  expect(keysOf(await report({}))).not.toContain('stored_marker');
});
