import { Client } from 'pg';
import { seed } from './support/factories';
import { account, deal, lead, touch } from './support/ingest';
import { GraphQLResponse, startTestApp, TestApp } from './support/test-app';

// Account.journey: the touches of an account's whole buying committee in time order, each with the
// deals it served and its stored credit there, as an ABM team reads them.
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await seedWorld();
});
afterAll(async () => { await app.stop(); });

const TOUCHES = [
  touch('AJ-T1', 'AJ-L1', { occurredAt: '2025-01-02T10:00:00Z', channel: 'paid_search' }),
  touch('AJ-T2', 'AJ-L2', { occurredAt: '2025-01-03T10:00:00Z', channel: 'email', type: 'EMAIL_CLICK' }),
  touch('AJ-T3', 'AJ-L1', { occurredAt: '2025-01-04T10:00:00Z', channel: 'webinar', type: 'WEBINAR' }),
  touch('AJ-T6', 'AJ-L3', { occurredAt: '2025-01-04T11:00:00Z', channel: 'paid_search' }),
  touch('AJ-T7', 'AJ-L2', { occurredAt: '2025-01-06T10:00:00Z', channel: 'events', type: 'EVENT' }),
];
// Two touches at the same instant, recorded one after the other: the first recorded comes first.
const TIED = [
  touch('AJ-T4', 'AJ-L2', { occurredAt: '2025-01-05T10:00:00Z', channel: 'email', type: 'EMAIL_OPEN' }),
  touch('AJ-T5', 'AJ-L1', { occurredAt: '2025-01-05T10:00:00Z', channel: 'email', type: 'EMAIL_OPEN' }),
];
const JOURNEY_ORDER = ['AJ-T1', 'AJ-T2', 'AJ-T3', 'AJ-T4', 'AJ-T5', 'AJ-T7'];

const DEALS = [
  // Contacts all of account A: its credits in A's journey make its whole amount.
  deal('AJ-D1', { accountExternalId: 'AJ-A', amount: '1000.01', status: 'WON', createdAt: '2025-01-10T00:00:00Z',
    closedAt: '2025-02-01T00:00:00Z', contacts: [{ leadExternalId: 'AJ-L1', primary: true }, { leadExternalId: 'AJ-L2' }] }),
  deal('AJ-D2', { accountExternalId: 'AJ-A', amount: '333.33', status: 'WON', createdAt: '2025-01-01T00:00:00Z',
    closedAt: '2025-01-05T12:00:00Z', contacts: [{ leadExternalId: 'AJ-L2', primary: true }] }),
  // Account B's deal with a contact of A: A's touches hold only part of it.
  deal('AJ-D3', { accountExternalId: 'AJ-B', amount: '500.00', status: 'WON', createdAt: '2025-01-10T00:00:00Z',
    closedAt: '2025-02-01T00:00:00Z', contacts: [{ leadExternalId: 'AJ-L3', primary: true }, { leadExternalId: 'AJ-L1' }] }),
  // Open: only in the pipeline view.
  deal('AJ-D4', { accountExternalId: 'AJ-A', amount: '70.00', status: 'OPEN', createdAt: '2025-01-07T00:00:00Z',
    contacts: [{ leadExternalId: 'AJ-L1', primary: true }] }),
];

async function seedWorld() {
  await seed(app, 'accounts', [account('AJ-A'), account('AJ-B'), account('AJ-C')]);
  await seed(app, 'leads', [lead('AJ-L1', { accountExternalId: 'AJ-A' }), lead('AJ-L2', { accountExternalId: 'AJ-A' }),
    lead('AJ-L3', { accountExternalId: 'AJ-B' }), lead('AJ-L4', { accountExternalId: 'AJ-C' })]);
  await seed(app, 'touches', TOUCHES);
  for (const tied of TIED) await seed(app, 'touches', [tied]);
  await seed(app, 'touches', [touch('AJ-T8', 'AJ-L4', { occurredAt: '2025-01-02T10:00:00Z' })]);
  await seed(app, 'deals', DEALS);
}

const JOURNEY = `query($externalId: String!, $first: Int, $after: String, $model: AttributionModel, $basis: ConversionBasis) {
  accountByExternalId(externalId: $externalId) {
    journey(first: $first, after: $after, model: $model, basis: $basis) {
      pageInfo { hasNextPage endCursor }
      nodes { touch { externalId occurredAt } credits { deal { externalId } amount { amountMinor currency } share } }
    }
  }
}`;

