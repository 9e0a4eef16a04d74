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

/**
 * Every transition with a positive probability, by probability (highest first), then by from
 * and to state: START, KEYS states by their keys, CONVERSION, NULL. O(T log T).
 */
export function listTransitions(chain: MarkovChain, keys: readonly string[]): MarkovTransition[] {
  const stateCount = chain.stateKeys.length;
  const conversion = stateCount;
  const absorbedNull = stateCount + 1;
  const labels: MarkovState[] = chain.stateKeys.map((ids, state) => (state === START
    ? { kind: 'START', keys: [] }
    : { kind: 'KEYS', keys: ids.map((id) => keys[id]) }));
  labels.push({ kind: 'CONVERSION', keys: [] }, { kind: 'NULL', keys: [] });
  const from: number[] = [];
  const to: number[] = [];
  const probability: number[] = [];
  const add = (source: number, target: number, p: number) => {
    if (p <= 0) return;
    from.push(source);
    to.push(target);
    probability.push(p);
  };
  for (let state = 0; state < stateCount; state += 1) {
    for (let edge = chain.offsets[state]; edge < chain.offsets[state + 1]; edge += 1) {
      add(state, chain.targets[edge], chain.probabilities[edge]);
    }
    add(state, conversion, chain.toConversion[state]);
    add(state, absorbedNull, chain.toNull[state]);
  }
  const rank = stateRanks(chain);
  return probability
    .map((_, index) => index)
    .sort((a, b) => probability[b] - probability[a] || rank[from[a]] - rank[from[b]] || rank[to[a]] - rank[to[b]])
    .map((index) => ({ from: labels[from[index]], to: labels[to[index]], probability: probability[index] }));
}

/** Sort rank of each state, CONVERSION and NULL last. Key ids follow key order, so ids compare. */
function stateRanks(chain: MarkovChain): Int32Array {
  const stateCount = chain.stateKeys.length;
  const order = Array.from({ length: stateCount }, (_, state) => state)
    .sort((a, b) => compareIds(chain.stateKeys[a], chain.stateKeys[b]));
  const rank = new Int32Array(stateCount + 2);
  order.forEach((state, position) => { rank[state] = position; });
  rank[stateCount] = stateCount;
  rank[stateCount + 1] = stateCount + 1;
  return rank;
}

function compareIds(a: readonly number[], b: readonly number[]): number {
  for (let index = 0; index < Math.min(a.length, b.length); index += 1) {
    if (a[index] !== b[index]) return a[index] - b[index];
  }
  return a.length - b.length;
}
