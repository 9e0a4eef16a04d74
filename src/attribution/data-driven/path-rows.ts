import { intern } from './path-input';
import { encodeIds } from './path-table';
import { PathRow } from './types';

/** One journey as the data-driven models see it: its keys in touch order. */
export interface PathJourney {
  readonly path: readonly string[];
  readonly converted: boolean;
  /** Revenue in minor units; only counted when `converted`. */
  readonly value: bigint;
}

/**
 * Aggregates journeys into path rows. Repeats are collapsed by default, as the spec prescribes
 * for data-driven models: A > A > B counts as A > B.
 */
export function toPathRows(
  journeys: Iterable<PathJourney>,
  options: { readonly collapseRepeats?: boolean } = {},
): PathRow[] {
  const collapse = options.collapseRepeats ?? true;
  const keyIds = new Map<string, number>();
  const rows = new Map<string, { path: string[]; journeys: number; conversions: number; value: bigint }>();
  for (const journey of journeys) {
    const path = collapse ? collapseRepeatedKeys(journey.path) : journey.path;
    const code = encodeIds(path.map((key) => keyIds.get(key) ?? intern(keyIds, key)));
    let row = rows.get(code);
    if (!row) {
      row = { path: [...path], journeys: 0, conversions: 0, value: 0n };
      rows.set(code, row);
    }
    row.journeys += 1;
    if (journey.converted) {
      row.conversions += 1;
      row.value += journey.value;
    }
  }
  return [...rows.values()];
}

export function collapseRepeatedKeys<Key>(path: readonly Key[]): Key[] {
  return path.filter((key, index) => index === 0 || key !== path[index - 1]);
}
