import { InvalidPathRowError } from './errors';
import { canonicalRows } from './path-input';
import { PathRow } from './types';

function row(path: string[], journeys: number, conversions: number, value: bigint): PathRow {
  return { path, journeys, conversions, value };
}

describe('canonicalRows', () => {
  test('numbers string keys in key order, sums journeys with and without touches, and keeps only paths', () => {
    const rows = canonicalRows([row(['b', 'a'], 2, 1, 5n), row([], 4, 1, 9n), row(['b'], 1, 0, 0n)]);
    expect(rows.keys).toEqual(['a', 'b']);
    expect(rows.rows.map(({ ids }) => ids)).toEqual([[1, 0], [1]]);
    expect(rows.touched).toEqual({ journeys: 3, conversions: 1, value: 5n });
    expect(rows.empty).toEqual({ journeys: 4, conversions: 1, value: 9n });
  });

  test('takes numbered keys as they are when in key order, and renumbers them otherwise', () => {
    const inOrder = { keys: ['a', 'b'], rows: [{ ids: [1, 0], journeys: 2, conversions: 1, value: 5n }] };
    expect(canonicalRows(inOrder).rows).toBe(inOrder.rows);
    const reversed = canonicalRows({ keys: ['b', 'a'], rows: [{ ids: [0, 1], journeys: 2, conversions: 1, value: 5n }] });
    expect(reversed.keys).toEqual(['a', 'b']);
    expect(reversed.rows.map(({ ids }) => ids)).toEqual([[1, 0]]);
  });

  test('refuses a key numbered twice, and ids that number no key', () => {
    expect(() => canonicalRows({ keys: ['b', 'a', 'b'], rows: [] })).toThrow(RangeError);
    expect(() => canonicalRows({ keys: ['a'], rows: [{ ids: [1], journeys: 1, conversions: 0, value: 0n }] }))
      .toThrow(InvalidPathRowError);
  });

  test.each([
    { name: 'negative journeys', bad: row(['a'], -1, 0, 0n) },
    { name: 'fractional conversions', bad: row(['a'], 2, 0.5, 0n) },
    { name: 'more conversions than journeys', bad: row(['a'], 1, 2, 3n) },
    { name: 'negative value', bad: row(['a'], 1, 1, -3n) },
    { name: 'value without conversions', bad: row(['a'], 1, 0, 3n) },
  ])('refuses $name', ({ bad }) => {
    expect(() => canonicalRows([bad])).toThrow(InvalidPathRowError);
  });
});
