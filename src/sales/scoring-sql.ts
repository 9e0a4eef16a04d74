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

// The closed form below scales each touch's points by 2^halves, halves counted from the lead's
// creation. Within 50 half-lives of it, no factor nears float8's limits and no gap between two
// touches exceeds 100 half-lives (where the stepwise sum stops decaying): both sums are the same
// number but for rounding. Farther touches (old leads, short half-lives) are scored stepwise.
const CLOSED_FORM_HALVES = 50;

// The two sums round differently, each by less than n x 2^-52 of the sum of the lead's |points|
// for n touches: a running score this close to the threshold is scored stepwise, so that no MQL
// time moves.
const CLOSED_FORM_MARGIN = 1e-9;

/** A setting of the rule set in force (rs), computed once for the statement rather than joined to every row. */
const ruleSetSql = (column: string) => `(SELECT ${column} FROM rs)`;

/** 2^(half-lives from `from` to `to`), within 2^±(limit + 1); 1 without decay. */
const growthSql = (to: string, from: string) => `CASE WHEN ${ruleSetSql('half_life_seconds')} IS NULL THEN 1::float8
  ELSE power(2::float8, least(greatest(date_part('epoch', ${to} - ${from}) / ${ruleSetSql('half_life_seconds')},
    ${-CLOSED_FORM_HALVES - 1}), ${CLOSED_FORM_HALVES + 1})) END`;

/**
 * The live touches of the leads `l` (id, created_at, fit) that earn points: the points of the
 * touch's most specific rule (type and channel, then type, then channel).
 */
const earnedSql = (leads: string) => `
  SELECT t.lead_id, t.id, t.occurred_at, r.points, l.fit, ${growthSql('t.occurred_at', 'l.created_at')} AS growth
  FROM ${leads} JOIN touches t ON t.lead_id = l.id
  CROSS JOIN LATERAL (
    SELECT r.points::float8 AS points FROM scoring_rules r
    WHERE r.version = ${ruleSetSql('version')}
      AND (r.touch_type IS NULL OR r.touch_type = t.type) AND (r.channel IS NULL OR r.channel = t.channel)
    ORDER BY (r.touch_type IS NOT NULL) DESC, (r.channel IS NOT NULL) DESC LIMIT 1) r
  WHERE t.deleted_at IS NULL AND t.occurred_at <= now()`;

const TOUCH_ORDER = 'WINDOW touch_order AS (PARTITION BY e.lead_id ORDER BY e.occurred_at, e.id ROWS UNBOUNDED PRECEDING)';

/**
 * Scores every lead, or those ingestion marked stale, under the current rule set, in one
 * statement; the stale marks are cleared (all of them: a full rescore covers them too).
 *
 * The running score at a touch is the fit points plus every earlier touch's points decayed to that
 * moment: sum p_j 2^-(x_i - x_j) = 2^-x_i sum p_j 2^x_j, with x in half-lives since the lead's
 * creation, a native running sum over each lead's touches. Leads out of its range, or whose
 * running score comes near the threshold, take decayed_points (the sum so far decayed by the time
 * since the previous touch, a PL/pgSQL step per touch), one lead at a time. The MQL time is the
 * first moment the score reaches the threshold (a decayed score only falls between touches, so
 * touch times are the only candidates, besides creation when fit alone suffices). Only scores
 * that changed are written: scored_at is when a lead's score last changed. A lead whose MQL time
 * moved is marked for its stages to be stored again.
 */
