import fc from 'fast-check';
import { allocateMinorUnits } from './allocation';

describe('allocateMinorUnits', () => {
  test.each([
    { amount: 100n, weights: [1, 1, 1], expected: [34n, 33n, 33n] },
    { amount: 1000n, weights: [0.4, 0.2, 0.4], expected: [400n, 200n, 400n] },
    { amount: 1n, weights: [0.5, 0.5], expected: [1n, 0n] },
    { amount: 10n, weights: [0.3, 0.05, 0.3, 0.3, 0.05], expected: [3n, 1n, 3n, 3n, 0n] },
    { amount: 0n, weights: [1, 2], expected: [0n, 0n] },
    { amount: 7n, weights: [0, 1], expected: [0n, 7n] },
  ])('splits $amount by $weights', ({ amount, weights, expected }) => {
    expect(allocateMinorUnits(amount, weights)).toEqual(expected);
  });

  test('large amounts (ten trillion dollars in cents) stay exact', () => {
    const amount = 1_000_000_000_000_001n;
    expect(allocateMinorUnits(amount, [1, 1, 1])).toEqual([333_333_333_333_334n, 333_333_333_333_334n, 333_333_333_333_333n]);
  });

  test('refuses weights that cannot be shares', () => {
    expect(() => allocateMinorUnits(10n, [0, 0])).toThrow(RangeError);
    expect(() => allocateMinorUnits(10n, [-1, 2])).toThrow(RangeError);
    expect(() => allocateMinorUnits(10n, [Number.NaN, 1])).toThrow(RangeError);
  });

  test('parts are non-negative, sum exactly to the amount and stay within one unit of the quota', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 40 })
          .filter((weights) => weights.reduce((a, b) => a + b, 0) > 0),
        (amount, weights) => {
          const parts = allocateMinorUnits(amount, weights);
          const total = weights.reduce((a, b) => a + b, 0);
          expect(parts.reduce((sum, part) => sum + part, 0n)).toBe(amount);
          parts.forEach((part, index) => {
            expect(part >= 0n).toBe(true);
            const quota = (Number(amount) * weights[index]) / total;
            expect(Math.abs(Number(part) - quota)).toBeLessThan(1 + quota * 1e-9 + 1e-6);
          });
        },
      ),
    );
  });
});
