import { EndWeights, endWeights } from '../../attribution/journey-credits';
import { isDataDriven } from '../../attribution/attribution-model';
import { SqlParams } from '../../database/sql';
import { AttributionRequest } from '../attribution-report.types';
import { Dimension, isPeriod, JourneyScope } from '../report-scope';
import { CreditSource } from '../stored-credits/stored-credit-report';
import { contactTouchesSql, contactsSql, dealSql, sourceMediumSql, touchConditions } from './journey-sql';

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
 * amount x weight divided by total (operator / and function div: the quotient; % and mod: the
 * remainder), exactly: in bigint while the product fits in it, as for any amount a weight of the
 * usual models allows, else in numeric (a weight grows with the journey's length and the model's
 * denominator, up to 2^16). Both truncate towards zero, so they agree wherever both apply.
 */
const quotaSql = (amount: string, weight: string, total: string, operator: '/' | '%', fn: 'div' | 'mod') =>
  `CASE WHEN ${amount} <= 9223372036854775807 / ${total} THEN ${amount} * ${weight} ${operator} ${total}
        ELSE ${fn}(${amount}::numeric * ${weight}, ${total})::bigint END`;

/**
 * Model k's credits by largest remainder, worked out once per deal, without sorting the journey:
 * its touches fall in three classes of equal weight (first, middle, last), so the touches ahead of
 * a touch in (remainder descending, position) order can be counted from the three remainders; a
 * touch gets one of the units left over when fewer than those are ahead of it. The first and last
 * touches' credits come out whole; a middle touch at position i gets part_middle, plus one when
 * i < middle_cutoff (ahead of it: the ends with a larger remainder, and the i - 1 middles before it).
 */
function dealCreditsSql(k: string): string {
  const [pf, pm, pl, rf, rm, rl] = ['part_first', 'part_middle', 'part_last', 'rest_first', 'rest_middle', 'rest_last'].map((name) => `${name}_${k}`);
  const leftover = `CASE WHEN n = 1 THEN amount - ${pf} ELSE amount - ${pf} - ${pl} - (n - 2) * ${pm} END`;
  const firstAhead = `CASE WHEN n = 1 THEN 0 ELSE (${rl} > ${rf})::int + CASE WHEN ${rm} > ${rf} THEN n - 2 ELSE 0 END END`;
  const lastAhead = `(${rf} >= ${rl})::int + CASE WHEN ${rm} >= ${rl} THEN n - 2 ELSE 0 END`;
  return `(${pf} + CASE WHEN ${firstAhead} < ${leftover} THEN 1 ELSE 0 END)::bigint AS credit_first_${k},
          (${pl} + CASE WHEN ${lastAhead} < ${leftover} THEN 1 ELSE 0 END)::bigint AS credit_last_${k},
          ${pm}::bigint AS part_middle_${k},
          (${leftover} + 1 - (${rf} >= ${rm})::int - (${rl} > ${rm})::int)::bigint AS middle_cutoff_${k}`;
}

/**
 * The CTEs (to follow WITH) of the journeys of `scope`, positioned: `deal` (every deal in scope),
 * `journey_touch`, and `positioned`, one row per journey touch with deal_id, id, conversion_at,
 * amount (NULL when a rate is missing), channel, campaign_id, source_medium (NULL unless asked
 * for), its position i (from 0), the journey's length n and, given a `key` column, first_of_key:
 * whether it is the deal's earliest touch with its key.
 */
function positionedSql(scope: JourneyScope, params: SqlParams, sourceMedium: boolean, key: string | undefined): string {
  const timeZone = params.add(scope.timeZone);
  const deal = dealSql(scope, params, timeZone);
  const touches = touchConditions(scope, params, 'deal.conversion_at', true);
  return `
    deal AS MATERIALIZED (${deal}),
    contact AS MATERIALIZED (${contactsSql(scope.contacts)}),
    journey_touch AS (
      SELECT c.deal_id, t.id, t.occurred_at, t.channel, t.campaign_id,
             ${sourceMedium ? sourceMediumSql('t', 'cmp') : 'NULL::text'} AS source_medium,
             deal.converted_minor AS amount, deal.conversion_at
      FROM ${contactTouchesSql(['id', 'occurred_at', 'channel', 'campaign_id', 'utm_source', 'utm_medium'], touches)}
      ${sourceMedium ? 'LEFT JOIN campaigns cmp ON cmp.id = t.campaign_id' : ''}
    ),
    positioned AS (
      SELECT jt.*, row_number() OVER (PARTITION BY jt.deal_id ORDER BY jt.occurred_at, jt.id) - 1 AS i,
             count(*) OVER (PARTITION BY jt.deal_id) AS n${key ? `,
             row_number() OVER (PARTITION BY jt.deal_id, jt.${key} ORDER BY jt.occurred_at, jt.id) = 1 AS first_of_key` : ''}
      FROM journey_touch jt
    )`;
}

/**
 * The CTE `deal_credit` (after positionedSql's): per deal and model k, the credits of its first
 * and last touches, part_middle_k and middle_cutoff_k (dealCreditsSql), and share_<class>_k, the
 * float8 share as numeric (what the reports sum), converted once per deal.
 * Weights, quotas and remainders depend only on the journey's length: worked out once per deal.
 */
