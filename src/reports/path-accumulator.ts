import { collapseRepeatedKeys } from '../attribution/data-driven';
import type { PathRow } from '../attribution/data-driven';

const SEPARATOR = '\u001f';

/**
 * Sums journeys into path rows as they stream by: memory grows with the number of distinct paths,
 * not with the number of journeys or touches.
 */
export class PathAccumulator {
  private readonly rows = new Map<string, { path: string[]; journeys: number; conversions: number; value: bigint }>();

  constructor(private readonly collapse: boolean) {}

  add(keys: readonly string[], journeys: number, conversions: number, value: bigint): void {
    const path = this.collapse ? collapseRepeatedKeys(keys) : [...keys];
    const code = path.join(SEPARATOR);
    const row = this.rows.get(code) ?? { path, journeys: 0, conversions: 0, value: 0n };
    row.journeys += journeys;
    row.conversions += conversions;
    row.value += value;
    this.rows.set(code, row);
  }

  pathRows(): PathRow[] {
    return [...this.rows.values()];
  }
}
