import { DataSource } from 'typeorm';
import { Queryable, withTransaction } from '../src/database/sql';

// History grown in SQL: copy k (1..copies) repeats the demo data's accounts, leads, touches, deals,
// their contacts, stage and deal histories, campaign costs and FX rates, shifted back by k times
// the data's span (whole weeks, so weekdays stay), so that copies overlap neither each other nor the
// measured period. A copy's ids are the original's plus k times the table's largest id, so keys stay
// consistent; external ids and emails carry a prefix. Campaigns and channels are shared, as across
// years of real data. The stored results of the refresh are copied the same way (derived below).

type Counter = 'accounts' | 'leads' | 'lead_stage_changes' | 'touches' | 'deals' | 'deal_changes';
const COUNTERS: Counter[] = ['accounts', 'leads', 'lead_stage_changes', 'touches', 'deals', 'deal_changes'];

interface Layout {
  /** Largest id of each table before copying: the originals are the rows at or below it. */
  maxIds: Record<Counter, number>;
  /** The span of the data in days; copy k is shifted back by k times it. */
  spanDays: number;
  /** The first date of the original data: FX rates and costs from it on are originals. */
  firstDate: string;
}

/**
 * A copy of `table`'s rows matching `where`, with `remap` (column -> expression over the row) applied;
 * a column remapped to null takes its default (a new identity).
 */
async function copyRows(db: Queryable, table: string, remap: Record<string, string | null>, where: string): Promise<void> {
  const columns: Array<{ name: string }> = await db.query(`SELECT column_name AS name FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`, [table]);
  const names = columns.map((column) => column.name).filter((name) => remap[name] !== null);
  await db.query(`INSERT INTO ${table} (${names.join(', ')}) OVERRIDING SYSTEM VALUE
    SELECT ${names.map((name) => remap[name] ?? name).join(', ')} FROM ${table} WHERE ${where}`);
}

async function layoutOf(db: Queryable): Promise<Layout> {
  const [row] = await db.query(`SELECT ${COUNTERS.map((table) => `(SELECT coalesce(max(id), 0) FROM ${table})::float8 AS ${table}`).join(', ')},
    (SELECT min(d) FROM (SELECT min(created_at)::date FROM leads UNION ALL SELECT min(occurred_at)::date FROM touches
       UNION ALL SELECT min(created_at)::date FROM deals UNION ALL SELECT min(rate_date) FROM fx_rates
       UNION ALL SELECT min(cost_date) FROM campaign_costs UNION ALL SELECT min(changed_at)::date FROM lead_stage_changes) m(d))::text AS first,
    (SELECT max(d) FROM (SELECT max(created_at)::date FROM leads UNION ALL SELECT max(occurred_at)::date FROM touches
       UNION ALL SELECT max(closed_at)::date FROM deals UNION ALL SELECT max(created_at)::date FROM deals UNION ALL SELECT max(rate_date) FROM fx_rates
       UNION ALL SELECT max(cost_date) FROM campaign_costs UNION ALL SELECT max(changed_at)::date FROM lead_stage_changes) m(d))::text AS last`);
  const days = (Date.parse(row.last) - Date.parse(row.first)) / 86_400_000 + 1;
  return {
    maxIds: Object.fromEntries(COUNTERS.map((table) => [table, row[table]])) as Record<Counter, number>,
    spanDays: Math.ceil(days / 7) * 7,
    firstDate: row.first,
  };
}

