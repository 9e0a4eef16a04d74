import {
  accountItem, campaignItem, costItem, dealItem, leadItem, seed, touchItem,
} from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

let app: TestApp;

/** Runs a query that must succeed and returns its data. */
async function read(query: string, variables?: Record<string, unknown>) {
  const body = await app.gql(query, variables);
  expect(body.errors).toBeUndefined();
  return body.data!;
}

async function idOf(type: 'campaign' | 'account' | 'lead' | 'touch' | 'deal', externalId: string): Promise<string> {
  const data = await read(`query($x: String!) { ${type}ByExternalId(externalId: $x, includeDeleted: true) { id } }`, { x: externalId });
  return data[`${type}ByExternalId`].id;
}

const names = (connection: { nodes: Array<{ name: string }> }) => connection.nodes.map((node) => node.name);

beforeAll(async () => {
  app = await startTestApp();
  await seed(app, 'campaigns', [
    campaignItem('C1', { name: 'Spring Search', channel: 'paid_search', startsOn: '2025-03-01', endsOn: '2025-03-31' }),
    campaignItem('C2', { name: 'Newsletter', channel: 'email' }),
    campaignItem('C3', { name: 'Webinar Q1', channel: 'webinar', startsOn: '2025-01-15' }),
    campaignItem('C4', { name: 'Retired', channel: 'display', deleted: true }),
  ]);
  await seed(app, 'costs', [
    costItem('C1', '2025-03-01', '100.00'),
    costItem('C1', '2025-03-02', '50.25'),
    costItem('C1', '2025-03-03', '5000', 'JPY'),
    costItem('C1', '2025-04-01', '10.00'),
  ]);
  await seed(app, 'accounts', [
    accountItem('A1', { name: 'Acme', domain: 'acme.com', segment: 'Enterprise', industry: 'Software' }),
    accountItem('A2', { name: 'Globex', segment: 'SMB' }),
  ]);
  await seed(app, 'leads', [
    leadItem('L1', { accountExternalId: 'A1', email: 'ana@acme.com', name: 'Ana Lima', createdAt: '2025-01-10T09:00:00Z', lifecycleStage: 'MQL' }),
    leadItem('L2', { accountExternalId: 'A1', email: 'bob@acme.com', name: 'Bob Stone', createdAt: '2025-01-12T09:00:00Z' }),
    leadItem('L3', { accountExternalId: 'A2', email: 'cy@globex.com', name: 'Cy Young', createdAt: '2025-01-15T09:00:00Z' }),
    leadItem('L4', { email: 'gone@example.com', name: 'Gone', deleted: true }),
  ]);
  await seed(app, 'leads', [
    leadItem('L1', {
      accountExternalId: 'A1', email: 'ana@acme.com', name: 'Ana Lima', createdAt: '2025-01-10T09:00:00Z',
      lifecycleStage: 'SQL', stageChangedAt: '2025-02-01T12:00:00Z',
    }),
  ]);
  await seed(app, 'touches', [
    touchItem('T1', 'L1', { campaignExternalId: 'C1', channel: undefined, type: 'AD_CLICK', occurredAt: '2025-01-05T10:00:00Z' }),
    touchItem('T2', 'L1', { campaignExternalId: 'C2', channel: undefined, type: 'EMAIL_OPEN', occurredAt: '2025-01-07T10:00:00+02:00' }),
    touchItem('T3', 'L1', { channel: 'direct', type: 'WEB_VISIT', occurredAt: '2025-01-09T10:00:00Z' }),
    touchItem('T4', 'L2', { campaignExternalId: 'C3', channel: undefined, type: 'WEBINAR', occurredAt: '2025-01-20T10:00:00Z' }),
    touchItem('T5', 'L3', { campaignExternalId: 'C1', channel: undefined, type: 'AD_CLICK', occurredAt: '2025-01-21T10:00:00Z' }),
    touchItem('T6', 'L1', { campaignExternalId: 'C3', channel: undefined, type: 'WEBINAR', occurredAt: '2025-01-08T10:00:00Z', deleted: true }),
  ]);
  await seed(app, 'deals', [
    dealItem('D1', {
      name: 'Acme expansion', accountExternalId: 'A1', amount: '250000.00', currency: 'USD', status: 'WON', stage: 'Closed Won',
      owner: 'Rita', createdAt: '2025-02-01T00:00:00Z', closedAt: '2025-03-01T00:00:00Z',
      contacts: [{ leadExternalId: 'L2' }, { leadExternalId: 'L1', primary: true }],
    }),
    dealItem('D2', {
      name: 'Acme renewal', accountExternalId: 'A1', amount: '1200000', currency: 'JPY', status: 'OPEN', stage: 'Proposal',
      createdAt: '2025-02-10T00:00:00Z', contacts: [{ leadExternalId: 'L2' }],
    }),
    dealItem('D3', {
      name: 'Globex pilot', accountExternalId: 'A2', amount: '999.99', currency: 'EUR', status: 'LOST',
      createdAt: '2025-02-05T00:00:00Z', closedAt: '2025-02-20T00:00:00Z', contacts: [{ leadExternalId: 'L3' }],
    }),
    dealItem('D4', { name: 'Acme mistake', accountExternalId: 'A1', createdAt: '2025-01-20T00:00:00Z', deleted: true }),
  ]);
});
afterAll(async () => { await app.stop(); });

