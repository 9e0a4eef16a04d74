/** Fixed-point scale for shares: a float share times 2^64 is an exact integer, so no precision is lost. */
const SCALE = 2n ** 64n;

function scaledShares(weights: readonly number[]): bigint[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (!(total > 0) || weights.some((weight) => !(weight >= 0) || !Number.isFinite(weight))) {
    throw new RangeError('weights must be finite, non-negative and not all zero');
  }
  const scaled = weights.map((weight) => BigInt(Math.round((weight / total) * 2 ** 64)));
  // Rounding may leave the scaled shares a few units off SCALE: settle it on the largest share.
  const drift = SCALE - scaled.reduce((sum, share) => sum + share, 0n);
  let largest = 0;
  scaled.forEach((share, index) => { if (share > scaled[largest]) largest = index; });
  scaled[largest] += drift;
  return scaled;
}

/**
 * Splits `amount` minor units in proportion to `weights` by largest remainder: each part gets
 * the floor of its exact quota, then the units left over go one by one to the largest fractional
 * parts (ties: the earlier index). The parts always sum exactly to `amount`.
 */
export function allocateMinorUnits(amount: bigint, weights: readonly number[]): bigint[] {
  if (amount < 0n) throw new RangeError('amount must not be negative');
  const shares = scaledShares(weights);
  const parts = shares.map((share) => (amount * share) / SCALE);
  const remainders = shares.map((share) => (amount * share) % SCALE);
  let leftover = amount - parts.reduce((sum, part) => sum + part, 0n);
  const order = remainders
    .map((remainder, index) => ({ remainder, index }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of order) {
    if (leftover === 0n) break;
    parts[index] += 1n;
    leftover -= 1n;
  }
  return parts;
}
