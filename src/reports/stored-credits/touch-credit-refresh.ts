import { DataSource } from 'typeorm';
import { ConversionBasis } from '../../attribution/journey';
import { BinaryCopyRows } from '../../database/binary-copy';
import { Connection, Transaction, withConnection } from '../../database/sql';
import { analyzeOutdated } from '../../database/statistics';
import { refreshDealJourneyKeys, refreshLeadJourneyKeys, refreshVisitorJourneyKeys } from './journey-keys-refresh';
import { streamJourneys } from '../journeys/journey-stream';
import { ContactsRule, JourneyScope } from '../report-scope';
import { BasisRows, finishRebuild, loadRebuild, REBUILD_QUEUE, RebuildLoader, rebuildDue, startRebuild } from './touch-credit-rebuild';
import { copyCreditRows, writeCreditRows } from './touch-credit-rows';

// Each chunk's journeys are read by index, so small chunks cost no extra pass over touches. On the
// large demo data, 1,000 deals took a little less time and CPU than 2,000 (peak RSS 240 MB against
// 250-330 MB); at 5,000 the planner hashed whole tables and PostgreSQL worked three times as long.
const CHUNK_DEALS = 1000;
// The tables every journey is read from.
const JOURNEY_TABLES = ['deals', 'deal_contacts', 'leads', 'touches'];
// Any constant: serialises refreshes across processes sharing the database.
const REFRESH_LOCK = 727_311_001;

const storedScope = (basis: ConversionBasis, dealIds: string[], currency: string): JourneyScope => ({
  basis, dealIds, currency, baseCurrency: currency, timeZone: 'UTC', contacts: ContactsRule.DEAL_CONTACTS, periods: [],
  touchDetails: { sourceMedium: true },
});

/**
 * The deals' rows on one basis: each journey read once and credited in the process under every
 * stored model (touch-credit-rows.ts), as binary COPY rows. Crediting the position models in SQL
 * instead read and sorted every journey a second time, and spent a third of a full re-credit's
 * time in PostgreSQL on window functions, joins and single-row inserts.
 */
async function creditRows(tx: Transaction, scope: JourneyScope): Promise<BinaryCopyRows> {
  const rows = new BinaryCopyRows();
  for await (const deal of streamJourneys(tx.client, scope)) writeCreditRows(rows, deal, scope.basis, scope.currency);
  return rows;
}

// A chunk's journeys are a few percent of the touches: read by index (touches_lead_time_idx), not
// by hashing the whole table, which the planner chose at the default cost of random reads. The
// journeys' estimates (a million rows) made PostgreSQL 15 JIT-compile such statements for seconds.
// Credits are derived data and a chunk consumes its stale marks in its own transaction: a commit
// lost in a crash loses the marks' deletion with it, and the deals are credited again; so a
// chunk need not wait for its commit to reach the disk.
const CHUNK_SETTINGS = { jit: 'off', work_mem: '64MB', random_page_cost: '1.1', synchronous_commit: 'off' };

/**
 * Where a chunk's deals come from and where their credits go: the stale marks, with the deals'
 * old rows replaced in touch_credits; or a rebuild's queue, its rows handed to the rebuild's
 * loader (touch-credit-rebuild.ts).
 */
interface ChunkTarget {
  queue: string;
  replacesRows: boolean;
  copy(tx: Transaction, rows: BasisRows): Promise<void>;
}

const STALE_DEALS: ChunkTarget = {
  queue: 'touch_credit_stale_deals',
  replacesRows: true,
  copy: async (tx, rows) => {
    for (const [, basisRows] of rows) await copyCreditRows(tx, 'touch_credits', basisRows);
  },
};
const rebuildTarget = (loader: RebuildLoader): ChunkTarget => ({
  queue: REBUILD_QUEUE,
  replacesRows: false,
  copy: (_tx, rows) => loader.copy(rows),
});

const BASES = [ConversionBasis.REVENUE, ConversionBasis.PIPELINE];

// One chunk in one transaction: the deals are claimed (their marks deleted) first, so a deal changed
// while it is being credited is marked again and credited again on the next refresh.
function refreshChunk(connection: Connection, currency: string, target: ChunkTarget): Promise<number> {
  return connection.transaction({ settings: CHUNK_SETTINGS }, async (tx) => {
    const rows: Array<{ id: string }> = await tx.query(`
      DELETE FROM ${target.queue} WHERE deal_id IN (
        SELECT deal_id FROM ${target.queue} ORDER BY deal_id LIMIT $1 FOR UPDATE SKIP LOCKED)
      RETURNING deal_id::text AS id`, [CHUNK_DEALS]);
    const dealIds = rows.map((row) => row.id);
    if (dealIds.length > 0) {
      await refreshDealJourneyKeys(tx, dealIds);
      if (target.replacesRows) await tx.query('DELETE FROM touch_credits WHERE deal_id = ANY($1::bigint[])', [dealIds]);
      const rows: Array<[ConversionBasis, BinaryCopyRows]> = [];
      for (const basis of BASES) rows.push([basis, await creditRows(tx, storedScope(basis, dealIds, currency))]);
      await target.copy(tx, rows);
    }
    return dealIds.length;
  });
}

