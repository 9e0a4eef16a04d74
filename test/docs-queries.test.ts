import { parse, OperationDefinitionNode } from 'graphql';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { costItem, seed, seedPipeline } from './support/factories';
import { GraphQLResponse, startTestApp, TestApp } from './support/test-app';

// The operations in docs/queries are what dashboards send: each one runs here against seeded data,
// so the examples cannot drift from the schema or stop returning what they promise.
const folder = join(__dirname, '..', 'docs', 'queries');
const operations = readdirSync(folder).filter((file) => file.endsWith('.graphql')).map((file) => {
  const text = readFileSync(join(folder, file), 'utf8');
  const [operation] = parse(text).definitions as OperationDefinitionNode[];
  return { file, name: operation.name!.value, text };
});

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await seedPipeline(app, { prefix: 'doc', deals: 3, contactsPerDeal: 2, touchesPerLead: 3, campaigns: 3 });
  await seed(app, 'costs', [costItem('doc-C0', '2025-01-02', '120.50'), costItem('doc-C0', '2025-01-03', '80.00')]);
});
afterAll(async () => { await app.stop(); });

async function idsFromData() {
  const { data } = await app.gql(`{
    deals(first: 1, orderBy: { field: CREATED_AT }) { nodes { id primaryContact { id } } }
    campaigns(first: 1, orderBy: { field: NAME }) { nodes { id } }
  }`);
  const [deal] = data!.deals.nodes;
  return { dealId: deal.id as string, leadId: deal.primaryContact.id as string, campaignId: data!.campaigns.nodes[0].id as string };
}

