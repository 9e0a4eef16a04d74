import { Ratio, gcd } from './ratio';

const lcm = (a: bigint, b: bigint): bigint => (a / gcd(a, b)) * b;

/** The weights as integers over one common denominator: their ratios, exactly. */
function integerWeights(weights: readonly Ratio[]): bigint[] {
  if (weights.some(({ num }) => num < 0n)) throw new RangeError('weights must not be negative');
  const denominator = weights.reduce((common, { den }) => (common % den === 0n ? common : lcm(common, den)), 1n);
  return weights.map(({ num, den }) => num * (denominator / den));
}

/**
 * Splits `amount` minor units in proportion to `weights` by largest remainder: each part gets
 * the floor of its exact quota, then the units left over go one by one to the largest fractional
 * parts (ties: the earlier index). Quotas and remainders are exact, so equal weights always tie.
 * The parts always sum exactly to `amount`.
 */
export function allocateMinorUnits(amount: bigint, weights: readonly Ratio[]): bigint[] {
  if (amount < 0n) throw new RangeError('amount must not be negative');
  const integers = integerWeights(weights);
  const total = integers.reduce((sum, weight) => sum + weight, 0n);
  if (total === 0n) throw new RangeError('weights must not all be zero');
  const parts = integers.map((weight) => (amount * weight) / total);
  const remainders = integers.map((weight) => (amount * weight) % total);
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
