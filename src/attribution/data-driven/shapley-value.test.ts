import fc from 'fast-check';
import { Ratio, ZERO, add, ratio, subtract, sum, toNumber } from '../ratio';
import { Coalition, shapleyValues } from './shapley-value';

/** Every coalition of an n-player game, with its worth. */
function game(n: number, worth: (members: number[]) => Ratio): Coalition[] {
  return Array.from({ length: 1 << n }, (_, mask) => ({
    mask, worth: worth(Array.from({ length: n }, (_, player) => player).filter((player) => mask & (1 << player))),
  }));
}

/** The textbook definition: every ordering of the players, each paid its marginal on arrival. */
function byOrderings(n: number, worth: (mask: number) => Ratio): Ratio[] {
  const values = new Array<Ratio>(n).fill(ZERO);
  const permute = (order: number[], rest: number[]): void => {
    if (rest.length === 0) {
      let mask = 0;
      for (const player of order) {
        values[player] = add(values[player], subtract(worth(mask | (1 << player)), worth(mask)));
        mask |= 1 << player;
      }
      return;
    }
    rest.forEach((player, index) => permute([...order, player], [...rest.slice(0, index), ...rest.slice(index + 1)]));
  };
  permute([], Array.from({ length: n }, (_, player) => player));
  let orderings = 1n;
  for (let k = 2; k <= n; k += 1) orderings *= BigInt(k);
  return values.map((value) => ratio(value.num, value.den * orderings));
}

describe('shapleyValues', () => {
  test('an additive game pays each player its own worth', () => {
    const own = [3n, 5n, 7n];
    const values = shapleyValues(game(3, (members) => ratio(members.reduce((total, p) => total + own[p], 0n))), 3);
    expect(values).toEqual(own.map((value) => ratio(value)));
  });

  test('the glove game: one left glove, two right gloves', () => {
    // Player 0 holds the left glove; a pair is worth 1. Known values: 2/3, 1/6, 1/6.
    const values = shapleyValues(game(3, (members) => ratio(members.includes(0) && members.length > 1 ? 1n : 0n)), 3);
    expect(values).toEqual([ratio(2n, 3n), ratio(1n, 6n), ratio(1n, 6n)]);
  });

  test('efficiency: the values sum exactly to v(N) for 12 players', () => {
    const worths = game(12, (members) => ratio(BigInt(members.reduce((total, p) => (total * 3 + p + 1) % 1009, 0)), 1009n));
    expect(sum(shapleyValues(worths, 12))).toEqual(worths[(1 << 12) - 1].worth);
  });

  test('equals the average marginal over every ordering, for sparse games of up to 5 players', () => {
    const sparseGame = fc.integer({ min: 1, max: 5 }).chain((n) => fc.tuple(fc.constant(n), fc.uniqueArray(fc.record({
      mask: fc.integer({ min: 1, max: (1 << n) - 1 }),
      worth: fc.tuple(fc.nat(20), fc.integer({ min: 1, max: 20 })).map(([num, den]) => ratio(BigInt(num), BigInt(den))),
    }), { maxLength: 8, selector: ({ mask }) => mask })));
    fc.assert(fc.property(sparseGame, ([n, coalitions]) => {
      const worthOf = (mask: number) => coalitions.find((coalition) => coalition.mask === mask)?.worth ?? ZERO;
      expect(shapleyValues(coalitions, n)).toEqual(byOrderings(n, worthOf));
    }));
  });

  test('symmetric players get exactly equal values, where doubles differ in the last bit', () => {
    // Players 0 and 2 are interchangeable: a coalition's worth depends on how many of them it
    // holds and on players 1 and 3. Summed in doubles, player 0 got 0.425595238095238 and
    // player 2 got 0.42559523809523814.
    const worths: Record<string, Ratio> = {
      '1:-:-': ratio(1n), '0:1:-': ratio(6n, 7n), '1:1:-': ratio(4n, 7n), '2:-:-': ZERO, '2:1:-': ratio(3n, 4n),
      '0:-:3': ratio(3n, 7n), '1:-:3': ratio(1n), '0:1:3': ratio(1n, 2n), '1:1:3': ratio(3n, 7n), '2:-:3': ratio(4n), '2:1:3': ratio(1n, 3n),
    };
    const worth = (members: number[]) => (members.length === 0 ? ZERO : worths[[
      members.filter((player) => player === 0 || player === 2).length, members.includes(1) ? 1 : '-', members.includes(3) ? 3 : '-',
    ].join(':')]);
    const values = shapleyValues(game(4, worth), 4);
    expect(values[0]).toEqual(values[2]);
    expect(toNumber(values[0])).toBeCloseTo(0.4255952380952381, 15);
  });

  test('refuses a coalition with a player outside the game', () => {
    expect(() => shapleyValues([{ mask: 4, worth: ratio(1n) }], 2)).toThrow(RangeError);
  });
});
