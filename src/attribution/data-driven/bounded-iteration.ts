import { SparseRows } from './markov-chain';

/**
 * One strongly connected block of the chain in local indices, solved for several variants of
 * the chain at once, once everything the block can leave to is solved: in each variant,
 * x = Q x + exitValue, with the removed states held at 0. Per-variant arrays are indexed
 * [local * variants + variant], so one pass over the transitions serves every variant.
 */
export interface Block extends SparseRows {
  readonly size: number;
  readonly variants: number;
  readonly probabilities: Float64Array;
  /** Probability of converting by leaving the block at once (to CONVERSION or a solved state). */
  readonly exitValue: Float64Array;
  /** 1 where the state is redirected to NULL in that variant. */
  readonly removed: Uint8Array;
}

/** Every state's solution is known to within this, by the bounds below. */
export const GAP_TOLERANCE = 1e-14;

/**
 * Solves a block too large for dense elimination by Gauss-Seidel, with a proof of accuracy
 * rather than a guess. From 0, the iterates rise monotonically to the solution, so each is a
 * lower bound. What they miss is bounded by the probability of a journey still being inside the
 * block (survival), which the same sweeps compute from 1 downwards: the value is bracketed by
 * [lower, lower + survival]. Survival is computed once for the chain itself, because removing
 * states only ends journeys sooner, so it bounds every variant. Sweeps stop when survival is
 * below GAP_TOLERANCE everywhere, or when a sweep changes nothing (floating point cannot tighten
 * further); each value is returned as the middle of its bracket.
 * O(transitions x variants) per sweep; the number of sweeps grows with the expected time spent
 * inside the block (about 50 on realistic journeys).
 */
export function solveByBounds(block: Block): Float64Array {
  const { size, variants, offsets, targets, probabilities, exitValue, removed } = block;
  const stay = staying(block);
  const lower = new Float64Array(size * variants);
  const survival = new Float64Array(size).fill(1);
  const sums = new Float64Array(variants);
  for (;;) {
    let gap = 0;
    let changed = false;
    // Higher ids mostly sit later in journeys and values flow back from the end: updating them
    // first saves about a sixth of the sweeps.
    for (let state = size - 1; state >= 0; state -= 1) {
      const row = state * variants;
      for (let variant = 0; variant < variants; variant += 1) sums[variant] = exitValue[row + variant];
      let surviving = 0;
      for (let edge = offsets[state]; edge < offsets[state + 1]; edge += 1) {
        const target = targets[edge];
        if (target === state) continue;
        const probability = probabilities[edge];
        const targetRow = target * variants;
        surviving += probability * survival[target];
        for (let variant = 0; variant < variants; variant += 1) sums[variant] += probability * lower[targetRow + variant];
      }
      surviving /= stay[state];
      changed ||= surviving !== survival[state];
      survival[state] = surviving;
      gap = Math.max(gap, surviving);
      for (let variant = 0; variant < variants; variant += 1) {
        if (removed[row + variant]) continue;
        const value = sums[variant] / stay[state];
        changed ||= value !== lower[row + variant];
        lower[row + variant] = value;
      }
    }
    if (gap <= GAP_TOLERANCE || !changed) break;
  }
  return lower.map((value, at) =>
    (removed[at] ? 0 : Math.min(1, value + survival[Math.floor(at / variants)] / 2)));
}

/** 1 - P(self-loop) of each state: what a Gauss-Seidel update divides by. */
function staying({ size, offsets, targets, probabilities }: Block): Float64Array {
  const stay = new Float64Array(size).fill(1);
  for (let state = 0; state < size; state += 1) {
    for (let edge = offsets[state]; edge < offsets[state + 1]; edge += 1) {
      if (targets[edge] === state) stay[state] -= probabilities[edge];
    }
  }
  return stay;
}
