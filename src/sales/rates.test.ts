import { averageMinor, ratio } from './rates';

describe('ratio', () => {
  test.each([
    [1, 4, 0.25],
    [0, 3, 0],
    [3, 3, 1],
    [5, 0, null],
    [0, 0, null],
  ])('%d / %d = %p', (numerator, denominator, expected) => {
    expect(ratio(numerator, denominator)).toBe(expected);
  });
});

describe('averageMinor', () => {
  test.each([
    [1000n, 4, 250n],
    [1000n, 3, 333n],
    [1001n, 2, 501n],
    [5n, 2, 3n],
    [-5n, 2, -3n],
    [4n, 3, 1n],
    [0n, 7, 0n],
    [123456789012345678901n, 1, 123456789012345678901n],
    [10n, 0, null],
  ])('%p / %d = %p', (total, count, expected) => {
    expect(averageMinor(total, count)).toBe(expected);
  });
});