function dealCreditSql(weights: readonly EndWeights[]): string {
  const columns = weights.map((_, index) => String(index));
  const split = weights.map(weightSql);
  return `
    deal_split AS MATERIALIZED (
      SELECT deal_id, n, amount, ${split.map(({ weight, total }, k) => CLASSES.map(([c, i]) => `(${weight(i)})::bigint AS weight_${c}_${k}`)
    .concat(`(${total})::bigint AS total_${k}`).join(', ')).join(', ')}
      FROM positioned WHERE i = 0
    ),
    quota AS (
      SELECT s.deal_id, s.n, s.amount, ${columns.map((k) => CLASSES.map(([c]) => `weight_${c}_${k}`).concat(`total_${k}`).join(', ')).join(', ')},
             ${columns.map((k) => CLASSES.map(([c]) => `${quotaSql('amount', `weight_${c}_${k}`, `total_${k}`, '/', 'div')} AS part_${c}_${k}, `
    + `${quotaSql('amount', `weight_${c}_${k}`, `total_${k}`, '%', 'mod')} AS rest_${c}_${k}`).join(', ')).join(', ')}
      FROM deal_split s
    ),
    deal_credit AS MATERIALIZED (
      SELECT deal_id, ${columns.map((k) => `${dealCreditsSql(k)}, `
    + CLASSES.map(([c]) => `(weight_${c}_${k}::float8 / total_${k}::float8)::numeric AS share_${c}_${k}`).join(', ')).join(', ')}
      FROM quota
    )`;
}

// Model k's credit of the touch at position p.i (deal_credit q).
const touchCreditSql = (k: string) => `CASE WHEN p.i = 0 THEN credit_first_${k} WHEN p.i = p.n - 1 THEN credit_last_${k}
  ELSE part_middle_${k} + (p.i < middle_cutoff_${k})::int END`;

/**
 * Credits in SQL (one statement, set-based) for the requests every model of which gives shares by
 * position alone (FIRST_TOUCH, LAST_TOUCH, POSITION_BASED, J_SHAPED, INVERSE_J, LINEAR, CUSTOM with
 * only FIRST, LAST and MIDDLE weights), grouped by at most one touch dimension and periods: rows
 * shaped as touch_credits, one per journey touch, with share_<k> as numeric (the deal's float8
 * share, converted once per deal), as the stored report sums them. The first touch of each deal
 * and key is flagged by a window over the journeys already in deal order: cheaper than grouping
 * each deal and key first (52 against 58 ms for a quarter of the large demo data). The model
 * columns are named by their index in the request. Undefined for any other request.
 */
export function positionCreditSource(request: AttributionRequest): { source: CreditSource; columns: string[] } | undefined {
  const { scope, groupBy, models } = request;
  const weights = models.map((options) => (isDataDriven(options) ? undefined : endWeights(options)));
  const touchDimensions = groupBy.filter((dimension) => !isPeriod(dimension));
  const known = groupBy.every((dimension) => isPeriod(dimension) || FIRST_OF[dimension] !== undefined);
  if (!known || touchDimensions.length > 1 || weights.some((weight) => weight === undefined)) return undefined;
  const params = new SqlParams();
  const [key, flag] = touchDimensions.length === 1 ? FIRST_OF[touchDimensions[0]]! : [undefined, undefined];
  const positioned = positionedSql(scope, params, groupBy.includes(Dimension.SOURCE_MEDIUM), key);
  const columns = models.map((_, index) => String(index));
  const basis = params.add(scope.basis);
  const keyColumns = ['channel', 'campaign_id', 'source_medium'].map((column) => (column === key ? `p.${column}` : 'NULL'));
  const sql = `${positioned},
    ${dealCreditSql(weights as EndWeights[])},
    position_credits AS (
      SELECT ${basis}::text AS basis, p.id AS touch_id, p.conversion_at, p.amount AS amount_minor,
             ${keyColumns[0]} AS channel, ${keyColumns[1]}::bigint AS campaign_id, ${keyColumns[2]}::text AS source_medium,
             p.i = 0 AS first_of_deal${flag ? `, p.first_of_key AS ${flag}` : ''},
             ${columns.map((k) => `${touchCreditSql(k)} AS credit_${k},
             CASE WHEN p.i = 0 THEN share_first_${k} WHEN p.i = p.n - 1 THEN share_last_${k} ELSE share_middle_${k} END AS share_${k}`).join(', ')}
      FROM positioned p JOIN deal_credit q ON q.deal_id = p.deal_id
      UNION ALL
      SELECT ${basis}, NULL, deal.conversion_at, deal.converted_minor, NULL, NULL, NULL, true${flag ? ', false' : ''},
             ${columns.map(() => '0, 0').join(', ')}
      FROM deal WHERE NOT EXISTS (SELECT 1 FROM deal_credit q WHERE q.deal_id = deal.id)
    )`;
  return { source: { params, sql, name: 'position_credits' }, columns };
}
