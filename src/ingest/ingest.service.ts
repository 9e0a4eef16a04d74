import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { Queryable, withTransaction } from '../database/sql';
import { badUserInput, limitExceeded, retryLater } from '../errors';
import { IngestKind, checkSql, columnOf, createStagingSql, listFieldOf, stagingTable } from './ingest-kind';
import { IngestCounts, ItemError } from './user-error';
import { loneSurrogateErrors } from './well-formed-text';

export const MAX_BATCH_ITEMS = 5000;
/** idempotencyKey is an index key: longer keys are refused rather than failing the index. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

export interface IngestResult extends IngestCounts {
  errors: ItemError[];
}

type Item = object;

const MAX_ATTEMPTS = 4;
// Deadlock, serialization failure, and a unique key taken by a batch that committed meanwhile:
// another attempt sees that batch's rows, and its checks then name any real conflict.
const COLLISIONS = new Set(['40P01', '40001', '23505']);
const isCollision = (error: unknown) => COLLISIONS.has((error as { code?: unknown } | undefined)?.code as string);

// Staging holds raw text, exactly as a CSV file would bring it.
function toText(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function stagingRows(kind: IngestKind, items: readonly Item[]) {
  const columns = kind.fields.map((field) => [field, columnOf(field)] as const);
  return items.map((item, index) => {
    const row: Record<string, string | number | null> = { row_no: index };
    for (const [field, column] of columns) row[column] = toText((item as Record<string, unknown>)[field]);
    return row;
  });
}

/** Runs the kind's checks over its filled staging table; an empty list means the batch is clean. */
export async function checkStaged(db: Queryable, kind: IngestKind, limit: number | null): Promise<ItemError[]> {
  return db.query(checkSql(kind), [limit]);
}

/** Writes a checked staging table into the model; returns what changed. */
export async function mergeStaged(db: Queryable, kind: IngestKind): Promise<{ created: number; updated: number }> {
  let last: Array<{ created: number; updated: number }> = [];
  for (const statement of kind.merge) last = await db.query(statement);
  return last[0];
}

/**
 * mergeStaged for the CSV import, whose file cannot be read twice: a merge that collides with a
 * concurrent batch (see COLLISIONS) is rolled back to a savepoint and run again, up to
 * MAX_ATTEMPTS times in all, over the same checked staging table. The collision's cause has
 * committed by then, so the next run sees it.
 */
export async function mergeStagedInSavepoint(db: Queryable, kind: IngestKind): Promise<{ created: number; updated: number }> {
  for (let attempt = 1; ; attempt += 1) {
    await db.query('SAVEPOINT ingest_merge');
    try {
      const counts = await mergeStaged(db, kind);
      await db.query('RELEASE SAVEPOINT ingest_merge');
      return counts;
    } catch (error) {
      if (!isCollision(error) || attempt === MAX_ATTEMPTS) throw error;
      await db.query('ROLLBACK TO SAVEPOINT ingest_merge');
    }
  }
}

/**
 * Ingests one batch all-or-nothing: every item is checked first and nothing is written unless all
 * pass. With an idempotency key, a successful result is stored and a retry returns it unchanged.
 * A batch that collides with a concurrent one runs again, up to MAX_ATTEMPTS times in all, and
 * is then RETRY_LATER: clients never see a deadlock as an internal error.
 */
export class IngestService {
  constructor(private readonly dataSource: DataSource) {}

  async ingest(kind: IngestKind, items: readonly Item[], idempotencyKey?: string | null): Promise<IngestResult> {
    if (items.length > MAX_BATCH_ITEMS) {
      throw limitExceeded('MAX_BATCH_ITEMS', MAX_BATCH_ITEMS, items.length, `items in input.${listFieldOf(kind)}`);
    }
    if (idempotencyKey && idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
      throw badUserInput(`input.idempotencyKey is ${idempotencyKey.length} characters long; the limit is ${MAX_IDEMPOTENCY_KEY_LENGTH}`,
        { field: 'input.idempotencyKey', max: MAX_IDEMPOTENCY_KEY_LENGTH });
    }
    const malformed = loneSurrogateErrors(kind, items);
    if (malformed.length > 0) return { created: 0, updated: 0, unchanged: 0, errors: malformed };
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.attempt(kind, items, idempotencyKey);
      } catch (error) {
        if (!isCollision(error)) throw error;
        if (attempt === MAX_ATTEMPTS) throw retryLater(`input.${listFieldOf(kind)}`, attempt);
        await sleep(attempt * 20 + Math.random() * 30);
      }
    }
  }

  private attempt(kind: IngestKind, items: readonly Item[], idempotencyKey?: string | null): Promise<IngestResult> {
    return withTransaction(this.dataSource, {}, async (tx) => {
      const replay = idempotencyKey ? await this.claimKey(tx, kind, idempotencyKey, items) : undefined;
      const result = replay ?? (await this.run(tx, kind, items));
      if (result.errors.length > 0) {
        // Nothing is written, and the key stays free for the corrected batch.
        tx.rollbackAtEnd();
        return result;
      }
      if (idempotencyKey && !replay) {
        await tx.query('UPDATE ingest_requests SET result = $3 WHERE operation = $1 AND idempotency_key = $2', [
          kind.name, idempotencyKey, JSON.stringify(result),
        ]);
      }
      return result;
    });
  }

  private async run(db: Queryable, kind: IngestKind, items: readonly Item[]): Promise<IngestResult> {
    await db.query(createStagingSql(kind));
    const columns = ['row_no', ...kind.fields.map(columnOf)];
    const types = columns.map((column) => `${column} ${column === 'row_no' ? 'bigint' : 'text'}`).join(', ');
    await db.query(
      `INSERT INTO ${stagingTable(kind)} (${columns.join(', ')}) SELECT * FROM json_to_recordset($1) AS x(${types})`,
      [JSON.stringify(stagingRows(kind, items))],
    );
    const errors = await checkStaged(db, kind, null);
    if (errors.length > 0) return { created: 0, updated: 0, unchanged: 0, errors };
    const { created, updated } = await mergeStaged(db, kind);
    return { created, updated, unchanged: items.length - created - updated, errors: [] };
  }

  // Claims the key inside the batch's transaction: a concurrent retry waits for this one to end,
  // then either replays its stored result or (if it failed) runs again.
  private async claimKey(db: Queryable, kind: IngestKind, key: string, items: readonly Item[]) {
    const hash = createHash('sha256').update(JSON.stringify(items)).digest('hex');
    const claimed = await db.query(
      `INSERT INTO ingest_requests (operation, idempotency_key, request_hash, result) VALUES ($1, $2, $3, '{}')
       ON CONFLICT DO NOTHING RETURNING 1`,
      [kind.name, key, hash],
    );
    if (claimed.length > 0) return undefined;
    const [stored] = await db.query(
      'SELECT request_hash, result FROM ingest_requests WHERE operation = $1 AND idempotency_key = $2',
      [kind.name, key],
    );
    if (stored.request_hash !== hash) {
      throw badUserInput(`idempotencyKey ${JSON.stringify(key)} was already used for a different ${listFieldOf(kind)} batch`, {
        field: 'input.idempotencyKey',
      });
    }
    return stored.result as IngestResult;
  }
}
