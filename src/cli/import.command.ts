import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Config } from '../config';
import { openDatabase } from '../database/database';
import { CsvFormatError, importCsv, REPORTED_PROBLEMS } from '../ingest/csv-import';
import { CsvKind, ingestKinds } from '../ingest/kinds';
import { StartupError } from '../startup-error';
import { progressBar } from './progress';

export interface ImportCommandOptions {
  skipInvalid?: boolean;
  rejects?: string;
}

/** `attribution import <kind> <file>`; returns the process exit code. */
/** The size of a readable file; a missing file or a folder is refused in one line. */
async function fileSize(file: string): Promise<number> {
  const stats = await stat(file).catch((error: { code?: string; message: string }) => {
    throw new StartupError(`${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  if (!stats.isFile()) throw new StartupError(`${file} is ${stats.isDirectory() ? 'a folder' : 'not a regular file'}: give the path of a CSV file`);
  return stats.size;
}

export async function importFile(config: Config, kindName: CsvKind, file: string, options: ImportCommandOptions): Promise<number> {
  const size = await fileSize(file);
  const rejectsPath = options.rejects ?? `${file}.rejects.csv`;
  const database = await openDatabase(config);
  const progress = progressBar('bytes');
  try {
    const result = await importCsv(database.dataSource, ingestKinds[kindName], createReadStream(file), {
      skipInvalid: options.skipInvalid,
      rejectsPath,
      onProgress: (bytes) => progress.update(bytes, size, kindName),
    });
    progress.stop();
    for (const error of result.errors) {
      console.error(`line ${error.row}, column ${error.field}: ${error.message} (${error.code})`);
    }
    if (result.errors.length === REPORTED_PROBLEMS) console.error(`... only the first ${REPORTED_PROBLEMS} problems are shown`);
    if (result.refused) {
      console.error(`${file}: refused, nothing written: ${result.rejected} of ${result.rows} rows are invalid `
        + '(use --skip-invalid to write the valid rows and a rejects file).');
      return 1;
    }
    console.log(`${file}: ${result.rows} rows: ${result.created} created, ${result.updated} updated, `
      + `${result.unchanged} unchanged, ${result.rejected} rejected`
      + (result.rejected > 0 ? ` (written to ${rejectsPath})` : ''));
    return 0;
  } catch (error) {
    progress.stop();
    if (error instanceof CsvFormatError) {
      console.error(`${file}: refused, nothing written: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}
