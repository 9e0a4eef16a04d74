import { encodeId } from './path-table';
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
  const keyCodes = new Map<string, string>();
  const rows = new Map<string, { path: string[]; journeys: number; conversions: number; value: bigint }>();
  for (const journey of journeys) {
    const id = pathCode(journey.path, keyCodes, collapse);
    let row = rows.get(id);
    if (!row) {
      row = { path: collapse ? collapseRepeatedKeys(journey.path) : [...journey.path], journeys: 0, conversions: 0, value: 0n };
      rows.set(id, row);
    }
    row.journeys += 1;
    if (journey.converted) {
      row.conversions += 1;
      row.value += journey.value;
    }
  }
  return [...rows.values()];
}

/** A Map key for a path: each distinct key interned as a code of two UTF-16 units. */
function pathCode(path: readonly string[], keyCodes: Map<string, string>, collapse: boolean): string {
  let code = '';
  for (let index = 0; index < path.length; index += 1) {
    const key = path[index];
    if (collapse && index > 0 && key === path[index - 1]) continue;
    let keyCode = keyCodes.get(key);
    if (keyCode === undefined) {
      keyCode = encodeId(keyCodes.size);
      keyCodes.set(key, keyCode);
    }
    code += keyCode;
  }
  return code;
}

export function collapseRepeatedKeys(path: readonly string[]): string[] {
  return path.filter((key, index) => index === 0 || key !== path[index - 1]);
}
