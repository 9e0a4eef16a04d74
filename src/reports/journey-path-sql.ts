import { contactsSql, conversionDaySql, convertSql, dealSql, Params, touchConditions } from './journey-sql';
import { Dimension, JourneyScope } from './report-scope';
import { NO_CAMPAIGN } from './row-keys';

// A touch's key as a token without commas: a channel slug, or a campaign's id (NO_CAMPAIGN for
// none), which the caller turns back into the campaign's externalId. Ids are cheaper to carry
// than externalIds, and need no join.
const TOKEN_SQL: Partial<Record<Dimension, string>> = {
  [Dimension.CHANNEL]: 't.channel',
  [Dimension.CAMPAIGN]: `coalesce(t.campaign_id::text, '${NO_CAMPAIGN}')`,
};

// A journey's tokens in touch order, comma-separated: a text hashes and travels far more cheaply
// than an array.
const tokensSql = (key: Dimension) => `string_agg(${TOKEN_SQL[key]}, ',' ORDER BY t.occurred_at, t.id)`;

/**
 * The journeys of the data-driven models in one statement (ATTRIBUTION.md, "Data-driven models"):
 * every won and lost deal closed in the period, and every lead in no deal whose last touch falls
 * in the period (its touches up to the period's end), each as the sequence of its touches' keys
 * in (occurredAt, id) order (tokens, NULL without touches), counted per distinct sequence, so
 * that only distinct sequences leave the database. Won deals convert and bring their amount in
 * the report currency (value); `missingRate` names a won deal that could not be converted
 * ("EUR 2025-03-01"), if any.
 */
export function journeyPathSql(scope: JourneyScope, key: Dimension): { sql: string; params: unknown[] } {
  const params = new Params();
  const timeZone = params.add(scope.timeZone);
  const deal = dealSql({ ...scope, closedStatuses: ['WON', 'LOST'] }, params, timeZone);
  const dealTouches = touchConditions(scope, params, 'deal.conversion_at', true).join(' AND ');
  const end = scope.to ? `${params.add(scope.to)}::timestamptz` : 'now()';
  const leadTouches = touchConditions(scope, params, end, false).join(' AND ');
  const lastInPeriod = scope.from ? `AND j.last_at >= ${params.add(scope.from)}` : '';
  const day = conversionDaySql('dj.conversion_at', timeZone);
  const value = convertSql('dj.amount_minor', 'dj.currency', day, params, scope);
  // deal and contact are not materialised, so the planner sees the tables (and may scan touches in
  // parallel). Deals are never joined to a derived table, which a misjudged plan could rescan for
  // every deal: the touched ones come from one grouped join (their other columns follow from their
  // id), the others from a hashed NOT IN. Amounts are converted once per deal, after grouping.
  // Each lead in no deal reads its own touches from the (lead, time) index, already in order.
  const sql = `
    WITH deal AS NOT MATERIALIZED (${deal}),
    contact AS NOT MATERIALIZED (${contactsSql(scope.contacts)}),
    touched_deal AS MATERIALIZED (
      SELECT deal.id, deal.status, deal.amount_minor, deal.currency, deal.conversion_at, ${tokensSql(key)} AS tokens
      FROM deal JOIN contact c ON c.deal_id = deal.id JOIN touches t ON t.lead_id = c.lead_id
      WHERE ${dealTouches}
      GROUP BY deal.id, deal.status, deal.amount_minor, deal.currency, deal.conversion_at
    ),
    deal_journey AS (
      SELECT status, amount_minor, currency, conversion_at, tokens FROM touched_deal
      UNION ALL
      SELECT status, amount_minor, currency, conversion_at, NULL FROM deal WHERE id NOT IN (SELECT id FROM touched_deal)
    ),
    lead_journey AS (
      SELECT j.tokens FROM leads l CROSS JOIN LATERAL (
        SELECT ${tokensSql(key)} AS tokens, max(t.occurred_at) AS last_at FROM touches t WHERE t.lead_id = l.id AND ${leadTouches}
      ) j
      WHERE l.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM deal_contacts dc WHERE dc.lead_id = l.id AND dc.deleted_at IS NULL)
        AND j.tokens IS NOT NULL ${lastInPeriod}
    ),
    journey AS (
      SELECT dj.tokens, dj.status = 'WON' AS won, CASE WHEN dj.status = 'WON' THEN (${value})::bigint END AS value,
             CASE WHEN dj.status = 'WON' THEN dj.currency || ' ' || ${day} END AS conversion
      FROM deal_journey dj
      UNION ALL
      SELECT tokens, false, NULL, NULL FROM lead_journey
    )
    SELECT tokens, won, count(*)::int AS journeys, coalesce(sum(value), 0)::text AS value,
           min(conversion) FILTER (WHERE won AND value IS NULL) AS "missingRate"
    FROM journey GROUP BY tokens, won`;
  return { sql, params: params.values };
}
