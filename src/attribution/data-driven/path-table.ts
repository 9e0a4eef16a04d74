import { PathRows } from './path-input';
import { KeyedPathRow } from './types';

/** One distinct non-empty path with its key ids and the sums of every row that had it. */
export interface TablePath extends KeyedPathRow {
  /** The ids encoded `CODE_WIDTH` chars each: a cheap Map key, and sub-paths are slices. */
  readonly code: string;
}

/**
 * Canonical rows with identical paths merged and sorted by code, that is by their id sequences.
 * Models that iterate over paths work on this, so results do not depend on the order or the split
 * of the input rows, not even in the last bit of a float.
 */
export interface PathTable extends Omit<PathRows, 'rows'> {
  readonly paths: readonly TablePath[];
}

export const CODE_WIDTH = 2;

/** Two UTF-16 units hold any 32-bit id; lone surrogates are fine in Map keys. */
export function encodeId(id: number): string {
  return String.fromCharCode(id >>> 16, id & 0xffff);
}

/** Keeps each String.fromCharCode call well below the engines' argument limits. */
const CHUNK = 8192;

/** A flat string (not a rope of concatenations): hashing and comparing it stay fast. */
export function encodeIds(ids: readonly number[]): string {
  const units = new Array<number>(ids.length * CODE_WIDTH);
  ids.forEach((id, index) => {
    units[index * CODE_WIDTH] = id >>> 16;
    units[index * CODE_WIDTH + 1] = id & 0xffff;
  });
  if (units.length <= CHUNK) return String.fromCharCode.apply(null, units);
  let code = '';
  for (let start = 0; start < units.length; start += CHUNK) {
    code += String.fromCharCode.apply(null, units.slice(start, start + CHUNK));
  }
  return code;
}

export function buildPathTable({ keys, rows, touched, empty }: PathRows): PathTable {
  const merged = new Map<string, Entry>();
  for (const row of rows) {
    const code = encodeIds(row.ids);
    let entry = merged.get(code);
    if (!entry) {
      entry = { ids: row.ids, journeys: 0, conversions: 0, value: 0n };
      merged.set(code, entry);
    }
    entry.journeys += row.journeys;
    entry.conversions += row.conversions;
    entry.value += row.value;
  }
  const paths: TablePath[] = [];
  // The default sort compares code units, so the codes come in the order of their id sequences.
  for (const code of [...merged.keys()].sort()) {
    const { ids, journeys, conversions, value } = merged.get(code) as Entry;
    if (journeys > 0) paths.push({ code, ids, journeys, conversions, value });
  }
  return { keys, paths, touched, empty };
}

interface Entry {
  readonly ids: readonly number[];
  journeys: number;
  conversions: number;
  value: bigint;
}
