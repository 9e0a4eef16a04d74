import { toPathRows } from './path-rows';

describe('toPathRows', () => {
  const journeys = [
    { path: ['a', 'a', 'b'], converted: true, value: 100n },
    { path: ['a', 'b', 'b'], converted: false, value: 999n },
    { path: ['a', 'b'], converted: true, value: 50n },
    { path: [], converted: true, value: 7n },
  ];

  test('collapses repeats by default and sums journeys, conversions and converting value', () => {
    expect(toPathRows(journeys)).toEqual([
      { path: ['a', 'b'], journeys: 3, conversions: 2, value: 150n },
      { path: [], journeys: 1, conversions: 1, value: 7n },
    ]);
  });

  test('keeps repeats when asked', () => {
    expect(toPathRows(journeys, { collapseRepeats: false })).toEqual([
      { path: ['a', 'a', 'b'], journeys: 1, conversions: 1, value: 100n },
      { path: ['a', 'b', 'b'], journeys: 1, conversions: 0, value: 0n },
      { path: ['a', 'b'], journeys: 1, conversions: 1, value: 50n },
      { path: [], journeys: 1, conversions: 1, value: 7n },
    ]);
  });

  test('keys that contain separators stay distinct', () => {
    const rows = toPathRows([
      { path: ['a,b'], converted: false, value: 0n },
      { path: ['a', 'b'], converted: false, value: 0n },
    ]);
    expect(rows).toHaveLength(2);
  });
});
