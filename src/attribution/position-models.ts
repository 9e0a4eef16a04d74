import { MILESTONES, Milestone, MilestoneHolders } from './milestones';
import { ONE, Ratio, ZERO, add, divide, fromDecimal, multiply, ratio, subtract, sum } from './ratio';

export type Position = Milestone | 'MIDDLE';

export const POSITIONS: readonly Position[] = [...MILESTONES, 'MIDDLE'];

/** A weight per position, as a decimal such as 0.225; a missing position weighs 0. */
export type PositionWeights = Readonly<Partial<Record<Position, number>>>;

interface PlacedWeight {
  readonly holder: number;
  readonly weight: Ratio;
}

/**
 * Shares of a position model over `count` touches (docs/attribution.md, rules 1-3), exact: the
 * weights are taken as the decimals they were written as. Only positions with a positive weight
 * count as held, so MIDDLE is every touch holding none of those.
 */
export function positionShares(count: number, holders: MilestoneHolders, weights: PositionWeights): Ratio[] {
  const exact = (position: Position) => fromDecimal(weights[position] ?? 0);
  // Normalising first lets callers' weights that sum to 1 only within rounding still give shares summing to 1.
  const total = sum(POSITIONS.map(exact));
  const placed = MILESTONES.flatMap((milestone): PlacedWeight[] => {
    const holder = holders[milestone];
    const weight = divide(exact(milestone), total);
    return holder !== undefined && weight.num > 0n ? [{ holder, weight }] : [];
  });
  const held = new Set(placed.map(({ holder }) => holder));
  const middle = Array.from({ length: count }, (_, index) => index).filter((index) => !held.has(index));
  const placedWeight = sum(placed.map(({ weight }) => weight));

  const shares = new Array<Ratio>(count).fill(ZERO);
  if (placedWeight.num === 0n) {
    for (const index of middle) shares[index] = ratio(1n, BigInt(middle.length));
    return shares;
  }
  const middleWeight = middle.length > 0 ? divide(exact('MIDDLE'), total) : ZERO;
  // What cannot be placed (absent milestones, MIDDLE without middle touches) follows the placed
  // milestones in proportion to their weights: together they fill everything MIDDLE leaves.
  const milestoneWeight = subtract(ONE, middleWeight);
  for (const { holder, weight } of placed) {
    shares[holder] = add(shares[holder], multiply(divide(weight, placedWeight), milestoneWeight));
  }
  const perMiddle = divide(middleWeight, ratio(BigInt(Math.max(middle.length, 1))));
  for (const index of middle) shares[index] = perMiddle;
  return shares;
}
