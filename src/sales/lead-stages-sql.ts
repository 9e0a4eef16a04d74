/**
 * One row per lead selected by `where` (over leads l), with the first time it reached each funnel
 * stage and its first touch. A stage is reached at the earliest of its own evidence:
 *   MQL: the score's MQL time, or a lifecycle change to MQL;
 *   SQL: a lifecycle change to SQL;
 *   OPPORTUNITY: creation of a deal it is a contact of, or a lifecycle change to OPPORTUNITY;
 *   WON: the close of a won deal it is a contact of, or a lifecycle change to CUSTOMER;
 * and a lead that reached a later stage has passed every earlier one, no later than that.
 */
export function leadStagesSql(where: string): string {
  return `
    SELECT *, least(mql_own, sql_at) AS mql_at FROM (
      SELECT *, least(sql_own, opportunity_at) AS sql_at FROM (
        SELECT *, least(opportunity_own, won_at) AS opportunity_at FROM (
          SELECT l.id AS lead_id, l.created_at, ft.channel AS first_channel, ft.campaign AS first_campaign,
                 least(s.mql_at, h.mql) AS mql_own, h.sql AS sql_own, least(h.opportunity, dl.opportunity) AS opportunity_own,
                 least(h.won, dl.won) AS won_at
          FROM leads l
          LEFT JOIN lead_scores s ON s.lead_id = l.id
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
            SELECT t.channel, c.external_id AS campaign FROM touches t LEFT JOIN campaigns c ON c.id = t.campaign_id
            WHERE t.lead_id = l.id AND t.deleted_at IS NULL ORDER BY t.occurred_at, t.id LIMIT 1) ft ON true
          WHERE l.deleted_at IS NULL AND ${where}) own) opp) sq`;
}

/** Days from `a` to `b` as a fractional number. */
export const daysSql = (a: string, b: string) => `(extract(epoch FROM ${b} - ${a}) / 86400)::float8`;
