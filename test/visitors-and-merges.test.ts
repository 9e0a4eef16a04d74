import { account, deal, ingest, lead, Payload, touch } from './support/ingest';
import { startTestApp, TestApp } from './support/test-app';

// Journeys as buyers make them: anonymous visits stitched to leads by identifyVisitors, and
// duplicate leads and accounts merged. Every figure is through the public API, by hand:
//   L-FORM fills in a form (webinar) on 03-08 and is the contact of D-WON, 1,000.00 USD won 03-20.
//   Visitor V-AD clicked a paid_social ad on 03-01, a week before, anonymously.
//   L-OTHER is another lead; D-OTHER (500.00 USD, won 03-22) is its deal, after an email on 03-10.
const ok = (result: Payload) => expect(result.userErrors).toEqual([]);
const MARCH = { from: '2025-03-01T00:00:00Z', to: '2025-04-01T00:00:00Z' };
const ON_THE_FLY = { excludeChannels: ['no_such_channel'] };

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  ok(await ingest(app, 'accounts', [account('ACC-1', { segment: 'SMB' }), account('ACC-2'), account('ACC-3')]));
  ok(await ingest(app, 'leads', [
    lead('L-FORM', { accountExternalId: 'ACC-1', createdAt: '2025-03-08T09:00:00Z' }),
    lead('L-OTHER', { accountExternalId: 'ACC-2', createdAt: '2025-02-01T09:00:00Z' }),
  ]));
  ok(await ingest(app, 'touches', [
    { externalId: 'T-AD', visitorId: 'V-AD', type: 'AD_CLICK', channel: 'paid_social', occurredAt: '2025-03-01T10:00:00Z' },
    touch('T-FORM', 'L-FORM', { channel: 'webinar', type: 'FORM_SUBMIT', occurredAt: '2025-03-08T09:00:00Z' }),
    touch('T-MAIL', 'L-OTHER', { channel: 'email', type: 'EMAIL_CLICK', occurredAt: '2025-03-10T09:00:00Z' }),
  ]));
  ok(await ingest(app, 'deals', [
    deal('D-WON', { accountExternalId: 'ACC-1', amount: '1000.00', status: 'WON', createdAt: '2025-03-09T00:00:00Z',
      closedAt: '2025-03-20T00:00:00Z', contacts: [{ leadExternalId: 'L-FORM', primary: true }] }),
    deal('D-OTHER', { accountExternalId: 'ACC-2', amount: '500.00', status: 'WON', createdAt: '2025-03-11T00:00:00Z',
      closedAt: '2025-03-22T00:00:00Z', contacts: [{ leadExternalId: 'L-OTHER', primary: true }] }),
  ]));
});
afterAll(async () => { await app.stop(); });

const REPORT = `query($input: AttributionInput!) { attribution(input: $input) {
  total { amountMinor } rows { key revenue { amountMinor } } } }`;

/** Revenue by channel in minor units; the stored and the on-the-fly paths must agree. */
async function byChannel(model: string): Promise<Record<string, number>> {
  const read = async (extra: object) => {
    const body = await app.gql(REPORT, { input: { model, groupBy: ['CHANNEL'], ...MARCH, ...extra } });
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    const { rows, total } = body.data!.attribution;
    const revenue = Object.fromEntries(rows.map((row: { key: string; revenue: { amountMinor: string } }) =>
      [row.key, Number(row.revenue.amountMinor)]).filter(([, minor]: [string, number]) => minor !== 0));
    expect(Object.values(revenue).reduce((sum: number, minor) => sum + (minor as number), 0)).toBe(Number(total.amountMinor));
    return revenue;
  };
  const stored = await read({});
  expect(await read(ON_THE_FLY)).toEqual(stored);
  return stored;
}

const LEAD = `query($id: String!) { leadByExternalId(externalId: $id) {
  externalId deletedAt mergedAt mergedInto { externalId } account { externalId } visitorIds
  touches(first: 20) { nodes { externalId visitorId } } } }`;
async function leadNamed(id: string) {
  const body = await app.gql(LEAD, { id });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!.leadByExternalId;
}

