import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { withConnection } from '../src/database/sql';
import { columnOf } from '../src/ingest/ingest-kind';
import { TOUCH_CSV_COLUMNS } from './bench-data';

const columns = TOUCH_CSV_COLUMNS.map(columnOf);

/** A fresh, unindexed table of text columns: the least work PostgreSQL can do with the rows. */
export async function resetScratchTable(dataSource: DataSource): Promise<void> {
  await dataSource.query('DROP TABLE IF EXISTS scratch_touches');
  await dataSource.query(`CREATE TABLE scratch_touches (${columns.map((column) => `${column} text`).join(', ')})`);
}

async function copyFile(dataSource: DataSource, sql: string, file: string): Promise<number> {
  return withConnection(dataSource, async ({ client }) => {
    const copy = client.query(copyFrom(sql));
    await pipeline(createReadStream(file), copy);
    return copy.rowCount;
  });
}

/** Plain COPY of the file into scratch_touches; returns the rows copied. */
export function copyIntoScratch(dataSource: DataSource, file: string): Promise<number> {
  return copyFile(dataSource, `COPY scratch_touches (${columns.join(', ')}) FROM STDIN (FORMAT csv, HEADER true)`, file);
}

// The fair floor: the same rows, their references already resolved to ids, copied into a table
// with everything `touches` has (identity, defaults, checks, primary and unique keys, indexes and
// foreign keys). No import that keeps those can write faster.
const FAIR_COLUMNS = ['external_id', 'lead_id', 'account_id', 'campaign_id', 'channel', 'type', 'occurred_at',
  'utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term', 'properties'];

/** Writes scratch_touches (filled by copyIntoScratch) in touches' own columns, as COPY reads them. */
export async function writeFairFloorFile(dataSource: DataSource, file: string): Promise<void> {
  const select = `SELECT s.external_id, l.id, l.account_id, c.id, s.channel, s.type, s.occurred_at, s.utm_source,
                         s.utm_medium, s.utm_campaign, s.utm_content, s.utm_term, s.properties
                  FROM scratch_touches s JOIN leads l ON l.external_id = s.lead_external_id
                  LEFT JOIN campaigns c ON c.external_id = s.campaign_external_id`;
  await withConnection(dataSource, ({ client }) =>
    pipeline(client.query(copyTo(`COPY (${select}) TO STDOUT (FORMAT csv)`)), createWriteStream(file)));
}

/** An empty copy of touches with the same indexes, keys and foreign keys (LIKE does not copy foreign keys). */
export async function resetFairTable(dataSource: DataSource): Promise<void> {
  await dataSource.query('DROP TABLE IF EXISTS fair_touches');
  await dataSource.query('CREATE TABLE fair_touches (LIKE touches INCLUDING ALL)');
  const foreignKeys: Array<{ definition: string }> = await dataSource.query(
    `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = 'touches'::regclass AND contype = 'f'`);
  if (foreignKeys.length === 0) throw new Error('touches has no foreign keys: the fair floor would not be fair');
  await dataSource.query(`ALTER TABLE fair_touches ${foreignKeys.map(({ definition }) => `ADD ${definition}`).join(', ')}`);
  await dataSource.query('CHECKPOINT');
}

/** COPY of the resolved rows into fair_touches; returns the rows copied. */
export function copyIntoFairTable(dataSource: DataSource, file: string): Promise<number> {
  return copyFile(dataSource, `COPY fair_touches (${FAIR_COLUMNS.join(', ')}) FROM STDIN (FORMAT csv)`, file);
}
