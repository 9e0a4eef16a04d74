import { MILESTONES, Milestone, MilestoneHolders } from './milestones';

export type Position = Milestone | 'MIDDLE';

export const POSITIONS: readonly Position[] = [...MILESTONES, 'MIDDLE'];

/** A weight per position; a missing position weighs 0. */
export type PositionWeights = Readonly<Partial<Record<Position, number>>>;

interface PlacedWeight {
  readonly holder: number;
  readonly weight: number;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/**
 * Shares of a position model over `count` touches (ATTRIBUTION.md, rules 1-3). Only positions
 * with a positive weight count as held, so MIDDLE is every touch holding none of those.
 */
export function positionShares(count: number, holders: MilestoneHolders, weights: PositionWeights): number[] {
  // Normalising first lets callers' weights that sum to 1 only within rounding still give shares summing to 1.
  const total = sum(POSITIONS.map((position) => weights[position] ?? 0));
  const placed = MILESTONES.flatMap((milestone): PlacedWeight[] => {
    const holder = holders[milestone];
    const weight = (weights[milestone] ?? 0) / total;
    return holder !== undefined && weight > 0 ? [{ holder, weight }] : [];
  });
  const held = new Set(placed.map(({ holder }) => holder));
  const middle = Array.from({ length: count }, (_, index) => index).filter((index) => !held.has(index));
  const placedWeight = sum(placed.map(({ weight }) => weight));

  const shares = new Array<number>(count).fill(0);
  if (placedWeight === 0) {
    for (const index of middle) shares[index] = 1 / middle.length;
    return shares;
  }
  const middleWeight = middle.length > 0 ? (weights.MIDDLE ?? 0) / total : 0;
  // What cannot be placed (absent milestones, MIDDLE without middle touches) follows the placed
  // milestones in proportion to their weights: together they fill everything MIDDLE leaves.
  // Dividing first keeps tiny (subnormal) weights from overflowing to Infinity.
  for (const { holder, weight } of placed) shares[holder] += (weight / placedWeight) * (1 - middleWeight);
  for (const index of middle) shares[index] += middleWeight / middle.length;
  return shares;
}
