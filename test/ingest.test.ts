import { account, campaign, deal, ingest, lead, touch } from './support/ingest';
import { startTestApp, TestApp } from './support/test-app';

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(async () => { await app.stop(); });

const count = async (table: string) => Number((await app.dataSource.query(`SELECT count(*) FROM ${table}`))[0].count);

describe('idempotency', () => {
  test('the same batch sent twice changes nothing the second time', async () => {
    const batch = [campaign('IDEM-1'), campaign('IDEM-2', { channel: 'webinar' })];
    expect(await ingest(app, 'campaigns', batch)).toEqual({ created: 2, updated: 0, unchanged: 0, userErrors: [] });
    const [{ updated_at: before }] = await app.dataSource.query("SELECT updated_at FROM campaigns WHERE external_id = 'IDEM-1'");
    expect(await ingest(app, 'campaigns', batch)).toEqual({ created: 0, updated: 0, unchanged: 2, userErrors: [] });
    const [{ updated_at: after }] = await app.dataSource.query("SELECT updated_at FROM campaigns WHERE external_id = 'IDEM-1'");
    expect(after).toEqual(before);
    expect(await ingest(app, 'campaigns', [campaign('IDEM-1', { name: 'Renamed' }), campaign('IDEM-2', { channel: 'webinar' })]))
      .toEqual({ created: 0, updated: 1, unchanged: 1, userErrors: [] });
  });

  test('a retried call with the same idempotencyKey returns the original result without writing', async () => {
    const first = await ingest(app, 'accounts', [account('KEY-1')], 'sync-42');
    expect(first).toEqual({ created: 1, updated: 0, unchanged: 0, userErrors: [] });
    await app.dataSource.query("UPDATE accounts SET name = 'changed meanwhile' WHERE external_id = 'KEY-1'");
    expect(await ingest(app, 'accounts', [account('KEY-1')], 'sync-42')).toEqual(first);
    const [{ name }] = await app.dataSource.query("SELECT name FROM accounts WHERE external_id = 'KEY-1'");
    expect(name).toBe('changed meanwhile');
  });

  test('reusing an idempotencyKey for other items is refused', async () => {
    await ingest(app, 'accounts', [account('KEY-2')], 'sync-43');
    const body = await app.gql(
      'mutation($input: UpsertAccountsInput!) { upsertAccounts(input: $input) { created } }',
      { input: { accounts: [account('KEY-3')], idempotencyKey: 'sync-43' } },
    );
    expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0].message).toMatch(/idempotencyKey "sync-43" was already used/);
    expect(await count("accounts WHERE external_id = 'KEY-3'")).toBe(0);
  });

  test('a refused batch does not use up its idempotencyKey', async () => {
    const refused = await ingest(app, 'accounts', [account('KEY-4', { name: 'x'.repeat(501) })], 'sync-44');
    expect(refused.userErrors).toHaveLength(1);
    expect(await ingest(app, 'accounts', [account('KEY-4')], 'sync-44')).toMatchObject({ created: 1 });
  });
});

