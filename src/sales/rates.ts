/** numerator / denominator, or null when the denominator is 0 (a rate of nothing is unknown, not 0). */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** totalMinor / count in whole minor units, rounded half away from zero; null when count is 0. */
export function averageMinor(totalMinor: bigint, count: number): bigint | null {
  if (count === 0) return null;
  const divisor = BigInt(count);
  const negative = totalMinor < 0n;
  const magnitude = negative ? -totalMinor : totalMinor;
  const rounded = (magnitude * 2n + divisor) / (divisor * 2n);
  return negative ? -rounded : rounded;
}
