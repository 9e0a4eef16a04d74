export interface Upsert {
  table: string;
  /** The natural key, e.g. ['external_id']. */
  key: readonly string[];
  /** Every other column written, in the order `select` produces them after the key. */
  columns: readonly string[];
  /** A SELECT producing key columns, then `columns`, then deleted_at. */
  select: string;
  /** Extra columns to return from the written rows (besides `inserted`). */
  returning?: readonly string[];
}

// The CTEs `${name}_fresh`, `${name}_known` and `${name}` (the rows both wrote, with `inserted`) of
// one merge. Rows whose key is new at the statement's snapshot take a plain INSERT: ON CONFLICT's
// speculative insertion costs a quarter more per row (an index probe, a token and a second WAL
// record), the bulk of a large import. The others take INSERT ... ON CONFLICT: a row is rewritten
// only when a value differs, so a replayed batch writes nothing and reports every item as
// unchanged; a soft-deleted row keeps its first deletion time, and an item without `deleted`
// restores it. A key that a concurrent batch commits after the snapshot fails the plain INSERT
// with a unique violation, and mergeStaged runs the merge again, which then sees that row. Rows are
// written in key order, so that concurrent batches over the same keys lock them in the same order.
export function upsertSql(name: string, { table, key, columns, select, returning = [] }: Upsert): string {
  const all = [...key, ...columns, 'deleted_at'];
  const assignments = columns.map((column) => `${column} = excluded.${column}`);
  const current = columns.map((column) => `t.${column}`);
  const proposed = columns.map((column) => `excluded.${column}`);
  const rows = `SELECT * FROM (${select}) AS x (${all.join(', ')})`;
  const known = `EXISTS (SELECT FROM ${table} e WHERE ${key.map((column) => `e.${column} = x.${column}`).join(' AND ')})`;
  const order = `ORDER BY ${key.map((_, index) => index + 1).join(', ')}`;
  const returned = [...returning.map((column) => `t.${column}`), '(t.xmax = 0) AS inserted'].join(', ');
  return `
    ${name}_fresh AS (
      INSERT INTO ${table} AS t (${all.join(', ')})
      ${rows} WHERE NOT ${known} ${order}
      RETURNING ${returned}),
    ${name}_known AS (
      INSERT INTO ${table} AS t (${all.join(', ')})
      ${rows} WHERE ${known} ${order}
      ON CONFLICT (${key.join(', ')}) DO UPDATE SET
        ${assignments.join(', ')},
        deleted_at = CASE WHEN excluded.deleted_at IS NULL THEN NULL ELSE coalesce(t.deleted_at, excluded.deleted_at) END,
        updated_at = now()
      WHERE (${[...current, 't.deleted_at IS NULL'].join(', ')})
        IS DISTINCT FROM (${[...proposed, 'excluded.deleted_at IS NULL'].join(', ')})
      RETURNING ${returned}),
    ${name} AS (SELECT * FROM ${name}_fresh UNION ALL SELECT * FROM ${name}_known)`;
}

export const countsSql = (cte: string) =>
  `SELECT count(*) FILTER (WHERE inserted)::int AS created, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM ${cte}`;

export const registerChannelsSql = (table: string) =>
  `INSERT INTO channels (slug) SELECT DISTINCT channel FROM ${table} WHERE channel IS NOT NULL ON CONFLICT DO NOTHING`;

// Attribution credits are kept per deal (see the touch_credits migration); a merge names what
// it changed so that the next report recomputes just that.
export const staleLeadsSql = (select: string) =>
  `INSERT INTO touch_credit_stale_leads (lead_id) ${select} ON CONFLICT DO NOTHING`;
/** Visitors whose anonymous journey (touches with no lead yet) may have changed. */
export const staleVisitorsSql = (select: string) =>
  `INSERT INTO touch_credit_stale_visitors (visitor_id) ${select} ON CONFLICT DO NOTHING`;
export const staleDealsSql = (select: string) =>
  `INSERT INTO touch_credit_stale_deals (deal_id) ${select} ON CONFLICT DO NOTHING`;
/** Leads whose stored funnel stages (lead-stages-sql.ts) may have moved, other than through their score. */
export const staleLeadStagesSql = (select: string) =>
  `INSERT INTO lead_stage_stale_leads (lead_id) ${select} ON CONFLICT DO NOTHING`;