describe('all-or-nothing', () => {
  test('one bad item refuses the whole batch and every problem is listed with its item and field', async () => {
    await ingest(app, 'leads', [lead('AON-L1')]);
    const result = await ingest(app, 'touches', [
      touch('AON-T1', 'AON-L1'),
      touch('AON-T2', 'NOBODY'),
      touch('AON-T3', 'AON-L1', { channel: 'Paid Search', occurredAt: '2099-01-01T00:00:00Z' }),
      touch('AON-T1', 'AON-L1'),
      touch('AON-T5', 'AON-L1', { channel: null, campaignExternalId: 'NO-SUCH-CAMPAIGN' }),
    ]);
    expect(result).toEqual({
      created: 0, updated: 0, unchanged: 0,
      userErrors: [
        { path: ['touches', '0', 'externalId'], code: 'DUPLICATE_IN_BATCH', message: "touches[0]: externalId 'AON-T1' appears 2 times in this batch (a touch must be unique)" },
        { path: ['touches', '1', 'leadExternalId'], code: 'UNKNOWN_REFERENCE', message: "touches[1]: leadExternalId: no lead has externalId 'NOBODY'" },
        { path: ['touches', '2', 'channel'], code: 'INVALID_VALUE', message: "touches[2]: channel 'Paid Search' is not a lower-case slug (letters, digits, underscores; e.g. paid_search)" },
        { path: ['touches', '2', 'occurredAt'], code: 'IN_FUTURE', message: "touches[2]: occurredAt '2099-01-01T00:00:00.000Z' is more than a day in the future" },
        { path: ['touches', '3', 'externalId'], code: 'DUPLICATE_IN_BATCH', message: "touches[3]: externalId 'AON-T1' appears 2 times in this batch (a touch must be unique)" },
        { path: ['touches', '4', 'campaignExternalId'], code: 'UNKNOWN_REFERENCE', message: "touches[4]: campaignExternalId: no campaign has externalId 'NO-SUCH-CAMPAIGN'" },
      ],
    });
    expect(await count("touches WHERE external_id LIKE 'AON-%'")).toBe(0);
  });

  test('deals: money, currency, status and date rules', async () => {
    await ingest(app, 'leads', [lead('AON-L2'), lead('AON-L3')]);
    const result = await ingest(app, 'deals', [
      deal('AON-D1', { amount: '-5.00' }),
      deal('AON-D2', { amount: '12,50', currency: 'XYZ' }),
      deal('AON-D3', { amount: '10.001' }),
      deal('AON-D4', { status: 'WON' }),
      deal('AON-D5', { status: 'LOST', closedAt: '2025-01-01T00:00:00Z' }),
      deal('AON-D6', { contacts: [{ leadExternalId: 'AON-L2', primary: true }, { leadExternalId: 'AON-L3', primary: true }] }),
      deal('AON-D7', { contacts: [{ leadExternalId: 'AON-L2' }, { leadExternalId: 'GHOST' }] }),
      deal('AON-D8', { accountExternalId: 'NO-ACCOUNT' }),
    ]);
    expect(result.userErrors.map(({ path, code }) => [path.join('.'), code])).toEqual([
      ['deals.0.amount', 'NEGATIVE_AMOUNT'],
      ['deals.1.amount', 'INVALID_AMOUNT'],
      ['deals.1.currency', 'UNKNOWN_CURRENCY'],
      ['deals.2.amount', 'TOO_MANY_DECIMALS'],
      ['deals.3.closedAt', 'REQUIRED'],
      ['deals.4.closedAt', 'INVALID_DATE_ORDER'],
      ['deals.5.contacts', 'PRIMARY_CONTACT'],
      ['deals.6.contacts', 'PRIMARY_CONTACT'],
      ['deals.6.contacts.1.leadExternalId', 'UNKNOWN_REFERENCE'],
      ['deals.7.accountExternalId', 'UNKNOWN_REFERENCE'],
    ]);
    expect(result.userErrors[5].message).toBe(
      "deals[4]: closedAt 2025-01-01T00:00:00.000Z is before createdAt 2025-02-01T00:00:00.000Z");
    expect(await count("deals WHERE external_id LIKE 'AON-%'")).toBe(0);
  });

  test('leads: emails are unique ignoring case, in the batch and against stored leads', async () => {
    await ingest(app, 'leads', [lead('MAIL-1', { email: 'Ada@Example.com' })]);
    const result = await ingest(app, 'leads', [
      lead('MAIL-2', { email: 'ada@example.COM' }),
      lead('MAIL-3', { email: 'bob@example.com' }),
      lead('MAIL-4', { email: 'BOB@example.com' }),
      lead('MAIL-5', { email: 'not-an-email' }),
    ]);
    expect(result.userErrors.map(({ path, code }) => [path.join('.'), code])).toEqual([
      ['leads.0.email', 'CONFLICT'],
      ['leads.1.email', 'DUPLICATE_IN_BATCH'],
      ['leads.2.email', 'DUPLICATE_IN_BATCH'],
      ['leads.3.email', 'INVALID_VALUE'],
    ]);
    expect(result.userErrors[0].message).toBe("leads[0]: email 'ada@example.COM' already belongs to lead 'MAIL-1'");
  });

  test('more than 5,000 items is LIMIT_EXCEEDED naming the limit, and nothing is written', async () => {
    const items = Array.from({ length: 5001 }, (_, index) => account(`MANY-${index}`));
    const body = await app.gql('mutation($input: UpsertAccountsInput!) { upsertAccounts(input: $input) { created } }',
      { input: { accounts: items } });
    expect(body.errors?.[0]).toMatchObject({
      message: 'Request refused: items in input.accounts 5001 is over the limit MAX_BATCH_ITEMS = 5000',
      extensions: { code: 'LIMIT_EXCEEDED', limit: 'MAX_BATCH_ITEMS', max: 5000, actual: 5001 },
    });
    expect(await count("accounts WHERE external_id LIKE 'MANY-%'")).toBe(0);
  });

  test('a malformed timestamp is refused by GraphQL with the item path', async () => {
    const body = await app.gql('mutation($input: RecordTouchesInput!) { recordTouches(input: $input) { created } }',
      { input: { touches: [touch('BAD-TS', 'AON-L1', { occurredAt: 'yesterday' })] } });
    expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0].message).toContain('input.touches[0].occurredAt');
  });
});

