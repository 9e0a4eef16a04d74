import { ConversionBasis } from '../../attribution/journey';
import { SqlParams } from '../../database/sql';
import { convertSql } from '../currency';
import { dealAttributeSql } from '../deal-attribute-sql';
import { ContactsRule, Dimension, JourneyScope } from '../report-scope';


const TRUNC: Record<string, string> = { WEEK: 'week', MONTH: 'month', QUARTER: 'quarter' };

/** The start of the conversion period, in the report's time zone: cheap to group by. */
export function periodStartSql(dimension: Dimension, timestamp: string, timeZone: string): string {
  return `date_trunc('${TRUNC[dimension]}', ${timestamp} AT TIME ZONE ${timeZone})`;
}

/** A period start as its key: 'YYYY-MM-DD'. */
export const periodKeySql = (start: string) => `to_char(${start}, 'YYYY-MM-DD')`;

/** The conversion period's first day, in the report's time zone, as 'YYYY-MM-DD'. */
export function periodSql(dimension: Dimension, timestamp: string, timeZone: string): string {
  return periodKeySql(periodStartSql(dimension, timestamp, timeZone));
}

function dealConditions(scope: JourneyScope, params: SqlParams): string[] {
  const conversion = scope.basis === ConversionBasis.REVENUE ? 'd.closed_at' : 'd.created_at';
  const conditions = ['d.deleted_at IS NULL'];
  if (scope.dealIds) conditions.push(`d.id = ANY(${params.add(scope.dealIds)}::bigint[])`);
  if (scope.basis === ConversionBasis.REVENUE) {
    // Compared as the enum, not as text: the planner then knows how many deals match.
    conditions.push(`d.status = ANY(${params.add(scope.closedStatuses ?? ['WON'])}::deal_status[])`);
  }
  if (scope.from) conditions.push(`${conversion} >= ${params.add(scope.from)}`);
  if (scope.to) conditions.push(`${conversion} < ${params.add(scope.to)}`);
  return conditions;
}

/**
 * (deal_id, lead_id) of the contacts whose touches make each journey, for the deals of the `deal`
 * CTE, looked up per deal: as a join, the planner hashed the deals against a scan of every contact
 * (or lead) ever recorded, a cost that grows with history. OFFSET 0 keeps the lookup per deal.
 */
export function contactsSql(rule: ContactsRule): string {
  if (rule === ContactsRule.ACCOUNT) {
    return `SELECT deal.id AS deal_id, l.id AS lead_id FROM deal CROSS JOIN LATERAL (
              SELECT l.id FROM leads l WHERE l.account_id = deal.account_id AND l.deleted_at IS NULL OFFSET 0) l`;
  }
  return `SELECT deal.id AS deal_id, dc.lead_id FROM deal CROSS JOIN LATERAL (
            SELECT dc.lead_id FROM deal_contacts dc
            WHERE dc.deal_id = deal.id AND dc.deleted_at IS NULL${rule === ContactsRule.PRIMARY ? ' AND dc.is_primary' : ''} OFFSET 0) dc`;
}

/**
 * FROM items joining each contact c (contactsSql) to its deal and to its touches t (with `columns`)
 * that meet `conditions` (touchConditions ending at deal.conversion_at): one range of the (lead,
 * time) index per contact. Joined, the planner read every touch of the contacts and dropped the
 * late ones after a sort (a third of a re-credit's touch rows, half of a 90-day lookback's).
 * OFFSET 0 keeps the lookup per contact.
 */
export function contactTouchesSql(columns: readonly string[], conditions: readonly string[]): string {
  return `contact c JOIN deal ON deal.id = c.deal_id CROSS JOIN LATERAL (
    SELECT ${columns.map((column) => `t.${column}`).join(', ')} FROM touches t
    WHERE t.lead_id = c.lead_id AND ${conditions.join(' AND ')} OFFSET 0) t`;
}

/**
 * The touches (alias t) that count in a journey ending at `end`: up to it (`endIncluded` or not),
 * within the lookback before it, after the channel and campaign filters.
 */
