import { PositionWeights, positionShares } from './position-models';
import { ONE, ratio, sum, toNumber } from './ratio';

describe('positionShares', () => {
  test.each<{ name: string; count: number; holders: Parameters<typeof positionShares>[1]; weights: PositionWeights; expected: number[] }>([
    {
      name: 'rule 1: a touch holding several positions gets their sum',
      count: 3,
      holders: { FIRST: 0, LAST: 2, LEAD_CREATION: 0 },
      weights: { FIRST: 0.4, LEAD_CREATION: 0.4, MIDDLE: 0.2 },
      expected: [0.8, 0.1, 0.1],
    },
    {
      name: 'rule 2: MIDDLE is split equally over touches holding no weighted position',
      count: 5,
      holders: { FIRST: 0, LAST: 4, LEAD_CREATION: 1, OPPORTUNITY_CREATION: 3 },
      weights: { FIRST: 0.3, LEAD_CREATION: 0.3, OPPORTUNITY_CREATION: 0.3, MIDDLE: 0.1 },
      expected: [0.3, 0.3, 0.05, 0.3, 0.05],
    },
    {
      name: 'rule 3: an absent milestone\'s weight follows the placed ones in proportion',
      count: 3,
      holders: { FIRST: 0, LAST: 2 },
      weights: { FIRST: 0.2, LEAD_CREATION: 0.5, MIDDLE: 0.3 },
      expected: [0.7, 0.15, 0.15],
    },
    {
      name: 'rule 3: MIDDLE with no middle touch follows the placed milestones in proportion',
      count: 2,
      holders: { FIRST: 0, LAST: 1 },
      weights: { FIRST: 0.2, LAST: 0.6, MIDDLE: 0.2 },
      expected: [0.25, 0.75],
    },
    {
      name: 'rule 3: with no positive milestone placed, everything goes to the middle touches',
      count: 3,
      holders: { FIRST: 0, LAST: 2 },
      weights: { LEAD_CREATION: 0.5, CLOSED: 0.3, MIDDLE: 0.2 },
      expected: [1 / 3, 1 / 3, 1 / 3],
    },
    {
      name: 'a zero-weight position is not held: its touch stays in the middle',
      count: 3,
      holders: { FIRST: 0, LAST: 2 },
      weights: { FIRST: 0, LAST: 0.5, MIDDLE: 0.5 },
      expected: [0.25, 0.25, 0.5],
    },
    {
      name: 'rule 4: one touch gets everything',
      count: 1,
      holders: { FIRST: 0, LAST: 0 },
      weights: { FIRST: 0.2, LAST: 0.6, MIDDLE: 0.2 },
      expected: [1],
    },
    {
      name: 'weights summing to 1 only within rounding still give shares summing to 1',
      count: 2,
      holders: { FIRST: 0, LAST: 1 },
      weights: { FIRST: 0.5, LAST: 0.5 + 1e-10 },
      expected: [0.5, 0.5],
    },
    {
      name: 'a tiny (subnormal) placed weight still takes everything MIDDLE cannot',
      count: 2,
      holders: { FIRST: 0, LAST: 1 },
      weights: { FIRST: 5e-324, LEAD_CREATION: 1 },
      expected: [1, 0],
    },
  ])('$name', ({ count, holders, weights, expected }) => {
    const shares = positionShares(count, holders, weights);
    expect(shares).toHaveLength(expected.length);
    shares.forEach((share, index) => expect(toNumber(share)).toBeCloseTo(expected[index], 9));
    expect(sum(shares)).toEqual(ONE);
  });

  test('shares are exact: the W_SHAPED middle is two equal twentieths, whatever the weights\' binary rounding', () => {
    const shares = positionShares(5, { FIRST: 0, LAST: 4, LEAD_CREATION: 1, OPPORTUNITY_CREATION: 3 },
      { FIRST: 0.3, LEAD_CREATION: 0.3, OPPORTUNITY_CREATION: 0.3, MIDDLE: 0.1 });
    expect(shares).toEqual([ratio(3n, 10n), ratio(3n, 10n), ratio(1n, 20n), ratio(3n, 10n), ratio(1n, 20n)]);
  });

  test('no touches, no shares', () => {
    expect(positionShares(0, {}, { FIRST: 1 })).toEqual([]);
  });
});
