import { account, deal, ingest, lead, touch } from './support/ingest';
import { startTestApp, TestApp } from './support/test-app';

// docs/attribution.md's MARKOV example as journeys (alpha = A, beta = B), each deal worth 10,000.00:
// A>B 2 converting / 1 not, A 1 / 2 (one of them a lead in no deal), B 1 / 1, B>A 0 / 1.
const JOURNEYS: Array<{ path: string[]; won: boolean; withDeal?: boolean }> = [
  { path: ['alpha', 'beta'], won: true }, { path: ['alpha', 'beta'], won: true }, { path: ['alpha', 'beta'], won: false },
  { path: ['alpha'], won: true }, { path: ['alpha'], won: false }, { path: ['alpha', 'alpha'], won: false, withDeal: false },
  { path: ['beta'], won: true }, { path: ['beta'], won: false },
  { path: ['beta', 'alpha'], won: false },
];
const PERIOD = { from: '2025-03-01T00:00:00Z', to: '2025-04-01T00:00:00Z' };

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await ingest(app, 'accounts', [account('DD-A')]);
  await ingest(app, 'leads', JOURNEYS.map((_, index) => lead(`DD-L${index}`, { accountExternalId: 'DD-A' })));
  const touches = JOURNEYS.flatMap(({ path }, index) => path.map((channel, step) =>
    touch(`DD-T${index}-${step}`, `DD-L${index}`, { channel, occurredAt: `2025-03-0${2 + step}T00:00:00Z` })));
  expect((await ingest(app, 'touches', touches)).userErrors).toEqual([]);
  const deals = JOURNEYS.flatMap(({ won, withDeal }, index) => (withDeal === false ? [] : [deal(`DD-D${index}`, {
    accountExternalId: 'DD-A', amount: '10000.00', status: won ? 'WON' : 'LOST', createdAt: '2025-03-01T00:00:00Z',
    closedAt: '2025-03-20T00:00:00Z', contacts: [{ leadExternalId: `DD-L${index}` }] })]));
  expect((await ingest(app, 'deals', deals)).userErrors).toEqual([]);
});
afterAll(async () => { await app.stop(); });

const REPORT = `query($input: AttributionInput!) { attribution(input: $input) {
  total { amount } attributed { amount } unattributed { amount } rows { key revenue { amount } deals }
  markov { order conversionProbability removalEffects { key effect } transitionCount transitions(first: 3) { from to probability } }
  paths(first: 2) { totalCount endCursor nodes { path journeys conversions value { amount } } } } }`;

async function report(input: Record<string, unknown>) {
  const body = await app.gql(REPORT, { input: { ...PERIOD, ...input } });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!.attribution;
}

const revenue = (rows: Array<{ key: string; revenue: { amount: string } }>) =>
  Object.fromEntries(rows.map((row) => [row.key, row.revenue.amount]));

test('MARKOV reproduces the worked example: P(conv) 4/9, RE 0.625 and 0.7857, credit 1.7722 : 2.2278', async () => {
  const result = await report({ model: 'MARKOV' });
  expect(result.total.amount).toBe('40000.00');
  expect(revenue(result.rows)).toEqual({ alpha: '17721.52', beta: '22278.48' });
  expect(result.unattributed.amount).toBe('0.00');
  expect(result.markov.order).toBe(1);
  expect(result.markov.conversionProbability).toBeCloseTo(4 / 9, 12);
  expect(result.markov.removalEffects[0]).toEqual({ key: 'alpha', effect: expect.closeTo(0.625, 12) });
  expect(result.markov.removalEffects[1]).toEqual({ key: 'beta', effect: expect.closeTo(11 / 14, 12) });
  expect(result.markov.transitions[0]).toEqual({ from: 'START', to: 'alpha', probability: expect.closeTo(6 / 9, 12) });
  expect(result.markov.transitionCount).toBe(8);
});

test('the path table shows what the models learned from, paged', async () => {
  const result = await report({ model: 'SHAPLEY' });
  expect(result.paths.totalCount).toBe(4);
  expect(result.paths.nodes).toEqual([
    { path: ['alpha'], journeys: 3, conversions: 1, value: { amount: '10000.00' } },
    { path: ['alpha', 'beta'], journeys: 3, conversions: 2, value: { amount: '20000.00' } },
  ]);
  const next = await app.gql(`query($input: AttributionInput!, $after: String) { attribution(input: $input) {
    paths(first: 2, after: $after) { endCursor nodes { path journeys } } } }`,
  { input: { ...PERIOD, model: 'SHAPLEY' }, after: result.paths.endCursor });
  expect(next.data?.attribution.paths).toEqual({
    endCursor: null, nodes: [{ path: ['beta'], journeys: 2 }, { path: ['beta', 'alpha'], journeys: 1 }],
  });
});

