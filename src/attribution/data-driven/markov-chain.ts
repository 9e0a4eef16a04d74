import { CODE_WIDTH, encodeIds } from './path-table';

/** Transitions between transient states in compressed sparse rows: `s`'s are offsets[s]..offsets[s+1]. */
export interface SparseRows {
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
}

/**
 * The absorbing chain of MARKOV order k. Transient state 0 is START; every other one is a run of
 * k consecutive keys (a path shorter than k is one state: its whole run). CONVERSION and NULL
 * are not stored as states: each state has its probability of moving into them.
 */
export interface MarkovChain extends SparseRows {
  /** Key ids of each state; START has none. */
  readonly stateKeys: readonly (readonly number[])[];
  /** Row-normalised probability of each transition in `targets`. */
  readonly probabilities: Float64Array;
  readonly toConversion: Float64Array;
  readonly toNull: Float64Array;
  /** The same transitions reversed, for "which states can still reach CONVERSION". */
  readonly reverse: SparseRows;
}

export const START = 0;

/** Largest transition matrix counted densely (order 1 up to 1,023 keys): 8 MB. */
const MATRIX_CELLS = 1 << 20;

/** A path as the chain counts it; `code` (see TablePath) saves encoding the ids again. */
export interface ChainPath {
  readonly ids: readonly number[];
  readonly journeys: number;
  readonly conversions: number;
  readonly code?: string;
}

/**
 * Counts every journey's transitions, O(total path length). States 1 to `keyCount` are the runs
 * of one key, in key order; longer runs are numbered as met and keyed by their codes.
 */
export function buildMarkovChain(keyCount: number, paths: readonly ChainPath[], order: number): MarkovChain {
  const stateOf = new Map<string, number>();
  const stateKeys: number[][] = [[]];
  for (let id = 0; id < keyCount; id += 1) stateKeys.push([id]);
  const counts = stateKeys.map(() => new Map<number, number>());
  const conversions = stateKeys.map(() => 0);
  const nulls = stateKeys.map(() => 0);
  const stateAt = (path: ChainPath, code: string, start: number, length: number): number => {
    const run = code.slice(start * CODE_WIDTH, (start + length) * CODE_WIDTH);
    const known = stateOf.get(run);
    if (known !== undefined) return known;
    stateOf.set(run, stateKeys.length);
    stateKeys.push(path.ids.slice(start, start + length));
    counts.push(new Map());
    conversions.push(0);
    nulls.push(0);
    return stateKeys.length - 1;
  };
  // At order 1 the states are known: over few keys, one matrix counts far faster than a Map
  // update per touch.
  const width = keyCount + 1;
  const matrix = order === 1 && width * width <= MATRIX_CELLS ? new Float64Array(width * width) : undefined;
  for (const path of paths) {
    const { ids } = path;
    const length = Math.min(order, ids.length);
    const code = length > 1 ? path.code ?? encodeIds(ids) : '';
    let from = START;
    for (let start = 0; start + length <= ids.length; start += 1) {
      const to = length === 1 ? ids[start] + 1 : stateAt(path, code, start, length);
      if (matrix) matrix[from * width + to] += path.journeys;
      else counts[from].set(to, (counts[from].get(to) ?? 0) + path.journeys);
      from = to;
    }
    conversions[from] += path.conversions;
    nulls[from] += path.journeys - path.conversions;
  }
  matrix?.forEach((count, cell) => {
    if (count > 0) counts[Math.floor(cell / width)].set(cell % width, count);
  });
  return normalise(stateKeys, counts, conversions, nulls);
}

function normalise(
  stateKeys: number[][],
  counts: Map<number, number>[],
  conversions: number[],
  nulls: number[],
): MarkovChain {
  const stateCount = stateKeys.length;
  const offsets = new Int32Array(stateCount + 1);
  counts.forEach((row, state) => { offsets[state + 1] = offsets[state] + row.size; });
  const targets = new Int32Array(offsets[stateCount]);
  const probabilities = new Float64Array(offsets[stateCount]);
  const toConversion = new Float64Array(stateCount);
  const toNull = new Float64Array(stateCount);
  counts.forEach((row, state) => {
    let total = conversions[state] + nulls[state];
    row.forEach((count) => { total += count; });
    if (total === 0) return; // START when no journey has a touch
    const sorted = [...row].sort(([a], [b]) => a - b);
    sorted.forEach(([target, count], index) => {
      targets[offsets[state] + index] = target;
      probabilities[offsets[state] + index] = count / total;
    });
    toConversion[state] = conversions[state] / total;
    toNull[state] = nulls[state] / total;
  });
  return { stateKeys, offsets, targets, probabilities, toConversion, toNull, reverse: reversed(offsets, targets) };
}

function reversed(offsets: Int32Array, targets: Int32Array): SparseRows {
  const stateCount = offsets.length - 1;
  const reverseOffsets = new Int32Array(stateCount + 1);
  targets.forEach((target) => { reverseOffsets[target + 1] += 1; });
  for (let state = 0; state < stateCount; state += 1) reverseOffsets[state + 1] += reverseOffsets[state];
  const cursor = reverseOffsets.slice(0, stateCount);
  const sources = new Int32Array(targets.length);
  for (let state = 0; state < stateCount; state += 1) {
    for (let edge = offsets[state]; edge < offsets[state + 1]; edge += 1) {
      sources[cursor[targets[edge]]++] = state;
    }
  }
  return { offsets: reverseOffsets, targets: sources };
}
