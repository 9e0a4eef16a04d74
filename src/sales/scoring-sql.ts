// SQL pieces shared by scoring and the reports that read scores.

/**
 * Decay factor of points earned at `earnedAt`, seen at `seenAt`, under rule set `rs` (1 without
 * decay). It stops at 2^-100 (nothing, for any score): float8 arithmetic raises an error on
 * underflow rather than reach 0, and touches ~1,100 half-lives old would otherwise break every read.
 */
export const decaySql = (seenAt: string, earnedAt: string, rs = 'rs') =>
  `CASE WHEN ${rs}.decay_half_life_days IS NULL THEN 1::float8
        ELSE power(2::float8, -least(extract(epoch FROM ${seenAt} - ${earnedAt}) / (${rs}.decay_half_life_days * 86400), 100)::float8) END`;

/** A lead's score now, from its lead_scores row `s` and the rule set `rs` that produced it. */
export const currentScoreSql = (s = 's', rs = 'rs') =>
  `(${s}.fit_points + ${s}.touch_points * CASE WHEN ${s}.anchor_at IS NULL THEN 1::float8 ELSE ${decaySql('now()', `${s}.anchor_at`, rs)} END)`;

/** The rule set in force: the latest version. */
export const CURRENT_RULE_SET = 'SELECT * FROM scoring_rule_sets ORDER BY version DESC LIMIT 1';

/**
 * Scores the leads that `target` selects (a SELECT of lead ids) under the current rule set, in one
 * statement. A touch earns the points of its most specific rule (type and channel, then type, then
 * channel). The running score at each touch sums the earlier touches' points decayed to that
 * moment (decayed_points, one pass per lead in touch order), plus the fit points; the MQL time is the first moment it reaches the threshold (a decayed
 * score only falls between touches, so touch times are the only candidates, besides creation when
 * fit alone suffices). `claim` is a data-modifying CTE run first (clearing stale marks).
 */
export function rescoreSql(target: string): string {
  return `
    WITH claimed AS (DELETE FROM lead_score_stale_leads WHERE lead_id IN (${target}) RETURNING lead_id),
    rs AS (${CURRENT_RULE_SET}),
    target AS (SELECT l.id, l.account_id, l.created_at FROM leads l WHERE l.id IN (${target})),
    fit AS (
      SELECT t.id AS lead_id, coalesce(sum(f.points), 0)::float8 AS points
      FROM target t
      LEFT JOIN accounts a ON a.id = t.account_id
      LEFT JOIN scoring_fit_rules f ON f.version = (SELECT version FROM rs)
        AND f.value = CASE f.attribute WHEN 'SEGMENT' THEN a.segment WHEN 'INDUSTRY' THEN a.industry ELSE a.size END
      GROUP BY t.id
    ),
    earned AS (
      SELECT t.lead_id, t.id, t.occurred_at, r.points::float8 AS points
      FROM target JOIN touches t ON t.lead_id = target.id
      CROSS JOIN LATERAL (
        SELECT r.points FROM scoring_rules r
        WHERE r.version = (SELECT version FROM rs)
          AND (r.touch_type IS NULL OR r.touch_type = t.type) AND (r.channel IS NULL OR r.channel = t.channel)
        ORDER BY (r.touch_type IS NOT NULL) DESC, (r.channel IS NOT NULL) DESC LIMIT 1) r
      WHERE t.deleted_at IS NULL AND t.occurred_at <= now()
    ),
    running AS (
      SELECT e.lead_id, e.occurred_at, decayed_points(e.points, e.occurred_at, rs.decay_half_life_days) OVER touch_order AS points,
             row_number() OVER touch_order = count(*) OVER (PARTITION BY e.lead_id) AS last
      FROM earned e CROSS JOIN rs
      WINDOW touch_order AS (PARTITION BY e.lead_id ORDER BY e.occurred_at, e.id ROWS UNBOUNDED PRECEDING)
    ),
    crossed AS (
      SELECT r.lead_id, min(r.occurred_at) AS at
      FROM running r JOIN fit f USING (lead_id) CROSS JOIN rs
      WHERE f.points + r.points >= rs.threshold
      GROUP BY r.lead_id
    ),
    written AS (
      INSERT INTO lead_scores (lead_id, rules_version, fit_points, touch_points, anchor_at, mql_at, scored_at)
      SELECT t.id, rs.version, f.points, coalesce(last.points, 0), last.occurred_at,
             least(CASE WHEN f.points >= rs.threshold THEN t.created_at END, crossed.at), now()
      FROM target t CROSS JOIN rs
      JOIN fit f ON f.lead_id = t.id
      LEFT JOIN running last ON last.lead_id = t.id AND last.last
      LEFT JOIN crossed ON crossed.lead_id = t.id
      ON CONFLICT (lead_id) DO UPDATE SET rules_version = excluded.rules_version, fit_points = excluded.fit_points,
        touch_points = excluded.touch_points, anchor_at = excluded.anchor_at, mql_at = excluded.mql_at,
        scored_at = excluded.scored_at
      RETURNING lead_id
    )
    SELECT (SELECT count(*) FROM written)::int AS rescored, (SELECT count(*) FROM claimed)::int AS claimed`;
}
