import fc from 'fast-check';
import { ONE, compare, divide, fromDecimal, ratio, sharesOfFloats, subtract, sum, toNumber } from './ratio';

describe('ratio', () => {
  test('keeps lowest terms, so equal values are equal objects', () => {
    expect(ratio(2n, 6n)).toEqual(ratio(1n, 3n));
    expect(subtract(ratio(1n, 2n), ratio(1n, 6n))).toEqual(ratio(1n, 3n));
    expect(divide(ratio(3n, 4n), ratio(-3n, 2n))).toEqual(ratio(-1n, 2n));
    expect(() => ratio(1n, 0n)).toThrow(RangeError);
    expect(() => divide(ONE, ratio(0n))).toThrow(RangeError);
  });

  test.each([
    [0.1, ratio(1n, 10n)], [0.225, ratio(9n, 40n)], [1, ONE], [5e-324, ratio(5n, 10n ** 324n)], [1e21, ratio(10n ** 21n)], [0, ratio(0n)],
  ])('reads %p as the decimal it was written as', (value, expected) => {
    expect(fromDecimal(value)).toEqual(expected);
  });

  test('decimal weights that sum to 1 on paper sum to exactly 1', () => {
    expect(sum([0.1, 0.2, 0.7].map(fromDecimal))).toEqual(ONE);
  });

  test('shares of doubles sum to exactly 1, and equal doubles give equal shares', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 20 })
      .filter((values) => values.some((value) => value > 0)), (values) => {
      const shares = sharesOfFloats(values);
      expect(sum(shares)).toEqual(ONE);
      values.forEach((value, i) => values.forEach((other, j) => {
        if (value === other) expect(compare(shares[i], shares[j])).toBe(0);
        if (value < other) expect(compare(shares[i], shares[j])).toBe(-1);
      }));
    }));
    expect(() => sharesOfFloats([0, 0])).toThrow(RangeError);
    expect(() => sharesOfFloats([Number.NaN])).toThrow(RangeError);
  });

  test('toNumber is the nearest double, even for terms beyond the range of doubles', () => {
    expect(toNumber(ratio(1n, 3n))).toBe(1 / 3);
    expect(toNumber(ratio(10n ** 400n, 3n * 10n ** 400n))).toBeCloseTo(1 / 3, 15);
    expect(toNumber(ratio(1n, 2n ** 1074n))).toBe(5e-324);
  });
});
