import { createWriteStream } from 'node:fs';
import { PassThrough, Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { Queryable, withTransaction } from '../database/sql';
import { IngestKind, checkSql, columnOf, createStagingSql, stagingTable } from './ingest-kind';
import { RecordLines } from './csv-lines';
import { mergeStagedInSavepoint } from './ingest.service';
import { IngestCounts, ItemError } from './user-error';

export interface ImportOptions {
  /** Write the valid rows and put the refused ones in `rejectsPath`, instead of refusing the file. */
  skipInvalid?: boolean;
  rejectsPath?: string;
  /** Called with the number of bytes read so far. */
  onProgress?: (bytes: number) => void;
}

export interface ImportResult extends IngestCounts {
  rows: number;
  rejected: number;
  /** Problems by line (`row` is the line number in the file); at most REPORTED_PROBLEMS. */
  errors: ItemError[];
  /** True when the file was refused and nothing was written. */
  refused: boolean;
}

export const REPORTED_PROBLEMS = 1000;

/** A file that cannot be read as the kind's CSV at all (bad header, broken quoting ...). */
export class CsvFormatError extends Error {}

const parseHeader = (line: string) =>
  line.replace(/^\uFEFF/, '').replace(/\r$/, '').split(',').map((name) => name.trim().replace(/^"(.*)"$/, '$1'));

// Reads the header line and hands back a stream that still starts with it (COPY skips it, and
// PostgreSQL's line numbers in errors then match the file's).
function readHeader(input: Readable): Promise<{ header: string[]; stream: Readable }> {
  return new Promise((resolve, reject) => {
    let buffered = Buffer.alloc(0);
    const stream = new PassThrough();
    const onData = (chunk: Buffer | string) => {
      buffered = Buffer.concat([buffered, Buffer.from(chunk)]);
      const end = buffered.indexOf(10);
      if (end < 0) return;
      input.off('data', onData).off('end', onEnd).pause();
      input.on('error', (error) => stream.destroy(error));
      stream.write(buffered);
      input.pipe(stream);
      resolve({ header: parseHeader(buffered.subarray(0, end).toString('utf8')), stream });
    };
    const onEnd = () => {
      const text = buffered.toString('utf8');
      if (text.trim() === '') return reject(new CsvFormatError('the file is empty: expected a header line'));
      stream.end(`${text}\n`);
      resolve({ header: parseHeader(text.trim()), stream });
    };
    input.on('data', onData).once('end', onEnd).once('error', reject);
  });
}

function columnsFor(kind: IngestKind, header: string[]): string[] {
  const unknown = header.filter((name) => !kind.fields.includes(name));
  if (unknown.length > 0) {
    throw new CsvFormatError(`line 1: unknown column ${unknown.map((name) => JSON.stringify(name)).join(', ')} `
      + `for ${kind.name}; the columns are ${kind.fields.join(', ')}`);
  }
  const repeated = header.filter((name, index) => header.indexOf(name) !== index);
  if (repeated.length > 0) throw new CsvFormatError(`line 1: column ${JSON.stringify(repeated[0])} appears twice`);
  return header.map(columnOf);
}

function countBytes(onProgress?: (bytes: number) => void): Transform {
  let bytes = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      onProgress?.(bytes);
      done(null, chunk);
    },
  });
}

/** COPYs the file into staging; returns where its records start and how many rows were staged. */
async function copyIntoStaging(client: PoolClient, kind: IngestKind, columns: string[], stream: Readable,
  options: ImportOptions): Promise<{ records: RecordLines; rows: number }> {
  const sql = `COPY ${stagingTable(kind)} (${columns.join(', ')}) FROM STDIN
               WITH (FORMAT csv, HEADER true, FORCE_NULL (${columns.join(', ')}))`;
  const records = new RecordLines();
  const copy = client.query(copyFrom(sql));
  try {
    await pipeline(stream, countBytes(options.onProgress), records, copy);
  } catch (error) {
    // PostgreSQL names the file line it could not read ("COPY ..., line 12: ...").
    const where = (error as { where?: string }).where ?? '';
    const line = /line (\d+)/.exec(where)?.[1];
    if (records.unterminated) {
      const start = records.lineOf(records.lines.length);
      throw new CsvFormatError(`line ${start}: a quoted field opened on this line is never closed (a " is missing)`);
    }
    throw new CsvFormatError(`${line ? `line ${records.recordStartOf(Number(line))}: ` : ''}${(error as Error).message}`);
  }
  return { records, rows: copy.rowCount };
}

