import { convertSql } from '../currency';
import { contactTouchesSql, contactsSql, conversionDaySql, dealSql, touchConditions } from './journey-sql';
import { SqlParams } from '../../database/sql';
import { Dimension, JourneyScope } from '../report-scope';
import { NO_CAMPAIGN } from '../row-keys';

// A touch's key as a token without commas: a channel slug, or a campaign's id (NO_CAMPAIGN for
// none), which the caller turns back into the campaign's externalId. Ids are cheaper to carry
// than externalIds, and need no join.
const TOKEN_SQL: Partial<Record<Dimension, string>> = {
  [Dimension.CHANNEL]: 't.channel',
  [Dimension.CAMPAIGN]: `coalesce(t.campaign_id::text, '${NO_CAMPAIGN}')`,
};

// Touches in journey order.
const TOUCH_ORDER = 'ORDER BY t.occurred_at, t.id';

// A journey's tokens in touch order, comma-separated: a text hashes and travels far more cheaply
// than an array.
const tokensSql = (key: Dimension) => `string_agg(${TOKEN_SQL[key]}, ',' ${TOUCH_ORDER})`;

/** The tokens of the touches t of each group by channel and by campaign: the stored columns. */
export const keyTokensSql = () => `${tokensSql(Dimension.CHANNEL)} AS channels, ${tokensSql(Dimension.CAMPAIGN)} AS campaigns`;

/**
 * When each touch t of the group happened, in the order of its tokens: the stored touch_times, from
 * which a report cuts a journey at its period's end (storedJourneys) rather than read its touches.
 */
export const keyTimesSql = () => `array_agg(t.occurred_at ${TOUCH_ORDER}) AS touch_times`;

// The columns of deal_journey_keys and lead_journey_keys that hold each key's tokens.
const STORED_COLUMN: Partial<Record<Dimension, string>> = { [Dimension.CHANNEL]: 'channels', [Dimension.CAMPAIGN]: 'campaigns' };

/** A lead (l) whose touches make a journey of its own: not deleted, and no deal's contact. */
export const LEAD_IN_NO_DEAL = `l.deleted_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM deal_contacts dc WHERE dc.lead_id = l.id AND dc.deleted_at IS NULL)`;

interface JourneyParts {
  scope: JourneyScope;
  key: Dimension;
  params: SqlParams;
  /** Where lead journeys end: the period's end, or now. */
  end: string;
  /** The period's start, if any: a lead's journey counts when its last touch is in the period. */
  from?: string;
}

// The lead's last touch (lastAt) is in the period.
const since = (lastAt: string, from: string | undefined) => (from ? `AND ${lastAt} >= ${from}` : '');

// Each lead in no deal reads its own touches, up to the end, from the (lead, time) index, already in order.
function builtLeadJourneys({ scope, key, params, end, from }: JourneyParts): string {
  const conditions = touchConditions(scope, params, end, false).join(' AND ');
  return `SELECT j.tokens FROM leads l CROSS JOIN LATERAL (
        SELECT ${tokensSql(key)} AS tokens, max(t.occurred_at) AS last_at FROM touches t WHERE t.lead_id = l.id AND ${conditions}
      ) j
      WHERE ${LEAD_IN_NO_DEAL} AND j.tokens IS NOT NULL ${since('j.last_at', from)}`;
}

// Visitors never identified: their anonymous touches (no lead) up to the end, like a lead in no deal.
function builtVisitorJourneys({ scope, params, key, end, from }: JourneyParts): string {
  const conditions = touchConditions(scope, params, end, false).join(' AND ');
  return `SELECT j.tokens FROM (
        SELECT ${tokensSql(key)} AS tokens, max(t.occurred_at) AS last_at
        FROM touches t WHERE t.lead_id IS NULL AND t.visitor_id IS NOT NULL AND ${conditions} GROUP BY t.visitor_id
      ) j
      WHERE j.tokens IS NOT NULL ${since('j.last_at', from)}`;
}

// Deals are never joined to a derived table, which a misjudged plan could rescan for every deal:
// the touched ones come from one grouped join (their other columns follow from their id), the
// others from a hashed NOT IN.
function builtJourneys(parts: JourneyParts): string {
  const dealTouches = touchConditions(parts.scope, parts.params, 'deal.conversion_at', true);
  return `
    contact AS NOT MATERIALIZED (${contactsSql(parts.scope.contacts)}),
    touched_deal AS MATERIALIZED (
      SELECT deal.id, deal.status, deal.amount_minor, deal.currency, deal.minor_units, deal.conversion_at, ${tokensSql(parts.key)} AS tokens
      FROM ${contactTouchesSql(['id', 'occurred_at', 'channel', 'campaign_id'], dealTouches)}
      GROUP BY deal.id, deal.status, deal.amount_minor, deal.currency, deal.minor_units, deal.conversion_at
    ),
    deal_journey AS (
      SELECT status, amount_minor, currency, minor_units, conversion_at, tokens FROM touched_deal
      UNION ALL
      SELECT status, amount_minor, currency, minor_units, conversion_at, NULL FROM deal WHERE id NOT IN (SELECT id FROM touched_deal)
    ),
    lead_journey AS (${builtLeadJourneys(parts)} UNION ALL ${builtVisitorJourneys(parts)})`;
}

