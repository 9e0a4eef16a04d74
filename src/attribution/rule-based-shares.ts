import { JourneyTouch } from './journey';
import { ONE, Ratio, ZERO, ratio, sharesOfFloats } from './ratio';

const DAY_MS = 86_400_000;

function allToOne(count: number, index: number): Ratio[] {
  return Array.from({ length: count }, (_, position) => (position === index ? ONE : ZERO));
}

/** Each touch 1/n, so a repeated channel earns once per touch. */
export function linearShares(count: number): Ratio[] {
  return new Array<Ratio>(count).fill(ratio(1n, BigInt(count)));
}

/** All to the last non-direct touch; to the last touch when every touch is direct. */
export function lastNonDirectShares(journey: readonly JourneyTouch[], directChannels: readonly string[]): Ratio[] {
  const direct = new Set(directChannels);
  const index = journey.findLastIndex((touch) => !direct.has(touch.channel));
  return allToOne(journey.length, index < 0 ? journey.length - 1 : index);
}

/**
 * Each touch's TIME_DECAY weight, 2^(-(t* - t_i) / halfLife) over exact fractional days, as a
 * double: measured from the newest touch, which leaves the shares unchanged but keeps its weight
 * at 1 (years-old journeys would otherwise underflow to all-zero weights).
 */
export function timeDecayWeights(journey: readonly JourneyTouch[], conversionAt: Date, halfLifeDays: number): number[] {
  const ages = journey.map((touch) => (conversionAt.getTime() - touch.occurredAt.getTime()) / DAY_MS);
  const youngest = ages.reduce((min, age) => Math.min(min, age), Infinity);
  return ages.map((age) => 2 ** (-(age - youngest) / halfLifeDays));
}

/**
 * TIME_DECAY's weights normalised. The power is a double; from there on the shares are exact, so
 * touches at the same instant share equally.
 */
export function timeDecayShares(journey: readonly JourneyTouch[], conversionAt: Date, halfLifeDays: number): Ratio[] {
  return sharesOfFloats(timeDecayWeights(journey, conversionAt, halfLifeDays));
}
