import { parse } from 'csv-parse/sync';
import { costItem, seed } from './support/factories';
import { account, campaign, deal, lead, touch } from './support/ingest';
import { startTestApp, TestApp } from './support/test-app';

// Account-level and touch-level slicing: rows by the deal's account (industry, segment, size), its
// owner or the touch's type reconcile to the cent, read stored credits and journeys credited on
// the fly alike, and put absent values under "(none)".
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await seedWorld();
});
afterAll(async () => { await app.stop(); });

const MODELS = ['FIRST_TOUCH', 'LAST_TOUCH', 'LAST_NON_DIRECT', 'LINEAR', 'POSITION_BASED', 'U_SHAPED', 'W_SHAPED',
  'FULL_PATH', 'J_SHAPED', 'INVERSE_J', 'TIME_DECAY'];
const NEW_DIMENSIONS = ['TOUCH_TYPE', 'INDUSTRY', 'SEGMENT', 'SIZE', 'OWNER'] as const;
const PERIOD = { from: '2025-03-01T00:00:00Z', to: '2025-04-01T00:00:00Z' };
// A lookback longer than any journey changes no journey, but takes the on-the-fly path.
const ON_THE_FLY = { lookbackDays: 3650 };

const ACCOUNTS = [
  account('DIM-A1', { segment: 'Enterprise', industry: 'Software', size: '1000+' }),
  account('DIM-A2', { segment: 'SMB', industry: 'Retail' }),
  account('DIM-A3'),
];
// Deals won in March; DIM-D5 has no touch (unattributed), DIM-D4 no account.
const DEALS = [
  { id: 'DIM-D1', account: 'DIM-A1', owner: 'ana', amount: '1000.01', leads: ['DIM-L1', 'DIM-L2'] },
  { id: 'DIM-D2', account: 'DIM-A2', owner: 'bo', amount: '333.33', leads: ['DIM-L3'] },
  { id: 'DIM-D3', account: 'DIM-A3', owner: undefined, amount: '777.77', leads: ['DIM-L4'] },
  { id: 'DIM-D4', account: undefined, owner: 'ana', amount: '100.03', leads: ['DIM-L5'] },
  { id: 'DIM-D5', account: 'DIM-A1', owner: 'bo', amount: '50.00', leads: ['DIM-L6'] },
];
const ATTRIBUTED = DEALS.filter((item) => item.id !== 'DIM-D5');
const minor = (amount: string) => BigInt(amount.replace('.', ''));
const TOTAL = DEALS.reduce((sum, item) => sum + minor(item.amount), 0n);

async function seedWorld() {
  await seed(app, 'campaigns', [campaign('DIM-C1', { channel: 'paid_search' }), campaign('DIM-C2', { channel: 'webinar' })]);
  await seed(app, 'costs', [costItem('DIM-C1', '2025-03-02', '120.00'), costItem('DIM-C2', '2025-03-03', '80.00')]);
  await seed(app, 'accounts', ACCOUNTS);
  const leads = DEALS.flatMap((item) => item.leads.map((id) => ({ id, account: item.account })));
  await seed(app, 'leads', leads.map(({ id, account: accountId }) => lead(id, { accountExternalId: accountId })));
  const types = ['AD_CLICK', 'WEBINAR', 'EMAIL_CLICK', 'SALES_CALL'];
  const touches = leads.filter(({ id }) => id !== 'DIM-L6').flatMap(({ id }, l) => Array.from({ length: 2 + (l % 3) }, (_, t) =>
    touch(`${id}-T${t}`, id, {
      type: types[(l + t) % types.length],
      channel: t % 2 === 0 ? 'paid_search' : 'webinar',
      campaignExternalId: t % 3 === 2 ? undefined : `DIM-C${1 + (t % 2)}`,
      occurredAt: `2025-02-${String(2 + l * 3 + t).padStart(2, '0')}T10:00:00Z`,
    })));
  await seed(app, 'touches', touches);
  await seed(app, 'deals', DEALS.map((item, index) => deal(item.id, {
    accountExternalId: item.account, owner: item.owner, amount: item.amount, status: 'WON',
    createdAt: '2025-02-25T00:00:00Z', closedAt: `2025-03-${String(10 + index).padStart(2, '0')}T12:00:00Z`,
    contacts: item.leads.map((leadExternalId, position) => ({ leadExternalId, primary: position === 0 })),
  })));
}

