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

// One INSERT ... ON CONFLICT for a whole batch. A row is rewritten only when a value differs, so a
// replayed batch writes nothing and reports every item as unchanged; a soft-deleted row keeps its
// first deletion time, and an item without `deleted` restores it. Rows are written in key order,
// so that concurrent batches over the same keys lock them in the same order and do not deadlock.
export function upsertSql({ table, key, columns, select, returning = [] }: Upsert): string {
  const all = [...key, ...columns, 'deleted_at'];
  const assignments = columns.map((column) => `${column} = excluded.${column}`);
  const current = columns.map((column) => `t.${column}`);
  const proposed = columns.map((column) => `excluded.${column}`);
  return `
    INSERT INTO ${table} AS t (${all.join(', ')})
    ${select}
    ORDER BY ${key.map((_, index) => index + 1).join(', ')}
    ON CONFLICT (${key.join(', ')}) DO UPDATE SET
      ${assignments.join(', ')},
      deleted_at = CASE WHEN excluded.deleted_at IS NULL THEN NULL ELSE coalesce(t.deleted_at, excluded.deleted_at) END,
      updated_at = now()
    WHERE (${[...current, 't.deleted_at IS NULL'].join(', ')})
      IS DISTINCT FROM (${[...proposed, 'excluded.deleted_at IS NULL'].join(', ')})
    RETURNING ${[...returning.map((column) => `t.${column}`), '(t.xmax = 0) AS inserted'].join(', ')}`;
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
