import { Ratio, ZERO, add, multiply, ratio, subtract } from '../ratio';

/** A coalition (bit i set = player i in it) and what it is worth; coalitions not listed are worth 0. */
export interface Coalition {
  readonly mask: number;
  readonly worth: Ratio;
}

/**
 * Exact Shapley values of an n-player game with v({}) = 0. By coalition T rather than by player:
 * phi_i = sum over T of v(T) x ((|T| - 1)! (n - |T|)! / n! if i is in T, else -|T|! (n - |T| - 1)! / n!),
 * which is the usual sum of weighted marginals regrouped. Only coalitions worth something cost
 * anything: O(n x listed coalitions).
 */
export function shapleyValues(coalitions: readonly Coalition[], n: number): Ratio[] {
  const factorial = [1n];
  for (let k = 1; k <= n; k += 1) factorial.push(factorial[k - 1] * BigInt(k));
  const values = new Array<Ratio>(n).fill(ZERO);
  for (const { mask, worth } of coalitions) {
    if (mask >>> n !== 0) throw new RangeError(`coalition ${mask} has a player beyond the ${n} of the game`);
    if (mask === 0 || worth.num === 0n) continue;
    const size = popcount(mask);
    const asMember = multiply(worth, ratio(factorial[size - 1] * factorial[n - size], factorial[n]));
    const asOutsider = size < n ? multiply(worth, ratio(factorial[size] * factorial[n - size - 1], factorial[n])) : ZERO;
    for (let player = 0; player < n; player += 1) {
      values[player] = (mask & (1 << player)) !== 0 ? add(values[player], asMember) : subtract(values[player], asOutsider);
    }
  }
  return values;
}

function popcount(mask: number): number {
  let count = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) count += 1;
  return count;
}
