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

// The classes of touches of equal weight, and the position of one of each: 0, 1 (when n > 2), n - 1.
const CLASSES = [['first', '0'], ['middle', '1'], ['last', 'n - 1']] as const;

/**
 * The integer weight of the touch at position `i` (from 0) of a journey of n touches, and the
 * journey's total (shares are weight / total), as journeyCredits computes them (journey-credits.ts):
 * a milestone holder gets W x (D - M) x m, a middle touch M x P, over P x D x m.
 */
function weightSql({ first, last, middle, denominator }: EndWeights): { weight: (i: string) => string; total: string } {
  const placed = first + last;
  if (placed === 0) return { weight: () => '1', total: 'n' };
  const ends = (first > 0 ? 1 : 0) + (last > 0 ? 1 : 0);
  const middles = `(n - CASE WHEN n = 1 THEN 1 ELSE ${ends} END)`;
  const middleWeight = `CASE WHEN ${middles} > 0 THEN ${middle} ELSE 0 END`;
  const perMilestone = `(${denominator} - ${middleWeight}) * greatest(${middles}, 1)`;
  const weight = (i: string) => {
    const holds = [...(first > 0 ? [`${i} = 0`] : []), ...(last > 0 ? [`${i} = n - 1`] : [])];
    return [
      ...(first > 0 ? [`CASE WHEN ${i} = 0 THEN ${first} * ${perMilestone} ELSE 0 END`] : []),
      ...(last > 0 ? [`CASE WHEN ${i} = n - 1 THEN ${last} * ${perMilestone} ELSE 0 END`] : []),
      `CASE WHEN ${holds.join(' OR ')} THEN 0 ELSE (${middleWeight}) * ${placed} END`,
    ].join(' + ');
  };
  return { weight, total: `${placed * denominator} * greatest(${middles}, 1)` };
}

/**
 * Model k's credit of the touch at position i by largest remainder, without sorting the journey:
 * its touches fall in three classes of equal weight (first, middle, last), so the touches ahead
 * of a touch in (remainder descending, position) order can be counted from the three remainders;
 * the touch gets one of the units left over when fewer than those are ahead of it.
 */
function creditSql(k: string): string {
  const [pf, pm, pl, rf, rm, rl] = ['part_first', 'part_middle', 'part_last', 'rest_first', 'rest_middle', 'rest_last'].map((name) => `${name}_${k}`);
  const leftover = `CASE WHEN n = 1 THEN amount - ${pf} ELSE amount - ${pf} - ${pl} - (n - 2) * ${pm} END`;
  const ahead = `CASE WHEN n = 1 THEN 0
    WHEN i = 0 THEN (${rl} > ${rf})::int + CASE WHEN ${rm} > ${rf} THEN n - 2 ELSE 0 END
    WHEN i = n - 1 THEN (${rf} >= ${rl})::int + CASE WHEN ${rm} >= ${rl} THEN n - 2 ELSE 0 END
    ELSE (${rf} >= ${rm})::int + (${rl} > ${rm})::int + i - 1 END`;
  const part = `CASE WHEN i = 0 THEN ${pf} WHEN i = n - 1 THEN ${pl} ELSE ${pm} END`;
  return `${part} + CASE WHEN ${ahead} < ${leftover} THEN 1 ELSE 0 END`;
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
    -- Weights, quotas and remainders depend only on the journey's length: worked out once per deal.
    deal_split AS MATERIALIZED (
      SELECT deal_id, n, amount, ${split.map(({ weight, total }, k) => CLASSES.map(([c, i]) => `(${weight(i)})::numeric AS weight_${c}_${k}`)
    .concat(`(${total})::numeric AS total_${k}`).join(', ')).join(', ')}
      FROM positioned WHERE i = 0
    ),
    quota AS MATERIALIZED (
      SELECT s.deal_id, ${columns.map((k) => CLASSES.map(([c]) => `weight_${c}_${k}`).concat(`total_${k}`).join(', ')).join(', ')},
             ${columns.map((k) => CLASSES.map(([c]) => `div(amount * weight_${c}_${k}, total_${k}) AS part_${c}_${k}, `
    + `mod(amount * weight_${c}_${k}, total_${k}) AS rest_${c}_${k}`).join(', ')).join(', ')}
      FROM deal_split s
    ),
    credited AS (
      SELECT p.deal_id, p.id, p.conversion_at, p.amount, p.channel, p.campaign_id, p.source_medium, p.i,
             ${columns.map((k) => `${creditSql(k)} AS credit_${k},
             CASE WHEN i = 0 THEN weight_first_${k} WHEN i = n - 1 THEN weight_last_${k} ELSE weight_middle_${k} END::float8
               / total_${k}::float8 AS share_${k}`).join(', ')}
      FROM positioned p JOIN quota q ON q.deal_id = p.deal_id
    ),
    position_credits AS (
      SELECT ${basis}::text AS basis, id AS touch_id, conversion_at, amount AS amount_minor, channel, campaign_id, source_medium,
             i = 0 AS first_of_deal,
             ${firstOf ? `row_number() OVER (PARTITION BY deal_id, ${firstOf[0]} ORDER BY i) = 1` : 'false'} AS ${firstOf?.[1] ?? 'first_of_none'},
             ${columns.map((k) => `credit_${k}, share_${k}`).join(', ')}
      FROM credited
      UNION ALL
      SELECT ${basis}, NULL, deal.conversion_at, deal.converted_minor, NULL, NULL, NULL, true, false,
             ${columns.map(() => '0, 0::float8').join(', ')}
      FROM deal WHERE NOT EXISTS (SELECT 1 FROM journey_touch jt WHERE jt.deal_id = deal.id)
    )`;
  return { source: { params, sql, name: 'position_credits' }, columns };
}
