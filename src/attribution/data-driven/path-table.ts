import { InvalidPathRowError } from './errors';
import { PathRow } from './types';

export interface Totals {
  readonly journeys: number;
  readonly conversions: number;
  readonly value: bigint;
}

/** One distinct non-empty path with its key ids and the sums of every row that had it. */
export interface TablePath extends Totals {
  readonly ids: readonly number[];
  /** The ids encoded `CODE_WIDTH` chars each: a cheap Map key, and sub-paths are slices. */
  readonly code: string;
}

/**
 * The canonical form of the input: keys sorted (a key's id is its index), identical paths merged
 * and sorted by code. Every model works on this, so results do not depend on the order or the
 * split of the input rows, not even in the last bit of a float.
 */
export interface PathTable {
  readonly keys: readonly string[];
  readonly paths: readonly TablePath[];
  /** Journeys with at least one touch. */
  readonly touched: Totals;
  /** Journeys without any touch: no model can credit them. */
  readonly empty: Totals;
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

/** The next id for a key not seen before. */
export function intern(ids: Map<string, number>, key: string): number {
  ids.set(key, ids.size);
  return ids.size - 1;
}

export function buildPathTable(rows: readonly PathRow[]): PathTable {
  // Keys are numbered as first seen, then renumbered in key order: one lookup per key of a path.
  const seen = new Map<string, number>();
  const seenIds = rows.map((row) => {
    validateRow(row);
    return row.path.map((key) => seen.get(key) ?? intern(seen, key));
  });
  const keys = [...seen.keys()].sort(compareStrings);
  const renumbered = new Int32Array(keys.length);
  keys.forEach((key, id) => { renumbered[seen.get(key) as number] = id; });
  const merged = new Map<string, Entry>();
  const empty: Counts = { journeys: 0, conversions: 0, value: 0n };
  rows.forEach((row, index) => {
    const ids = seenIds[index];
    for (let at = 0; at < ids.length; at += 1) ids[at] = renumbered[ids[at]];
    const entry = ids.length === 0 ? empty : entryFor(merged, ids);
    entry.journeys += row.journeys;
    entry.conversions += row.conversions;
    entry.value += row.value;
  });
  const paths: TablePath[] = [];
  // The default sort compares code units, so the codes come in the order of their id sequences.
  for (const code of [...merged.keys()].sort()) {
    const { ids, journeys, conversions, value } = merged.get(code) as Entry;
    if (journeys > 0) paths.push({ code, ids, journeys, conversions, value });
  }
  return { keys, paths, touched: paths.reduce(addTotals, { journeys: 0, conversions: 0, value: 0n }), empty };
}

type Counts = { -readonly [field in keyof Totals]: Totals[field] };

interface Entry extends Counts {
  readonly ids: number[];
}

function entryFor(merged: Map<string, Entry>, ids: number[]): Entry {
  const code = encodeIds(ids);
  let entry = merged.get(code);
  if (!entry) {
    entry = { ids, journeys: 0, conversions: 0, value: 0n };
    merged.set(code, entry);
  }
  return entry;
}

/** Plain code-unit order: deterministic everywhere, unlike localeCompare. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function addTotals(sum: Totals, row: Totals): Totals {
  return {
    journeys: sum.journeys + row.journeys,
    conversions: sum.conversions + row.conversions,
    value: sum.value + row.value,
  };
}

function validateRow(row: PathRow): void {
  const fail = (problem: string) => { throw new InvalidPathRowError(row.path, problem); };
  if (!Number.isSafeInteger(row.journeys) || row.journeys < 0) fail('journeys must be a non-negative integer');
  if (!Number.isSafeInteger(row.conversions) || row.conversions < 0) fail('conversions must be a non-negative integer');
  if (row.conversions > row.journeys) fail('conversions exceed journeys');
  if (row.value < 0n) fail('value must not be negative');
  if (row.conversions === 0 && row.value !== 0n) fail('value without conversions');
}
