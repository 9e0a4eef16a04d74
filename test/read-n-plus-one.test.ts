import { Client } from 'pg';
import { seedPipeline } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await seedPipeline(app, { prefix: 'np', deals: 100, contactsPerDeal: 2, touchesPerLead: 3, campaigns: 5 });
});
afterAll(async () => { await app.stop(); });

// The server runs in this process, so every SQL statement it sends passes through pg's Client.
// Only the request's own statements count: the API key lookup runs whenever its cache (5 s) has
// expired, which depends on how fast the machine is, not on the query.
const ownStatement = ([statement]: unknown[]) =>
  !/\bapi_keys\b/.test(typeof statement === 'string' ? statement : (statement as { text?: string } | undefined)?.text ?? '');

async function statementsFor(query: string, first: number) {
  // The API key is looked up again once its 5 s cache entry expires: not a statement of the query.
  await app.gql('{ __typename }');
  const sent = jest.spyOn(Client.prototype, 'query');
  try {
    const body = await app.gql(query, { first });
    expect(body.errors).toBeUndefined();
    return { deals: body.data!.deals, statements: sent.mock.calls.filter(ownStatement).length };
  } finally {
    sent.mockRestore();
  }
}

const JOURNEYS = `query Journeys($first: Int!) {
  deals(first: $first, orderBy: { field: CREATED_AT, direction: ASC }) {
    totalCount
    nodes {
      name
      amount { amount currency }
      contacts { isPrimary lead { email touches(first: 10) { nodes { occurredAt campaign { name } } } } }
    }
  }
}`;

test('deals with their contacts, touches and campaigns: as many statements for 100 deals as for 10, at most 5', async () => {
  const ten = await statementsFor(JOURNEYS, 10);
  const hundred = await statementsFor(JOURNEYS, 100);

  const deals = hundred.deals.nodes;
  expect(deals).toHaveLength(100);
  expect(hundred.deals.totalCount).toBe(100);
  expect(deals[0]).toMatchObject({ name: 'Deal np-D0', amount: { amount: '1000.50', currency: 'USD' } });
  for (const deal of deals) {
    expect(deal.contacts.map((contact: { isPrimary: boolean }) => contact.isPrimary)).toEqual([true, false]);
    for (const { lead } of deal.contacts) {
      expect(lead.touches.nodes).toHaveLength(3);
      for (const touch of lead.touches.nodes) expect(touch.campaign.name).toMatch(/^Campaign np-C\d$/);
    }
  }
  // The deals page, its total, the contacts with their leads, all their touches, their campaigns.
  expect(ten.statements).toBe(5);
  expect(hundred.statements).toBe(ten.statements);
});

test('every relation of a deal page is batched: adding relations adds statements, not per-deal ones', async () => {
  const query = `query Dashboard($first: Int!) {
    deals(first: $first) {
      nodes {
        account { name leads(first: 5) { nodes { email } } }
        primaryContact { name account { name } deals(first: 5) { totalCount nodes { name } } }
        history { nodes { status amount { amount } } }
      }
    }
  }`;
  const ten = await statementsFor(query, 10);
  const hundred = await statementsFor(query, 100);

  expect(hundred.deals.nodes).toHaveLength(100);
  for (const deal of hundred.deals.nodes) {
    expect(deal.account.leads.nodes).toHaveLength(2);
    expect(deal.primaryContact.deals).toEqual({ totalCount: 1, nodes: [{ name: expect.stringMatching(/^Deal np-D/) }] });
    expect(deal.history.nodes).toEqual([{ status: 'OPEN', amount: { amount: expect.stringMatching(/^\d+\.50$/) } }]);
  }
  expect(hundred.statements).toBe(ten.statements);
});