/** The source data of copy k: every table a report or the refresh reads its inputs from. */
async function copySources(db: Queryable, { maxIds, spanDays, firstDate }: Layout, k: number): Promise<void> {
  const id = (column: string, table: Counter) => `${column} + ${k * maxIds[table]}`;
  const shift = `interval '${k * spanDays} days'`;
  const tag = (column: string) => `'y${k}-' || ${column}`;
  const account = { account_id: id('account_id', 'accounts') };
  await copyRows(db, 'accounts', { id: id('id', 'accounts'), external_id: tag('external_id'),
    merged_into_id: id('merged_into_id', 'accounts') }, `id <= ${maxIds.accounts}`);
  await copyRows(db, 'leads', { id: id('id', 'leads'), external_id: tag('external_id'), email: tag('email'), ...account,
    merged_into_id: id('merged_into_id', 'leads'), merged_at: `merged_at - ${shift}`, deleted_at: `deleted_at - ${shift}`,
    created_at: `created_at - ${shift}`, stage_changed_at: `stage_changed_at - ${shift}` }, `id <= ${maxIds.leads}`);
  await copyRows(db, 'lead_stage_changes', { id: id('id', 'lead_stage_changes'), lead_id: id('lead_id', 'leads'), ...account,
    changed_at: `changed_at - ${shift}` }, `id <= ${maxIds.lead_stage_changes}`);
  await copyRows(db, 'touches', { id: id('id', 'touches'), external_id: tag('external_id'), lead_id: id('lead_id', 'leads'), ...account,
    occurred_at: `occurred_at - ${shift}`, visitor_id: tag('visitor_id') }, `id <= ${maxIds.touches}`);
  await copyRows(db, 'visitor_links', { visitor_id: tag('visitor_id'), lead_id: id('lead_id', 'leads'),
    identified_at: `identified_at - ${shift}` }, `lead_id <= ${maxIds.leads} AND visitor_id NOT LIKE 'y%'`);
  await copyRows(db, 'deals', { id: id('id', 'deals'), external_id: tag('external_id'), ...account,
    created_at: `created_at - ${shift}`, closed_at: `closed_at - ${shift}` }, `id <= ${maxIds.deals}`);
  await copyRows(db, 'deal_contacts', { deal_id: id('deal_id', 'deals'), lead_id: id('lead_id', 'leads'), ...account }, `deal_id <= ${maxIds.deals}`);
  await copyRows(db, 'deal_changes', { id: id('id', 'deal_changes'), deal_id: id('deal_id', 'deals'), ...account,
    changed_at: `changed_at - ${shift}` }, `id <= ${maxIds.deal_changes}`);
  await copyRows(db, 'campaign_costs', { id: null, cost_date: `cost_date - ${k * spanDays}` }, `cost_date >= '${firstDate}'`);
  await copyRows(db, 'fx_rates', { rate_date: `rate_date - ${k * spanDays}` }, `rate_date >= '${firstDate}'`);
}

/**
 * What the refresh stores for copy k, copied from the originals' rows: the journeys of a copy are
 * the originals' shifted in time, so are their credits, keys, scores and stages (checked: scale-check.ts).
 */
async function copyDerived(db: Queryable, { maxIds, spanDays }: Layout, k: number): Promise<void> {
  const id = (column: string, table: Counter) => `${column} + ${k * maxIds[table]}`;
  const shift = `interval '${k * spanDays} days'`;
  await copyRows(db, 'touch_credits', { deal_id: id('deal_id', 'deals'), touch_id: id('touch_id', 'touches'),
    conversion_at: `conversion_at - ${shift}` }, `deal_id <= ${maxIds.deals}`);
  const touchTimes = `ARRAY(SELECT at - ${shift} FROM unnest(touch_times) WITH ORDINALITY u(at, i) ORDER BY i)`;
  await copyRows(db, 'deal_journey_keys', { deal_id: id('deal_id', 'deals'), closed_at: `closed_at - ${shift}` }, `deal_id <= ${maxIds.deals}`);
  await copyRows(db, 'lead_journey_keys', { lead_id: id('lead_id', 'leads'), last_touch_at: `last_touch_at - ${shift}`, first_touch_at: `first_touch_at - ${shift}`,
    touch_times: touchTimes }, `lead_id <= ${maxIds.leads}`);
  await copyRows(db, 'visitor_journey_keys', { visitor_id: `'y${k}-' || visitor_id`, last_touch_at: `last_touch_at - ${shift}`,
    touch_times: touchTimes }, `visitor_id NOT LIKE 'y%'`);
  await copyRows(db, 'lead_scores', { lead_id: id('lead_id', 'leads'), anchor_at: `anchor_at - ${shift}`, mql_at: `mql_at - ${shift}` },
    `lead_id <= ${maxIds.leads}`);
  const shifted = (...columns: string[]) => Object.fromEntries(columns.map((column) => [column, `${column} - ${shift}`]));
  await copyRows(db, 'lead_stages', { lead_id: id('lead_id', 'leads'), account_id: id('account_id', 'accounts'),
    ...shifted('created_at', 'mql_at', 'sql_at', 'opportunity_at', 'won_at') }, `lead_id <= ${maxIds.leads}`);
}

export interface Growth extends Layout {
  copies: number;
}

/**
 * Adds `copies` shifted copies of the data before it, each in its own transaction. As a superuser,
 * foreign keys and the deal-contact trigger are not checked again (the copies are consistent by
 * construction). Identity counters move past the copies, and statistics are gathered afresh.
 */
export async function growHistory(dataSource: DataSource, copies: number, onCopy: (k: number) => void): Promise<Growth> {
  const layout = await layoutOf(dataSource);
  const [{ superuser }] = await dataSource.query('SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user');
  for (let k = 1; k <= copies; k += 1) {
    await withTransaction(dataSource, {}, async (tx) => {
      if (superuser) await tx.query('SET LOCAL session_replication_role = replica');
      await copySources(tx, layout, k);
      await copyDerived(tx, layout, k);
    });
    onCopy(k);
  }
  for (const table of COUNTERS) {
    await dataSource.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
  }
  await dataSource.query('VACUUM ANALYZE');
  return { ...layout, copies };
}
