import { Queryable } from './sql';

/**
 * ANALYZEs those of `tables` that have no planner statistics yet, or changed past autovacuum's
 * own threshold (50 rows and 10%) since their last ones. Autovacuum gets there within a minute or
 * so; a statement planned before that with row estimates of 1 can nest loops over every row (a
 * refresh of 355 deals once took 13 s instead of 2). Tables never analyzed are caught at once;
 * other sessions' changes reach the statistics views a little after their commit.
 */
export async function analyzeOutdated(db: Queryable, tables: readonly string[]): Promise<void> {
  const rows = await db.query<Array<{ name: string }>>(`
    SELECT quote_ident(c.relname) AS name
    FROM pg_class c JOIN pg_stat_user_tables s ON s.relid = c.oid
    WHERE s.schemaname = current_schema() AND c.relname = ANY($1::text[])
      AND (c.reltuples < 0 OR s.n_mod_since_analyze > 50 + 0.1 * c.reltuples)`, [tables]);
  if (rows.length > 0) await db.query(`ANALYZE ${rows.map(({ name }) => name).join(', ')}`);
}

// Queue tables hold marks that are claimed in bulk: fewer rows than this need no fresh statistics.
const QUEUE_ROWS_TRUSTED = 1000;

/**
 * ANALYZEs a queue table (marks claimed all at once by one statement) that holds far more rows
 * than its planner statistics say. A queue is mostly empty, so its statistics often say "empty"
 * (autovacuum, or any ANALYZE, found it drained): the statement that claims a bulk of marks is
 * then planned for one row and joins them all pairwise. A rescore of 96,877 leads ran for over
 * ten minutes so, against 2 s with fresh statistics. Counting a queue costs a few milliseconds.
 */
export async function analyzeQueue(db: Queryable, table: string): Promise<void> {
  const [{ outdated }] = await db.query<Array<{ outdated: boolean }>>(`
    SELECT (SELECT count(*) FROM ${table}) > 2 * greatest(c.reltuples, 0) + $2 AS outdated
    FROM pg_class c WHERE c.oid = $1::regclass`, [table, QUEUE_ROWS_TRUSTED]);
  if (outdated) await db.query(`ANALYZE ${table}`);
}
