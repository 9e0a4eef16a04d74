/**
 * An exact non-negative rational, `num / den` in lowest terms with `den > 0`. Shares are ratios so
 * that equal shares are equal: in floating point LINEAR's 1/n over n touches or a split middle
 * come out a few units of 2^-64 apart, and that drift, not the tie rule, would pick who gets a
 * leftover cent.
 */
export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function ratio(num: bigint, den = 1n): Ratio {
  if (den <= 0n) throw new RangeError('a ratio needs a positive denominator');
  const divisor = gcd(num, den);
  return divisor === 1n ? { num, den } : { num: num / divisor, den: den / divisor };
}

export const ZERO = ratio(0n);
export const ONE = ratio(1n);

export const add = (a: Ratio, b: Ratio): Ratio => ratio(a.num * b.den + b.num * a.den, a.den * b.den);
export const subtract = (a: Ratio, b: Ratio): Ratio => ratio(a.num * b.den - b.num * a.den, a.den * b.den);
export const multiply = (a: Ratio, b: Ratio): Ratio => ratio(a.num * b.num, a.den * b.den);

export function divide(a: Ratio, b: Ratio): Ratio {
  if (b.num === 0n) throw new RangeError('division by a zero ratio');
  return b.num < 0n ? ratio(-a.num * b.den, a.den * -b.num) : ratio(a.num * b.den, a.den * b.num);
}

export const sum = (values: readonly Ratio[]): Ratio => values.reduce(add, ZERO);

export function compare(a: Ratio, b: Ratio): number {
  const difference = a.num * b.den - b.num * a.den;
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}

export const max = (a: Ratio, b: Ratio): Ratio => (compare(a, b) >= 0 ? a : b);

/**
 * The value a person meant by a decimal weight such as 0.225: the shortest decimal that reads
 * back as the same double (JavaScript's own number-to-string), taken exactly. 0.1 + 0.2 + 0.7 is
 * then exactly 1, as it is on paper.
 */
export function fromDecimal(value: number): Ratio {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const [mantissa, exponentText] = String(value).split('e');
  const exponent = Number(exponentText ?? 0);
  const [whole, fraction = ''] = mantissa.split('.');
  const digits = BigInt(whole + fraction);
  const scale = exponent - fraction.length;
  return scale >= 0 ? ratio(digits * 10n ** BigInt(scale)) : ratio(digits, 10n ** BigInt(-scale));
}

// A double's two 32-bit words, read as numbers: no bigint is made until the significand is known.
const FLOAT_BITS = new DataView(new ArrayBuffer(8));
const HIGH_WORD = 2 ** 32;
const IMPLICIT_BIT = 2 ** 52;

/** A finite non-negative double as significand x 2^exponent, both exact. */
function binaryParts(value: number): { significand: bigint; exponent: number } {
  if (!(Number.isFinite(value) && value >= 0)) throw new RangeError(`not a finite non-negative number: ${value}`);
  FLOAT_BITS.setFloat64(0, value);
  const high = FLOAT_BITS.getUint32(0);
  const biased = high >>> 20;
  const fraction = (high & 0xfffff) * HIGH_WORD + FLOAT_BITS.getUint32(4);
  // Subnormals have no implicit leading bit and the smallest exponent.
  return { significand: BigInt(biased === 0 ? fraction : fraction + IMPLICIT_BIT), exponent: (biased === 0 ? 1 : biased) - 1075 };
}

/**
 * Doubles as exact integers in the same proportions: each times one common power of two, so each
 * is an odd integer below 2^53 times a power of two.
 */
export function integersOfFloats(values: readonly number[]): bigint[] {
  const parts = values.map(binaryParts);
  const lowest = parts.reduce((min, { exponent }) => Math.min(min, exponent), Infinity);
  return parts.map(({ significand, exponent }) => significand << BigInt(exponent - lowest));
}

/**
 * Doubles (not all zero) normalised exactly to shares summing to 1: what computed weights such as
 * TIME_DECAY's 2^-x hold, so that equal doubles give equal shares. One common power of two makes
 * every weight an integer, which is far cheaper than adding ratios.
 */