export function touchConditions(scope: JourneyScope, params: SqlParams, end: string, endIncluded: boolean): string[] {
  const conditions = ['t.deleted_at IS NULL', `t.occurred_at ${endIncluded ? '<=' : '<'} ${end}`];
  if (scope.lookbackDays !== undefined) {
    conditions.push(`t.occurred_at >= ${end} - make_interval(days => ${params.add(scope.lookbackDays)})`);
  }
  if (scope.includeChannels) conditions.push(`t.channel = ANY(${params.add(scope.includeChannels)}::text[])`);
  if (scope.excludeChannels) conditions.push(`t.channel <> ALL(${params.add(scope.excludeChannels)}::text[])`);
  if (scope.includeCampaigns) {
    conditions.push(`t.campaign_id IN (SELECT id FROM campaigns WHERE external_id = ANY(${params.add(scope.includeCampaigns)}::text[]))`);
  }
  if (scope.excludeCampaigns) {
    conditions.push(`(t.campaign_id IS NULL OR t.campaign_id NOT IN (SELECT id FROM campaigns WHERE external_id = ANY(${params.add(scope.excludeCampaigns)}::text[])))`);
  }
  return conditions;
}

const conversionSql = (scope: JourneyScope) => (scope.basis === ConversionBasis.REVENUE ? 'd.closed_at' : 'd.created_at');

/** The day of a conversion time in the report's time zone: the day whose FX rate applies. */
export const conversionDaySql = (conversionAt: string, timeZone: string) => `(${conversionAt} AT TIME ZONE ${timeZone})::date`;

/**
 * The deals in scope, one row each with everything computed once per deal rather than once per
 * touch row: conversion time and day (in `timeZone`), the amount in the report currency
 * (converted_minor, NULL when a rate is missing), and `columns`.
 */
export function dealSql(scope: JourneyScope, params: SqlParams, timeZone: string, columns: readonly string[] = []): string {
  const conversion = conversionSql(scope);
  const conversionDay = conversionDaySql(conversion, timeZone);
  // The deal currency's decimals by join: looked up per deal, the tiny currencies table was read
  // whole for every deal in another currency (a third of the deal step of a quarter's report).
  const converted = convertSql('d.amount_minor', 'd.currency', conversionDay, params, scope, 'dcur.minor_units');
  return `SELECT d.id, d.account_id, d.amount_minor, d.currency, d.status, d.created_at, d.closed_at,
                 ${conversion} AS conversion_at, ${conversionDay} AS conversion_day,
                 (${converted})::bigint AS converted_minor ${columns.map((column) => `, ${column}`).join('')}
          FROM deals d JOIN currencies dcur ON dcur.code = d.currency WHERE ${dealConditions(scope, params).join(' AND ')}`;
}

// Milliseconds since the epoch: parsing numbers is far cheaper than parsing timestamps per row.
const epochMs = (timestamp: string) => `(extract(epoch FROM ${timestamp}) * 1000)::float8`;

// Microseconds since the epoch, exactly (numeric, then a float8 within 2^53): the touches' order.
const epochMicros = (timestamp: string) => `(extract(epoch FROM ${timestamp}) * 1000000)::float8`;

/** A touch's source / medium key: its UTM parameters, else its campaign's (aliases of touch and campaign). */
export const sourceMediumSql = (touch: string, campaign: string) =>
  `coalesce(${touch}.utm_source, ${campaign}.utm_source, '(none)') || ' / ' || coalesce(${touch}.utm_medium, ${campaign}.utm_medium, '(none)')`;

/**
 * Per deal, one row with the deal's columns and a NULL "touchId", then one row per journey touch
 * with the touch's columns and only "dealId" of the deal's. Deals carry their amount converted
 * into the report currency on their conversion date, the earliest creation time of their
 * contacts, and their period buckets. The deal's columns come once, not on every touch row: the
 * process parsed them again for each touch.
 */
