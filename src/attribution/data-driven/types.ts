/** Journeys counted together: how many, how many converted, and what the converting ones were worth. */
export interface JourneyTotals {
  /** How many journeys, converting or not. */
  readonly journeys: number;
  /** How many of them converted. */
  readonly conversions: number;
  /** Total revenue of the converting ones, in minor units. */
  readonly value: bigint;
}

/** Journeys that share one path, aggregated: the input of every data-driven model. */
export interface PathRow extends JourneyTotals {
  /** Grouping keys (channel or campaign slugs) in touch order; the caller collapses repeats. */
  readonly path: readonly string[];
}

/** A path row whose keys are numbered: `ids` index the `keys` of its `KeyedPaths`. */
export interface KeyedPathRow extends JourneyTotals {
  readonly ids: readonly number[];
}

/**
 * Path rows with numbered keys, each key once in `keys`. Callers that number keys as they read
 * them (the reports do) hand rows over without a string array per path.
 */
export interface KeyedPaths {
  readonly keys: readonly string[];
  readonly rows: readonly KeyedPathRow[];
}

/** What every data-driven model learns from: path rows, with their keys as strings or numbered. */
export type PathInput = readonly PathRow[] | KeyedPaths;

/** Credit of one grouping key: money in minor units and fractional conversions (shares summed). */
export interface KeyCredit {
  readonly key: string;
  readonly amountMinor: bigint;
  readonly dealCredit: number;
}

/** Why some converting value went to no key. Stable: callers branch on it. */
export type UnattributedReason =
  /** Nothing converted, so there is nothing to credit (amount 0). */
  | 'NO_CONVERSIONS'
  /** Converting journeys without any touch. */
  | 'EMPTY_JOURNEY'
  /** MARKOV only: removing any key leaves P(conv) unchanged, so RE gives no shares. */
  | 'ALL_REMOVAL_EFFECTS_ZERO';

export interface Unattributed {
  readonly reason: UnattributedReason;
  readonly amountMinor: bigint;
  readonly dealCredit: number;
}

export interface DataDrivenResult {
  /** Every key of any path, sorted by key; a key the model gives nothing has zeros. */
  readonly credits: KeyCredit[];
  /** What no key received, by reason. Credits plus unattributed = total converting value. */
  readonly unattributed: Unattributed[];
  /**
   * The path table of the input: keys in code-unit order, identical paths merged, in path order.
   * Journeys without touches are no path, so they are not in it. Built on the first call where
   * the model did not need it (MARKOV order 1 learns from transition counts alone).
   */
  readonly pathTable: () => KeyedPaths;
}
