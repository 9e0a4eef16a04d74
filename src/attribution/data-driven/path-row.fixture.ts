import { PathRow } from './types';

/** Test input: a path written "A>B" with its converting and non-converting journeys, each worth `each`. */
export function row(path: string, converting: number, nonConverting: number, each = 10_000n): PathRow {
  return {
    path: path === '' ? [] : path.split('>'),
    journeys: converting + nonConverting,
    conversions: converting,
    value: BigInt(converting) * each,
  };
}

/** Paths of 1-8 keys out of `keys` ("k0", "k1", ...), a third converting, from a fixed seed. */
export function randomRows(count: number, keys: number): PathRow[] {
  let seed = 3;
  const random = () => {
    seed = (seed * 1_664_525 + 1_013_904_223) >>> 0;
    return seed / 2 ** 32;
  };
  return Array.from({ length: count }, (): PathRow => {
    const path = Array.from({ length: 1 + Math.floor(random() * 8) }, () => `k${Math.floor(random() * keys)}`);
    const conversions = random() < 0.3 ? 1 : 0;
    return { path, journeys: 1, conversions, value: BigInt(conversions) };
  });
}
