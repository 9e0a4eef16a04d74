import fc from 'fast-check';
import {
  ONE, compare, divide, fromDecimal, integersOfFloats, ratio, shareNumbersOfIntegers, sharesOfFloats, subtract, sum, toNumber,
} from './ratio';

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

  test('shareNumbersOfIntegers gives toNumber\'s doubles, also where toNumber is a unit off the nearest', () => {
    const asToNumber = (weights: bigint[]) => {
      const total = weights.reduce((all, weight) => all + weight, 0n);
      expect(shareNumbersOfIntegers(weights, total)).toEqual(weights.map((weight) => (weight === 0n ? 0 : toNumber(ratio(weight, total)))));
    };
    // TIME_DECAY's weights: powers of two of any spread, some equal, some too small for a double.
    fc.assert(fc.property(fc.array(fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: -1100, max: 0, noNaN: true }).map((power) => 2 ** power)),
      { minLength: 1, maxLength: 30 }), (weights) => asToNumber(integersOfFloats([1, ...weights]))), { numRuns: 2000 });
    // toNumber rounds a quotient cut after 64 or 65 bits; these ratios' cut quotients sit exactly half-way, and
    // it rounds them down where the nearest double is a unit up.
    const halfWay: Array<[bigint, bigint]> = [
      [2369521978219408553n, 4123795383228804981n], [2046855446273452698n, 2059215611579506609n], [664376234675115400n, 1106443604793361539n],
    ];
    for (const [weight, total] of halfWay) {
      const nearest = Number((weight << 200n) / total | 1n) / 2 ** 200;
      expect(toNumber(ratio(weight, total))).toBeLessThan(nearest);
      asToNumber([weight, total - weight]);
    }
  });
});

