import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { withTransaction } from '../src/database/sql';
import { ANALYZE_AFTER_ROWS, CsvFormatError, importCsv } from '../src/ingest/csv-import';
import { ingestKinds } from '../src/ingest/kinds';
import { createTestDatabase, TestDatabase } from './support/test-database';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await importCsv(db.dataSource, ingestKinds.leads, csv(
    'externalId,email,createdAt',
    'L-1,ada@example.com,2025-01-01T00:00:00Z',
    'L-2,bob@example.com,2025-01-02T00:00:00Z',
  ));
});
afterAll(async () => { await db.drop(); });

function csv(...lines: string[]): Readable {
  return Readable.from([`${lines.join('\n')}\n`]);
}

const touchesHeader = 'externalId,leadExternalId,channel,type,occurredAt,utmSource';

test('imports a valid file, and the same file again changes nothing', async () => {
  const file = () => csv(touchesHeader,
    'CSV-T1,L-1,email,EMAIL_CLICK,2025-01-03T10:00:00Z,newsletter',
    'CSV-T2,L-2,paid_search,AD_CLICK,2025-01-04 11:30:00+02,"google, brand"');
  expect(await importCsv(db.dataSource, ingestKinds.touches, file())).toEqual({
    rows: 2, rejected: 0, created: 2, updated: 0, unchanged: 0, errors: [], refused: false,
  });
  expect(await importCsv(db.dataSource, ingestKinds.touches, file())).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  const rows = await db.dataSource.query("SELECT utm_source, occurred_at FROM touches WHERE external_id = 'CSV-T2'");
  expect(rows).toEqual([{ utm_source: 'google, brand', occurred_at: new Date('2025-01-04T09:30:00Z') }]);
});

test('a large import leaves the planner fresh statistics', async () => {
  const lines = Array.from({ length: ANALYZE_AFTER_ROWS }, (_, index) => `BULK-${index},2025-02-01T00:00:00Z`);
  expect(await importCsv(db.dataSource, ingestKinds.leads, csv('externalId,createdAt', ...lines))).toMatchObject({ created: ANALYZE_AFTER_ROWS });
  const [{ estimate }] = await db.dataSource.query("SELECT reltuples::int AS estimate FROM pg_class WHERE oid = 'public.leads'::regclass");
  expect(estimate).toBeGreaterThanOrEqual(ANALYZE_AFTER_ROWS);
});

// New keys take a plain INSERT: one that another batch commits while the import waits on it must
// still be merged (here: unchanged, as the values are the same), not fail the whole file.
test('a new key committed meanwhile by another batch is merged, not a unique violation', async () => {
  const lockWaits = async () => (await db.dataSource.query(
    "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"))[0].n;
  let imported: ReturnType<typeof importCsv> | undefined;
  await withTransaction(db.dataSource, {}, async (other) => {
    await other.query(`INSERT INTO channels (slug) VALUES ('email') ON CONFLICT DO NOTHING`);
    await other.query(`INSERT INTO touches (external_id, lead_id, channel, type, occurred_at)
                       SELECT 'CSV-R1', id, 'email', 'EMAIL_OPEN', '2025-01-05T10:00:00Z' FROM leads WHERE external_id = 'L-1'`);
    imported = importCsv(db.dataSource, ingestKinds.touches, csv(touchesHeader,
      'CSV-R1,L-1,email,EMAIL_OPEN,2025-01-05T10:00:00Z,',
      'CSV-R2,L-1,email,EMAIL_OPEN,2025-01-06T10:00:00Z,'));
    // The import's INSERT of CSV-R1 waits for this transaction, which then commits.
    while (await lockWaits() === 0) await sleep(20);
  });
  expect(await imported).toMatchObject({ rows: 2, created: 1, updated: 0, unchanged: 1, refused: false });
  const [{ count }] = await db.dataSource.query("SELECT count(*)::int FROM touches WHERE external_id LIKE 'CSV-R%'");
  expect(count).toBe(2);
});

