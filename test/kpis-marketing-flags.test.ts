import { deal, ingest, lead, touch } from './support/ingest';
import { startTestApp, TestApp } from './support/test-app';

// Which deals kpis counts as marketing-sourced and -influenced, at creation (pipeline) and at close
// (revenue). Non-marketing channels: sales, direct (the default). June 2025, UTC:
//   D1 (100.00, created 06-10, won 06-20), contact LA: sales 06-01, paid_search 06-15 (after creation).
//   D2 (200.00, created 06-12, won 06-22), contact LC: email 06-05, sales 06-06.
//   D3 (400.00, created 06-14, lost 06-24), contacts LD and LE, whose first touches tie at 06-02:
//      TE display (ingested first, so first by id) and TD sales.
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  const ok = (result: { userErrors: unknown[] }) => expect(result.userErrors).toEqual([]);
  ok(await ingest(app, 'leads', ['LA', 'LC', 'LD', 'LE'].map((id) => lead(id, { createdAt: '2025-06-01T00:00:00Z' }))));
  ok(await ingest(app, 'touches', [
    touch('TA1', 'LA', { channel: 'sales', occurredAt: '2025-06-01T00:00:00Z' }),
    touch('TA2', 'LA', { channel: 'paid_search', occurredAt: '2025-06-15T00:00:00Z' }),
    touch('TC1', 'LC', { channel: 'email', occurredAt: '2025-06-05T00:00:00Z' }),
    touch('TC2', 'LC', { channel: 'sales', occurredAt: '2025-06-06T00:00:00Z' }),
    touch('TE', 'LE', { channel: 'display', occurredAt: '2025-06-02T00:00:00Z' }),
  ]));
  ok(await ingest(app, 'touches', [touch('TD', 'LD', { channel: 'sales', occurredAt: '2025-06-02T00:00:00Z' })]));
  const closed = (externalId: string, amount: string, status: string, createdAt: string, closedAt: string, contacts: string[]) =>
    deal(externalId, { amount, status, createdAt: `2025-06-${createdAt}T00:00:00Z`, closedAt: `2025-06-${closedAt}T00:00:00Z`,
      contacts: contacts.map((leadExternalId, index) => ({ leadExternalId, primary: index === 0 })) });
  ok(await ingest(app, 'deals', [
    closed('D1', '100.00', 'WON', '10', '20', ['LA']),
    closed('D2', '200.00', 'WON', '12', '22', ['LC']),
    closed('D3', '400.00', 'LOST', '14', '24', ['LD', 'LE']),
  ]));
});
afterAll(async () => { await app.stop(); });

test('sourced by the journey\'s first touch, influenced by any, each at creation and at close', async () => {
  const body = await app.gql(`query($input: KpisInput!) { kpis(input: $input) {
    pipeline { amount } marketingSourcedPipeline { amount } marketingInfluencedPipeline { amount }
    revenue { amount } marketingSourcedRevenue { amount } marketingInfluencedRevenue { amount } } }`,
  { input: { from: '2025-06-01T00:00:00Z', to: '2025-07-01T00:00:00Z' } });
  expect(body.errors).toBeUndefined();
  expect(body.data!.kpis).toEqual({
    pipeline: { amount: '700.00' },
    // D2 starts on email; D3's tie goes to the touch with the lower id (display). D1 has only sales by its creation.
    marketingSourcedPipeline: { amount: '600.00' },
    marketingInfluencedPipeline: { amount: '600.00' },
    revenue: { amount: '300.00' },
    marketingSourcedRevenue: { amount: '200.00' },
    // By its close D1 has had a paid_search touch.
    marketingInfluencedRevenue: { amount: '300.00' },
  });
});
