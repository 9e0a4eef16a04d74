/**
 * Exact Shapley values of an n-player game given as `worth[mask]` for every coalition mask
 * (bit i set = player i in it; worth[0] is the empty coalition). O(n 2^n).
 */
export function shapleyValues(worth: Float64Array, n: number): number[] {
  const size = 1 << n;
  if (worth.length !== size) throw new RangeError(`expected ${size} coalition worths, got ${worth.length}`);
  const weights = coalitionWeights(n);
  const values = new Array<number>(n).fill(0);
  for (let mask = 0; mask < size; mask += 1) {
    const weight = weights[popcount(mask)];
    for (let player = 0; player < n; player += 1) {
      const bit = 1 << player;
      if ((mask & bit) === 0) values[player] += weight * (worth[mask | bit] - worth[mask]);
    }
  }
  return values;
}

/** |S|! (n - |S| - 1)! / n! for each coalition size |S| a player can join. */
function coalitionWeights(n: number): number[] {
  const factorial = [1];
  for (let k = 1; k <= n; k += 1) factorial.push(factorial[k - 1] * k);
  return Array.from({ length: n }, (_, s) => (factorial[s] * factorial[n - s - 1]) / factorial[n]);
}

function popcount(mask: number): number {
  let count = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) count += 1;
  return count;
}