interface Step {
  touch: { externalId: string };
  credits: Array<{ deal: { externalId: string }; amount: { amountMinor: string; currency: string }; share: number }>;
}

/** The whole journey, read page by page. */
async function journey(variables: Record<string, unknown> = {}, first = 2): Promise<Step[]> {
  const steps: Step[] = [];
  let after: string | null = null;
  do {
    const body: GraphQLResponse = await app.gql(JOURNEY, { externalId: 'AJ-A', first, after, ...variables });
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    const page: { nodes: Step[]; pageInfo: { hasNextPage: boolean; endCursor: string } } = body.data!.accountByExternalId.journey;
    steps.push(...page.nodes);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return steps;
}

function creditsByDeal(steps: Step[]): Map<string, bigint> {
  const sums = new Map<string, bigint>();
  for (const step of steps) {
    for (const credit of step.credits) {
      sums.set(credit.deal.externalId, (sums.get(credit.deal.externalId) ?? 0n) + BigInt(credit.amount.amountMinor));
    }
  }
  return sums;
}

test('every touch of the account\'s leads, in (occurredAt, id) order, across pages', async () => {
  const steps = await journey();
  expect(steps.map((step) => step.touch.externalId)).toEqual(JOURNEY_ORDER);
  expect((await journey({}, 100)).map((step) => step.touch.externalId)).toEqual(JOURNEY_ORDER);
});

test.each(['LINEAR', 'FIRST_TOUCH', 'W_SHAPED', 'TIME_DECAY'])('%s: each deal of the account gets its whole amount from its touches', async (model) => {
  const steps = await journey(model === 'LINEAR' ? {} : { model });
  const sums = creditsByDeal(steps);
  expect(sums.get('AJ-D1')).toBe(100001n);
  expect(sums.get('AJ-D2')).toBe(33333n);
  // AJ-D3 is partly earned by account B's lead, whose touch is not in A's journey.
  expect(sums.get('AJ-D3')! <= 50000n).toBe(true);
  if (model === 'LINEAR') expect(sums.get('AJ-D3')).toBe(50000n - 50000n / 4n);
  expect(sums.has('AJ-D4')).toBe(false);
  // AJ-D2 closed on January 5th at noon: touches after that are not in its journey.
  const afterClose = steps.find((step) => step.touch.externalId === 'AJ-T7')!;
  expect(afterClose.credits.map((credit) => credit.deal.externalId)).toEqual(['AJ-D1']);
  // AJ-L1 serves AJ-D1 and, as a contact of account B's deal, AJ-D3.
  const shared = steps.find((step) => step.touch.externalId === 'AJ-T1')!;
  expect(shared.credits.map((credit) => credit.deal.externalId)).toEqual(['AJ-D1', 'AJ-D3']);
  for (const step of steps) {
    for (const credit of step.credits) {
      expect(credit.amount.currency).toBe('USD');
      expect(credit.share).toBeGreaterThanOrEqual(0);
    }
  }
});

test('PIPELINE shows open deals too', async () => {
  const sums = creditsByDeal(await journey({ basis: 'PIPELINE' }));
  expect(sums.get('AJ-D4')).toBe(7000n);
  expect(sums.get('AJ-D1')).toBe(100001n);
});

test('models without stored credits are refused, naming the argument', async () => {
  for (const model of ['CUSTOM', 'MARKOV']) {
    const body = await app.gql(JOURNEY, { externalId: 'AJ-A', model });
    expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0].extensions?.field).toBe('model');
    expect(body.errors?.[0].message).toContain(model);
  }
});

const ACCOUNTS = `query($first: Int!) { accounts(first: $first, orderBy: { field: RECORDED_AT, direction: ASC }) {
  nodes { externalId journey(first: 10) { nodes { touch { channel } credits { deal { name } amount { amount } } } } } } }`;

test('a page of accounts with their journeys takes as many statements for 3 accounts as for 1', async () => {
  const statements = async (first: number) => {
    await app.gql(ACCOUNTS, { first });
    const sent = jest.spyOn(Client.prototype, 'query');
    try {
      const body = await app.gql(ACCOUNTS, { first });
      expect(body.errors).toBeUndefined();
      expect(body.data!.accounts.nodes).toHaveLength(first);
      return sent.mock.calls.filter(([statement]) => !/\bapi_keys\b/.test(JSON.stringify(statement))).length;
    } finally {
      sent.mockRestore();
    }
  };
  expect(await statements(3)).toBe(await statements(1));
});
