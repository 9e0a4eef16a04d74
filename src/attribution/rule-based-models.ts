import { JourneyTouch } from './journey';

const DAY_MS = 86_400_000;

function allToOne(count: number, index: number): number[] {
  return Array.from({ length: count }, (_, position) => (position === index ? 1 : 0));
}

/** Each touch 1/n, so a repeated channel earns once per touch. */
export function linearShares(count: number): number[] {
  return new Array<number>(count).fill(1 / count);
}

/** All to the last non-direct touch; to the last touch when every touch is direct. */
export function lastNonDirectShares(journey: readonly JourneyTouch[], directChannels: readonly string[]): number[] {
  const direct = new Set(directChannels);
  const index = journey.findLastIndex((touch) => !direct.has(touch.channel));
  return allToOne(journey.length, index < 0 ? journey.length - 1 : index);
}

/** Weight 2^(-(t* - t_i) / halfLife) over exact fractional days, normalised. */
export function timeDecayShares(journey: readonly JourneyTouch[], conversionAt: Date, halfLifeDays: number): number[] {
  const ages = journey.map((touch) => (conversionAt.getTime() - touch.occurredAt.getTime()) / DAY_MS);
  // Measuring ages from the newest touch leaves the shares unchanged but keeps its weight at 1:
  // years-old journeys would otherwise underflow to all-zero weights.
  const youngest = ages.reduce((min, age) => Math.min(min, age), Infinity);
  const weights = ages.map((age) => 2 ** (-(age - youngest) / halfLifeDays));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight) => weight / total);
}