// Chunks until none is left, or until `stopped` (the other connection's chunk failed).
async function creditRemaining(connection: Connection, currency: string, target: ChunkTarget, stopped = () => false): Promise<number> {
  let credited = 0;
  for (let chunk = await refreshChunk(connection, currency, target); chunk > 0 && !stopped(); chunk = await refreshChunk(connection, currency, target)) {
    credited += chunk;
  }
  return credited;
}

// More than a chunk: a second connection credits chunks beside this one (chunks claim their deals
// with SKIP LOCKED), so that PostgreSQL reads one chunk's journeys while Node credits another's.
// When one fails, the other stops after its chunk: neither connection (nor a rebuild's loading
// transaction) is handed back to the pool while a chunk still uses it.
async function creditBeside(connection: Connection, other: Connection, currency: string, target: ChunkTarget): Promise<number> {
  let failed = false;
  const credit = (on: Connection) => creditRemaining(on, currency, target, () => failed).catch((error: unknown) => {
    failed = true;
    throw error;
  });
  const [here, beside] = await Promise.allSettled([credit(connection), credit(other)]);
  if (here.status === 'rejected') throw here.reason;
  if (beside.status === 'rejected') throw beside.reason;
  return here.value + beside.value;
}

/** How a refresh credits. */
export interface RefreshOptions {
  /** The fewest stale deals that make a refresh rebuild the credits rather than replace their rows. */
  readonly rebuildFrom?: number;
}

// Below a few chunks, the rebuild's fixed costs (new tables, indexes, the swap) outweigh its savings.
const REBUILD_FROM = 4 * CHUNK_DEALS;

/**
 * Brings touch_credits and the journey keys up to date: every lead marked stale gets its keys
 * again, and every deal marked stale (directly, or through a changed lead) its keys and its
 * credits under every stored model, in chunks, on up to two connections, holding one chunk per
 * connection in memory at a time; when nearly every deal is stale, every deal, into new tables
 * loaded on a third connection and swapped in at the end (touch-credit-rebuild.ts), holding up to
 * two chunks per connection. Returns the number of deals credited.
 */
export function refreshTouchCredits(dataSource: DataSource, currency: string, options: RefreshOptions = {}): Promise<number> {
  return withConnection(dataSource, async (connection) => {
    await connection.query('SELECT pg_advisory_lock($1)', [REFRESH_LOCK]);
    try {
      // Credits are kept in the reporting currency: a new one makes every stored credit stale.
      // Unchanged, nothing is written, not even a row lock: a refresh with nothing to do leaves the
      // database snapshot as it was, and the report cache keeps its answers (report-cache.ts).
      await connection.query(`
        WITH changed AS (
          INSERT INTO touch_credit_currency (currency)
          SELECT $1 WHERE NOT EXISTS (SELECT 1 FROM touch_credit_currency WHERE currency = $1)
          ON CONFLICT (single) DO UPDATE SET currency = EXCLUDED.currency
          RETURNING 1
        )
        INSERT INTO touch_credit_stale_deals (deal_id)
        SELECT id FROM deals WHERE EXISTS (SELECT 1 FROM changed)
        ON CONFLICT DO NOTHING`, [currency]);
      // Right after a bulk ingestion, the journeys below would be planned without statistics.
      await analyzeOutdated(connection, JOURNEY_TABLES);
      await refreshLeadJourneyKeys(connection);
      await refreshVisitorJourneyKeys(connection);
      if (await rebuildDue(connection, options.rebuildFrom ?? REBUILD_FROM)) {
        await startRebuild(connection);
        const rebuilt = await withConnection(dataSource, async (other) => {
          const credited = await withConnection(dataSource, (writer) =>
            loadRebuild(writer, (loader) => creditBeside(connection, other, currency, rebuildTarget(loader))));
          await finishRebuild(connection, other);
          return credited;
        });
        // Deals marked while the rebuild ran.
        return rebuilt + await creditRemaining(connection, currency, STALE_DEALS);
      }
      const first = await refreshChunk(connection, currency, STALE_DEALS);
      if (first < CHUNK_DEALS) return first;
      return first + await withConnection(dataSource, (other) => creditBeside(connection, other, currency, STALE_DEALS));
    } finally {
      await connection.query('SELECT pg_advisory_unlock($1)', [REFRESH_LOCK]).catch(() => undefined);
    }
  });
}
