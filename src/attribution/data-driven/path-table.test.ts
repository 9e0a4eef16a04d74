import { canonicalRows } from './path-input';
import { buildPathTable } from './path-table';
import { PathRow } from './types';

function row(path: string[], journeys: number, conversions: number, value: bigint): PathRow {
  return { path, journeys, conversions, value };
}

describe('buildPathTable', () => {
  test('merges identical paths and sorts them by their keys', () => {
    const table = buildPathTable(canonicalRows([
      row(['b', 'a'], 2, 1, 5n),
      row(['a'], 1, 0, 0n),
      row(['b', 'a'], 3, 2, 7n),
    ]));
    expect(table.keys).toEqual(['a', 'b']);
    expect(table.paths.map(({ ids, journeys, conversions, value }) => ({ ids, journeys, conversions, value }))).toEqual([
      { ids: [0], journeys: 1, conversions: 0, value: 0n },
      { ids: [1, 0], journeys: 5, conversions: 3, value: 12n },
    ]);
    expect(table.touched).toEqual({ journeys: 6, conversions: 3, value: 12n });
  });

  test('keeps journeys without touches out of the paths (only counted), and drops rows without journeys', () => {
    const table = buildPathTable(canonicalRows([row(['a'], 0, 0, 0n), row(['b'], 1, 0, 0n), row([], 4, 1, 9n)]));
    expect(table.paths.map(({ ids }) => ids)).toEqual([[1]]);
    expect(table.empty).toEqual({ journeys: 4, conversions: 1, value: 9n });
  });
});