/** Numbers staged rows by the file line their record starts on, when records span several lines. */
async function numberByFileLine(db: Queryable, kind: IngestKind, records: RecordLines): Promise<void> {
  if (!records.shifted) return;
  await db.query(
    `UPDATE ${stagingTable(kind)} s SET row_no = l.line FROM unnest($1::int[]) WITH ORDINALITY AS l(line, record)
     WHERE s.row_no = l.record`,
    [records.lines],
  );
}

async function writeRejects(client: PoolClient, kind: IngestKind, path: string): Promise<void> {
  const fields = kind.fields.map((field) => `s.${columnOf(field)} AS "${field}"`).join(', ');
  const sql = `COPY (SELECT r.row AS line, r.field AS column, r.code, r.message AS reason, ${fields}
                     FROM ingest_rejects r JOIN ${stagingTable(kind)} s ON s.row_no = r.row ORDER BY 1, 2)
               TO STDOUT WITH (FORMAT csv, HEADER true)`;
  await pipeline(client.query(copyTo(sql)), createWriteStream(path));
}

/**
 * Imports a CSV file of one kind: COPY into the kind's staging table, the same checks as the
 * GraphQL mutations, then one set-based merge, all in one transaction. Problems name the file
 * line on which their record starts (the header is line 1), also after quoted line breaks.
 */
/**
 * Until autovacuum catches up, the planner misjudges a bulk load: on-the-fly journeys planned on
 * stale statistics took 12 s instead of 0.8 s after a demo load. A large import analyses at once.
 */
export const ANALYZE_AFTER_ROWS = 10_000;

export async function importCsv(dataSource: DataSource, kind: IngestKind, input: Readable, options: ImportOptions = {}): Promise<ImportResult> {
  const { header, stream } = await readHeader(input);
  const columns = columnsFor(kind, header);
  const result = await withTransaction(dataSource, { settings: { work_mem: '256MB' } }, async (tx): Promise<ImportResult> => {
    await tx.query(createStagingSql(kind));
    const { records, rows } = await copyIntoStaging(tx.client, kind, columns, stream, options);
    await numberByFileLine(tx, kind, records);
    // Fixups rewrite values, never add or remove rows: the count is COPY's.
    if (kind.csvFixups) await tx.query(kind.csvFixups);
    await tx.query(`CREATE TEMP TABLE ingest_rejects ON COMMIT DROP AS ${checkSql(kind)}`, [null]);
    const errors: ItemError[] = await tx.query('SELECT * FROM ingest_rejects ORDER BY 1, 2 LIMIT $1', [REPORTED_PROBLEMS]);
    const [{ rejected }] = await tx.query('SELECT count(DISTINCT row)::int AS rejected FROM ingest_rejects');
    if (rejected > 0 && !options.skipInvalid) {
      tx.rollbackAtEnd();
      return { rows, rejected, created: 0, updated: 0, unchanged: 0, errors, refused: true };
    }
    if (rejected > 0) {
      if (options.rejectsPath) await writeRejects(tx.client, kind, options.rejectsPath);
      await tx.query(`DELETE FROM ${stagingTable(kind)} WHERE row_no IN (SELECT row FROM ingest_rejects)`);
    }
    const { created, updated } = await mergeStagedInSavepoint(tx, kind);
    return { rows, rejected, created, updated, unchanged: rows - rejected - created - updated, errors, refused: false };
  });
  if (result.created + result.updated >= ANALYZE_AFTER_ROWS) await dataSource.query('ANALYZE');
  return result;
}
