import { TooManyKeysError } from './errors';
import { shapleyAttribution } from './shapley';
import { PathRow } from './types';
import { row } from './path-row.fixture';

function amounts(rows: PathRow[]): Record<string, bigint> {
  return Object.fromEntries(shapleyAttribution(rows).credits.map(({ key, amountMinor }) => [key, amountMinor]));
}

describe('shapleyAttribution', () => {
  test('the worked example of the spec', () => {
    // Sets {A} 2/10, {B} 1/10, {A,B} 3/6 (over two orders): {A,B} journeys split .6/.4.
    const result = shapleyAttribution([row('A', 2, 8), row('B', 1, 9), row('A>B', 2, 2), row('B>A', 1, 1)]);
    expect(result.credits).toEqual([
      { key: 'A', amountMinor: 38_000n, dealCredit: expect.closeTo(3.8, 12) },
      { key: 'B', amountMinor: 22_000n, dealCredit: expect.closeTo(2.2, 12) },
    ]);
    expect(result.unattributed).toEqual([]);
  });

  test('a repeated key counts once: the set of A>B>A is {A, B}', () => {
    // v(A) = 1/4, v(B) = 0, v(AB) = 2/4 (A>B>A and B>A together): phi_A = 3/8, phi_B = 1/8.
    expect(amounts([row('A>B>A', 1, 1), row('B>A', 1, 1), row('A', 1, 3), row('B', 0, 4)]))
      .toEqual({ A: 10_000n + 2n * 7_500n, B: 2n * 2_500n });
  });

  test('a negative Shapley value counts as 0', () => {
    // v(A) = .5, v(B) = 0, v(AB) = .2: phi_A = .35, phi_B = -.15, so A takes all of A>B.
    expect(amounts([row('A', 1, 1), row('B', 0, 1), row('A>B', 1, 4)])).toEqual({ A: 20_000n, B: 0n });
  });

  test('a set never seen alone is worth 0 alone', () => {
    // Only {A,B,C} is seen: by symmetry each gets a third.
    expect(amounts([row('A>B>C', 3, 3, 10n)])).toEqual({ A: 10n, B: 10n, C: 10n });
  });

  test('a unit that cannot be split evenly goes to the key touched first', () => {
    expect(amounts([row('B>A', 1, 0, 1n)])).toEqual({ A: 0n, B: 1n });
  });

  test('more than 12 distinct keys in a converting journey is refused, naming it', () => {
    const path = Array.from({ length: 13 }, (_, index) => `k${index}`);
    const rows = [{ path, journeys: 1, conversions: 1, value: 5n }];
    expect(() => shapleyAttribution(rows)).toThrow(TooManyKeysError);
    expect(() => shapleyAttribution(rows)).toThrow(/k0 > k1 > .* > k12/);
  });

  test('13 keys are fine in a journey that did not convert', () => {
    const path = Array.from({ length: 13 }, (_, index) => `k${index}`);
    const result = shapleyAttribution([{ path, journeys: 1, conversions: 0, value: 0n }, row('k0', 1, 0)]);
    expect(result.credits.find(({ key }) => key === 'k0')?.amountMinor).toBe(10_000n);
  });

  test('12 keys over a path of hundreds of touches', () => {
    const keys = Array.from({ length: 12 }, (_, index) => `k${index}`);
    const path = Array.from({ length: 480 }, (_, index) => keys[index % 12]);
    const result = shapleyAttribution([{ path, journeys: 2, conversions: 1, value: 1_200n }]);
    expect(result.credits.map(({ amountMinor }) => amountMinor)).toEqual(keys.map(() => 100n));
  });

  test('no conversions', () => {
    expect(shapleyAttribution([row('A', 0, 2)]).unattributed)
      .toEqual([{ reason: 'NO_CONVERSIONS', amountMinor: 0n, dealCredit: 0 }]);
  });
});