describe('anonymous touches and identifyVisitors', () => {
  test('an anonymous touch is stored, listed and counted, with no lead', async () => {
    const body = await app.gql(`{ touchByExternalId(externalId: "T-AD") { visitorId lead { externalId } }
      datasetSummary { touches anonymousTouches identifiedVisitors } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.touchByExternalId).toEqual({ visitorId: 'V-AD', lead: null });
    expect(body.data!.datasetSummary).toEqual({ touches: 3, anonymousTouches: 1, identifiedVisitors: 0 });
  });

  test('identifying the visitor moves FIRST_TOUCH credit to the ad, and moving the link moves it back', async () => {
    expect(await byChannel('FIRST_TOUCH')).toEqual({ webinar: 100_000, email: 50_000 });

    ok(await ingest(app, 'links', [{ visitorId: 'V-AD', leadExternalId: 'L-FORM', identifiedAt: '2025-03-08T09:00:00Z' }]));
    expect(await byChannel('FIRST_TOUCH')).toEqual({ paid_social: 100_000, email: 50_000 });
    expect(await byChannel('LINEAR')).toEqual({ paid_social: 50_000, webinar: 50_000, email: 50_000 });
    const form = await leadNamed('L-FORM');
    expect(form.touches.nodes.map((node: { externalId: string }) => node.externalId)).toEqual(['T-AD', 'T-FORM']);
    expect(form.visitorIds).toEqual(['V-AD']);

    // An older link for the same visitor does not undo the newer one; a later one moves it.
    const older = await ingest(app, 'links', [{ visitorId: 'V-AD', leadExternalId: 'L-OTHER', identifiedAt: '2025-03-01T00:00:00Z' }]);
    expect(older).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    const moved = await ingest(app, 'links', [{ visitorId: 'V-AD', leadExternalId: 'L-OTHER', identifiedAt: '2025-03-09T00:00:00Z' }]);
    expect(moved).toMatchObject({ created: 0, updated: 1, unchanged: 0, userErrors: [] });
    expect(await byChannel('FIRST_TOUCH')).toEqual({ webinar: 100_000, paid_social: 50_000 });
    const [{ moves }] = await app.dataSource.query(`SELECT count(*)::int AS moves FROM visitor_link_changes WHERE visitor_id = 'V-AD'`);
    expect(moves).toBe(2);

    ok(await ingest(app, 'links', [{ visitorId: 'V-AD', leadExternalId: 'L-FORM', identifiedAt: '2025-03-10T00:00:00Z' }]));
    expect(await byChannel('FIRST_TOUCH')).toEqual({ paid_social: 100_000, email: 50_000 });
  });

  test('a later touch of a linked visitor joins the lead at once; a touch naming its lead keeps it', async () => {
    ok(await ingest(app, 'touches', [
      { externalId: 'T-AD-2', visitorId: 'V-AD', type: 'WEB_VISIT', channel: 'organic_search', occurredAt: '2025-03-02T10:00:00Z' },
      touch('T-BOTH', 'L-OTHER', { visitorId: 'V-AD', channel: 'direct', type: 'WEB_VISIT', occurredAt: '2025-03-03T10:00:00Z' }),
    ]));
    const form = await leadNamed('L-FORM');
    expect(form.touches.nodes).toEqual([
      { externalId: 'T-AD', visitorId: 'V-AD' }, { externalId: 'T-AD-2', visitorId: 'V-AD' }, { externalId: 'T-FORM', visitorId: null },
    ]);
    expect((await leadNamed('L-OTHER')).touches.nodes.map((node: { externalId: string }) => node.externalId)).toEqual(['T-BOTH', 'T-MAIL']);
    expect(await byChannel('LAST_TOUCH')).toEqual({ webinar: 100_000, email: 50_000 });
    const replay = await ingest(app, 'links', [{ visitorId: 'V-AD', leadExternalId: 'L-FORM', identifiedAt: '2025-03-10T00:00:00Z' }]);
    expect(replay).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
  });

  test('refuses a touch with neither lead nor visitor, a link to an unknown lead, and a visitor with too many leads', async () => {
    const bare = await ingest(app, 'touches', [{ externalId: 'T-BARE', type: 'AD_CLICK', channel: 'display', occurredAt: '2025-03-01T00:00:00Z' }]);
    expect(bare.userErrors).toEqual([expect.objectContaining({ path: ['touches', '0', 'leadExternalId'], code: 'REQUIRED' })]);

    const unknown = await ingest(app, 'links', [
      { visitorId: 'V-NEW', leadExternalId: 'L-FORM', identifiedAt: '2025-03-08T00:00:00Z' },
      { visitorId: 'V-X', leadExternalId: 'L-NOBODY', identifiedAt: '2025-03-08T00:00:00Z' },
    ]);
    expect(unknown.userErrors).toEqual([expect.objectContaining({ path: ['links', '1', 'leadExternalId'], code: 'UNKNOWN_REFERENCE' })]);
    expect(unknown.created).toBe(0);

    const kiosk = Array.from({ length: 11 }, (_, index) => `L-KIOSK-${index}`);
    ok(await ingest(app, 'leads', kiosk.map((id) => lead(id))));
    for (const [index, id] of kiosk.slice(0, 10).entries()) {
      ok(await ingest(app, 'links', [{ visitorId: 'V-KIOSK', leadExternalId: id, identifiedAt: `2025-03-${String(index + 1).padStart(2, '0')}T10:00:00Z` }]));
    }
    const eleventh = await ingest(app, 'links', [{ visitorId: 'V-KIOSK', leadExternalId: kiosk[10], identifiedAt: '2025-03-20T00:00:00Z' }]);
    expect(eleventh.userErrors).toEqual([expect.objectContaining({ path: ['links', '0', 'visitorId'], code: 'TOO_MANY_LEADS' })]);
    expect(eleventh.userErrors[0].message).toContain('V-KIOSK');
  });
});

describe('mergeLeads and mergeAccounts', () => {
  test("a merge moves the merged lead's touches into the survivor's deals, to the cent", async () => {
    ok(await ingest(app, 'leads', [lead('L-DUP', { accountExternalId: 'ACC-3', createdAt: '2025-02-20T00:00:00Z' })]));
    ok(await ingest(app, 'touches', [touch('T-DUP', 'L-DUP', { channel: 'display', occurredAt: '2025-02-25T00:00:00Z' })]));
    const before = await byChannel('LINEAR');
    expect(before.display).toBeUndefined();

    const merged = await ingest(app, 'leadMerges', [{ survivorExternalId: 'L-OTHER', mergedExternalId: 'L-DUP', mergedAt: '2025-03-12T00:00:00Z' }]);
    expect(merged).toMatchObject({ created: 1, userErrors: [] });
    // D-OTHER (500.00) now has T-DUP, T-BOTH and T-MAIL: 166.67, 166.67, 166.66 by LINEAR.
    const after = await byChannel('LINEAR');
    expect(after.display).toBe(16_667);
    expect(after.direct).toBe(16_667);
    expect(after.email).toBe(16_666);
    expect(await byChannel('FIRST_TOUCH')).toMatchObject({ display: 50_000 });

    const dup = await leadNamed('L-DUP');
    expect(dup).toMatchObject({ mergedAt: '2025-03-12T00:00:00.000Z', deletedAt: '2025-03-12T00:00:00.000Z', mergedInto: { externalId: 'L-OTHER' } });
    expect(dup.touches.nodes).toEqual([]);

    // A sync that still sends the old id lands on the survivor; the merged record itself stays as it is.
    ok(await ingest(app, 'touches', [touch('T-LATE', 'L-DUP', { channel: 'display', occurredAt: '2025-03-15T00:00:00Z' })]));
    expect((await leadNamed('L-OTHER')).touches.nodes.map((node: { externalId: string }) => node.externalId)).toContain('T-LATE');
    expect(await ingest(app, 'leads', [lead('L-DUP', { name: 'Still in the old CRM' })])).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect(await ingest(app, 'leadMerges', [{ survivorExternalId: 'L-OTHER', mergedExternalId: 'L-DUP', mergedAt: '2025-03-12T00:00:00Z' }]))
      .toMatchObject({ created: 0, unchanged: 1, userErrors: [] });
  });

  test('a chain resolves to its last survivor, a cycle is refused, and shared deal roles keep one primary', async () => {
    ok(await ingest(app, 'leads', [lead('L-A'), lead('L-B'), lead('L-C')]));
    ok(await ingest(app, 'deals', [deal('D-AB', { contacts: [{ leadExternalId: 'L-A', primary: true }, { leadExternalId: 'L-B' }] })]));
    ok(await ingest(app, 'leadMerges', [
      { survivorExternalId: 'L-C', mergedExternalId: 'L-B', mergedAt: '2025-03-12T00:00:00Z' },
      { survivorExternalId: 'L-B', mergedExternalId: 'L-A', mergedAt: '2025-03-12T00:00:00Z' },
    ]));
    expect((await leadNamed('L-A')).mergedInto).toEqual({ externalId: 'L-C' });
    const body = await app.gql(`{ dealByExternalId(externalId: "D-AB") { contacts { isPrimary lead { externalId } } } }`);
    expect(body.data!.dealByExternalId.contacts).toEqual([{ isPrimary: true, lead: { externalId: 'L-C' } }]);

    const cycle = await ingest(app, 'leadMerges', [{ survivorExternalId: 'L-A', mergedExternalId: 'L-C', mergedAt: '2025-03-13T00:00:00Z' }]);
    expect(cycle.userErrors).toEqual([expect.objectContaining({ path: ['merges', '0', 'mergedExternalId'], code: 'MERGE_CYCLE' })]);
    ok(await ingest(app, 'leads', [lead('L-D'), lead('L-E')]));
    const inBatch = await ingest(app, 'leadMerges', [
      { survivorExternalId: 'L-E', mergedExternalId: 'L-D', mergedAt: '2025-03-13T00:00:00Z' },
      { survivorExternalId: 'L-D', mergedExternalId: 'L-E', mergedAt: '2025-03-13T00:00:00Z' },
    ]);
    expect(inBatch.userErrors.map((error) => error.code)).toEqual(['MERGE_CYCLE', 'MERGE_CYCLE']);
    expect((await leadNamed('L-D')).mergedInto).toBeNull();

    // A chain inside one batch may be 10 merges long, so a hostile batch stays cheap.
    const chain = Array.from({ length: 12 }, (_, index) => `L-CHAIN-${index}`);
    ok(await ingest(app, 'leads', chain.map((id) => lead(id))));
    const merges = (count: number) => chain.slice(0, count).map((id, index) =>
      ({ survivorExternalId: chain[index + 1], mergedExternalId: id, mergedAt: '2025-03-13T00:00:00Z' }));
    const long = await ingest(app, 'leadMerges', merges(11));
    expect(long.userErrors.map((error) => [error.path[1], error.code])).toEqual([['0', 'INVALID_VALUE']]);
    expect(await ingest(app, 'leadMerges', merges(10))).toMatchObject({ created: 10 });
    expect((await leadNamed(chain[0])).mergedInto).toEqual({ externalId: chain[10] });
  });

  test("an account merge moves the merged account's leads and deals, and its old id lands on the survivor", async () => {
    ok(await ingest(app, 'accountMerges', [{ survivorExternalId: 'ACC-1', mergedExternalId: 'ACC-2', mergedAt: '2025-03-30T00:00:00Z' }]));
    expect((await leadNamed('L-OTHER')).account).toEqual({ externalId: 'ACC-1' });
    const body = await app.gql(`{ accountByExternalId(externalId: "ACC-2") { deletedAt mergedInto { externalId } }
      dealByExternalId(externalId: "D-OTHER") { account { externalId } } }`);
    expect(body.data).toEqual({
      accountByExternalId: { deletedAt: '2025-03-30T00:00:00.000Z', mergedInto: { externalId: 'ACC-1' } },
      dealByExternalId: { account: { externalId: 'ACC-1' } },
    });
    ok(await ingest(app, 'leads', [lead('L-NEW', { accountExternalId: 'ACC-2' })]));
    expect((await leadNamed('L-NEW')).account).toEqual({ externalId: 'ACC-1' });
    expect(await byChannel('LINEAR')).toMatchObject({ display: expect.any(Number) });
  });
});

test('visitors never identified are non-converting paths of the data-driven models', async () => {
  ok(await ingest(app, 'touches', [
    { externalId: 'T-LURK-1', visitorId: 'V-LURK', type: 'WEB_VISIT', channel: 'organic_search', occurredAt: '2025-03-04T00:00:00Z' },
    { externalId: 'T-LURK-2', visitorId: 'V-LURK', type: 'AD_CLICK', channel: 'display', occurredAt: '2025-03-05T00:00:00Z' },
  ]));
  const query = `query($input: AttributionInput!) { attribution(input: $input) { paths(first: 50) { nodes { path journeys conversions } } } }`;
  for (const extra of [{}, ON_THE_FLY]) {
    const body = await app.gql(query, { input: { model: 'MARKOV', groupBy: ['CHANNEL'], ...MARCH, ...extra } });
    expect(body.errors).toBeUndefined();
    expect(body.data!.attribution.paths.nodes).toContainEqual({ path: ['organic_search', 'display'], journeys: 1, conversions: 0 });
  }
});
