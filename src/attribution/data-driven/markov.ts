import { sharesOfFloats } from '../ratio';
import { conversionProbabilities } from './absorption';
import { Ledger, credit, newLedger, toResult } from './credits';
import { InvalidMarkovOrderError } from './errors';
import { MarkovChain, buildMarkovChain } from './markov-chain';
import { MarkovTransitions, chainTransitions } from './markov-transitions';
import { PathRows, canonicalRows } from './path-input';
import { PathTable, buildPathTable } from './path-table';
import { Steps, finish } from './steps';
import { DataDrivenResult, PathInput, Unattributed } from './types';

export interface MarkovOptions {
  /** How many consecutive keys make a state, 1-4; default 1. */
  readonly order?: number;
}

export interface RemovalEffect {
  readonly key: string;
  readonly effect: number;
}

export interface MarkovResult extends DataDrivenResult {
  /** Exact probability that a journey from START ends in CONVERSION. */
  readonly conversionProbability: number;
  /** RE per key, sorted by key. */
  readonly removalEffects: RemovalEffect[];
  readonly transitions: MarkovTransitions;
}

/** Effects below this are solver rounding, not signal: they count as 0 (never negative). */
const EFFECT_EPSILON = 1e-10;

/**
 * MARKOV: credit by removal effect in the absorbing chain of the paths (see `buildMarkovChain`
 * for the states). RE_c = 1 - P(conv with every state containing c redirected to NULL) / P(conv);
 * the total converting value of touched journeys is split by RE_c / sum(RE) in minor units.
 * Cost: one chain build, O(total path length), then 1 + (number of keys) absorption solves,
 * done together (see `conversionProbabilities`). Order 1 needs no path table: its transition
 * counts come straight from the rows.
 */
export function markovAttribution(input: PathInput, options: MarkovOptions = {}): MarkovResult {
  return finish(markovAttributionSteps(input, options));
}

/** `markovAttribution` in steps: a caller can give other work a turn during the solve, or stop it. */
export function* markovAttributionSteps(input: PathInput, options: MarkovOptions = {}): Steps<MarkovResult> {
  const system = markovSystem(input, options);
  return markovResult(system, yield* conversionProbabilities(system.chain, system.removals));
}

/**
 * MARKOV up to its solve: the chain of the paths, and its variants. Variant 0 is the chain itself;
 * variant 1 + id removes every state containing that key. `markovResult` credits by their P(conv).
 */
export interface MarkovSystem {
  readonly rows: PathRows;
  readonly table?: PathTable;
  readonly chain: MarkovChain;
  readonly removals: readonly (readonly number[])[];
}

export function markovSystem(input: PathInput, options: MarkovOptions = {}): MarkovSystem {
  const order = options.order ?? 1;
  if (!Number.isInteger(order) || order < 1 || order > 4) throw new InvalidMarkovOrderError(order);
  const rows = canonicalRows(input);
  // Order 1 numbers its states by key, whatever the order of the rows. Longer runs are numbered
  // as met, so they are met in the path table's order.
  const table = order === 1 ? undefined : buildPathTable(rows);
  const chain = buildMarkovChain(rows.keys.length, table?.paths ?? rows.rows, order);
  return { rows, table, chain, removals: [[], ...statesByKey(chain, rows.keys.length)] };
}

/** The credits of `system` given P(conversion) of each of its variants. */
export function markovResult({ rows, table, chain }: MarkovSystem, [probability, ...withoutKey]: readonly number[]): MarkovResult {
  const effects = withoutKey.map((without) => removalEffect(probability, without));
  const ledger = newLedger(rows.keys.length);
  const unattributed = creditByEffects(rows, effects, ledger);
  return {
    ...toResult(rows, ledger, unattributed, table),
    conversionProbability: probability,
    removalEffects: rows.keys.map((key, id) => ({ key, effect: effects[id] })),
    transitions: chainTransitions(chain, rows.keys),
  };
}

/** RE = 1 - P(without)/P; values within solver error of 0 count as 0, never negative. */
function removalEffect(probability: number, without: number): number {
  if (probability === 0) return 0;
  const effect = 1 - without / probability;
  return effect < EFFECT_EPSILON ? 0 : effect;
}

function statesByKey(chain: MarkovChain, keyCount: number): number[][] {
  const states = Array.from({ length: keyCount }, (): number[] => []);
  chain.stateKeys.forEach((ids, state) => {
    new Set(ids).forEach((id) => states[id].push(state));
  });
  return states;
}

function creditByEffects({ keys, touched }: PathRows, effects: readonly number[], ledger: Ledger): Unattributed[] {
  const { value, conversions } = touched;
  if (conversions === 0) return [];
  if (!effects.some((effect) => effect > 0)) {
    return [{ reason: 'ALL_REMOVAL_EFFECTS_ZERO', amountMinor: value, dealCredit: conversions }];
  }
  // The effects come from a numerical solve: equal doubles tie exactly, but two effects equal in
  // exact arithmetic may differ in their last bits (see docs/attribution.md, "Money").
  credit(ledger, keys.map((_, id) => id), sharesOfFloats(effects), value, conversions);
  return [];
}
