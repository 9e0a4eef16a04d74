import { MarkovChain, START } from './markov-chain';

export type MarkovStateKind = 'START' | 'KEYS' | 'CONVERSION' | 'NULL';

/** A state of the chain; `keys` is the run of keys of a KEYS state, empty otherwise. */
export interface MarkovState {
  readonly kind: MarkovStateKind;
  readonly keys: readonly string[];
}

export interface MarkovTransition {
  readonly from: MarkovState;
  readonly to: MarkovState;
  readonly probability: number;
}

/** The chain's transitions with a positive probability, listed on demand: order 4 has 10^5 of them. */
export interface MarkovTransitions {
  readonly count: number;
  /**
   * The `first` most probable (every one without `first`), by probability (highest first), then
   * by from and to state: START, KEYS states by their keys, CONVERSION, NULL. O(T log first)
   * for the first few, O(T log T) for all.
   */
  list(first?: number): MarkovTransition[];
}

/** Transitions as numbers: states of the chain, then CONVERSION (stateCount) and NULL (stateCount + 1). */
interface Numbered {
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly probability: Float64Array;
}

export function chainTransitions(chain: MarkovChain, keys: readonly string[]): MarkovTransitions {
  const numbered = numberedTransitions(chain);
  return {
    count: numbered.probability.length,
    list: (first = numbered.probability.length) => mostProbable(chain, numbered, first)
      .map((index) => ({ from: label(chain, keys, numbered.from[index]), to: label(chain, keys, numbered.to[index]), probability: numbered.probability[index] })),
  };
}

function numberedTransitions(chain: MarkovChain): Numbered {
  const stateCount = chain.stateKeys.length;
  const capacity = chain.targets.length + 2 * stateCount;
  const numbered = { from: new Int32Array(capacity), to: new Int32Array(capacity), probability: new Float64Array(capacity) };
  let count = 0;
  const add = (source: number, target: number, p: number) => {
    if (p <= 0) return;
    numbered.from[count] = source;
    numbered.to[count] = target;
    numbered.probability[count] = p;
    count += 1;
  };
  for (let state = 0; state < stateCount; state += 1) {
    for (let edge = chain.offsets[state]; edge < chain.offsets[state + 1]; edge += 1) {
      add(state, chain.targets[edge], chain.probabilities[edge]);
    }
    add(state, stateCount, chain.toConversion[state]);
    add(state, stateCount + 1, chain.toNull[state]);
  }
  return { from: numbered.from.subarray(0, count), to: numbered.to.subarray(0, count), probability: numbered.probability.subarray(0, count) };
}

/** Indices of the `first` first transitions in list order: only those at least as probable as the first-th are sorted. */
function mostProbable(chain: MarkovChain, { from, to, probability }: Numbered, first: number): number[] {
  const count = Math.min(first, probability.length);
  if (count === 0) return [];
  const threshold = Float64Array.from(probability).sort()[probability.length - count];
  const candidates: number[] = [];
  probability.forEach((p, index) => { if (p >= threshold) candidates.push(index); });
  return candidates
    .sort((a, b) => probability[b] - probability[a] || compareStates(chain, from[a], from[b]) || compareStates(chain, to[a], to[b]))
    .slice(0, count);
}

/** START, KEYS states by their keys (key ids follow key order, so ids compare), CONVERSION, NULL. */
function compareStates(chain: MarkovChain, a: number, b: number): number {
  const stateCount = chain.stateKeys.length;
  if (a >= stateCount || b >= stateCount) return a - b;
  return compareIds(chain.stateKeys[a], chain.stateKeys[b]);
}

function compareIds(a: readonly number[], b: readonly number[]): number {
  for (let index = 0; index < Math.min(a.length, b.length); index += 1) {
    if (a[index] !== b[index]) return a[index] - b[index];
  }
  return a.length - b.length;
}

function label(chain: MarkovChain, keys: readonly string[], state: number): MarkovState {
  const stateCount = chain.stateKeys.length;
  if (state === START) return { kind: 'START', keys: [] };
  if (state === stateCount) return { kind: 'CONVERSION', keys: [] };
  if (state === stateCount + 1) return { kind: 'NULL', keys: [] };
  return { kind: 'KEYS', keys: chain.stateKeys[state].map((id) => keys[id]) };
}
