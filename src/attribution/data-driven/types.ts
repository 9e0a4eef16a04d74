/** Journeys that share one path, aggregated: the input of every data-driven model. */
export interface PathRow {
  /** Grouping keys (channel or campaign slugs) in touch order; the caller collapses repeats. */
  readonly path: readonly string[];
  /** How many journeys followed this path, converting or not. */
  readonly journeys: number;
  /** How many of them converted. */
  readonly conversions: number;
  /** Total revenue of the converting ones, in minor units. */
  readonly value: bigint;
}

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
  | 'EMPTY_PATH'
  /** MARKOV only: removing any key leaves P(conv) unchanged, so RE gives no shares. */
  | 'ALL_REMOVAL_EFFECTS_ZERO';

export interface Unattributed {
  readonly reason: UnattributedReason;
  readonly amountMinor: bigint;
  readonly dealCredit: number;
}

export interface AttributionResult {
  /** Every key of any path, sorted by key; a key the model gives nothing has zeros. */
  readonly credits: KeyCredit[];
  /** What no key received, by reason. Credits plus unattributed = total converting value. */
  readonly unattributed: Unattributed[];
  /**
   * The path table the model learned from: identical paths merged, the empty path (journeys
   * without touches) first, then by path, keys compared in code-unit order.
   */
  readonly paths: PathRow[];
}