export function rescoreSql(leads: 'all' | 'stale'): string {
  return `
    WITH claimed AS (DELETE FROM lead_score_stale_leads RETURNING lead_id),
    rs AS (
      SELECT version, threshold::float8 AS threshold, decay_half_life_days, (decay_half_life_days * 86400)::float8 AS half_life_seconds
      FROM (${CURRENT_RULE_SET}) current
    ),
    target_lead AS MATERIALIZED (
      SELECT l.id, l.created_at, l.account_id FROM leads l ${leads === 'stale' ? 'JOIN claimed c ON c.lead_id = l.id' : ''}
    ),
    -- Fit points once per account of the leads scored, looked up by key: joined, every account
    -- ever recorded was scored to rescore a few leads.
    account_fit AS (
      SELECT a.id, sum(f.points)::float8 AS points
      FROM accounts a CROSS JOIN rs JOIN scoring_fit_rules f ON f.version = rs.version
        AND f.value = CASE f.attribute WHEN 'SEGMENT' THEN a.segment WHEN 'INDUSTRY' THEN a.industry ELSE a.size END
      WHERE a.id = ANY (ARRAY(SELECT DISTINCT account_id FROM target_lead WHERE account_id IS NOT NULL))
      GROUP BY a.id
    ),
    target AS MATERIALIZED (
      SELECT l.id, l.created_at, coalesce(af.points, 0) AS fit
      FROM target_lead l LEFT JOIN account_fit af ON af.id = l.account_id
    ),
    closed_form AS (
      SELECT e.lead_id, e.occurred_at, e.fit, e.points, e.growth, sum(e.points * e.growth) OVER touch_order / e.growth AS running
      FROM (${earnedSql('target l')}) e
      ${TOUCH_ORDER}
    ),
    fast AS (
      SELECT r.lead_id, min(r.occurred_at) FILTER (WHERE r.fit + r.running >= ${ruleSetSql('threshold')}) AS crossed_at,
             max(r.occurred_at) AS anchor_at, sum(r.points * r.growth) / max(r.growth) AS touch_points,
             max(r.growth) <= ${2 ** CLOSED_FORM_HALVES} AND min(r.growth) >= ${2 ** -CLOSED_FORM_HALVES}
               AND min(abs(r.fit + r.running - ${ruleSetSql('threshold')})) > ${CLOSED_FORM_MARGIN} * (sum(abs(r.points)) + abs(min(r.fit))) AS exact
      FROM closed_form r
      GROUP BY r.lead_id
    ),
    inexact AS MATERIALIZED (SELECT l.* FROM target l JOIN fast f ON f.lead_id = l.id AND NOT f.exact),
    stepwise AS (
      SELECT l.id AS lead_id, min(r.occurred_at) FILTER (WHERE r.fit + r.points >= rs.threshold) AS crossed_at, max(r.occurred_at) AS anchor_at, max(r.points) FILTER (WHERE r.last) AS touch_points
      FROM inexact l
      CROSS JOIN LATERAL (
        SELECT e.occurred_at, e.fit, decayed_points(e.points, e.occurred_at, rs.decay_half_life_days) OVER touch_order AS points,
               lead(e.id) OVER touch_order IS NULL AS last
        FROM (${earnedSql('(SELECT l.id, l.created_at, l.fit) l')}) e CROSS JOIN rs
        ${TOUCH_ORDER}) r
      CROSS JOIN rs
      GROUP BY l.id
    ),
    scored AS (
      SELECT lead_id, crossed_at, anchor_at, touch_points FROM fast WHERE exact
      UNION ALL
      SELECT lead_id, crossed_at, anchor_at, touch_points FROM stepwise
    ),
    fresh AS (
      SELECT t.id AS lead_id, rs.version AS rules_version, t.fit AS fit_points, coalesce(s.touch_points, 0) AS touch_points,
             s.anchor_at, least(CASE WHEN t.fit >= rs.threshold THEN t.created_at END, s.crossed_at) AS mql_at
      FROM target t CROSS JOIN rs
      LEFT JOIN scored s ON s.lead_id = t.id
    ),
    changed AS MATERIALIZED (
      SELECT f.*, s.mql_at IS DISTINCT FROM f.mql_at AS mql_moved
      FROM fresh f LEFT JOIN lead_scores s ON s.lead_id = f.lead_id
      WHERE (s.rules_version, s.fit_points, s.touch_points, s.anchor_at, s.mql_at)
        IS DISTINCT FROM (f.rules_version, f.fit_points, f.touch_points, f.anchor_at, f.mql_at)
    ),
    written AS (
      INSERT INTO lead_scores (lead_id, rules_version, fit_points, touch_points, anchor_at, mql_at, scored_at)
      SELECT lead_id, rules_version, fit_points, touch_points, anchor_at, mql_at, now() FROM changed
      ON CONFLICT (lead_id) DO UPDATE SET rules_version = excluded.rules_version, fit_points = excluded.fit_points,
        touch_points = excluded.touch_points, anchor_at = excluded.anchor_at, mql_at = excluded.mql_at,
        scored_at = excluded.scored_at
      RETURNING lead_id
    ),
    -- The MQL time is a funnel stage (lead-stages-sql.ts).
    unstaged AS (INSERT INTO lead_stage_stale_leads (lead_id) SELECT lead_id FROM changed WHERE mql_moved ON CONFLICT DO NOTHING)
    SELECT (SELECT count(*) FROM written)::int AS rescored, (SELECT count(*) FROM claimed)::int AS claimed`;
}
