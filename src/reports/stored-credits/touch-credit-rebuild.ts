import { setTimeout as sleep } from 'node:timers/promises';
import { escapeLiteral } from 'pg';
import { ConversionBasis } from '../../attribution/journey';
import { BinaryCopyRows } from '../../database/binary-copy';
import { Connection, Queryable, Transaction } from '../../database/sql';
import { copyCreditRows } from './touch-credit-rows';

// A re-credit of (nearly) every deal (a new reporting currency, a migration, a backfill) spent half of
// PostgreSQL's time deleting the old rows and maintaining three indexes row by row. Such a
// re-credit instead loads every deal's credits into a new, unindexed table per basis, indexes it
// in bulk and swaps it in for the old partition in one short transaction. Like TRUNCATE, the swap
// is not MVCC-safe: a REPEATABLE READ transaction whose snapshot predates the load and that first
// reads touch_credits after the swap sees no credits. The service's own reports take their
// snapshot only after the refresh they wait for.

/** Each basis's partition of touch_credits (migrations/1763900000000-touch-credits.ts). */
const PARTITIONS: ReadonlyArray<[ConversionBasis, string]> = [
  [ConversionBasis.REVENUE, 'touch_credits_revenue'], [ConversionBasis.PIPELINE, 'touch_credits_pipeline'],
];
const NEXT = '_next';

/** The deals a rebuild has yet to credit, claimed in chunks as touch_credit_stale_deals are. */
export const REBUILD_QUEUE = 'touch_credit_rebuild_deals';

/** Every table a rebuild creates, and drops or swaps in. */
const REBUILD_TABLES = [REBUILD_QUEUE, ...PARTITIONS.map(([, partition]) => `${partition}${NEXT}`)];

/** The table a rebuild loads a basis's credits into. */
export function rebuildTable(basis: ConversionBasis): string {
  return `${PARTITIONS.find(([candidate]) => candidate === basis)![1]}${NEXT}`;
}

// A rebuild credits every deal, each at 80-90% of the cost of replacing its rows (BENCHMARKS.md,
// "Crediting"): it pays only when nearly every deal is stale.
const REBUILD_SHARE = 0.9;

/**
 * Whether nearly every deal, and at least `minimumDeals`, is marked stale, after dropping what an
 * unfinished rebuild left (abandonRebuild): one round trip for a refresh with little to do, which
 * every stored report runs first.
 */
export async function rebuildDue(connection: Connection, minimumDeals: number): Promise<boolean> {
  // Most refreshes find a few stale deals or none: the deals are counted only when there are enough.
  const [{ left, enough }] = await connection.query<Array<{ left: boolean; enough: boolean }>>(`
    SELECT (SELECT bool_or(to_regclass(name) IS NOT NULL) FROM unnest($1::text[]) name) AS left,
           (SELECT count(*) >= $2 FROM (SELECT FROM touch_credit_stale_deals LIMIT $2) marked) AS enough`, [REBUILD_TABLES, minimumDeals]);
  if (left) await abandonRebuild(connection);
  else if (!enough) return false;
  const [{ stale, deals }] = await connection.query<Array<{ stale: number; deals: number }>>(`
    SELECT (SELECT count(*) FROM touch_credit_stale_deals)::int AS stale, (SELECT count(*) FROM deals)::int AS deals`);
  return stale >= minimumDeals && stale >= REBUILD_SHARE * deals;
}

/**
 * Starts a rebuild, in one transaction: the new tables, every deal queued, and every stale mark
 * claimed. A deal marked after this keeps its mark for the refresh after the swap.
 */
