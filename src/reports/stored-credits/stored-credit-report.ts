import { Queryable, SqlParams } from '../../database/sql';
import { AttributionRequest } from '../attribution-report.types';
import { ReportTotals, ROW_KEY_SEPARATOR, RowTotals } from '../attribution-aggregator';
import { periodKeySql, periodStartSql } from '../journeys/journey-sql';
import { Dimension, hasDefaultJourneys, isDealAttribute, isPeriod, isTouchDimension } from '../report-scope';
import { isDataDriven } from '../../attribution/attribution-model';
import { joinedAttributeSql } from '../deal-attribute-sql';
import { storedColumn } from './stored-credit-models';

const KEY_SQL: Partial<Record<Dimension, string>> = {
  [Dimension.CHANNEL]: 'tc.channel',
  [Dimension.CAMPAIGN]: `coalesce(c.external_id, '(none)')`,
  [Dimension.SOURCE_MEDIUM]: 'tc.source_medium',
  [Dimension.TOUCH_TYPE]: 'tc.touch_type',
};

const FIRST_OF: Partial<Record<Dimension, string>> = {
  [Dimension.CHANNEL]: 'first_of_channel',
  [Dimension.CAMPAIGN]: 'first_of_campaign',
  [Dimension.SOURCE_MEDIUM]: 'first_of_source_medium',
  [Dimension.TOUCH_TYPE]: 'first_of_touch_type',
};

const keySql = (dimension: Dimension) => (isDealAttribute(dimension) ? joinedAttributeSql(dimension) : KEY_SQL[dimension]);

// touch_credits does not store the touch's type: the touch gives it, and the first row of each
// deal and type is flagged here, within the report's conditions, as the refresh flags channels.
const withTouchType = (credits: string, conditions: string[]) => `(
  SELECT tc.*, t.type::text AS touch_type,
         row_number() OVER (PARTITION BY tc.deal_id, t.type ORDER BY tc.touch_id) = 1 AS first_of_touch_type
  FROM ${credits} tc LEFT JOIN touches t ON t.id = tc.touch_id
  WHERE ${conditions.join(' AND ')}) tc`;

// The deal (d) and its account (a), for rows grouped by their attributes.
function dealJoins(groupBy: readonly Dimension[]): string {
  const attributes = groupBy.filter(isDealAttribute);
  if (attributes.length === 0) return '';
  const account = attributes.some((dimension) => dimension !== Dimension.OWNER) ? 'LEFT JOIN accounts a ON a.id = d.account_id' : '';
  return `JOIN deals d ON d.id = tc.deal_id ${account}`;
}

/** The stored columns of every requested model, when the request can be answered from touch_credits. */
export function storedColumns({ models, groupBy, scope }: AttributionRequest): string[] | undefined {
  const columns = models.map((options) => (isDataDriven(options) ? undefined : storedColumn(options)));
  // Every touch of a deal shares the deal's keys: one touch dimension keeps the stored first_of flags right.
  const touchDimensions = groupBy.filter(isTouchDimension);
  const defaults = hasDefaultJourneys(scope) && scope.currency === scope.baseCurrency && touchDimensions.length <= 1;
  return defaults && columns.every((column) => column !== undefined) ? (columns as string[]) : undefined;
}

interface GroupRow {
  keys: Array<string | null>;
  unattributed: boolean;
  dealAmount: string | null;
  deals: number;
  missingRate: boolean;
  touches: number;
  influencedAmount: string | null;
  influencedDeals: number;
  campaignId: string | null;
  campaignName: string | null;
  credits: string[];
  shares: number[];
}

/**
 * Rows shaped as touch_credits (one per journey touch, or one without a touch for a deal whose
 * journey is empty) but computed by the statement itself: `sql` defines (after WITH) the CTE
 * `name`, with `params` holding its values.
 */
export interface CreditSource {
  readonly params: SqlParams;
  readonly sql: string;
  readonly name: string;
}