test('a file with bad rows is refused whole, with line, column and reason', async () => {
  const result = await importCsv(db.dataSource, ingestKinds.touches, csv(touchesHeader,
    'CSV-B1,L-1,email,EMAIL_CLICK,2025-01-03T10:00:00Z,',
    'CSV-B2,L-404,email,EMAIL_CLICK,2025-01-03T10:00:00Z,',
    'CSV-B3,L-1,email,CARRIER_PIGEON,2025-13-03T10:00:00Z,'));
  expect(result).toMatchObject({ rows: 3, rejected: 2, created: 0, refused: true });
  expect(result.errors).toEqual([
    { row: 3, field: 'leadExternalId', code: 'UNKNOWN_REFERENCE', message: "leadExternalId: no lead has externalId 'L-404'" },
    { row: 4, field: 'occurredAt', code: 'INVALID_TIMESTAMP', message: "occurredAt '2025-13-03T10:00:00Z' is not an ISO 8601 timestamp (e.g. 2025-03-01T09:30:00Z)" },
    { row: 4, field: 'type', code: 'INVALID_VALUE', message: expect.stringContaining("type 'CARRIER_PIGEON' is not one of AD_CLICK") },
  ]);
  const [{ count }] = await db.dataSource.query("SELECT count(*)::int FROM touches WHERE external_id LIKE 'CSV-B%'");
  expect(count).toBe(0);
});

test('--skip-invalid writes the valid rows and a rejects file with the original values', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'rejects-'));
  const rejectsPath = join(dir, 'touches.rejects.csv');
  const result = await importCsv(db.dataSource, ingestKinds.touches, csv(touchesHeader,
    'CSV-S1,L-1,email,EMAIL_OPEN,2025-01-05T10:00:00Z,',
    'CSV-S2,L-404,email,EMAIL_OPEN,2025-01-05T10:00:00Z,'), { skipInvalid: true, rejectsPath });
  expect(result).toMatchObject({ rows: 2, rejected: 1, created: 1, refused: false });
  const rejects = (await readFile(rejectsPath, 'utf8')).trim().split('\n');
  expect(rejects[0]).toBe('line,column,code,reason,externalId,leadExternalId,campaignExternalId,channel,type,occurredAt,'
    + 'utmSource,utmMedium,utmCampaign,utmContent,utmTerm,properties,deleted,visitorId');
  expect(rejects[1]).toBe("3,leadExternalId,UNKNOWN_REFERENCE,leadExternalId: no lead has externalId 'L-404',CSV-S2,L-404,,"
    + 'email,EMAIL_OPEN,2025-01-05T10:00:00Z,,,,,,,,');
  expect(rejects).toHaveLength(2);
});

test('a malformed file is refused with the line PostgreSQL could not read', async () => {
  const attempt = importCsv(db.dataSource, ingestKinds.touches, csv(touchesHeader,
    'CSV-M1,L-1,email,EMAIL_OPEN,2025-01-05T10:00:00Z,',
    'CSV-M2,L-1,email,EMAIL_OPEN,2025-01-05T10:00:00Z,,extra,columns'));
  await expect(attempt).rejects.toThrow(CsvFormatError);
  await expect(importCsv(db.dataSource, ingestKinds.touches, csv(touchesHeader,
    'CSV-M2,L-1,email,EMAIL_OPEN,2025-01-05T10:00:00Z,,extra'))).rejects.toThrow(/^line 2: extra data after last expected column/);
});

test('an unknown column is refused before anything is read', async () => {
  await expect(importCsv(db.dataSource, ingestKinds.touches, csv('externalId,lead', 'X,Y')))
    .rejects.toThrow('line 1: unknown column "lead" for touches; the columns are externalId, leadExternalId');
});