type Ids = Awaited<ReturnType<typeof idsFromData>>;
const YEAR = { from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' };
const cents = (amount: string) => Math.round(Number(amount) * 100);
const sumCents = (amounts: string[]) => amounts.reduce((sum, amount) => sum + cents(amount), 0);

type Check = (data: NonNullable<GraphQLResponse['data']>) => void;

const examples: Record<string, { variables: (ids: Ids) => Record<string, unknown>; check: Check }> = {
  CampaignList: {
    variables: () => ({ spendFrom: '2025-01-01', spendTo: '2025-02-01' }),
    check: ({ campaigns }) => {
      expect(campaigns.totalCount).toBe(3);
      expect(campaigns.nodes[0]).toMatchObject({
        name: 'Campaign doc-C0', spend: [{ amount: '200.50', currency: 'USD' }], touches: { totalCount: 6 }, leadsReached: { totalCount: 6 },
      });
    },
  },
  DealPipeline: {
    variables: () => ({ createdAt: { from: '2025-02-01T00:00:00Z', to: '2025-03-01T00:00:00Z' } }),
    check: ({ deals }) => {
      expect(deals.totalCount).toBe(3);
      expect(deals.edges.map((edge: { node: { amount: { amount: string } } }) => edge.node.amount.amount))
        .toEqual(['1002.50', '1001.50', '1000.50']);
      expect(deals.edges[0].node).toMatchObject({ account: { name: 'Account doc-A2' }, primaryContact: { name: 'Lead 2-0' } });
    },
  },
  DealJourney: {
    variables: ({ dealId }) => ({ id: dealId }),
    check: ({ deal }) => {
      expect(deal.contacts).toHaveLength(2);
      const times = deal.contacts[0].lead.touches.nodes.map((touch: { occurredAt: string }) => touch.occurredAt);
      expect(times).toHaveLength(3);
      expect([...times].sort()).toEqual(times);
      expect(deal.contacts[0].lead.touches.nodes[0].campaign.name).toMatch(/^Campaign doc-C/);
      expect(deal.history.nodes).toEqual([expect.objectContaining({ status: 'OPEN' })]);
    },
  },
  AttributionByChannel: {
    variables: () => ({ basis: 'PIPELINE', from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }),
    check: ({ attribution }) => {
      expect(attribution).toMatchObject({ currency: 'USD', total: { amount: '3004.50' }, deals: 3 });
      const cents = attribution.rows.reduce((sum: number, row: { revenue: { amount: string } }) =>
        sum + Math.round(Number(row.revenue.amount) * 100), Math.round(Number(attribution.unattributed.amount) * 100));
      expect(cents).toBe(300450);
    },
  },
  ModelComparison: {
    variables: () => ({ basis: 'PIPELINE' }),
    check: ({ compareModels }) => {
      expect(compareModels.models).toEqual(['FIRST_TOUCH', 'LAST_TOUCH', 'LINEAR', 'W_SHAPED', 'TIME_DECAY']);
      expect(compareModels.rows[0].values).toHaveLength(5);
    },
  },
  LeadTouches: {
    variables: ({ leadId }) => ({ id: leadId }),
    check: ({ lead }) => {
      expect(lead).toMatchObject({ name: 'Lead 0-0', account: { name: 'Account doc-A0' }, deals: { nodes: [{ name: 'Deal doc-D0' }] } });
      expect(lead.touches.totalCount).toBe(3);
    },
  },
  Kpis: {
    variables: () => YEAR,
    check: ({ kpis }) => {
      expect(kpis).toMatchObject({ pipeline: { amount: '3004.50', currency: 'USD' }, revenue: { amount: '0.00' }, wonDeals: 0 });
      expect(kpis.marketingSpend.amount).toBe('200.50');
    },
  },
  RevenueByMonth: {
    variables: () => ({ ...YEAR, basis: 'PIPELINE' }),
    check: ({ attribution }) => {
      for (const row of attribution.rows) expect(row.keys).toEqual([expect.any(String), expect.stringMatching(/^2025-0[12]-01$/)]);
      expect(sumCents([...attribution.rows.map((row: { revenue: { amount: string } }) => row.revenue.amount), attribution.unattributed.amount]))
        .toBe(300450);
    },
  },
  CampaignPerformance: {
    variables: () => ({ ...YEAR, basis: 'PIPELINE' }),
    check: ({ attribution }) => {
      const first = attribution.rows.find((row: { campaign?: { name: string } }) => row.campaign?.name === 'Campaign doc-C0');
      expect(first).toMatchObject({ keys: ['paid_search', expect.any(String)], cost: { amount: '200.50' } });
      expect(first.roas).toBeCloseTo(cents(first.revenue.amount) / 20050, 5);
    },
  },
  CampaignDeals: {
    variables: ({ campaignId }) => ({ id: campaignId }),
    check: ({ campaign }) => {
      expect(campaign).toMatchObject({ name: 'Campaign doc-C0', touches: { totalCount: 6 } });
      const names = campaign.touches.nodes.flatMap((touch: { lead: { deals: { nodes: Array<{ name: string }> } } }) =>
        touch.lead.deals.nodes.map((deal) => deal.name));
      expect(new Set(names)).toEqual(new Set(['Deal doc-D0', 'Deal doc-D1', 'Deal doc-D2']));
    },
  },
  DealCredit: {
    variables: ({ dealId }) => ({ id: dealId, basis: 'PIPELINE' }),
    check: ({ deal }) => {
      const { journey } = deal;
      expect(journey.amount.amount).toBe('1000.50');
      expect(journey.steps).toHaveLength(6);
      for (const model of journey.models) {
        const credits = journey.steps.map((step: { credits: Array<{ model: string; amount: { amount: string } }> }) =>
          step.credits.find((credit) => credit.model === model)!.amount.amount);
        expect(sumCents(credits)).toBe(100050);
      }
    },
  },
  Funnel: {
    variables: () => YEAR,
    check: ({ funnel }) => {
      expect(funnel.total.stages[0]).toMatchObject({ stage: 'LEAD', count: 6 });
    },
  },
  HandoffSla: {
    variables: () => YEAR,
    check: ({ handoffSla }) => {
      expect(handoffSla.slaHours).toBeGreaterThan(0);
      const { mqls, met, breached, pending } = handoffSla.total;
      expect(met + breached + pending).toBe(mqls);
    },
  },
};

test('every example operation has variables and checks here', () => {
  expect(operations.map((operation) => operation.name).sort()).toEqual(Object.keys(examples).sort());
});

test.each(operations)('$file runs against seeded data', async ({ name, text }) => {
  const example = examples[name];
  const body = await app.gql(text, example.variables(await idsFromData()));
  expect(body.errors).toBeUndefined();
  example.check(body.data!);
});
