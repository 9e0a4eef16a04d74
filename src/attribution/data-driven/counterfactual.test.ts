import { counterfactualAttribution } from './counterfactual';
import { PathRow } from './types';
import { row } from './path-row.fixture';

function amounts(rows: PathRow[]): Record<string, bigint> {
  return Object.fromEntries(counterfactualAttribution(rows).credits.map(({ key, amountMinor }) => [key, amountMinor]));
}

describe('counterfactualAttribution', () => {
  test('leave-one-out marginals against the rates of the shorter paths', () => {
    // p(A>B) = 2/3; without A: p(B) = 1/2, marginal 1/6; without B: p(A) = 1/3, marginal 1/3.
    // A>B splits 1/3, 2/3; the one-touch paths give their key everything.
    const result = counterfactualAttribution([row('A>B', 2, 1), row('A', 1, 2), row('B', 1, 1)]);
    expect(result.credits).toEqual([
      { key: 'A', amountMinor: 10_000n + 6_667n, dealCredit: expect.closeTo(5 / 3, 12) },
      { key: 'B', amountMinor: 10_000n + 13_333n, dealCredit: expect.closeTo(7 / 3, 12) },
    ]);
    expect(result.unattributed).toEqual([]);
  });

  test('a shorter path never seen has rate 0, so each touch is worth the whole rate', () => {
    expect(amounts([row('A>B>C', 1, 1, 30_000n)])).toEqual({ A: 10_000n, B: 10_000n, C: 10_000n });
  });

  test('when every marginal is 0 the last touch gets everything', () => {
    // p(A>B) = 1/2 is below p(A) = p(B) = 1.
    expect(amounts([row('A>B', 1, 1), row('A', 1, 0, 0n), row('B', 1, 0, 0n)])).toEqual({ A: 0n, B: 10_000n });
  });

  test('repeated keys: each touch earns its own marginal, removed without re-collapsing', () => {
    // A>B>A (p 1): without touch 0, B>A (p 1/2): .5; without touch 1, A>A (unseen): 1;
    // without touch 2, A>B (p 0): 1. Shares .2/.4/.4, so A .6 and B .4. B>A splits equally.
    expect(amounts([row('A>B>A', 1, 0), row('B>A', 1, 1), row('A>B', 0, 1)]))
      .toEqual({ A: 6_000n + 5_000n, B: 4_000n + 5_000n });
  });

  test('a unit that cannot be split evenly goes to the earlier touch', () => {
    expect(amounts([row('B>A', 1, 0, 1n)])).toEqual({ A: 0n, B: 1n });
  });

  test('keys only in non-converting paths are listed with nothing', () => {
    expect(amounts([row('A', 1, 0), row('X>A', 0, 4)])).toEqual({ A: 10_000n, X: 0n });
  });

  test('no conversions', () => {
    expect(counterfactualAttribution([row('A>B', 0, 2)]).unattributed)
      .toEqual([{ reason: 'NO_CONVERSIONS', amountMinor: 0n, dealCredit: 0 }]);
  });

  test('a path of hundreds of touches among thousands of paths', () => {
    const keys = ['A', 'B', 'C', 'D'];
    const long = (length: number, shift: number) => Array.from({ length }, (_, i) => keys[(i + shift) % 4]).join('>');
    const rows = Array.from({ length: 2_000 }, (_, i) => row(long(300 + (i % 50), i), 1, i % 3));
    const result = counterfactualAttribution(rows);
    expect(result.credits.reduce((sum, { amountMinor }) => sum + amountMinor, 0n)).toBe(20_000_000n);
    result.credits.forEach(({ amountMinor }) => expect(amountMinor > 0n).toBe(true));
  });
});