export function sharesOfFloats(values: readonly number[]): Ratio[] {
  const integers = integersOfFloats(values);
  const total = integers.reduce((sum, weight) => sum + weight, 0n);
  if (total === 0n) throw new RangeError('weights must not all be zero');
  return integers.map((weight) => ratio(weight, total));
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** The nearest double, for display and for fractional sums (never for deciding a cent). */
export function toNumber({ num, den }: Ratio): number {
  const magnitude = num < 0n ? -num : num;
  if (magnitude <= SAFE && den <= SAFE) return Number(num) / Number(den);
  // Keep 64 significant bits of the quotient, so that huge terms do not overflow to Infinity.
  const shift = Math.max(0, den.toString(2).length - magnitude.toString(2).length + 64);
  let value = Number((num << BigInt(shift)) / den);
  for (let rest = shift; rest > 0; rest -= 1000) value /= 2 ** Math.min(rest, 1000);
  return value;
}

function trailingZeros(value: bigint): number {
  let zeros = 0;
  let rest = value;
  while ((rest & 0xffffffffn) === 0n) {
    rest >>= 32n;
    zeros += 32;
  }
  const low = Number(rest & 0xffffffffn);
  return zeros + 31 - Math.clz32(low & -low);
}

// The exact path of shareNumbersOfIntegers: each gcd taken as the power of two they share times the gcd
// of the weight's odd part (below 2^53) and the total, in doubles after one bigint remainder:
// Euclid's algorithm on the bigints was most of crediting TIME_DECAY.
function exactShareNumber(weight: bigint, total: bigint, totalZeros: number): number {
  const zeros = trailingZeros(weight);
  const odd = weight >> BigInt(zeros);
  if (odd > SAFE) return toNumber(ratio(weight, total));
  let [x, y] = [Number(odd), Number(total % odd)];
  while (y !== 0) [x, y] = [y, x % y];
  const divisor = BigInt(x) << BigInt(Math.min(zeros, totalZeros));
  return toNumber({ num: weight / divisor, den: total / divisor });
}

/** The number of bits of a positive bigint. */
function bitLength(value: bigint): number {
  const approximate = Number(value);
  if (!Number.isFinite(approximate)) return value.toString(2).length;
  // log2 of the rounded value may be one off either way near a power of two.
  let bits = Math.floor(Math.log2(approximate)) + 1;
  if (value >= 1n << BigInt(bits)) bits += 1;
  else if (value < 1n << BigInt(bits - 1)) bits -= 1;
  return bits;
}

const QUOTIENT_AT_LEAST = 2n ** 64n;
const QUOTIENT_BITS_66 = 2n ** 65n;
const QUOTIENT_BITS_67 = 2n ** 66n;
// The ten bits after the 53 a double keeps, and their pattern when the bits cut off sit exactly half-way.
const TAIL_BITS = 10;
const TAIL_MASK = BigInt(2 ** TAIL_BITS - 1);
const HALF_WAY = 2 ** (TAIL_BITS - 1);
// Beyond this shift, the scaling back could leave the range of normal doubles.
const LARGEST_SHIFT = 1000;

/**
 * weight / total, rounded to the nearest double, from one bigint division: a quotient of 65 to 67
 * bits rounds as the exact ratio does unless its bits after the 53 kept start with a 1 followed by
 * zeros. Only there can toNumber, which rounds a quotient cut after 64 or 65 bits, differ from the
 * nearest double (it rounds such a tie to even): those, and ratios too small or terms too large
 * for doubles, are left to the exact path (undefined).
 */
function nearestShareNumber(weight: bigint, total: bigint, totalBits: number): number | undefined {
  const approximate = Number(weight);
  if (!Number.isFinite(approximate)) return undefined;
  // The weight's bits, or one more: the quotient then has 65 to 67 bits.
  const shift = totalBits - Math.floor(Math.log2(approximate)) + 65;
  if (shift > LARGEST_SHIFT) return undefined;
  const quotient = (weight << BigInt(shift)) / total;
  if (quotient < QUOTIENT_AT_LEAST) return undefined;
  const bits = quotient >= QUOTIENT_BITS_67 ? 67 : quotient >= QUOTIENT_BITS_66 ? 66 : 65;
  if (Number((quotient >> BigInt(bits - 53 - TAIL_BITS)) & TAIL_MASK) === HALF_WAY) return undefined;
  return Number(quotient) / 2 ** shift;
}

/**
 * toNumber(ratio(weight, total)) for each of integersOfFloats' integers (not all zero) over their
 * sum `total`: the same doubles, nearly always from one bigint division (nearestShareNumber),
 * else exactly as toNumber takes them.
 */
export function shareNumbersOfIntegers(weights: readonly bigint[], total: bigint): number[] {
  const totalBits = bitLength(total);
  const totalZeros = trailingZeros(total);
  return weights.map((weight) => {
    if (weight === 0n) return 0;
    return nearestShareNumber(weight, total, totalBits) ?? exactShareNumber(weight, total, totalZeros);
  });
}
