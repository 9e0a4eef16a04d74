import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
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

/** Plain COPY of the file into scratch_touches; returns the rows copied. */
export async function copyIntoScratch(dataSource: DataSource, file: string): Promise<number> {
  return withConnection(dataSource, async ({ client }) => {
    const copy = client.query(copyFrom(`COPY scratch_touches (${columns.join(', ')}) FROM STDIN (FORMAT csv, HEADER true)`));
    await pipeline(createReadStream(file), copy);
    return copy.rowCount;
  });
}
