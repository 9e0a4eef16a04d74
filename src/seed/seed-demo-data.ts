import { DataSource } from 'typeorm';
import { importCsv } from '../ingest/csv-import';
import { CsvKind, ingestKinds } from '../ingest/kinds';
import { IngestCounts } from '../ingest/user-error';
import { CsvSource, csvReadable } from './csv-source';
import { SeedSize, demoSources } from './demo-sources';

export interface SeedOptions {
  size: SeedSize;
  /** Rows loaded so far of the kind being loaded (`stage`: fx, campaigns, ... deals). */
  onProgress?: (done: number, total: number, stage: CsvKind) => void;
}

export interface SeedKindSummary extends IngestCounts {
  rows: number;
}

/** What each kind's import did; a second run reports every row unchanged. */
export type SeedSummary = Record<CsvKind, SeedKindSummary>;

/** The generator produced rows that ingestion refuses: a bug in the seed, not in the data given. */
export class SeedRefusedError extends Error {}

type Progress = (done: number, total: number) => void;

/** node-postgres' pool size when none is configured. */
const DEFAULT_POOL_SIZE = 10;

async function importPart(dataSource: DataSource, kind: CsvKind, source: CsvSource, onRows: (done: number) => void) {
  const result = await importCsv(dataSource, ingestKinds[kind], csvReadable(source, onRows));
  if (result.refused) {
    const first = result.errors.slice(0, 3).map((error) => `line ${error.row} ${error.field}: ${error.message}`);
    throw new SeedRefusedError(`demo ${kind}: ${result.rejected} rows refused (${first.join('; ')})`);
  }
  return result;
}

// Parts load side by side only when the pool has a connection for each: a part left waiting for
// one would time out.
async function runParts<T>(dataSource: DataSource, parts: Array<() => Promise<T>>): Promise<T[]> {
  const poolSize = (dataSource.options as { extra?: { max?: number } }).extra?.max ?? DEFAULT_POOL_SIZE;
  if (poolSize >= parts.length) {
    // Every part finishes before a failure is reported, so no import outlives the call.
    const settled = await Promise.allSettled(parts.map((part) => part()));
    const failed = settled.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    return settled.map((result) => (result as PromiseFulfilledResult<T>).value);
  }
  const results: T[] = [];
  for (const part of parts) results.push(await part());
  return results;
}

async function importKind(dataSource: DataSource, kind: CsvKind, sources: CsvSource[], onProgress: Progress): Promise<SeedKindSummary> {
  const total = sources.reduce((sum, source) => sum + source.total, 0);
  const done = sources.map(() => 0);
  onProgress(0, total);
  const results = await runParts(dataSource, sources.map((source, part) => () => importPart(dataSource, kind, source, (rows) => {
    done[part] = rows;
    onProgress(done.reduce((sum, rows) => sum + rows, 0), total);
  })));
  const sum = (field: keyof SeedKindSummary) => results.reduce((sum, result) => sum + result[field], 0);
  return { rows: sum('rows'), created: sum('created'), updated: sum('updated'), unchanged: sum('unchanged') };
}

/**
 * Loads a demo B2B company through the CSV import, kind by kind in dependency order: the same
 * rows on every run (seeded randomness, fixed dates in 2025-01-01..2026-06-30), so re-seeding
 * changes nothing. Each kind commits on its own.
 */
export async function seedDemoData(dataSource: DataSource, { size, onProgress }: SeedOptions): Promise<SeedSummary> {
  const sources = demoSources(size);
  const summary = {} as SeedSummary;
  for (const kind of Object.keys(ingestKinds) as CsvKind[]) {
    summary[kind] = await importKind(dataSource, kind, sources[kind], (done, total) => onProgress?.(done, total, kind));
  }
  // Fresh statistics at once, not whenever autovacuum gets to it: without them the planner takes
  // the thousands of freshly loaded deals for one, and on-the-fly journeys go quadratic (12 s
  // instead of 0.8 s for the small dataset on PostgreSQL 15).
  await dataSource.query('ANALYZE');
  return summary;
}

/** True when no campaign, lead, touch or deal was ever loaded (soft-deleted rows count as data). */
export async function isDatabaseEmpty(dataSource: DataSource): Promise<boolean> {
  const [{ empty }] = await dataSource.query(`
    SELECT NOT (EXISTS (SELECT 1 FROM campaigns) OR EXISTS (SELECT 1 FROM leads)
                OR EXISTS (SELECT 1 FROM touches) OR EXISTS (SELECT 1 FROM deals)) AS empty`);
  return empty;
}
