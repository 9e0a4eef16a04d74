import { convertSql } from './currency';
import { periodSql } from './journeys/journey-sql';
import { SqlParams } from '../database/sql';
import { Dimension, JourneyScope, isPeriod } from './report-scope';

const KEY_SQL: Partial<Record<Dimension, string>> = {
  [Dimension.CHANNEL]: 'c.channel',
  [Dimension.CAMPAIGN]: 'c.external_id',
  [Dimension.SOURCE_MEDIUM]: `coalesce(c.utm_source, '(none)') || ' / ' || coalesce(c.utm_medium, '(none)')`,
};

/**
 * Whether spend splits by every dimension of `groupBy`: it is recorded per campaign and day, so
 * by channel, campaign, UTM source / medium and period, never by touch type, account or owner.
 */
export const spendSplitsBy = (groupBy: readonly Dimension[]) => groupBy.every((dimension) => isPeriod(dimension) || KEY_SQL[dimension] !== undefined);

/**
 * Campaign spend in the period per row key, converted into the report currency at each day's
 * rate. `missing` names the first cost that has no FX rate ("EUR 2025-03-01"), if any.
 */
export function campaignCostSql(scope: JourneyScope, groupBy: readonly Dimension[]): { sql: string; params: unknown[] } {
  const params = new SqlParams();
  let zone: string | undefined;
  const timeZone = () => (zone ??= params.add(scope.timeZone));
  const conditions = ['cc.deleted_at IS NULL', 'c.deleted_at IS NULL'];
  if (scope.from) conditions.push(`cc.cost_date >= (${params.add(scope.from)}::timestamptz AT TIME ZONE ${timeZone()})::date`);
  if (scope.to) conditions.push(`cc.cost_date < (${params.add(scope.to)}::timestamptz AT TIME ZONE ${timeZone()})::date`);
  if (scope.includeChannels) conditions.push(`c.channel = ANY(${params.add(scope.includeChannels)}::text[])`);
  if (scope.excludeChannels) conditions.push(`c.channel <> ALL(${params.add(scope.excludeChannels)}::text[])`);
  if (scope.includeCampaigns) conditions.push(`c.external_id = ANY(${params.add(scope.includeCampaigns)}::text[])`);
  if (scope.excludeCampaigns) conditions.push(`c.external_id <> ALL(${params.add(scope.excludeCampaigns)}::text[])`);
  const keys = groupBy.map((dimension, index) =>
    `${isPeriod(dimension) ? periodSql(dimension, 'cc.cost_date::timestamp', `'UTC'`) : KEY_SQL[dimension]} AS k${index}`);
  const converted = convertSql('cc.amount_minor', 'cc.currency', 'cc.cost_date', params, scope);
  const keyColumns = groupBy.map((_, index) => `k${index}`);
  const sql = `
    SELECT ARRAY[${keyColumns.join(', ')}] AS keys, sum(converted)::text AS "costMinor",
           min(campaign_id)::text AS "campaignId", min(campaign_name) AS "campaignName",
           min(CASE WHEN converted IS NULL THEN currency || ' ' || cost_date END) AS missing
    FROM (SELECT ${keys.join(', ')}, cc.currency, cc.cost_date, c.id AS campaign_id, c.name AS campaign_name,
                 (${converted}) AS converted
          FROM campaign_costs cc JOIN campaigns c ON c.id = cc.campaign_id
          WHERE ${conditions.join(' AND ')}) costs
    GROUP BY ${keyColumns.join(', ')}`;
  return { sql, params: params.values };
}
