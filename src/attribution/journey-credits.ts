import { allocateByBigIntWeights, allocateByIntegerWeights } from './allocation';
import { creditDeal } from './credit';
import { JourneyContext, JourneyTouch } from './journey';
import { findMilestones, MILESTONES } from './milestones';
import { POSITIONS, Position, PositionWeights } from './position-models';
import { divide, fromDecimal, gcd, integersOfFloats, shareNumbersOfIntegers, sum, toNumber } from './ratio';
import {
  DEFAULT_DIRECT_CHANNELS, DEFAULT_HALF_LIFE_DAYS, POSITION_MODEL_WEIGHTS, PositionModel, RuleBasedModel, RuleBasedOptions,
} from './rule-based-model';
import { lastNonDirectShares, timeDecayWeights } from './rule-based-shares';
import { validateModelOptions } from './validate-model-options';

/** A journey's credits by touch index: minor units, and each touch's share of the deal as a double. */
export interface JourneyCredits {
  readonly amounts: bigint[];
  readonly shares: number[];
}

/** Shares as integer weights over their sum: weight / total exactly. */
interface IntegerShares {
  readonly weights: number[];
  readonly total: number;
}

// Position weights normalised to sum to 1, as integers over one denominator: worked out once per
// weights object, not once per journey (parsing decimals and reducing fractions was a fifth of
// crediting every deal). null when the denominator is too large for double arithmetic.
interface ExactWeights {
  readonly of: Readonly<Record<Position, number>>;
  readonly denominator: number;
}

// Keeps every weight and total below (2^16)^2 x journey length: far inside the safe integers.
const LARGEST_DENOMINATOR = 2n ** 16n;
const LONGEST_JOURNEY = 2 ** 20;
const exactWeightsCache = new WeakMap<PositionWeights, ExactWeights | null>();

function exactWeights(weights: PositionWeights): ExactWeights | null {
  if (exactWeightsCache.has(weights)) return exactWeightsCache.get(weights)!;
  const decimals = POSITIONS.map((position) => fromDecimal(weights[position] ?? 0));
  const total = sum(decimals);
  const normalised = decimals.map((weight) => divide(weight, total));
  const denominator = normalised.reduce((common, { den }) => (common / gcd(common, den)) * den, 1n);
  const exact = denominator > LARGEST_DENOMINATOR ? null : {
    denominator: Number(denominator),
    of: Object.fromEntries(POSITIONS.map((position, index) =>
      [position, Number(normalised[index].num * (denominator / normalised[index].den))])) as Record<Position, number>,
  };
  exactWeightsCache.set(weights, exact);
  return exact;
}

/**
 * positionShares (position-models.ts) as integer weights: a milestone holder gets
 * W x (D - M) x m, each middle touch M x P, over P x D x m, where W is the milestone's weight, P
 * the placed milestones' weight, M the middle weight and m the number of middle touches, all
 * over the common denominator D.
 */
function positionIntegerShares(journey: readonly JourneyTouch[], context: JourneyContext, exact: ExactWeights): IntegerShares {
  const holders = findMilestones(journey, context);
  const weights = new Array<number>(journey.length).fill(0);
  const held = new Array<boolean>(journey.length).fill(false);
  let placed = 0;
  for (const milestone of MILESTONES) {
    const holder = holders[milestone];
    if (holder !== undefined && exact.of[milestone] > 0) {
      held[holder] = true;
      placed += exact.of[milestone];
    }
  }
  const middles = held.reduce((count, isHeld) => (isHeld ? count : count + 1), 0);
  if (placed === 0) {
    return { weights: held.map((isHeld) => (isHeld ? 0 : 1)), total: middles };
  }
  const middle = middles > 0 ? exact.of.MIDDLE : 0;
  const perMilestone = (exact.denominator - middle) * Math.max(middles, 1);
  for (const milestone of MILESTONES) {
    const holder = holders[milestone];
    if (holder !== undefined && exact.of[milestone] > 0) weights[holder] += exact.of[milestone] * perMilestone;
  }
  for (let index = 0; index < weights.length; index += 1) if (!held[index]) weights[index] = middle * placed;
  return { weights, total: placed * exact.denominator * Math.max(middles, 1) };
}