test('deal contacts are written "L-1*;L-2" in CSV, the star marking the primary', async () => {
  const result = await importCsv(db.dataSource, ingestKinds.deals, csv(
    'externalId,name,amount,currency,status,createdAt,closedAt,contacts',
    'CSV-D1,Big deal,"12,5",USD,WON,2025-02-01T00:00:00Z,2025-03-01T00:00:00Z,L-1;L-2*',
    'CSV-D2,Small deal,99.99,USD,WON,2025-02-01T00:00:00Z,2025-03-01T00:00:00Z,L-1*;L-2*'));
  expect(result.errors.map((error) => [error.row, error.field, error.code])).toEqual([
    [2, 'amount', 'INVALID_AMOUNT'],
    [3, 'contacts', 'PRIMARY_CONTACT'],
  ]);
  const fixed = await importCsv(db.dataSource, ingestKinds.deals, csv(
    'externalId,name,amount,currency,status,createdAt,closedAt,contacts',
    'CSV-D1,Big deal,12.5,USD,WON,2025-02-01T00:00:00Z,2025-03-01T00:00:00Z,L-1;L-2*'));
  expect(fixed).toMatchObject({ created: 1, refused: false });
  const contacts = await db.dataSource.query(`
    SELECT l.external_id, dc.is_primary, d.amount_minor FROM deal_contacts dc JOIN leads l ON l.id = dc.lead_id
    JOIN deals d ON d.id = dc.deal_id ORDER BY 1`);
  expect(contacts).toEqual([
    { external_id: 'L-1', is_primary: false, amount_minor: '1250' },
    { external_id: 'L-2', is_primary: true, amount_minor: '1250' },
  ]);
});

describe('line numbers are the file lines on which records start', () => {
  test('after quoted line breaks, problems name the right line', async () => {
    const result = await importCsv(db.dataSource, ingestKinds.touches, csv(touchesHeader,
      'CSV-Q1,L-1,email,EMAIL_OPEN,2025-01-05T10:00:00Z,"two',
      'lines"',
      'CSV-Q2,L-1,email,EMAIL_OPEN,2025-01-05T10:00:00Z,"three',
      '',
      'lines"',
      'CSV-Q3,L-404,email,EMAIL_OPEN,2025-01-05T10:00:00Z,plain'));
    expect(result.errors.map((error) => [error.row, error.field, error.code])).toEqual([[7, 'leadExternalId', 'UNKNOWN_REFERENCE']]);
  });

  test('a malformed record after a quoted line break names its own line', async () => {
    await expect(importCsv(db.dataSource, ingestKinds.touches, csv(touchesHeader,
      'CSV-Q4,L-1,email,EMAIL_OPEN,2025-01-05T10:00:00Z,"two',
      'lines"',
      'CSV-Q5,L-1,email,EMAIL_OPEN,2025-01-05T10:00:00Z,,extra'))).rejects.toThrow(/^line 4: extra data after last expected column/);
  });

  test('an unterminated quote names the line it opens on', async () => {
    await expect(importCsv(db.dataSource, ingestKinds.touches, csv(touchesHeader,
      'CSV-Q6,L-1,email,EMAIL_OPEN,2025-01-05T10:00:00Z,ok',
      'CSV-Q7,L-1,email,EMAIL_OPEN,2025-01-05T10:00:00Z,"never closed',
      'CSV-Q8,L-1,email,EMAIL_OPEN,2025-01-05T10:00:00Z,ok'))).rejects.toThrow('line 3: a quoted field opened on this line is never closed (a " is missing)');
  });

  test('echoed bad values are cut to 80 characters', async () => {
    const long = `2025-99-99${'x'.repeat(5_000)}`;
    const result = await importCsv(db.dataSource, ingestKinds.touches, csv(touchesHeader, `CSV-Q9,L-1,email,EMAIL_OPEN,${long},`));
    expect(result.errors).toEqual([expect.objectContaining({ row: 2, field: 'occurredAt', code: 'INVALID_TIMESTAMP' })]);
    expect(result.errors[0].message.length).toBeLessThan(200);
  });
});