export function startRebuild(connection: Connection): Promise<void> {
  return connection.transaction({}, async (tx) => {
    // The columns' own statistics targets, which CREATE TABLE ... LIKE does not copy.
    const [{ targets }] = await tx.query<Array<{ targets: string | null }>>(`
      SELECT string_agg(format('ALTER COLUMN %I SET STATISTICS %s', attname, attstattarget), ', ') AS targets
      FROM pg_attribute WHERE attrelid = 'touch_credits'::regclass AND attnum > 0 AND NOT attisdropped AND attstattarget >= 0`);
    for (const [basis, partition] of PARTITIONS) {
      // Autovacuum would scan the table as it loads; it is analyzed once, before the swap.
      await tx.query(`CREATE TABLE ${partition}${NEXT} (LIKE touch_credits INCLUDING DEFAULTS,
        CONSTRAINT ${partition}${NEXT}_basis CHECK (basis = ${escapeLiteral(basis)})) WITH (autovacuum_enabled = false)`);
      if (targets) await tx.query(`ALTER TABLE ${partition}${NEXT} ${targets}`);
    }
    await tx.query(`CREATE UNLOGGED TABLE ${REBUILD_QUEUE} (deal_id bigint PRIMARY KEY)`);
    await tx.query(`INSERT INTO ${REBUILD_QUEUE} (deal_id) SELECT id FROM deals`);
    await tx.query('DELETE FROM touch_credit_stale_deals');
  });
}

/** A chunk's rows on each basis. */
export type BasisRows = ReadonlyArray<readonly [ConversionBasis, BinaryCopyRows]>;

/** Takes a rebuild's rows, chunk by chunk, into the transaction that loads the new tables. */
export interface RebuildLoader {
  /**
   * Queues a chunk's rows; resolves once the chunks queued before it are copied (so a connection
   * holds at most the rows of the chunk it credits and of the one being copied), and rejects
   * once any copy has failed.
   */
  copy(rows: BasisRows): Promise<void>;
}

/**
 * Runs `load` (the chunks, on other connections) with a loader that copies their rows into the
 * new tables on `writer`, one chunk at a time, in one transaction: a chunk's connection goes on
 * to the next chunk while its rows are copied, where it used to wait for its own COPYs.
 */
export function loadRebuild<T>(writer: Connection, load: (loader: RebuildLoader) => Promise<T>): Promise<T> {
  return writer.transaction({}, async (tx) => {
    let copied: Promise<void> = Promise.resolve();
    // The first failed copy: it fails every chunk queued after it, and the load.
    let failure: { error: unknown } | undefined;
    const copy = async (rows: BasisRows) => {
      for (const [basis, basisRows] of rows) if (!failure) await copyCreditRows(tx, rebuildTable(basis), basisRows);
    };
    const loaded = await load({
      copy: async (rows) => {
        const before = copied;
        copied = before.then(() => copy(rows)).catch((error: unknown) => { failure ??= { error }; });
        await before;
        if (failure) throw failure.error;
      },
    });
    await copied;
    if (failure) throw failure.error;
    return loaded;
  });
}

/**
 * Drops what a rebuild that did not finish (a crash, a failed chunk) left behind, and marks every
 * deal stale again: its chunks claimed the stale marks of deals whose credits were never swapped in.
 */
function abandonRebuild(connection: Connection): Promise<void> {
  return connection.transaction({}, async (tx) => {
    await tx.query(`DROP TABLE IF EXISTS ${REBUILD_TABLES.join(', ')}`);
    await tx.query('INSERT INTO touch_credit_stale_deals (deal_id) SELECT id FROM deals ON CONFLICT DO NOTHING');
  });
}

// Bulk index builds: a 900k-row partition's indexes sort in memory. The two connections already
// build two at a time: parallel workers would only compete with them for the cores.
const INDEX_SETTINGS = { maintenance_work_mem: '256MB', max_parallel_maintenance_workers: '0' };

/** A partition's indexes, as the catalog has them. */
function indexesOf(db: Queryable, partition: string): Promise<Array<{ name: string; unique: boolean; definition: string }>> {
  return db.query(`
    SELECT i.relname AS name, x.indisunique AS unique, pg_get_indexdef(i.oid) AS definition
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = $1::regclass`, [partition]);
}

