import fc from 'fast-check';
import { allocateByIntegerWeights, allocateMinorUnits } from './allocation';
import { Ratio, fromDecimal, ratio, sharesOfFloats } from './ratio';

const decimals = (values: number[]): Ratio[] => values.map(fromDecimal);

describe('allocateMinorUnits', () => {
  test.each([
    { amount: 100n, weights: [1, 1, 1], expected: [34n, 33n, 33n] },
    { amount: 1000n, weights: [0.4, 0.2, 0.4], expected: [400n, 200n, 400n] },
    { amount: 1n, weights: [0.5, 0.5], expected: [1n, 0n] },
    { amount: 10n, weights: [0.3, 0.05, 0.3, 0.3, 0.05], expected: [3n, 1n, 3n, 3n, 0n] },
    { amount: 0n, weights: [1, 2], expected: [0n, 0n] },
    { amount: 7n, weights: [0, 1], expected: [0n, 7n] },
  ])('splits $amount by $weights', ({ amount, weights, expected }) => {
    expect(allocateMinorUnits(amount, decimals(weights))).toEqual(expected);
  });

  test('large amounts (ten trillion dollars in cents) stay exact', () => {
    const amount = 1_000_000_000_000_001n;
    expect(allocateMinorUnits(amount, decimals([1, 1, 1]))).toEqual([333_333_333_333_334n, 333_333_333_333_334n, 333_333_333_333_333n]);
  });

  test('equal thirds tie exactly: the leftover unit goes to the first, however the thirds are written', () => {
    expect(allocateMinorUnits(100n, [ratio(1n, 3n), ratio(2n, 6n), ratio(1n, 3n)])).toEqual([34n, 33n, 33n]);
    // In floating point the first of these is the smallest: 1/3 vs 1 - 2/3.
    expect(allocateMinorUnits(100n, sharesOfFloats([1 / 3, 1 / 3, 1 / 3]))).toEqual([34n, 33n, 33n]);
  });

  test('refuses weights that cannot be shares', () => {
    expect(() => allocateMinorUnits(10n, decimals([0, 0]))).toThrow(RangeError);
    expect(() => allocateMinorUnits(10n, [ratio(-1n), ratio(2n)])).toThrow(RangeError);
    expect(() => allocateMinorUnits(-1n, decimals([1]))).toThrow(RangeError);
  });

  const weights = fc.array(fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 6n }), fc.bigInt({ min: 1n, max: 10n ** 6n })), { minLength: 1, maxLength: 40 })
    .filter((pairs) => pairs.some(([num]) => num > 0n))
    .map((pairs) => pairs.map(([num, den]) => ratio(num, den)));

  test('parts are non-negative, sum exactly to the amount and are the floor or ceiling of the exact quota', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), weights, (amount, shares) => {
      const parts = allocateMinorUnits(amount, shares);
      expect(parts.reduce((sum, part) => sum + part, 0n)).toBe(amount);
      // Quotas over a common denominator: amount x w_i / sum(w), compared exactly.
      const common = shares.reduce((product, { den }) => product * den, 1n);
      const integers = shares.map(({ num, den }) => num * (common / den));
      const total = integers.reduce((sum, weight) => sum + weight, 0n);
      parts.forEach((part, index) => {
        const floor = (amount * integers[index]) / total;
        expect(part === floor || part === floor + 1n).toBe(true);
      });
    }));
  });

  test('of two equal weights, the earlier part is never the smaller', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), weights, fc.nat(), (amount, shares, pick) => {
      // Repeat one weight later in the list, written with another denominator.
      const repeated = shares[pick % shares.length];
      const list = [...shares, ratio(repeated.num * 7n, repeated.den * 7n)];
      const parts = allocateMinorUnits(amount, list);
      expect(parts[pick % shares.length] >= parts[list.length - 1]).toBe(true);
    }));
  });

  test('allocateByIntegerWeights splits as allocateMinorUnits does, however many distinct remainders there are', () => {
    // Few distinct weights (as the models give), or many; with the earlier of equal remainders first.
    const integerWeights = fc.oneof(
      fc.array(fc.constantFrom(0, 1, 2, 5), { minLength: 1, maxLength: 60 }),
      fc.array(fc.nat({ max: 10 ** 6 }), { minLength: 1, maxLength: 60 }),
    ).filter((list) => list.some((weight) => weight > 0));
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 10n ** 9n }), integerWeights, (amount, list) => {
      const total = list.reduce((sum, weight) => sum + weight, 0);
      expect(allocateByIntegerWeights(amount, list, total))
        .toEqual(allocateMinorUnits(amount, list.map((weight) => ratio(BigInt(weight), BigInt(total)))));
    }), { numRuns: 1000 });
  });
});

