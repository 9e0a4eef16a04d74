import { EndWeights, endWeights } from '../../attribution/journey-credits';
import { isDataDriven } from '../../attribution/attribution-model';
import { SqlParams } from '../../database/sql';
import { AttributionRequest } from '../attribution-report.types';
import { Dimension, isPeriod } from '../report-scope';
import { CreditSource } from '../stored-credits/stored-credit-report';
import { contactsSql, dealSql, sourceMediumSql, touchConditions } from './journey-sql';

// The touch dimensions the stored credits' GROUP BY knows: the column keying them, and the
// touch_credits flag that marks one row per deal and key.
const FIRST_OF: Partial<Record<Dimension, readonly [string, string]>> = {
  [Dimension.CHANNEL]: ['channel', 'first_of_channel'],
  [Dimension.CAMPAIGN]: ['campaign_id', 'first_of_campaign'],
  [Dimension.SOURCE_MEDIUM]: ['source_medium', 'first_of_source_medium'],
};

/**
 * A touch's integer weight and the journey's total (shares are weight / total) in SQL, as
 * journeyCredits computes them (journey-credits.ts): n touches, the touch at position i from 0.
 * A milestone holder gets W x (D - M) x m, a middle touch M x P, over P x D x m.
 */
function weightSql({ first, last, middle, denominator }: EndWeights): { weight: string; total: string } {
  const placed = first + last;
  if (placed === 0) return { weight: '1', total: 'n' };
  const ends = (first > 0 ? 1 : 0) + (last > 0 ? 1 : 0);
  const middles = `(n - CASE WHEN n = 1 THEN 1 ELSE ${ends} END)`;
  const middleWeight = `CASE WHEN ${middles} > 0 THEN ${middle} ELSE 0 END`;
  const perMilestone = `(${denominator} - ${middleWeight}) * greatest(${middles}, 1)`;
  const holds = [...(first > 0 ? ['i = 0'] : []), ...(last > 0 ? ['i = n - 1'] : [])];
  const weight = [
    ...(first > 0 ? [`CASE WHEN i = 0 THEN ${first} * ${perMilestone} ELSE 0 END`] : []),
    ...(last > 0 ? [`CASE WHEN i = n - 1 THEN ${last} * ${perMilestone} ELSE 0 END`] : []),
    `CASE WHEN ${holds.join(' OR ')} THEN 0 ELSE (${middleWeight}) * ${placed} END`,
  ].join(' + ');
  return { weight, total: `${placed * denominator} * greatest(${middles}, 1)` };
}

/**
 * Credits in SQL (one statement, set-based) for the requests every model of which gives shares by
 * position alone (FIRST_TOUCH, LAST_TOUCH, POSITION_BASED, J_SHAPED, INVERSE_J, LINEAR, CUSTOM with
 * only FIRST, LAST and MIDDLE weights), grouped by at most one touch dimension and periods: rows
 * shaped as touch_credits, each credit split exactly by largest remainder (docs/attribution.md,
 * section 7: floor of each quota, leftover units to the largest remainders, ties to the earlier
 * touch). The model columns are named by their index in the request. Undefined for any other request.
 */
export function positionCreditSource(request: AttributionRequest): { source: CreditSource; columns: string[] } | undefined {
  const { scope, groupBy, models } = request;
  const weights = models.map((options) => (isDataDriven(options) ? undefined : endWeights(options)));
  const touchDimensions = groupBy.filter((dimension) => !isPeriod(dimension));
  const known = groupBy.every((dimension) => isPeriod(dimension) || FIRST_OF[dimension] !== undefined);
  if (!known || touchDimensions.length > 1 || weights.some((weight) => weight === undefined)) return undefined;
  const params = new SqlParams();
  const timeZone = params.add(scope.timeZone);
  const deal = dealSql(scope, params, timeZone);
  const touches = touchConditions(scope, params, 'deal.conversion_at', true);
  const firstOf = touchDimensions.length === 1 ? FIRST_OF[touchDimensions[0]] : undefined;
  const sourceMedium = groupBy.includes(Dimension.SOURCE_MEDIUM);
  const columns = models.map((_, index) => String(index));
  const basis = params.add(scope.basis);
  const split = (weights as EndWeights[]).map(weightSql);
  const sql = `
    deal AS MATERIALIZED (${deal}),
    contact AS MATERIALIZED (${contactsSql(scope.contacts)}),
    journey_touch AS (
      SELECT c.deal_id, t.id, t.occurred_at, t.channel, t.campaign_id,
             ${sourceMedium ? sourceMediumSql('t', 'cmp') : 'NULL::text'} AS source_medium,
             deal.converted_minor::numeric AS amount, deal.conversion_at
      FROM contact c JOIN deal ON deal.id = c.deal_id JOIN touches t ON t.lead_id = c.lead_id
      ${sourceMedium ? 'LEFT JOIN campaigns cmp ON cmp.id = t.campaign_id' : ''}
      WHERE ${touches.join(' AND ')}
    ),
    positioned AS (
      SELECT jt.*, row_number() OVER (PARTITION BY jt.deal_id ORDER BY jt.occurred_at, jt.id) - 1 AS i,
             count(*) OVER (PARTITION BY jt.deal_id) AS n
      FROM journey_touch jt
    ),
    weighted AS (
      SELECT p.*, ${split.map(({ weight, total }, k) => `(${weight})::numeric AS weight_${k}, (${total})::numeric AS total_${k}`).join(', ')}
      FROM positioned p
    ),
    quota AS (
      SELECT w.*, ${columns.map((k) => `div(amount * weight_${k}, total_${k}) AS part_${k}, mod(amount * weight_${k}, total_${k}) AS rest_${k}`).join(', ')}
      FROM weighted w
    ),
    credited AS (
      SELECT q.*, ${columns.map((k) => `part_${k} + CASE WHEN row_number() OVER (PARTITION BY deal_id ORDER BY rest_${k} DESC, i)
                  <= amount - sum(part_${k}) OVER (PARTITION BY deal_id) THEN 1 ELSE 0 END AS credit_${k}`).join(', ')}
      FROM quota q
    ),
    position_credits AS (
      SELECT ${basis}::text AS basis, id AS touch_id, conversion_at, amount AS amount_minor, channel, campaign_id, source_medium,
             i = 0 AS first_of_deal,
             ${firstOf ? `row_number() OVER (PARTITION BY deal_id, ${firstOf[0]} ORDER BY i) = 1` : 'false'} AS ${firstOf?.[1] ?? 'first_of_none'},
             ${columns.map((k) => `credit_${k}, (weight_${k}::float8 / total_${k}::float8) AS share_${k}`).join(', ')}
      FROM credited
      UNION ALL
      SELECT ${basis}, NULL, deal.conversion_at, deal.converted_minor, NULL, NULL, NULL, true, false,
             ${columns.map(() => '0, 0::float8').join(', ')}
      FROM deal WHERE NOT EXISTS (SELECT 1 FROM journey_touch jt WHERE jt.deal_id = deal.id)
    )`;
  return { source: { params, sql, name: 'position_credits' }, columns };
}
