import { SparseRows } from './markov-chain';
import { Steps } from './steps';

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

/** The proven bound on every state's error at which iteration stops. */
export const ERROR_TOLERANCE = 1e-13;

/**
 * Solves a block too large for dense elimination by Gauss-Seidel sweeps, each followed by a
 * coarse correction: the same amount added to every state, chosen so that the residuals sum to
 * zero. The slow mode of these chains (journeys that stay long) is close to constant, so the
 * correction removes most of it: about 20-40 sweeps whatever the journey length, where plain
 * Gauss-Seidel needs hundreds on long journeys.
 *
 * The stop is proven, not guessed. With r = exitValue + Q y - y the residual of the iterate y,
 * the error is (I - Q_v)^-1 r, and for any T >= 0 with h = (I - Q) T > 0 it is at most
 * max(T) x max(|r| / h) (removing states only shrinks Q). T approximates the expected time spent
 * in the block, computed the same way. Iteration stops once that bound is below ERROR_TOLERANCE,
 * or when three cycles bring no progress (floating point cannot do better).
 * O(transitions x variants) per cycle.
 */
export function* solveIteratively(block: Block): Steps<Float64Array> {
  const system = { variants: block.variants, rhs: block.exitValue, removed: block.removed };
  const bound = yield* errorBound(block);
  const solution = yield* iterate(block, system, bound, ERROR_TOLERANCE);
  return solution.map((value, at) => (block.removed[at] ? 0 : Math.min(1, Math.max(0, value))));
}

type Structure = Pick<Block, 'size' | 'offsets' | 'targets' | 'probabilities'>;

/** x = rhs + Q x in each variant, x held at 0 on its removed states; arrays as in `Block`. */
interface System {
  readonly variants: number;
  readonly rhs: Float64Array;
  readonly removed: Uint8Array;
}

/** Proven bound on the error of an iterate, from its residual. */
type Bound = (residual: Float64Array, variants: number) => number;

const largest: Bound = (residual) => residual.reduce((most, value) => Math.max(most, Math.abs(value)), 0);

/**
 * max(T) x max(|r| / h) from an approximate time in block T. Should T ever be unusable (not
 * positive enough), the residual itself is the criterion.
 */
function* errorBound(block: Structure): Steps<Bound> {
  const { size, offsets, targets, probabilities } = block;
  // A residual below 0.01 is plenty: it makes h > 0.99, and T only scales the bound.
  const timeSystem = { variants: 1, rhs: new Float64Array(size).fill(1), removed: new Uint8Array(size) };
  const time = yield* iterate(block, timeSystem, largest, 0.01);
  const h = new Float64Array(size);
  for (let state = 0; state < size; state += 1) {
    h[state] = time[state];
    for (let edge = offsets[state]; edge < offsets[state + 1]; edge += 1) h[state] -= probabilities[edge] * time[targets[edge]];
  }
  if (!time.every((value) => value >= 0) || !h.every((value) => value > 0)) return largest;
  const maxTime = time.reduce((most, value) => Math.max(most, value), 0);
  return (residual, variants) => {
    let worst = 0;
    for (let state = 0; state < size; state += 1) {
      for (let at = state * variants; at < (state + 1) * variants; at += 1) worst = Math.max(worst, Math.abs(residual[at]) / h[state]);
    }
    return maxTime * worst;
  };
}

/** The error bound costs a pass over the transitions: checked every few cycles only. */
const CHECK_EVERY = 4;

/**
 * Between two checks the correction must at least halve the error bound. Where a state receives
 * far more than it sends (column sums of Q above 1) it can instead stall the sweeps for millions
 * of cycles; it is then switched off, and Gauss-Seidel alone, which always converges on these
 * systems, finishes the solve.
 */
const CORRECTED_PROGRESS = 0.5;

function* iterate(block: Structure, system: System, bound: Bound, tolerance: number): Steps<Float64Array> {
  const values = new Float64Array(block.size * system.variants);
  const residual = new Float64Array(block.size * system.variants);
  const correction = coarseCorrection(block, system);
  let correcting = true;
  let previous = Infinity;
  let best = Infinity;
  let stale = 0;
  for (let cycle = 1; ; cycle += 1) {
    yield;
    sweep(block, system, values);
    if (cycle % CHECK_EVERY === 0) {
      residuals(block, system, values, residual);
      const error = bound(residual, system.variants);
      if (error <= tolerance) return values;
      if (error > previous * CORRECTED_PROGRESS) correcting = false;
      previous = error;
      if (error < best) {
        best = error;
        stale = 0;
      } else if (++stale >= 3) {
        return values;
      }
    }
    if (correcting) correction(values);
  }
}