describe('deals', () => {
  test('are newest first by default, with exact money and UTC timestamps', async () => {
    const data = await read(`{ deals {
      totalCount
      nodes { externalId name status stage owner createdAt closedAt deletedAt amount { amount amountMinor currency } }
    } }`);
    expect(data.deals.totalCount).toBe(3);
    expect(data.deals.nodes).toEqual([
      {
        externalId: 'D2', name: 'Acme renewal', status: 'OPEN', stage: 'Proposal', owner: null,
        createdAt: '2025-02-10T00:00:00.000Z', closedAt: null, deletedAt: null,
        amount: { amount: '1200000', amountMinor: '1200000', currency: 'JPY' },
      },
      {
        externalId: 'D3', name: 'Globex pilot', status: 'LOST', stage: null, owner: null,
        createdAt: '2025-02-05T00:00:00.000Z', closedAt: '2025-02-20T00:00:00.000Z', deletedAt: null,
        amount: { amount: '999.99', amountMinor: '99999', currency: 'EUR' },
      },
      {
        externalId: 'D1', name: 'Acme expansion', status: 'WON', stage: 'Closed Won', owner: 'Rita',
        createdAt: '2025-02-01T00:00:00.000Z', closedAt: '2025-03-01T00:00:00.000Z', deletedAt: null,
        amount: { amount: '250000.00', amountMinor: '25000000', currency: 'USD' },
      },
    ]);
  });

  test.each([
    [{ field: 'AMOUNT', direction: 'DESC' }, ['Acme renewal', 'Acme expansion', 'Globex pilot']],
    [{ field: 'AMOUNT' }, ['Globex pilot', 'Acme expansion', 'Acme renewal']],
    [{ field: 'NAME', direction: 'ASC' }, ['Acme expansion', 'Acme renewal', 'Globex pilot']],
    [{ field: 'CLOSED_AT', direction: 'ASC' }, ['Globex pilot', 'Acme expansion', 'Acme renewal']],
    [{ field: 'CREATED_AT', direction: 'ASC' }, ['Acme expansion', 'Globex pilot', 'Acme renewal']],
  ])('order by %j', async (orderBy, expected) => {
    const data = await read('query($o: DealOrder) { deals(orderBy: $o) { nodes { name } } }', { o: orderBy });
    expect(names(data.deals)).toEqual(expected);
  });

  test.each([
    ['status: WON', ['Acme expansion']],
    ['status: [OPEN, LOST]', ['Acme renewal', 'Globex pilot']],
    ['stage: ["Proposal"]', ['Acme renewal']],
    ['currency: "JPY"', ['Acme renewal']],
    ['nameStartsWith: "ACME "', ['Acme renewal', 'Acme expansion']],
    ['createdAt: { from: "2025-02-01T00:00:00Z", to: "2025-02-10T00:00:00Z" }', ['Globex pilot', 'Acme expansion']],
    ['closedAt: { from: "2025-02-21T00:00:00Z" }', ['Acme expansion']],
    ['includeDeleted: true', ['Acme renewal', 'Globex pilot', 'Acme expansion', 'Acme mistake']],
  ])('filter %s', async (filter, expected) => {
    const data = await read(`{ deals(${filter}) { totalCount nodes { name } } }`);
    expect(names(data.deals)).toEqual(expected);
    expect(data.deals.totalCount).toBe(expected.length);
  });

  test('filter by account', async () => {
    const data = await read('query($a: ID) { deals(accountId: $a) { nodes { name } } }', { a: await idOf('account', 'A2') });
    expect(names(data.deals)).toEqual(['Globex pilot']);
  });

  test('pages forward and backward by cursor, one deal at a time', async () => {
    const order = { field: 'AMOUNT', direction: 'ASC' };
    const query = `query($first: Int, $after: String, $last: Int, $before: String, $o: DealOrder) {
      deals(first: $first, after: $after, last: $last, before: $before, orderBy: $o) {
        edges { cursor node { name } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }`;
    const forward: string[] = [];
    let page = (await read(query, { first: 1, o: order })).deals;
    expect(page.pageInfo.hasPreviousPage).toBe(false);
    forward.push(page.edges[0].node.name);
    while (page.pageInfo.hasNextPage) {
      page = (await read(query, { first: 1, after: page.pageInfo.endCursor, o: order })).deals;
      expect(page.pageInfo.hasPreviousPage).toBe(true);
      expect(page.pageInfo.startCursor).toBe(page.edges[0].cursor);
      forward.push(page.edges[0].node.name);
    }
    expect(forward).toEqual(['Globex pilot', 'Acme expansion', 'Acme renewal']);

    const last = (await read(query, { last: 2, o: order })).deals;
    expect(last.edges.map((edge: { node: { name: string } }) => edge.node.name)).toEqual(['Acme expansion', 'Acme renewal']);
    expect(last.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const before = (await read(query, { last: 2, before: last.pageInfo.startCursor, o: order })).deals;
    expect(before.edges.map((edge: { node: { name: string } }) => edge.node.name)).toEqual(['Globex pilot']);
    expect(before.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
  });

  test('relations: account, contacts (primary first), primary contact and history', async () => {
    const data = await read(`{ dealByExternalId(externalId: "D1") {
      account { name }
      contacts { isPrimary lead { externalId } }
      primaryContact { name }
      history { totalCount nodes { changedAt status stage amount { amount currency } } }
    } }`);
    expect(data.dealByExternalId).toEqual({
      account: { name: 'Acme' },
      contacts: [{ isPrimary: true, lead: { externalId: 'L1' } }, { isPrimary: false, lead: { externalId: 'L2' } }],
      primaryContact: { name: 'Ana Lima' },
      history: {
        totalCount: 1,
        nodes: [{ changedAt: '2025-03-01T00:00:00.000Z', status: 'WON', stage: 'Closed Won', amount: { amount: '250000.00', currency: 'USD' } }],
      },
    });
  });
});

describe('single records', () => {
  test('by id, by externalId and by node(id:) agree', async () => {
    const id = await idOf('deal', 'D3');
    const data = await read(`query($id: ID!) {
      deal(id: $id) { id name }
      dealByExternalId(externalId: "D3") { id name }
      node(id: $id) { __typename id ... on Deal { name } }
    }`, { id });
    expect(data).toEqual({
      deal: { id, name: 'Globex pilot' },
      dealByExternalId: { id, name: 'Globex pilot' },
      node: { __typename: 'Deal', id, name: 'Globex pilot' },
    });
  });

  test.each([
    ['campaign', 'C1', 'Campaign'], ['account', 'A1', 'Account'], ['lead', 'L1', 'Lead'], ['touch', 'T1', 'Touch'],
  ] as const)('node(id:) finds a %s', async (type, externalId, typename) => {
    const id = await idOf(type, externalId);
    const data = await read(`query($id: ID!) { node(id: $id) { __typename id } ${type}(id: $id) { externalId } }`, { id });
    expect(data).toEqual({ node: { __typename: typename, id }, [type]: { externalId } });
  });

  test('a missing record is null, without error', async () => {
    const missing = Buffer.from('Deal:999999').toString('base64url');
    const data = await read(`query($id: ID!) { deal(id: $id) { id } node(id: $id) { id } dealByExternalId(externalId: "nope") { id } }`,
      { id: missing });
    expect(data).toEqual({ deal: null, node: null, dealByExternalId: null });
  });

  test('a soft-deleted record is null unless includeDeleted', async () => {
    const id = await idOf('deal', 'D4');
    const data = await read(`query($id: ID!) {
      hidden: deal(id: $id) { name }
      shown: deal(id: $id, includeDeleted: true) { name deletedAt }
      node(id: $id) { id }
      byExternalId: dealByExternalId(externalId: "D4") { name }
    }`, { id });
    expect(data).toEqual({
      hidden: null, shown: { name: 'Acme mistake', deletedAt: expect.stringMatching(/Z$/) }, node: null, byExternalId: null,
    });
  });
});

describe('campaigns', () => {
  test('spend sums daily costs per currency, over all time or a half-open period of days', async () => {
    const data = await read(`{ campaigns(orderBy: { field: STARTS_ON }) { nodes {
      name startsOn endsOn channel
      total: spend { amount amountMinor currency }
      march: spend(from: "2025-03-01", to: "2025-04-01") { amount currency }
    } } }`);
    expect(data.campaigns.nodes).toEqual([
      { name: 'Webinar Q1', startsOn: '2025-01-15', endsOn: null, channel: 'webinar', total: [], march: [] },
      {
        name: 'Spring Search', startsOn: '2025-03-01', endsOn: '2025-03-31', channel: 'paid_search',
        total: [{ amount: '5000', amountMinor: '5000', currency: 'JPY' }, { amount: '160.25', amountMinor: '16025', currency: 'USD' }],
        march: [{ amount: '5000', currency: 'JPY' }, { amount: '150.25', currency: 'USD' }],
      },
      { name: 'Newsletter', startsOn: null, endsOn: null, channel: 'email', total: [], march: [] },
    ]);
  });

  test('costs, touches and leads reached', async () => {
    const data = await read(`{ campaignByExternalId(externalId: "C1") {
      costs(from: "2025-03-02") { totalCount nodes { date amount { amount currency } } }
      touches { totalCount nodes { externalId lead { externalId } campaign { name } } }
      leadsReached { totalCount nodes { externalId } }
    } }`);
    expect(data.campaignByExternalId).toEqual({
      costs: {
        totalCount: 3,
        nodes: [
          { date: '2025-03-02', amount: { amount: '50.25', currency: 'USD' } },
          { date: '2025-03-03', amount: { amount: '5000', currency: 'JPY' } },
          { date: '2025-04-01', amount: { amount: '10.00', currency: 'USD' } },
        ],
      },
      touches: {
        totalCount: 2,
        nodes: [
          { externalId: 'T1', lead: { externalId: 'L1' }, campaign: { name: 'Spring Search' } },
          { externalId: 'T5', lead: { externalId: 'L3' }, campaign: { name: 'Spring Search' } },
        ],
      },
      leadsReached: { totalCount: 2, nodes: [{ externalId: 'L1' }, { externalId: 'L3' }] },
    });
  });

  test.each([
    ['channel: ["email", "webinar"]', ['Newsletter', 'Webinar Q1']],
    ['nameStartsWith: "spr"', ['Spring Search']],
    ['includeDeleted: true', ['Newsletter', 'Retired', 'Spring Search', 'Webinar Q1']],
  ])('filter %s', async (filter, expected) => {
    expect(names((await read(`{ campaigns(${filter}) { nodes { name } } }`)).campaigns)).toEqual(expected);
  });
});

describe('accounts', () => {
  test('filters, and their leads and deals', async () => {
    const data = await read(`{
      bySegment: accounts(segment: "SMB") { nodes { name } }
      byDomain: accounts(domain: "ACME.com") { nodes { name domain segment industry size
        leads { nodes { externalId } }
        deals { nodes { name } }
        won: deals(status: WON) { totalCount }
      } }
    }`);
    expect(data.bySegment.nodes).toEqual([{ name: 'Globex' }]);
    expect(data.byDomain.nodes).toEqual([{
      name: 'Acme', domain: 'acme.com', segment: 'Enterprise', industry: 'Software', size: null,
      leads: { nodes: [{ externalId: 'L1' }, { externalId: 'L2' }] },
      deals: { nodes: [{ name: 'Acme renewal' }, { name: 'Acme expansion' }] },
      won: { totalCount: 1 },
    }]);
  });
});

describe('leads', () => {
  test.each([
    ['emailStartsWith: "ANA@"', ['L1']],
    ['nameStartsWith: "bob"', ['L2']],
    ['lifecycleStage: [SQL, MQL]', ['L1']],
    ['createdAt: { to: "2025-01-12T09:00:00Z" }', ['L1']],
    ['orderBy: { field: EMAIL, direction: DESC }', ['L3', 'L2', 'L1']],
    ['includeDeleted: true, orderBy: { field: NAME }', ['L1', 'L2', 'L3', 'L4']],
  ])('filter %s', async (filter, expected) => {
    const data = await read(`{ leads(${filter}) { nodes { externalId } } }`);
    expect(data.leads.nodes.map((lead: { externalId: string }) => lead.externalId)).toEqual(expected);
  });

  test('a lead with its account, journey, deals and stage history', async () => {
    const data = await read(`{ leadByExternalId(externalId: "L1") {
      name email createdAt lifecycleStage stageChangedAt
      account { name }
      touches { totalCount nodes { externalId occurredAt type channel campaign { name } } }
      recent: touches(last: 1) { nodes { externalId } }
      ads: touches(type: AD_CLICK) { nodes { externalId } }
      deals { nodes { name } }
      stageHistory { nodes { fromStage toStage changedAt } }
    } }`);
    expect(data.leadByExternalId).toEqual({
      name: 'Ana Lima', email: 'ana@acme.com', createdAt: '2025-01-10T09:00:00.000Z', lifecycleStage: 'SQL',
      stageChangedAt: '2025-02-01T12:00:00.000Z',
      account: { name: 'Acme' },
      touches: {
        totalCount: 3,
        nodes: [
          { externalId: 'T1', occurredAt: '2025-01-05T10:00:00.000Z', type: 'AD_CLICK', channel: 'paid_search', campaign: { name: 'Spring Search' } },
          { externalId: 'T2', occurredAt: '2025-01-07T08:00:00.000Z', type: 'EMAIL_OPEN', channel: 'email', campaign: { name: 'Newsletter' } },
          { externalId: 'T3', occurredAt: '2025-01-09T10:00:00.000Z', type: 'WEB_VISIT', channel: 'direct', campaign: null },
        ],
      },
      recent: { nodes: [{ externalId: 'T3' }] },
      ads: { nodes: [{ externalId: 'T1' }] },
      deals: { nodes: [{ name: 'Acme expansion' }] },
      stageHistory: {
        nodes: [
          { fromStage: null, toStage: 'MQL', changedAt: '2025-01-10T09:00:00.000Z' },
          { fromStage: 'MQL', toStage: 'SQL', changedAt: '2025-02-01T12:00:00.000Z' },
        ],
      },
    });
  });
});

describe('touches', () => {
  test.each([
    ['', ['T5', 'T4', 'T3', 'T2', 'T1']],
    ['type: [WEBINAR, WEB_VISIT]', ['T4', 'T3']],
    ['channel: "direct"', ['T3']],
    ['occurredAt: { from: "2025-01-07T08:00:00Z", to: "2025-01-20T10:00:00Z" }', ['T3', 'T2']],
    ['includeDeleted: true, orderBy: { field: OCCURRED_AT }', ['T1', 'T2', 'T6', 'T3', 'T4', 'T5']],
  ])('filter (%s)', async (filter, expected) => {
    const data = await read(`{ touches${filter ? `(${filter})` : ''} { nodes { externalId } } }`);
    expect(data.touches.nodes.map((touch: { externalId: string }) => touch.externalId)).toEqual(expected);
  });

  test('filter by lead, account or campaign id', async () => {
    const data = await read(`query($l: ID, $a: ID, $c: ID) {
      byLead: touches(leadId: $l) { nodes { externalId } }
      byAccount: touches(accountId: $a) { nodes { externalId } }
      byCampaign: touches(campaignId: $c) { nodes { externalId } }
    }`, { l: await idOf('lead', 'L2'), a: await idOf('account', 'A2'), c: await idOf('campaign', 'C2') });
    expect(data).toEqual({
      byLead: { nodes: [{ externalId: 'T4' }] },
      byAccount: { nodes: [{ externalId: 'T5' }] },
      byCampaign: { nodes: [{ externalId: 'T2' }] },
    });
  });

  test('a touch shows its soft-deleted campaign rather than hiding it', async () => {
    await seed(app, 'campaigns', [campaignItem('C5', { name: 'Old Display', channel: 'display' })]);
    await seed(app, 'touches', [touchItem('T7', 'L3', { campaignExternalId: 'C5', channel: undefined, occurredAt: '2025-01-25T00:00:00Z' })]);
    await seed(app, 'campaigns', [campaignItem('C5', { name: 'Old Display', channel: 'display', deleted: true })]);
    const data = await read('{ touchByExternalId(externalId: "T7") { campaign { name deletedAt } } }');
    expect(data.touchByExternalId.campaign).toEqual({ name: 'Old Display', deletedAt: expect.stringMatching(/Z$/) });
  });
});

describe('keyset paging', () => {
  test('ties on the sort key are broken by id: pages neither skip nor repeat, forward or backward', async () => {
    await seed(app, 'deals', Array.from({ length: 25 }, (_, i) => dealItem(`TIE-${i}`, {
      name: `Tie ${i}`, amount: '10.00', createdAt: '2025-03-01T00:00:00Z',
    })));
    const query = `query($first: Int, $after: String, $last: Int, $before: String) {
      deals(nameStartsWith: "Tie ", orderBy: { field: AMOUNT, direction: DESC }, first: $first, after: $after, last: $last, before: $before) {
        totalCount nodes { name } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }`;
    const forward: string[] = [];
    let after: string | undefined;
    for (let more = true; more;) {
      const { deals } = await read(query, { first: 10, after });
      expect(deals.totalCount).toBe(25);
      forward.push(...names(deals));
      ({ hasNextPage: more, endCursor: after } = deals.pageInfo);
    }
    const backward: string[] = [];
    let before: string | undefined;
    for (let more = true; more;) {
      const { deals } = await read(query, { last: 10, before });
      backward.unshift(...names(deals));
      ({ hasPreviousPage: more, startCursor: before } = deals.pageInfo);
    }
    expect(forward).toHaveLength(25);
    expect(new Set(forward).size).toBe(25);
    expect(backward).toEqual(forward);
  });
});
