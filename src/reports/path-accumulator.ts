import type { PathRow } from '../attribution/data-driven';

/**
 * Sums journeys into path rows by their paths as comma-separated tokens ('' for an empty path):
 * memory grows with the number of distinct paths, not with the number of journeys or touches.
 */
export class PathAccumulator {
  private readonly rows = new Map<string, { journeys: number; conversions: number; value: bigint }>();

  add(tokens: string, journeys: number, conversions: number, value: bigint): void {
    const row = this.rows.get(tokens);
    if (row) {
      row.journeys += journeys;
      row.conversions += conversions;
      row.value += value;
    } else {
      this.rows.set(tokens, { journeys, conversions, value });
    }
  }

  /**
   * The rows, each path's tokens turned into keys by `keysOf`, in the order the report lists them:
   * most journeys first, then by path, key by key in code-unit order (deterministic everywhere,
   * and a plain comparison: locale-aware comparisons made this sort cost more than the model).
   */
  pathRows(keysOf: (tokens: string) => string[]): PathRow[] {
    const rows: PathRow[] = [];
    for (const [tokens, { journeys, conversions, value }] of this.rows) rows.push({ path: keysOf(tokens), journeys, conversions, value });
    return rows.sort((a, b) => b.journeys - a.journeys || comparePaths(a.path, b.path));
  }
}

function comparePaths(a: readonly string[], b: readonly string[]): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index += 1) {
    if (a[index] !== b[index]) return a[index] < b[index] ? -1 : 1;
  }
  return a.length - b.length;
}