/**
 * One Gauss-Seidel sweep, last state first: blocks list their states in depth-first order (see
 * `conversionProbabilities`), and values flow back from the end of journeys.
 */
function sweep({ size, offsets, targets, probabilities }: Structure, { variants, rhs, removed }: System, values: Float64Array): void {
  const sums = new Float64Array(variants);
  for (let state = size - 1; state >= 0; state -= 1) {
    const row = state * variants;
    for (let variant = 0; variant < variants; variant += 1) sums[variant] = rhs[row + variant];
    let selfLoop = 0;
    for (let edge = offsets[state]; edge < offsets[state + 1]; edge += 1) {
      const target = targets[edge];
      const probability = probabilities[edge];
      if (target === state) {
        selfLoop += probability;
        continue;
      }
      const targetRow = target * variants;
      for (let variant = 0; variant < variants; variant += 1) sums[variant] += probability * values[targetRow + variant];
    }
    for (let variant = 0; variant < variants; variant += 1) {
      if (!removed[row + variant]) values[row + variant] = sums[variant] / (1 - selfLoop);
    }
  }
}

/** r = rhs + Q y - y on the states each variant keeps; 0 on the removed ones. */
function residuals(
  { size, offsets, targets, probabilities }: Structure,
  { variants, rhs, removed }: System,
  values: Float64Array,
  residual: Float64Array,
): void {
  for (let state = 0; state < size; state += 1) {
    const row = state * variants;
    for (let variant = 0; variant < variants; variant += 1) residual[row + variant] = rhs[row + variant] - values[row + variant];
    for (let edge = offsets[state]; edge < offsets[state + 1]; edge += 1) {
      const probability = probabilities[edge];
      const targetRow = targets[edge] * variants;
      for (let variant = 0; variant < variants; variant += 1) residual[row + variant] += probability * values[targetRow + variant];
    }
    for (let variant = 0; variant < variants; variant += 1) if (removed[row + variant]) residual[row + variant] = 0;
  }
}

/**
 * Adds to each variant's kept states the one constant c that makes their residuals sum to zero:
 * 1^T (I - Q_v) 1 c = 1^T r. With q_j = sum over kept i of Q_ij, 1^T r = sum(rhs) - sum (1 - q_j) y_j,
 * so the correction costs O(states x variants), not a pass over the transitions.
 */
function coarseCorrection(
  { size, offsets, targets, probabilities }: Structure,
  { variants, rhs, removed }: System,
): (values: Float64Array) => void {
  const leaving = new Float64Array(size * variants).fill(1);
  const rhsTotal = new Float64Array(variants);
  const exitMass = new Float64Array(variants);
  for (let state = 0; state < size; state += 1) {
    for (let variant = 0; variant < variants; variant += 1) {
      if (removed[state * variants + variant]) continue;
      rhsTotal[variant] += rhs[state * variants + variant];
      for (let edge = offsets[state]; edge < offsets[state + 1]; edge += 1) {
        leaving[targets[edge] * variants + variant] -= probabilities[edge];
      }
    }
  }
  for (let at = 0; at < size * variants; at += 1) if (!removed[at]) exitMass[at % variants] += leaving[at];
  const shift = new Float64Array(variants);
  return (values) => {
    shift.set(rhsTotal);
    for (let state = 0; state < size; state += 1) {
      for (let variant = 0, at = state * variants; variant < variants; variant += 1, at += 1) shift[variant] -= leaving[at] * values[at];
    }
    for (let variant = 0; variant < variants; variant += 1) shift[variant] = exitMass[variant] > 0 ? shift[variant] / exitMass[variant] : 0;
    for (let state = 0; state < size; state += 1) {
      for (let variant = 0, at = state * variants; variant < variants; variant += 1, at += 1) {
        if (!removed[at]) values[at] += shift[variant];
      }
    }
  };
}
