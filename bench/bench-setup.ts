import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { DataSource } from 'typeorm';
import { importCsv } from '../src/ingest/csv-import';
import { ingestKinds } from '../src/ingest/kinds';
import { CsvSource, csvReadable } from '../src/seed/csv-source';
import { SeededRandom } from '../src/seed/random';
import { TOUCH_CSV_COLUMNS, benchTouch, prerequisiteSources, touchCsvLine } from './bench-data';

/** Campaigns, accounts and leads for the touches to refer to. */
export async function loadPrerequisites(dataSource: DataSource): Promise<void> {
  for (const [kind, source] of prerequisiteSources()) {
    const result = await importCsv(dataSource, ingestKinds[kind], csvReadable(source));
    if (result.refused) throw new Error(`bench ${kind} refused: ${result.errors[0]?.message}`);
  }
  await dataSource.query('ANALYZE');
}

/** `rows` new touches (T-0000001 ...) as a CSV file. */
export async function writeTouchFile(file: string, rows: number): Promise<void> {
  const random = new SeededRandom(1);
  const source: CsvSource = {
    header: TOUCH_CSV_COLUMNS,
    total: rows,
    lines: function* lines() {
      for (let number = 1; number <= rows; number++) yield touchCsvLine(benchTouch(random, 'T', number));
    },
  };
  await pipeline(csvReadable(source), createWriteStream(file));
}
