import { Ratio, gcd } from './ratio';

const lcm = (a: bigint, b: bigint): bigint => (a / gcd(a, b)) * b;

/** The weights as integers over one common denominator: their ratios, exactly. */
function integerWeights(weights: readonly Ratio[]): bigint[] {
  if (weights.some(({ num }) => num < 0n)) throw new RangeError('weights must not be negative');
  const denominator = weights.reduce((common, { den }) => (common % den === 0n ? common : lcm(common, den)), 1n);
  return weights.map(({ num, den }) => num * (denominator / den));
}

// Indexes by fractional part, largest first; ties: the earlier index.
function byRemainder<T extends number | bigint>(remainders: readonly T[]): number[] {
  return remainders.map((_, index) => index)
    .sort((a, b) => (remainders[a] === remainders[b] ? a - b : remainders[a] > remainders[b] ? -1 : 1));
}

function largestRemainder(amount: bigint, integers: readonly bigint[]): bigint[] {
  const total = integers.reduce((sum, weight) => sum + weight, 0n);
  if (total === 0n) throw new RangeError('weights must not all be zero');
  const parts = new Array<bigint>(integers.length);
  const remainders = new Array<bigint>(integers.length);
  let leftover = amount;
  integers.forEach((weight, index) => {
    const quota = amount * weight;
    parts[index] = quota / total;
    remainders[index] = quota - parts[index] * total;
    leftover -= parts[index];
  });
  for (const index of byRemainder(remainders)) {
    if (leftover === 0n) break;
    parts[index] += 1n;
    leftover -= 1n;
  }
  return parts;
}

/**
 * Splits `amount` minor units in proportion to `weights` by largest remainder: each part gets
 * the floor of its exact quota, then the units left over go one by one to the largest fractional
 * parts (ties: the earlier index). Quotas and remainders are exact, so equal weights always tie.
 * The parts always sum exactly to `amount`.
 */
export function allocateMinorUnits(amount: bigint, weights: readonly Ratio[]): bigint[] {
  if (amount < 0n) throw new RangeError('amount must not be negative');
  return largestRemainder(amount, integerWeights(weights));
}

// The models' integer weights take a handful of distinct values (one per milestone held, and the
// middle touches'), and so do their remainders: past this many, the remainders left are ordered.
const SCANNED_REMAINDERS = 8;

/**
 * Gives the `leftover` units to the largest remainders (ties: the earlier index), one unit each:
 * a scan per distinct remainder, largest first, rather than ordering every remainder.
 */
function giveLeftover(parts: number[], remainders: readonly number[], leftover: number): void {
  let left = leftover;
  let below = Infinity;
  for (let scans = 0; left > 0; scans += 1) {
    if (scans === SCANNED_REMAINDERS) {
      const rest = byRemainder(remainders).filter((index) => remainders[index] < below);
      for (const index of rest.slice(0, left)) parts[index] += 1;
      return;
    }
    let largest = -1;
    for (const remainder of remainders) if (remainder < below && remainder > largest) largest = remainder;
    for (let index = 0; index < remainders.length && left > 0; index += 1) {
      if (remainders[index] === largest) {
        parts[index] += 1;
        left -= 1;
      }
    }
    below = largest;
  }
}

/**
 * `allocateMinorUnits` for shares given as integer weights over their sum `total` (non-negative
 * safe integers), as crediting every stored deal needs them: while amount x total is a safe
 * integer the quotas are exact in doubles, which is several times faster than bigint arithmetic.
 */
export function allocateByIntegerWeights(amount: bigint, weights: readonly number[], total: number): bigint[] {
  if (amount < 0n) throw new RangeError('amount must not be negative');
  if (total <= 0) throw new RangeError('weights must not all be zero');
  // Above 2^53, Number(amount) rounds, but stays above this bound.
  const units = Number(amount);
  if (units > Math.floor(Number.MAX_SAFE_INTEGER / total)) return largestRemainder(amount, weights.map(BigInt));
  const parts = new Array<number>(weights.length);
  const remainders = new Array<number>(weights.length);
  let leftover = units;
  for (let index = 0; index < weights.length; index += 1) {
    const quota = units * weights[index];
    remainders[index] = quota % total;
    parts[index] = (quota - remainders[index]) / total;
    leftover -= parts[index];
  }
  // Nothing left over (a single holder, or an even split): no remainder to look for.
  if (leftover > 0) giveLeftover(parts, remainders, leftover);
  // Most parts of the single-holder models are zero: one shared 0n rather than a bigint each.
  return parts.map((part) => (part === 0 ? 0n : BigInt(part)));
}

/** `allocateMinorUnits` for shares given as non-negative bigint weights (not all zero) over their sum. */
export function allocateByBigIntWeights(amount: bigint, weights: readonly bigint[]): bigint[] {
  if (amount < 0n) throw new RangeError('amount must not be negative');
  if (weights.some((weight) => weight < 0n)) throw new RangeError('weights must not be negative');
  return largestRemainder(amount, weights);
}