// The stored keys k of a lead or visitor touched after the end, cut there: the tokens of its touches
// before the end (a prefix, as its touch_times ascend), if that journey's last touch is in the period.
function cutJourneys(table: string, tokens: string, { end, from }: JourneyParts, before: string): string {
  return `SELECT array_to_string((string_to_array(${tokens}, ','))[1:c.n], ',') FROM ${table} k
      CROSS JOIN LATERAL (SELECT count(*)::int AS n FROM unnest(k.touch_times) touched_at WHERE touched_at < ${end}) c
      WHERE k.last_touch_at >= ${end} AND ${before} < ${end} AND c.n > 0 ${since('k.touch_times[c.n]', from)}`;
}

// The refreshed keys: one row per deal and per lead in no deal. Leads and visitors touched past the
// end are cut there (cutJourneys). A stored lead is a lead in no deal: checking again (a lookup of
// the lead and of its contacts) cost a hash of every deal contact ever recorded, a cost that grows
// with history. A deal's keys are found by its close time too, one range of their index for the
// period (a data-driven report converts at closed_at), rather than looked up per deal.
function storedJourneys(parts: JourneyParts): string {
  const column = STORED_COLUMN[parts.key];
  const closedIn = `${parts.from ? `AND k.closed_at >= ${parts.from}` : ''} ${parts.scope.to ? `AND k.closed_at < ${parts.end}` : ''}`;
  return `
    deal_journey AS (
      SELECT deal.status, deal.amount_minor, deal.currency, deal.minor_units, deal.conversion_at, k.${column} AS tokens
      FROM deal LEFT JOIN deal_journey_keys k ON k.deal_id = deal.id ${closedIn}
    ),
    lead_journey AS (
      SELECT k.${column} AS tokens FROM lead_journey_keys k
      WHERE k.last_touch_at < ${parts.end} ${since('k.last_touch_at', parts.from)}
      UNION ALL
      ${cutJourneys('lead_journey_keys', `k.${column}`, parts, 'k.first_touch_at')}
      UNION ALL
      SELECT k.${column} FROM visitor_journey_keys k
      WHERE k.last_touch_at < ${parts.end} ${since('k.last_touch_at', parts.from)}
      UNION ALL
      ${cutJourneys('visitor_journey_keys', `k.${column}`, parts, 'k.touch_times[1]')}
    )`;
}

/**
 * The journeys of the data-driven models in one statement (docs/attribution.md, "Data-driven models"):
 * every won and lost deal closed in the period, and every lead in no deal and every visitor never
 * identified whose last touch falls in the period (its touches up to the period's end), each as the sequence of its touches' keys
 * in (occurredAt, id) order (tokens, NULL without touches), counted per distinct sequence, so
 * that only distinct sequences leave the database. Won deals convert and bring their amount in
 * the report currency (value); `missingRate` names a won deal that could not be converted
 * ("EUR 2025-03-01"), if any. `stored`: the journeys are the default ones, whose keys the refresh
 * keeps (journey-keys-refresh.ts), rather than built from every touch now.
 */
export function journeyPathSql(scope: JourneyScope, key: Dimension, stored: boolean): { sql: string; params: unknown[] } {
  const params = new SqlParams();
  const timeZone = params.add(scope.timeZone);
  const deal = dealSql({ ...scope, closedStatuses: ['WON', 'LOST'] }, params, timeZone, ['dcur.minor_units']);
  const end = scope.to ? `${params.add(scope.to)}::timestamptz` : 'now()';
  const from = scope.from ? params.add(scope.from) : undefined;
  const parts: JourneyParts = { scope, key, params, end, from };
  const journeys = stored ? storedJourneys(parts) : builtJourneys(parts);
  const day = conversionDaySql('dj.conversion_at', timeZone);
  const value = convertSql('dj.amount_minor', 'dj.currency', day, params, scope, 'dj.minor_units');
  // deal is not materialised, so the planner sees the table. Amounts are converted once per won
  // deal, with the decimals of its currency from the deal step's join.
  const sql = `
    WITH deal AS NOT MATERIALIZED (${deal}),
    ${journeys},
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
