/**
 * One row per live lead selected by `where` (over leads l), with the first time it reached each
 * funnel stage, its account and its first touch. A stage is reached at the earliest of its own evidence:
 *   MQL: the score's MQL time, or a lifecycle change to MQL;
 *   SQL: a lifecycle change to SQL;
 *   OPPORTUNITY: creation of a deal it is a contact of, or a lifecycle change to OPPORTUNITY;
 *   WON: the close of a won deal it is a contact of, or a lifecycle change to CUSTOMER;
 * and a lead that reached a later stage has passed every earlier one, no later than that.
 * Every lookup is per lead, so the cost follows the leads selected, not the history. Reports read
 * the stored rows (lead_stages, storedStagesSql); this computes them for the leads marked stale.
 */
function leadStagesSql(where: string): string {
  return `
    SELECT *, least(mql_own, sql_at) AS mql_at FROM (
      SELECT *, least(sql_own, opportunity_at) AS sql_at FROM (
        SELECT *, least(opportunity_own, won_at) AS opportunity_at FROM (
          SELECT l.id AS lead_id, l.account_id, l.created_at, ft.channel AS first_channel, ft.campaign_id AS first_campaign_id,
                 least(sc.mql_at, h.mql) AS mql_own, h.sql AS sql_own, least(h.opportunity, dl.opportunity) AS opportunity_own,
                 least(h.won, dl.won) AS won_at
          FROM leads l
          -- OFFSET 0 keeps the lookup in one place: as an expression it was repeated in every stage above.
          LEFT JOIN LATERAL (SELECT s.mql_at FROM lead_scores s WHERE s.lead_id = l.id OFFSET 0) sc ON true
          LEFT JOIN LATERAL (
            SELECT min(c.changed_at) FILTER (WHERE c.to_stage = 'MQL') AS mql,
                   min(c.changed_at) FILTER (WHERE c.to_stage = 'SQL') AS sql,
                   min(c.changed_at) FILTER (WHERE c.to_stage = 'OPPORTUNITY') AS opportunity,
                   min(c.changed_at) FILTER (WHERE c.to_stage = 'CUSTOMER') AS won
            FROM lead_stage_changes c WHERE c.lead_id = l.id) h ON true
          LEFT JOIN LATERAL (
            SELECT min(d.created_at) AS opportunity, min(d.closed_at) FILTER (WHERE d.status = 'WON') AS won
            FROM deal_contacts dc JOIN deals d ON d.id = dc.deal_id
            WHERE dc.lead_id = l.id AND dc.deleted_at IS NULL AND d.deleted_at IS NULL) dl ON true
          LEFT JOIN LATERAL (
            SELECT t.channel, t.campaign_id FROM touches t
            WHERE t.lead_id = l.id AND t.deleted_at IS NULL ORDER BY t.occurred_at, t.id LIMIT 1) ft ON true
          WHERE l.deleted_at IS NULL AND ${where}) own) opp) sq`;
}

const KEY = 'lead_id';
const STAGES = ['account_id', 'created_at', 'mql_at', 'sql_at', 'opportunity_at', 'won_at', 'first_channel', 'first_campaign_id'];
const COLUMNS = [KEY, ...STAGES].join(', ');

/**
 * Stores the stages of the leads marked stale (by ingestion, or by a rescore: the MQL time is the
 * score's) and clears the marks, in one statement. Only rows that changed are written; a lead no
 * longer live loses its row. Leads are looked up by key (= ANY of an array) whatever the planner
 * guesses of the marks: as a semi-join it scanned every stored row to restage 20 leads.
 */
export const RESTAGE_SQL = `
  WITH claimed AS MATERIALIZED (DELETE FROM lead_stage_stale_leads RETURNING lead_id),
  fresh AS MATERIALIZED (SELECT ${COLUMNS} FROM (${leadStagesSql('l.id = ANY (ARRAY(SELECT lead_id FROM claimed))')}) s),
  removed AS (
    DELETE FROM lead_stages s WHERE s.lead_id = ANY (ARRAY(SELECT lead_id FROM claimed EXCEPT SELECT lead_id FROM fresh))
  )
  INSERT INTO lead_stages AS s (${COLUMNS})
  SELECT ${COLUMNS} FROM fresh
  ON CONFLICT (${KEY}) DO UPDATE SET ${STAGES.map((column) => `${column} = excluded.${column}`).join(', ')}
  WHERE (${STAGES.map((column) => `s.${column}`).join(', ')}) IS DISTINCT FROM (${STAGES.map((column) => `excluded.${column}`).join(', ')})`;

/**
 * The stored stages (lead_stages) of the live leads selected by `where` (over it, as s), with the
 * first touch's campaign by its external id. The period's leads are one range of an index, so the
 * cost follows the period, not the history.
 */
export const storedStagesSql = (where: string) => `
  SELECT s.*, fc.external_id AS first_campaign
  FROM lead_stages s LEFT JOIN campaigns fc ON fc.id = s.first_campaign_id
  WHERE ${where}`;

/**
 * Group keys of a row of storedStagesSql by an attribute of the lead's account (as scoring reads it,
 * deleted or not); NULL for a lead without an account or an account without the attribute.
 */
export const ACCOUNT_GROUP_KEYS = {
  INDUSTRY: '(SELECT a.industry FROM accounts a WHERE a.id = account_id)',
  SEGMENT: '(SELECT a.segment FROM accounts a WHERE a.id = account_id)',
  SIZE: '(SELECT a.size FROM accounts a WHERE a.id = account_id)',
} as const;

/** Days from `a` to `b` as a fractional number. */
export const daysSql = (a: string, b: string) => `(extract(epoch FROM ${b} - ${a}) / 86400)::float8`;

/**
 * The days from `a` to `b` summed over the rows that pass `filter` (0 for none): summed exactly, as
 * numeric seconds, so that the total does not depend on the order the plan reads the rows in.
 */
export const daysSumSql = (a: string, b: string, filter: string) =>
  `(coalesce(sum(extract(epoch FROM ${b} - ${a})) FILTER (WHERE ${filter}), 0) / 86400)::float8`;