test('COUNTERFACTUAL and SHAPLEY by hand: the A>B journeys split 1/3 : 2/3, single-key journeys go whole', async () => {
  // COUNTERFACTUAL: p(A>B) = 2/3, p(A) = 1/3, p(B) = 1/2: A earns 2/3 - 1/2, B earns 2/3 - 1/3, normalised 1/3 : 2/3.
  // SHAPLEY: v(A) = 1/3, v(B) = 1/2, v(AB) = 2/4: phi_A = (1/3 + 0) / 2, phi_B = (1/2 + 1/6) / 2, again 1/3 : 2/3.
  for (const model of ['COUNTERFACTUAL', 'SHAPLEY']) {
    expect(revenue((await report({ model })).rows)).toEqual({ alpha: '16666.67', beta: '23333.33' });
  }
});

test('compareModels puts data-driven and rule-based models side by side', async () => {
  const body = await app.gql(`query($input: CompareModelsInput!) { compareModels(input: $input) {
    totals { model attributed { amount } unattributed { amount } } rows { key values { model revenue { amount } } } } }`,
  { input: { ...PERIOD, models: ['MARKOV', 'FIRST_TOUCH'] } });
  expect(body.data?.compareModels.totals).toEqual([
    { model: 'MARKOV', attributed: { amount: '40000.00' }, unattributed: { amount: '0.00' } },
    { model: 'FIRST_TOUCH', attributed: { amount: '40000.00' }, unattributed: { amount: '0.00' } },
  ]);
  const byKey = Object.fromEntries(body.data?.compareModels.rows.map((row: any) =>
    [row.key, row.values.map((value: any) => value.revenue.amount)]));
  expect(byKey).toEqual({ alpha: ['17721.52', '30000.00'], beta: ['22278.48', '10000.00'] });
});

test('journeys left without touches: everything unattributed, with the reason', async () => {
  const body = await app.gql(`query($input: AttributionInput!) { attribution(input: $input) {
    total { amount } rows { key revenue { amount } } unattributedReasons { reason amount { amount } } } }`,
  { input: { from: '2025-03-20T00:00:00Z', to: '2025-03-21T00:00:00Z', model: 'MARKOV', excludeChannels: ['alpha', 'beta'] } });
  expect(body.data?.attribution).toMatchObject({ total: { amount: '40000.00' } });
  expect(body.data?.attribution.unattributedReasons).toEqual([{ reason: 'EMPTY_JOURNEY', amount: { amount: '40000.00' } }]);
});

test('data-driven models refuse groupings and bases that would cut paths apart', async () => {
  const attempts: Array<[Record<string, unknown>, string]> = [
    [{ model: 'MARKOV', groupBy: ['CHANNEL', 'MONTH'] }, 'input.groupBy: MARKOV credits the keys of whole journey paths, so it takes [CHANNEL] or [CAMPAIGN]'],
    [{ model: 'SHAPLEY', groupBy: ['SOURCE_MEDIUM'] }, 'input.groupBy: SHAPLEY credits the keys'],
    [{ model: 'COUNTERFACTUAL', basis: 'PIPELINE' }, 'input.basis: COUNTERFACTUAL learns from won and lost deals'],
    [{ model: 'MARKOV', order: 5 }, 'input.order must be between 1 and 4; got 5'],
  ];
  for (const [input, message] of attempts) {
    const body = await app.gql(REPORT, { input: { ...PERIOD, ...input } });
    expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0].message).toContain(message);
  }
});

test('SHAPLEY refuses a journey with more than 12 distinct keys, naming it', async () => {
  const channels = Array.from({ length: 13 }, (_, index) => `wide_${String.fromCharCode(97 + index)}`);
  await ingest(app, 'leads', [lead('DD-WIDE', { accountExternalId: 'DD-A' })]);
  await ingest(app, 'touches', channels.map((channel, index) =>
    touch(`DD-WIDE-${index}`, 'DD-WIDE', { channel, occurredAt: `2025-04-${String(index + 2).padStart(2, '0')}T00:00:00Z` })));
  await ingest(app, 'deals', [deal('DD-WIDE-D', { accountExternalId: 'DD-A', status: 'WON', createdAt: '2025-04-01T00:00:00Z',
    closedAt: '2025-04-20T00:00:00Z', contacts: [{ leadExternalId: 'DD-WIDE' }] })]);
  const body = await app.gql(REPORT, { input: { model: 'SHAPLEY', from: '2025-04-01T00:00:00Z', to: '2025-05-01T00:00:00Z' } });
  expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect(body.errors?.[0].message).toContain('SHAPLEY handles at most 12 distinct keys per journey; journey "wide_a > wide_b');
});