function groupSql({ groupBy, scope }: AttributionRequest, columns: string[], source?: CreditSource) {
  const params = source?.params ?? new SqlParams();
  const basis = params.add(scope.basis);
  const conditions = [`tc.basis = ${basis}`];
  if (scope.from) conditions.push(`tc.conversion_at >= ${params.add(scope.from)}`);
  if (scope.to) conditions.push(`tc.conversion_at < ${params.add(scope.to)}`);
  let zone: string | undefined;
  const timeZone = () => (zone ??= params.add(scope.timeZone));
  // Shares (float8) are summed as numeric: exact, so a row's `deals` does not depend on the order
  // in which the plan reads the credits (it changes with the table's size).
  // Grouped by the keys themselves, not by an array of them, and by period start, formatted once
  // per group: the planner then estimates the groups well and hashes them cheaply.
  const groups = groupBy.map((dimension) => (isPeriod(dimension) ? periodStartSql(dimension, 'tc.conversion_at', timeZone()) : keySql(dimension)));
  const keys = groupBy.map((dimension, index) => (isPeriod(dimension) ? periodKeySql(groups[index]!) : groups[index]));
  const touchDimension = groupBy.find(isTouchDimension);
  const firstOf = touchDimension ? FIRST_OF[touchDimension] : 'first_of_deal';
  const byCampaign = groupBy.includes(Dimension.CAMPAIGN);
  const credits = source?.name ?? 'touch_credits';
  const sql = `${source ? `WITH ${source.sql}` : ''}
    SELECT ARRAY[${keys.join(', ')}] AS keys, tc.touch_id IS NULL AS unattributed,
           sum(tc.amount_minor) FILTER (WHERE tc.first_of_deal)::text AS "dealAmount",
           count(*) FILTER (WHERE tc.first_of_deal)::int AS deals,
           bool_or(tc.amount_minor IS NULL) AS "missingRate",
           count(tc.touch_id)::int AS touches,
           sum(tc.amount_minor) FILTER (WHERE tc.${firstOf})::text AS "influencedAmount",
           count(*) FILTER (WHERE tc.${firstOf})::int AS "influencedDeals",
           ${byCampaign ? 'min(tc.campaign_id)::text' : 'NULL'} AS "campaignId",
           ${byCampaign ? 'min(c.name)' : 'NULL'} AS "campaignName",
           ARRAY[${columns.map((column) => `sum(tc.credit_${column})::text`).join(', ')}] AS credits,
           ARRAY[${columns.map((column) => `sum(tc.share_${column}::numeric)::float8`).join(', ')}] AS shares
    FROM ${groupBy.includes(Dimension.TOUCH_TYPE) ? withTouchType(credits, conditions) : `${credits} tc`}
    ${byCampaign ? 'LEFT JOIN campaigns c ON c.id = tc.campaign_id' : ''} ${dealJoins(groupBy)}
    WHERE ${conditions.join(' AND ')}
    GROUP BY ${groups.join(', ')}, tc.touch_id IS NULL`;
  return { sql, params: params.values };
}

/**
 * Report totals from touch_credits (or from `source`): one GROUP BY over credits, no journey in
 * the process. Returns undefined when a deal in scope could not be converted (the caller then
 * takes the slow path, which names the missing rate).
 */
export async function storedCreditTotals(db: Queryable, request: AttributionRequest, columns: string[],
  source?: CreditSource): Promise<ReportTotals | undefined> {
  const { sql, params } = groupSql(request, columns, source);
  const groups: GroupRow[] = await db.query(sql, params);
  if (groups.some((group) => group.missingRate)) return undefined;
  const totals: ReportTotals = { totalMinor: 0n, unattributedMinor: 0n, deals: 0, unattributedDeals: 0, rows: new Map() };
  for (const group of groups) {
    totals.totalMinor += BigInt(group.dealAmount ?? 0);
    totals.deals += group.deals;
    if (group.unattributed) {
      totals.unattributedMinor += BigInt(group.dealAmount ?? 0);
      totals.unattributedDeals += group.deals;
      continue;
    }
    const keys = group.keys as string[];
    const row: RowTotals = {
      keys,
      campaignId: group.campaignId,
      campaignName: group.campaignName,
      revenueMinor: group.credits.map(BigInt),
      dealCredit: group.shares.map(Number),
      touches: group.touches,
      influencedRevenueMinor: BigInt(group.influencedAmount ?? 0),
      influencedDeals: group.influencedDeals,
    };
    totals.rows.set(keys.join(ROW_KEY_SEPARATOR), row);
  }
  return totals;
}
