import { counterfactualAttribution } from './counterfactual';
import { markovAttribution } from './markov';
import { shapleyAttribution } from './shapley';
import { DataDrivenResult, PathRow } from './types';

/** Deterministic pseudo-random rows: `count` journeys over `keyCount` keys, up to `maxLength` touches. */
function journeys(count: number, keyCount: number, maxLength: number): PathRow[] {
  let seed = 7;
  const random = () => {
    seed = (seed * 1_664_525 + 1_013_904_223) >>> 0;
    return seed / 2 ** 32;
  };
  return Array.from({ length: count }, () => {
    const path = Array.from({ length: 1 + Math.floor(random() * maxLength) }, () => `k${Math.floor(random() * keyCount)}`);
    const converted = random() < 0.2;
    return { path, journeys: 1, conversions: converted ? 1 : 0, value: converted ? BigInt(Math.floor(random() * 1e6)) : 0n };
  });
}

function expectSound(result: DataDrivenResult, rows: readonly PathRow[]): void {
  const total = rows.reduce((sum, row) => sum + row.value, 0n);
  const parts = [...result.credits, ...result.unattributed];
  expect(parts.reduce((sum, part) => sum + part.amountMinor, 0n)).toBe(total);
  parts.forEach(({ amountMinor, dealCredit }) => {
    expect(amountMinor >= 0n).toBe(true);
    expect(Number.isFinite(dealCredit) && dealCredit >= 0).toBe(true);
  });
}

describe('robustness on large and long inputs', () => {
  const many = journeys(5_000, 40, 6);
  const long = journeys(200, 8, 400);
  const shapleyLong = journeys(200, 12, 400);

  test.each([1, 2, 3, 4])('MARKOV order %i over thousands of distinct paths and over paths of hundreds of touches', (order) => {
    for (const rows of [many, long]) {
      const result = markovAttribution(rows, { order });
      expectSound(result, rows);
      expect(result.conversionProbability).toBeGreaterThan(0);
      result.removalEffects.forEach(({ effect }) => expect(effect >= 0 && effect <= 1).toBe(true));
    }
  });

  test('COUNTERFACTUAL', () => {
    for (const rows of [many, long]) expectSound(counterfactualAttribution(rows), rows);
  });

  test('SHAPLEY', () => {
    for (const rows of [many, shapleyLong]) expectSound(shapleyAttribution(rows), rows);
  });
});
