import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImportResult, importCsv } from '../src/ingest/csv-import';
import { CsvKind, ingestKinds } from '../src/ingest/kinds';
import { TestDatabase, createTestDatabase } from './support/test-database';

// The files under examples/ are what a user copies first: they must import cleanly, in the
// documented order, and say what they appear to say.
const fileOf = (kind: CsvKind) => join(__dirname, '..', 'examples', `${kind}.csv`);
const kinds = Object.keys(ingestKinds) as CsvKind[];

let database: TestDatabase;
const imported = {} as Record<CsvKind, ImportResult>;

beforeAll(async () => {
  database = await createTestDatabase();
  for (const kind of kinds) imported[kind] = await importCsv(database.dataSource, ingestKinds[kind], createReadStream(fileOf(kind)));
});

afterAll(async () => {
  await database?.drop();
});

const one = async <T>(sql: string, params: unknown[] = []): Promise<T> => (await database.dataSource.query(sql, params))[0] as T;

test.each(kinds)('%s.csv has every field of its kind as header', (kind) => {
  const header = readFileSync(fileOf(kind), 'utf8').split('\n')[0].split(',');
  expect(header).toEqual(ingestKinds[kind].fields);
});

test('every file imports in order fx, campaigns, costs, accounts, leads, touches, links, deals', () => {
  const created = Object.fromEntries(kinds.map((kind) => [kind, imported[kind].created]));
  expect(created).toEqual({ fx: 5, campaigns: 4, costs: 5, accounts: 3, leads: 5, touches: 7, links: 1, deals: 3 });
  for (const kind of kinds) expect({ kind, refused: imported[kind].refused, errors: imported[kind].errors }).toEqual({ kind, refused: false, errors: [] });
});

test('importing the files again changes nothing', async () => {
  for (const kind of kinds) {
    const again = await importCsv(database.dataSource, ingestKinds[kind], createReadStream(fileOf(kind)));
    expect({ kind, created: again.created, updated: again.updated }).toEqual({ kind, created: 0, updated: 0 });
  }
});

test('deal contacts: the star marks the primary, a lone contact is primary', async () => {
  const contacts = await database.dataSource.query(`
    SELECT d.external_id AS deal, l.external_id AS lead, dc.is_primary AS "primary"
    FROM deal_contacts dc JOIN deals d ON d.id = dc.deal_id JOIN leads l ON l.id = dc.lead_id ORDER BY 1, 2`);
  expect(contacts).toEqual([
    { deal: 'D-00001', lead: 'L-000001', primary: true },
    { deal: 'D-00001', lead: 'L-000002', primary: false },
    { deal: 'D-00002', lead: 'L-000003', primary: true },
    { deal: 'D-00003', lead: 'L-000004', primary: true },
  ]);
});

test('amounts are stored in minor units of their currency', async () => {
  const cost = (campaign: string, day: string) => one<{ amount: string; currency: string }>(`
    SELECT k.amount_minor AS amount, k.currency FROM campaign_costs k JOIN campaigns c ON c.id = k.campaign_id
    WHERE c.external_id = $1 AND k.cost_date = $2`, [campaign, day]);
  expect(await cost('CMP-0001', '2025-02-01')).toEqual({ amount: '1189050', currency: 'USD' });
  expect(await cost('CMP-0004', '2025-01-01')).toEqual({ amount: '180000', currency: 'JPY' });
  const deal = await one<{ amount: string; currency: string; status: string; closed: Date | null }>(
    `SELECT amount_minor AS amount, currency, status, closed_at AS closed FROM deals WHERE external_id = 'D-00002'`);
  expect(deal).toEqual({ amount: '25000000', currency: 'EUR', status: 'OPEN', closed: null });
});

test('touches take their channel from the campaign when the file leaves it empty, and keep their properties', async () => {
  const touches = await database.dataSource.query(`
    SELECT t.external_id AS touch, t.channel, c.external_id AS campaign, t.properties
    FROM touches t LEFT JOIN campaigns c ON c.id = t.campaign_id WHERE t.external_id IN ('T-0000002', 'T-0000006') ORDER BY 1`);
  expect(touches).toEqual([
    { touch: 'T-0000002', channel: 'webinar', campaign: 'CMP-0003', properties: null },
    { touch: 'T-0000006', channel: 'organic_search', campaign: null, properties: { page: '/pricing' } },
  ]);
});

test("an anonymous ad click joins the lead its browser was identified as", async () => {
  expect(await one(`SELECT l.external_id AS lead, t.visitor_id AS visitor, t.lead_via_visitor AS "viaVisitor"
                    FROM touches t JOIN leads l ON l.id = t.lead_id WHERE t.external_id = 'T-0000007'`))
    .toEqual({ lead: 'L-000003', visitor: 'ga-4471.1706469600', viaVisitor: true });
});

test('quoted names keep their commas, and a lead may have no account', async () => {
  expect(await one(`SELECT name FROM accounts WHERE external_id = 'ACC-00003'`)).toEqual({ name: 'Cedar & Stone, Ltd.' });
  const lead = await one<{ account: string | null; stage: string; changed: Date }>(
    `SELECT account_id AS account, lifecycle_stage AS stage, stage_changed_at AS changed FROM leads WHERE external_id = 'L-000005'`);
  expect(lead).toEqual({ account: null, stage: 'LEAD', changed: new Date('2025-02-14T07:40:00Z') });
});
