import { InvalidPathRowError } from './errors';
import { JourneyTotals, KeyedPathRow, KeyedPaths, PathInput, PathRow } from './types';

/**
 * The input in canonical form: keys in code-unit order, each once, so that a key's id is its rank
 * whatever numbering the caller used; rows checked, and summed into journeys with and without
 * touches. Rows are not merged (buildPathTable does that, for the models that need it).
 */
export interface PathRows {
  readonly keys: readonly string[];
  /** The rows with at least one touch: a journey without touches is not a path, and no model learns from it. */
  readonly rows: readonly KeyedPathRow[];
  /** Journeys with at least one touch. */
  readonly touched: JourneyTotals;
  /** Journeys without any touch: no model can credit them. */
  readonly empty: JourneyTotals;
}

export function canonicalRows(input: PathInput): PathRows {
  const numbered = isKeyed(input) ? input : numberKeys(input);
  numbered.rows.forEach((row) => validateRow(row, numbered.keys));
  const { keys, rows } = inKeyOrder(numbered);
  const touched = { journeys: 0, conversions: 0, value: 0n };
  const empty = { journeys: 0, conversions: 0, value: 0n };
  for (const row of rows) {
    const sum = row.ids.length === 0 ? empty : touched;
    sum.journeys += row.journeys;
    sum.conversions += row.conversions;
    sum.value += row.value;
  }
  return { keys, rows: empty.journeys === 0 ? rows : rows.filter((row) => row.ids.length > 0), touched, empty };
}

/** The next id for a key not seen before. */
export function intern(ids: Map<string, number>, key: string): number {
  ids.set(key, ids.size);
  return ids.size - 1;
}

/** Plain code-unit order: deterministic everywhere, unlike localeCompare. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isKeyed(input: PathInput): input is KeyedPaths {
  return !Array.isArray(input);
}

/** Numbers the keys of string paths as first seen. */
function numberKeys(rows: readonly PathRow[]): KeyedPaths {
  const seen = new Map<string, number>();
  const keyed = rows.map(({ path, journeys, conversions, value }) => ({
    ids: path.map((key) => seen.get(key) ?? intern(seen, key)), journeys, conversions, value,
  }));
  return { keys: [...seen.keys()], rows: keyed };
}

/** The input itself when its keys are in order already (the reports number them so), else renumbered. */
function inKeyOrder(input: KeyedPaths): KeyedPaths {
  const { keys, rows } = input;
  if (keys.every((key, id) => id === 0 || keys[id - 1] < key)) return input;
  const order = keys.map((_, id) => id).sort((a, b) => compareStrings(keys[a], keys[b]));
  const sorted = order.map((id) => keys[id]);
  sorted.forEach((key, id) => {
    if (id > 0 && key === sorted[id - 1]) throw new RangeError(`key ${JSON.stringify(key)} is numbered twice`);
  });
  const renumbered = new Int32Array(keys.length);
  order.forEach((inputId, id) => { renumbered[inputId] = id; });
  return { keys: sorted, rows: rows.map((row) => ({ ...row, ids: row.ids.map((id) => renumbered[id]) })) };
}

function validateRow(row: KeyedPathRow, keys: readonly string[]): void {
  const fail = (problem: string) => { throw new InvalidPathRowError(row.ids.map((id) => keys[id] ?? `#${id}`), problem); };
  if (!row.ids.every((id) => Number.isInteger(id) && id >= 0 && id < keys.length)) fail('a key id is not in the keys');
  if (!Number.isSafeInteger(row.journeys) || row.journeys < 0) fail('journeys must be a non-negative integer');
  if (!Number.isSafeInteger(row.conversions) || row.conversions < 0) fail('conversions must be a non-negative integer');
  if (row.conversions > row.journeys) fail('conversions exceed journeys');
  if (row.value < 0n) fail('value must not be negative');
  if (row.conversions === 0 && row.value !== 0n) fail('value without conversions');
}