const COMPARE = `query($input: CompareModelsInput!) { compareModels(input: $input) {
  groupBy total { amountMinor } unattributed { amountMinor } deals
  totals { model attributed { amountMinor } unattributed { amountMinor } }
  rows { keys labels touches influencedRevenue { amountMinor } influencedDeals cost { amountMinor }
         values { model revenue { amountMinor } deals } } } }`;

interface Row {
  keys: string[];
  labels: string[];
  influencedRevenue: { amountMinor: string };
  influencedDeals: number;
  cost: { amountMinor: string } | null;
  values: Array<{ model: string; revenue: { amountMinor: string }; deals: number }>;
}

async function compare(input: Record<string, unknown>) {
  const body = await app.gql(COMPARE, { input: { models: MODELS, ...PERIOD, ...input } });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  const result = body.data!.compareModels;
  for (const row of result.rows) row.values.forEach((value: { deals: number }) => { value.deals = Math.round(value.deals * 1e9) / 1e9; });
  return result as { total: { amountMinor: string }; unattributed: { amountMinor: string }; rows: Row[] };
}

/** Both paths, checked equal; and under every model the rows plus the unattributed amount make the total. */
async function reconciled(groupBy: string[]) {
  const stored = await compare({ groupBy });
  expect(await compare({ groupBy, ...ON_THE_FLY })).toEqual(stored);
  expect(BigInt(stored.total.amountMinor)).toBe(TOTAL);
  expect(BigInt(stored.unattributed.amountMinor)).toBe(minor('50.00'));
  MODELS.forEach((_, index) => {
    const rows = stored.rows.reduce((sum, row) => sum + BigInt(row.values[index].revenue.amountMinor), 0n);
    expect(rows + BigInt(stored.unattributed.amountMinor)).toBe(TOTAL);
  });
  return stored;
}

// Every credit of a deal goes to its one key in a deal dimension: a row holds whole deals under any model.
function dealsByKey(keyOf: (item: typeof DEALS[number]) => string | undefined) {
  const expected = new Map<string, bigint>();
  for (const item of ATTRIBUTED) {
    const key = keyOf(item) ?? '(none)';
    expected.set(key, (expected.get(key) ?? 0n) + minor(item.amount));
  }
  return expected;
}

const accountOf = (item: typeof DEALS[number]) => ACCOUNTS.find((found) => found.externalId === item.account) as Record<string, string> | undefined;

test.each([
  ['INDUSTRY', (item: typeof DEALS[number]) => accountOf(item)?.industry],
  ['SEGMENT', (item: typeof DEALS[number]) => accountOf(item)?.segment],
  ['SIZE', (item: typeof DEALS[number]) => accountOf(item)?.size],
  ['OWNER', (item: typeof DEALS[number]) => item.owner],
])('%s rows hold whole deals, "(none)" for absent values, on both paths and under every model', async (dimension, keyOf) => {
  const report = await reconciled([dimension]);
  const expected = dealsByKey(keyOf);
  expect(new Set(report.rows.map((row) => row.keys[0]))).toEqual(new Set(expected.keys()));
  expect(expected.has('(none)')).toBe(true);
  for (const row of report.rows) {
    for (const value of row.values) expect(BigInt(value.revenue.amountMinor)).toBe(expected.get(row.keys[0]));
    expect(BigInt(row.influencedRevenue.amountMinor)).toBe(expected.get(row.keys[0]));
    // Spend is per campaign and day: it cannot be split by account or owner.
    expect(row.cost).toBeNull();
  }
  const none = report.rows.find((row) => row.keys[0] === '(none)')!;
  expect(none.labels[0]).toBe(`No ${dimension.toLowerCase()}`);
});

