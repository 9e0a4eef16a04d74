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
