import { Params } from './journey-sql';
import { Dimension, JourneyScope } from './report-scope';

/**
 * Non-converting journeys of leads that are in no deal (ATTRIBUTION.md, data-driven models): a
 * lead whose last touch falls in the period, with its touches up to the period's end (within the
 * lookback), as a path of channel slugs or campaign externalIds, counted per distinct path.
 */
export function leadPathSql(scope: JourneyScope, key: Dimension, collapse: boolean): { sql: string; params: unknown[] } {
  const params = new Params();
  const end = scope.to ? `${params.add(scope.to)}::timestamptz` : 'now()';
  const conditions = ['t.deleted_at IS NULL', 'l.deleted_at IS NULL', `t.occurred_at < ${end}`,
    'NOT EXISTS (SELECT 1 FROM deal_contacts dc WHERE dc.lead_id = l.id AND dc.deleted_at IS NULL)'];
  if (scope.lookbackDays !== undefined) {
    conditions.push(`t.occurred_at >= ${end} - make_interval(days => ${params.add(scope.lookbackDays)})`);
  }
  if (scope.includeChannels) conditions.push(`t.channel = ANY(${params.add(scope.includeChannels)}::text[])`);
  if (scope.excludeChannels) conditions.push(`t.channel <> ALL(${params.add(scope.excludeChannels)}::text[])`);
  if (scope.includeCampaigns) conditions.push(`c.external_id = ANY(${params.add(scope.includeCampaigns)}::text[])`);
  if (scope.excludeCampaigns) conditions.push(`c.external_id IS DISTINCT FROM ALL(${params.add(scope.excludeCampaigns)}::text[])`);
  const keySql = key === Dimension.CAMPAIGN ? `coalesce(c.external_id, '(none)')` : 't.channel';
  const lastInPeriod = scope.from ? `HAVING max(occurred_at) >= ${params.add(scope.from)}` : '';
  const sql = `
    WITH touch AS (
      SELECT t.lead_id, t.occurred_at, t.id, ${keySql} AS key
      FROM touches t JOIN leads l ON l.id = t.lead_id LEFT JOIN campaigns c ON c.id = t.campaign_id
      WHERE ${conditions.join(' AND ')}
    ),
    step AS (
      SELECT *, lag(key) OVER (PARTITION BY lead_id ORDER BY occurred_at, id) AS previous FROM touch
    ),
    lead_path AS (
      SELECT lead_id, array_agg(key ORDER BY occurred_at, id) FILTER (WHERE ${collapse ? 'previous IS DISTINCT FROM key' : 'true'}) AS path
      FROM step GROUP BY lead_id ${lastInPeriod}
    )
    SELECT path, count(*)::int AS journeys FROM lead_path GROUP BY path`;
  return { sql, params: params.values };
}