describe('references and history', () => {
  test('touches resolve their lead, campaign, account and channel', async () => {
    await ingest(app, 'accounts', [account('REF-A')]);
    await ingest(app, 'campaigns', [campaign('REF-C', { channel: 'webinar' })]);
    await ingest(app, 'leads', [lead('REF-L', { accountExternalId: 'REF-A' })]);
    const result = await ingest(app, 'touches', [
      touch('REF-T1', 'REF-L', { channel: null, campaignExternalId: 'REF-C', type: 'WEBINAR', properties: { seat: 3 } }),
      touch('REF-T2', 'REF-L', { channel: 'brand_new_channel' }),
    ]);
    expect(result).toMatchObject({ created: 2, userErrors: [] });
    const rows = await app.dataSource.query(`
      SELECT t.external_id, t.channel, c.external_id AS campaign, l.external_id AS lead, a.external_id AS account,
             t.properties, t.occurred_at
      FROM touches t JOIN leads l ON l.id = t.lead_id LEFT JOIN campaigns c ON c.id = t.campaign_id
      LEFT JOIN accounts a ON a.id = t.account_id WHERE t.external_id LIKE 'REF-%' ORDER BY 1`);
    expect(rows).toEqual([
      { external_id: 'REF-T1', channel: 'webinar', campaign: 'REF-C', lead: 'REF-L', account: 'REF-A', properties: { seat: 3 }, occurred_at: new Date('2025-01-05T10:00:00Z') },
      { external_id: 'REF-T2', channel: 'brand_new_channel', campaign: null, lead: 'REF-L', account: 'REF-A', properties: null, occurred_at: new Date('2025-01-05T10:00:00Z') },
    ]);
    expect(await count("channels WHERE slug = 'brand_new_channel'")).toBe(1);
  });

  test('a lead that moves to another account takes its touches along', async () => {
    await ingest(app, 'accounts', [account('MOVE-B')]);
    await ingest(app, 'leads', [lead('REF-L', { accountExternalId: 'MOVE-B' })]);
    const accounts = await app.dataSource.query(`
      SELECT DISTINCT a.external_id FROM touches t JOIN accounts a ON a.id = t.account_id WHERE t.external_id LIKE 'REF-%'`);
    expect(accounts).toEqual([{ external_id: 'MOVE-B' }]);
  });

  test('lead stage changes are kept as history', async () => {
    await ingest(app, 'leads', [lead('HIST-L', { lifecycleStage: 'LEAD' })]);
    await ingest(app, 'leads', [lead('HIST-L', { lifecycleStage: 'MQL', stageChangedAt: '2025-01-20T00:00:00Z' })]);
    await ingest(app, 'leads', [lead('HIST-L')]);
    const history = await app.dataSource.query(`
      SELECT from_stage, to_stage, changed_at FROM lead_stage_changes h JOIN leads l ON l.id = h.lead_id
      WHERE l.external_id = 'HIST-L' ORDER BY h.id`);
    expect(history).toEqual([
      { from_stage: null, to_stage: 'LEAD', changed_at: new Date('2025-01-10T09:00:00Z') },
      { from_stage: 'LEAD', to_stage: 'MQL', changed_at: new Date('2025-01-20T00:00:00Z') },
    ]);
    const [{ lifecycle_stage }] = await app.dataSource.query("SELECT lifecycle_stage FROM leads WHERE external_id = 'HIST-L'");
    expect(lifecycle_stage).toBe('MQL');
  });

  test('deals keep a history of status, stage and amount, and their contact list', async () => {
    await ingest(app, 'accounts', [account('DH-A')]);
    await ingest(app, 'leads', [lead('DH-L1', { accountExternalId: 'DH-A' }), lead('DH-L2', { accountExternalId: 'DH-A' })]);
    const open = deal('DH-D', { accountExternalId: 'DH-A', stage: 'Discovery', amount: '5000', currency: 'EUR',
      contacts: [{ leadExternalId: 'DH-L1' }] });
    expect(await ingest(app, 'deals', [open])).toMatchObject({ created: 1, userErrors: [] });
    expect(await ingest(app, 'deals', [open])).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    const moreContacts = { ...open, contacts: [{ leadExternalId: 'DH-L1' }, { leadExternalId: 'DH-L2', primary: true }] };
    expect(await ingest(app, 'deals', [moreContacts])).toMatchObject({ updated: 1 });
    const won = { ...moreContacts, stage: 'Closed Won', status: 'WON', amount: '5200.50', closedAt: '2025-03-15T12:00:00Z' };
    expect(await ingest(app, 'deals', [won])).toMatchObject({ updated: 1 });

    const history = await app.dataSource.query(`
      SELECT h.status, h.stage, h.amount_minor, h.currency, h.changed_at FROM deal_changes h JOIN deals d ON d.id = h.deal_id
      WHERE d.external_id = 'DH-D' ORDER BY h.id`);
    expect(history).toEqual([
      { status: 'OPEN', stage: 'Discovery', amount_minor: '500000', currency: 'EUR', changed_at: new Date('2025-02-01T00:00:00Z') },
      { status: 'WON', stage: 'Closed Won', amount_minor: '520050', currency: 'EUR', changed_at: new Date('2025-03-15T12:00:00Z') },
    ]);
    const contacts = await app.dataSource.query(`
      SELECT l.external_id, dc.is_primary FROM deal_contacts dc JOIN leads l ON l.id = dc.lead_id
      JOIN deals d ON d.id = dc.deal_id WHERE d.external_id = 'DH-D' AND dc.deleted_at IS NULL ORDER BY 1`);
    expect(contacts).toEqual([{ external_id: 'DH-L1', is_primary: false }, { external_id: 'DH-L2', is_primary: true }]);
  });

  test('costs and FX rates are stored exactly in minor units and decimals', async () => {
    await ingest(app, 'campaigns', [campaign('COST-C')]);
    expect(await ingest(app, 'costs', [
      { campaignExternalId: 'COST-C', date: '2025-01-01', amount: '100.10', currency: 'USD' },
      { campaignExternalId: 'COST-C', date: '2025-01-02', amount: '5000', currency: 'JPY' },
    ])).toMatchObject({ created: 2, userErrors: [] });
    expect(await ingest(app, 'rates', [{ currency: 'EUR', date: '2025-01-01', rate: '1.084512345678' }]))
      .toMatchObject({ created: 1, userErrors: [] });
    expect(await app.dataSource.query('SELECT amount_minor, currency FROM campaign_costs ORDER BY cost_date')).toEqual([
      { amount_minor: '10010', currency: 'USD' }, { amount_minor: '5000', currency: 'JPY' },
    ]);
    expect(await app.dataSource.query('SELECT rate FROM fx_rates')).toEqual([{ rate: '1.084512345678' }]);
  });

  test('deleted: true soft-deletes, and a later item without it restores', async () => {
    await ingest(app, 'campaigns', [campaign('DEL-C')]);
    expect(await ingest(app, 'campaigns', [campaign('DEL-C', { deleted: true })])).toMatchObject({ updated: 1 });
    const [{ deleted_at: deletedAt }] = await app.dataSource.query("SELECT deleted_at FROM campaigns WHERE external_id = 'DEL-C'");
    expect(deletedAt).toBeInstanceOf(Date);
    expect(await ingest(app, 'campaigns', [campaign('DEL-C', { deleted: true })])).toMatchObject({ unchanged: 1 });
    expect(await ingest(app, 'campaigns', [campaign('DEL-C')])).toMatchObject({ updated: 1 });
    expect(await count("campaigns WHERE external_id = 'DEL-C' AND deleted_at IS NULL")).toBe(1);
  });
});