/** The statements that build a new table's indexes, as its partition has them. */
async function indexBuildsOf(db: Queryable, partition: string): Promise<string[]> {
  const indexes = await indexesOf(db, partition);
  return indexes.map(({ name, unique, definition }) =>
    `CREATE ${unique ? 'UNIQUE ' : ''}INDEX ${name}${NEXT} ON ${partition}${NEXT}${definition.slice(definition.indexOf(' USING '))}`);
}

/**
 * Runs the statements on both connections, each taking the next as it finishes one, each in a
 * transaction of its own: ANALYZE and CREATE INDEX lock a table against each other until their
 * transaction ends, and in one transaction per connection the other connection's index builds
 * waited for all of this one's statements (half of the finish's time).
 */
async function runBeside(connections: readonly Connection[], statements: readonly string[]): Promise<void> {
  const queue = [...statements];
  await Promise.all(connections.map(async (connection) => {
    for (let statement = queue.shift(); statement !== undefined; statement = queue.shift()) {
      const next = statement;
      await connection.transaction({ settings: INDEX_SETTINGS }, (tx) => tx.query(next));
    }
  }));
}

/** In one transaction: each new table in for its partition, under the partition's names. */
async function swap(tx: Transaction): Promise<void> {
  for (const [basis, partition] of PARTITIONS) {
    const indexes = await indexesOf(tx, partition);
    await tx.query(`ALTER TABLE touch_credits DETACH PARTITION ${partition}`);
    await tx.query(`DROP TABLE ${partition}`);
    // The CHECK constraint spares ATTACH a scan for rows outside the partition; the indexes match the parent's and are attached as they are.
    await tx.query(`ALTER TABLE touch_credits ATTACH PARTITION ${partition}${NEXT} FOR VALUES IN (${escapeLiteral(basis)})`);
    await tx.query(`ALTER TABLE ${partition}${NEXT} DROP CONSTRAINT ${partition}${NEXT}_basis, RESET (autovacuum_enabled)`);
    await tx.query(`ALTER TABLE ${partition}${NEXT} RENAME TO ${partition}`);
    for (const { name } of indexes) await tx.query(`ALTER INDEX ${name}${NEXT} RENAME TO ${name}`);
  }
  await tx.query(`DROP TABLE ${REBUILD_QUEUE}`);
}

// The swap waits for the readers already in touch_credits, and readers arriving meanwhile queue
// behind it: one long reader (a BI query may run for a minute) would hold every report back. So
// the swap gives up waiting after a moment, lets the queue drain and tries again; the last time,
// it waits as long as it takes (0: no limit).
const SWAP_LOCK_TIMEOUTS = ['2s', '2s', '2s', '2s', '0'];
const SWAP_RETRY_MS = 1000;
// SQLSTATE lock_not_available: what lock_timeout raises.
const LOCK_NOT_AVAILABLE = '55P03';

/**
 * Ends a rebuild whose queue is empty: the new tables analyzed and indexed on both connections,
 * then swapped in for the old partitions in one transaction that holds readers back only while
 * the catalog changes.
 */
export async function finishRebuild(connection: Connection, other: Connection): Promise<void> {
  // The largest partition first (PIPELINE holds every deal), so that neither connection waits long
  // for the other; the statistics last, each table's once its indexes are built (an ANALYZE waits for them).
  const largestFirst = [...PARTITIONS].reverse().map(([, partition]) => partition);
  const builds = await Promise.all(largestFirst.map((partition) => indexBuildsOf(connection, partition)));
  await runBeside([connection, other], [...builds.flat(), ...largestFirst.map((partition) => `ANALYZE ${partition}${NEXT}`)]);
  for (const [attempt, timeout] of SWAP_LOCK_TIMEOUTS.entries()) {
    try {
      return await connection.transaction({ settings: { lock_timeout: timeout } }, swap);
    } catch (error) {
      if ((error as { code?: unknown }).code !== LOCK_NOT_AVAILABLE || attempt === SWAP_LOCK_TIMEOUTS.length - 1) throw error;
      await sleep(SWAP_RETRY_MS);
    }
  }
}
