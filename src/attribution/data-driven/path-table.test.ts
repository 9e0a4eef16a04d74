import { InvalidPathRowError } from './errors';
import { buildPathTable } from './path-table';
import { PathRow } from './types';

function row(path: string[], journeys: number, conversions: number, value: bigint): PathRow {
  return { path, journeys, conversions, value };
}

describe('buildPathTable', () => {
  test('sorts keys, merges identical paths and sorts them', () => {
    const table = buildPathTable([
      row(['b', 'a'], 2, 1, 5n),
      row(['a'], 1, 0, 0n),
      row(['b', 'a'], 3, 2, 7n),
    ]);
    expect(table.keys).toEqual(['a', 'b']);
    expect(table.paths.map(({ ids, journeys, conversions, value }) => ({ ids, journeys, conversions, value }))).toEqual([
      { ids: [0], journeys: 1, conversions: 0, value: 0n },
      { ids: [1, 0], journeys: 5, conversions: 3, value: 12n },
    ]);
    expect(table.touched).toEqual({ journeys: 6, conversions: 3, value: 12n });
  });

  test('keeps journeys without touches apart and drops rows without journeys', () => {
    const table = buildPathTable([row([], 4, 1, 9n), row(['a'], 0, 0, 0n)]);
    expect(table.paths).toEqual([]);
    expect(table.keys).toEqual(['a']);
    expect(table.empty).toEqual({ journeys: 4, conversions: 1, value: 9n });
  });

  test.each([
    { name: 'negative journeys', bad: row(['a'], -1, 0, 0n) },
    { name: 'fractional conversions', bad: row(['a'], 2, 0.5, 0n) },
    { name: 'more conversions than journeys', bad: row(['a'], 1, 2, 3n) },
    { name: 'negative value', bad: row(['a'], 1, 1, -3n) },
    { name: 'value without conversions', bad: row(['a'], 1, 0, 3n) },
  ])('refuses $name', ({ bad }) => {
    expect(() => buildPathTable([bad])).toThrow(InvalidPathRowError);
  });
});