function integerShares(journey: readonly JourneyTouch[], context: JourneyContext, options: RuleBasedOptions): IntegerShares | undefined {
  if (options.collapseRepeats || journey.length > LONGEST_JOURNEY) return undefined;
  if (options.model === RuleBasedModel.LINEAR) return { weights: new Array<number>(journey.length).fill(1), total: journey.length };
  if (options.model === RuleBasedModel.LAST_NON_DIRECT) {
    return { weights: lastNonDirectShares(journey, options.directChannels ?? DEFAULT_DIRECT_CHANNELS).map(({ num }) => Number(num)), total: 1 };
  }
  const weights = options.model === RuleBasedModel.CUSTOM ? options.weights : POSITION_MODEL_WEIGHTS[options.model as PositionModel];
  const exact = weights && exactWeights(weights);
  return exact ? positionIntegerShares(journey, context, exact) : undefined;
}

// TIME_DECAY's weights as exact bigints (integersOfFloats), split without reducing any ratio.
function timeDecayCredits(amountMinor: bigint, journey: readonly JourneyTouch[], context: JourneyContext, halfLifeDays: number): JourneyCredits {
  const weights = integersOfFloats(timeDecayWeights(journey, context.conversionAt, halfLifeDays));
  const total = weights.reduce((sum, weight) => sum + weight, 0n);
  return { amounts: allocateByBigIntWeights(amountMinor, weights), shares: shareNumbersOfIntegers(weights, total) };
}

/**
 * creditDeal (credit.ts) for a journey already in (occurredAt, id) order, by touch index: the
 * same credits, to the unit, and the same shares. Position models, LINEAR and LAST_NON_DIRECT
 * take integer weights and double arithmetic, TIME_DECAY bigint weights; collapsed repeats go through creditDeal.
 */
export function journeyCredits(amountMinor: bigint, journey: readonly JourneyTouch[], context: JourneyContext,
  options: RuleBasedOptions): JourneyCredits {
  validateModelOptions(options);
  if (options.model === RuleBasedModel.TIME_DECAY && !options.collapseRepeats && journey.length > 0) {
    return timeDecayCredits(amountMinor, journey, context, options.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS);
  }
  const integer = journey.length > 0 ? integerShares(journey, context, options) : undefined;
  if (integer) {
    return {
      amounts: allocateByIntegerWeights(amountMinor, integer.weights, integer.total),
      shares: integer.weights.map((weight) => weight / integer.total),
    };
  }
  const amounts = new Array<bigint>(journey.length).fill(0n);
  const shares = new Array<number>(journey.length).fill(0);
  const index = new Map(journey.map((touch, position) => [touch.id, position]));
  for (const credit of creditDeal(amountMinor, journey, context, options)) {
    const position = index.get(credit.touch.id)!;
    amounts[position] = credit.amountMinor;
    shares[position] = toNumber(credit.share);
  }
  return { amounts, shares };
}

/** A model whose shares depend only on a touch's position and the journey's length, as integers. */
export interface EndWeights {
  /** FIRST, LAST and MIDDLE weights normalised to sum to `denominator`. */
  readonly first: number;
  readonly last: number;
  readonly middle: number;
  readonly denominator: number;
}

/**
 * The integer FIRST, LAST and MIDDLE weights of a model that places no other milestone (LINEAR:
 * MIDDLE alone): what crediting in SQL needs. Undefined for any other model or for collapsed repeats.
 */
export function endWeights(options: RuleBasedOptions): EndWeights | undefined {
  if (options.collapseRepeats) return undefined;
  if (options.model === RuleBasedModel.LINEAR) return { first: 0, last: 0, middle: 1, denominator: 1 };
  if (options.model === RuleBasedModel.LAST_NON_DIRECT || options.model === RuleBasedModel.TIME_DECAY) return undefined;
  const exact = exactWeights(options.model === RuleBasedModel.CUSTOM ? options.weights : POSITION_MODEL_WEIGHTS[options.model]);
  if (!exact || exact.of.LEAD_CREATION > 0 || exact.of.OPPORTUNITY_CREATION > 0 || exact.of.CLOSED > 0) return undefined;
  return { first: exact.of.FIRST, last: exact.of.LAST, middle: exact.of.MIDDLE, denominator: exact.denominator };
}
