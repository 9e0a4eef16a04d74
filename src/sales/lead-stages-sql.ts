/**
 * One row per lead selected by `where` (over leads l), with the first time it reached each funnel
 * stage, its account and its first touch. A stage is reached at the earliest of its own evidence:
 *   MQL: the score's MQL time, or a lifecycle change to MQL;
 *   SQL: a lifecycle change to SQL;
 *   OPPORTUNITY: creation of a deal it is a contact of, or a lifecycle change to OPPORTUNITY;
 *   WON: the close of a won deal it is a contact of, or a lifecycle change to CUSTOMER;
 * and a lead that reached a later stage has passed every earlier one, no later than that.
 * Every lookup is per lead (the score too, rather than a join that could hash every score ever
 * stored), so the cost follows the leads selected, not the history. `firstTouch` false leaves out first_channel and first_campaign: looking up every lead's first
 * touch is most of the cost, wasted on a report that does not group by it.
 */
export function leadStagesSql(where: string, firstTouch = true): string {
  const firstTouchColumns = firstTouch ? 'ft.channel AS first_channel, ft.campaign AS first_campaign,' : '';
  const firstTouchJoin = firstTouch ? `LEFT JOIN LATERAL (
            SELECT t.channel, c.external_id AS campaign FROM touches t LEFT JOIN campaigns c ON c.id = t.campaign_id
            WHERE t.lead_id = l.id AND t.deleted_at IS NULL ORDER BY t.occurred_at, t.id LIMIT 1) ft ON true` : '';
  return `
    SELECT *, least(mql_own, sql_at) AS mql_at FROM (
      SELECT *, least(sql_own, opportunity_at) AS sql_at FROM (
        SELECT *, least(opportunity_own, won_at) AS opportunity_at FROM (
          SELECT l.id AS lead_id, l.account_id, l.created_at, ${firstTouchColumns}
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
          ${firstTouchJoin}
          WHERE l.deleted_at IS NULL AND ${where}) own) opp) sq`;
}

/**
 * Ids of the leads with evidence of MQL or a later stage in [from, to): an MQL score, a lifecycle
 * change to MQL or later, or a contact of a deal created or won then (deleted rows included: a
 * superset is harmless). mql_at of leadStagesSql is the earliest of such evidence, so every lead
 * that became an MQL in the period is here: a period's report computes the stages of these leads,
 * found through the indexes on those times, instead of those of every lead ever recorded (a cost
 * that grew with history).
 */
export function leadsAdvancingInSql(from: string, to: string): string {
  return `
    SELECT s.lead_id FROM lead_scores s WHERE s.mql_at >= ${from} AND s.mql_at < ${to}
    UNION SELECT c.lead_id FROM lead_stage_changes c
      WHERE c.changed_at >= ${from} AND c.changed_at < ${to} AND c.to_stage IN ('MQL', 'SQL', 'OPPORTUNITY', 'CUSTOMER')
    UNION SELECT dc.lead_id FROM deals d JOIN deal_contacts dc ON dc.deal_id = d.id
      WHERE (d.created_at >= ${from} AND d.created_at < ${to}) OR (d.status = 'WON' AND d.closed_at >= ${from} AND d.closed_at < ${to})`;
}

/**
 * Group keys of a row of leadStagesSql by an attribute of the lead's account (as scoring reads it,
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
