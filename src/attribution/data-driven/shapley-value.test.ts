import { shapleyValues } from './shapley-value';

/** Worths of every coalition mask of an n-player game. */
function game(n: number, worth: (members: number[]) => number): Float64Array {
  return Float64Array.from({ length: 1 << n }, (_, mask) =>
    worth(Array.from({ length: n }, (_, player) => player).filter((player) => mask & (1 << player))));
}

describe('shapleyValues', () => {
  test('an additive game pays each player its own worth', () => {
    const own = [3, 5, 7];
    const values = shapleyValues(game(3, (members) => members.reduce((sum, p) => sum + own[p], 0)), 3);
    values.forEach((value, player) => expect(value).toBeCloseTo(own[player], 12));
  });

  test('the glove game: one left glove, two right gloves', () => {
    // Player 0 holds the left glove; a pair is worth 1. Known values: 2/3, 1/6, 1/6.
    const values = shapleyValues(game(3, (members) => (members.includes(0) && members.length > 1 ? 1 : 0)), 3);
    [2 / 3, 1 / 6, 1 / 6].forEach((expected, player) => expect(values[player]).toBeCloseTo(expected, 12));
  });

  test('efficiency: the values sum to v(N) - v({}) for 12 players', () => {
    const worths = game(12, (members) => Math.sin(members.reduce((sum, p) => sum * 3 + p + 1, 0)));
    const total = shapleyValues(worths, 12).reduce((sum, value) => sum + value, 0);
    expect(total).toBeCloseTo(worths[(1 << 12) - 1] - worths[0], 10);
  });

  test('refuses a worth table of the wrong size', () => {
    expect(() => shapleyValues(new Float64Array(3), 2)).toThrow(RangeError);
  });
});