export function journeySql(scope: JourneyScope): { sql: string; params: unknown[]; columns: string[] } {
  const params = new SqlParams();
  const timeZone = params.add(scope.timeZone);
  const conversion = conversionSql(scope);
  const periods = scope.periods.map((dimension) => `${periodSql(dimension, conversion, timeZone)} AS "${dimension}"`);
  const details = scope.touchDetails ?? {};
  const dealKeys = [...scope.periods, ...(scope.dealAttributes ?? [])];
  const attributes = (scope.dealAttributes ?? []).map((dimension) => `${dealAttributeSql(dimension)} AS "${dimension}"`);
  // Each deal's times in milliseconds once per deal, not once per row of its journey.
  const times = [`${epochMs(conversion)} AS conversion_ms`, `${epochMicros(conversion)} AS conversion_micros`,
    `${epochMs('d.created_at')} AS created_ms`, `${epochMs('d.closed_at')} AS closed_ms`];
  const deal = dealSql(scope, params, timeZone, [...periods, ...attributes, ...(details.externalIds ? ['d.external_id'] : []), ...times]);
  const touches = touchConditions(scope, params, 'deal.conversion_at', true);
  const sql = `
    WITH deal AS MATERIALIZED (${deal}),
    contact AS MATERIALIZED (${contactsSql(scope.contacts)}),
    lead_created AS (
      SELECT c.deal_id, ${epochMs('min(l.created_at)')} AS created_ms FROM contact c JOIN leads l ON l.id = c.lead_id GROUP BY c.deal_id
    ),
    journey_touch AS (
      SELECT c.deal_id, t.* FROM ${contactTouchesSql(['id', 'occurred_at', 'channel', 'campaign_id', 'utm_source', 'utm_medium',
        ...(details.type ? ['type'] : []), ...(details.externalIds ? ['external_id'] : [])], touches)}
    )
    SELECT deal.id AS "dealId", deal.amount_minor AS "amountMinor", deal.currency, deal.status,
           deal.converted_minor AS "convertedMinor", deal.conversion_day::text AS "conversionDay",
           deal.conversion_ms AS "conversionAt", deal.conversion_micros AS "conversionMicros", deal.created_ms AS "dealCreatedAt",
           deal.closed_ms AS "closedAt", lc.created_ms AS "leadCreatedAt",
           ${dealKeys.map((dimension) => `deal."${dimension}", `).join('')}
           ${details.externalIds ? 'deal.external_id' : 'NULL'} AS "dealExternalId",
           NULL::bigint AS "touchId", NULL::float8 AS "occurredMicros", NULL::text AS channel, NULL::bigint AS "campaignId",
           NULL::text AS "campaignExternalId", NULL::text AS "campaignName", NULL::text AS "sourceMedium", NULL::text AS "touchType",
           NULL::text AS "touchExternalId"
    FROM deal LEFT JOIN lead_created lc ON lc.deal_id = deal.id
    UNION ALL
    SELECT jt.deal_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, ${dealKeys.map(() => 'NULL, ').join('')} NULL,
           jt.id, ${epochMicros('jt.occurred_at')}, jt.channel, jt.campaign_id,
           ${details.campaign ? 'cmp.external_id' : 'NULL'},
           ${details.campaign ? 'cmp.name' : 'NULL'},
           ${details.sourceMedium ? sourceMediumSql('jt', 'cmp') : 'NULL'},
           ${details.type ? 'jt.type::text' : 'NULL'},
           ${details.externalIds ? 'jt.external_id' : 'NULL'}
    FROM journey_touch jt LEFT JOIN campaigns cmp ON cmp.id = jt.campaign_id
    ORDER BY "dealId", "touchId" NULLS FIRST`;
  // The statement's columns in order, for rows read as arrays.
  const columns = ['dealId', 'amountMinor', 'currency', 'status', 'convertedMinor', 'conversionDay', 'conversionAt', 'conversionMicros',
    'dealCreatedAt', 'closedAt', 'leadCreatedAt', ...dealKeys, 'dealExternalId', 'touchId', 'occurredMicros', 'channel', 'campaignId',
    'campaignExternalId', 'campaignName', 'sourceMedium', 'touchType', 'touchExternalId'];
  return { sql, params: params.values, columns };
}