test('TOUCH_TYPE rows split deals by the type of their touches, on both paths and under every model', async () => {
  const report = await reconciled(['TOUCH_TYPE']);
  expect(report.rows.map((row) => row.keys[0]).sort()).toEqual(['AD_CLICK', 'EMAIL_CLICK', 'SALES_CALL', 'WEBINAR']);
  expect(report.rows.find((row) => row.keys[0] === 'AD_CLICK')!.labels[0]).toBe('Ad click');
  // Each deal counts once per type it touched: influenced deals per row never exceed the attributed deals.
  for (const row of report.rows) expect(row.influencedDeals).toBeLessThanOrEqual(ATTRIBUTED.length);
  const byChannel = await reconciled(['CHANNEL']);
  expect(report.rows.reduce((sum, row) => sum + row.influencedDeals, 0)).toBeGreaterThan(ATTRIBUTED.length);
  expect(byChannel.rows.every((row) => row.cost !== null)).toBe(true);
});

test('two dimensions: SEGMENT x CHANNEL reconciles, and each segment sums to its deals', async () => {
  const report = await reconciled(['SEGMENT', 'CHANNEL']);
  const expected = dealsByKey((item) => accountOf(item)?.segment);
  for (const [segment, amount] of expected) {
    const rows = report.rows.filter((row) => row.keys[0] === segment);
    expect(rows.length).toBeGreaterThan(0);
    MODELS.forEach((_, index) => {
      expect(rows.reduce((sum, row) => sum + BigInt(row.values[index].revenue.amountMinor), 0n)).toBe(amount);
    });
  }
  await reconciled(['CHANNEL', 'OWNER']);
  await reconciled(['TOUCH_TYPE', 'SIZE']);
  await reconciled(['INDUSTRY', 'MONTH']);
});

test('the report keeps the period\'s spend as its cost when rows cannot carry it', async () => {
  const query = `query($input: AttributionInput!) { attribution(input: $input) { cost { amountMinor } rows { cost { amountMinor } } } }`;
  for (const groupBy of [['SEGMENT'], ['TOUCH_TYPE'], ['OWNER', 'CHANNEL']]) {
    const body = await app.gql(query, { input: { model: 'LINEAR', ...PERIOD, groupBy } });
    expect(body.errors).toBeUndefined();
    expect(body.data!.attribution.cost.amountMinor).toBe('20000');
    expect(body.data!.attribution.rows.every((row: { cost: unknown }) => row.cost === null)).toBe(true);
  }
});

test('data-driven models refuse the new dimensions as path keys, naming the field', async () => {
  const query = `query($input: AttributionInput!) { attribution(input: $input) { total { amount } } }`;
  for (const dimension of NEW_DIMENSIONS) {
    const body = await app.gql(query, { input: { model: 'MARKOV', ...PERIOD, groupBy: [dimension] } });
    expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0].extensions?.field).toBe('input.groupBy');
    expect(body.errors?.[0].message).toContain(`got [${dimension}]`);
  }
});

test('the attribution export has a column per new dimension and the report\'s figures', async () => {
  const url = new URL('/export/attribution.csv', new URL(app.url).origin);
  url.searchParams.set('input', JSON.stringify({ model: 'W_SHAPED', ...PERIOD, groupBy: ['SEGMENT', 'TOUCH_TYPE'] }));
  const response = await fetch(url, { headers: { authorization: `Bearer ${app.adminKey}` } });
  expect(response.status).toBe(200);
  const rows: Array<Record<string, string>> = parse(await response.text(), { columns: true });
  expect(Object.keys(rows[0]).slice(0, 4)).toEqual(['segment', 'touch_type', 'segment_label', 'touch_type_label']);
  expect(rows.reduce((sum, row) => sum + BigInt(row.revenue_minor), 0n)).toBe(TOTAL);
  expect(rows.some((row) => row.segment === '(none)' && row.segment_label === 'No segment')).toBe(true);
});
