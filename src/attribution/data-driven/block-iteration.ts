import { KrylovSpace, gmresCycle } from './gmres';
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

/** target[targetAt..] = source[sourceAt..], `length` entries: a loop, where a subarray per state would allocate. */
export function copyRow<T extends Float64Array | Uint8Array>(source: T, sourceAt: number, target: T, targetAt: number, length: number): void {
  for (let at = 0; at < length; at += 1) target[targetAt + at] = source[sourceAt + at];
}

/** The proven bound on every state's error at which iteration stops. */
export const ERROR_TOLERANCE = 1e-13;

/**
 * Solves a block too large for dense elimination by GMRES on its feedback states, with
 * Gauss-Seidel sweeps as the map (see `FeedbackStates`): 20-30 sweeps where sweeps alone need
 * 50-150 on long journeys.
 *
 * The stop is proven, not guessed. With r = exitValue + Q y - y the residual of the iterate y,
 * the error is (I - Q_v)^-1 r, and for any T >= 0 with h = (I - Q) T > 0 it is at most
 * max(T) x max(|r| / h) (removing states only shrinks Q). T approximates the expected time spent
 * in the block, computed the same way. Iteration stops once that bound is below ERROR_TOLERANCE,
 * or when STALE_CYCLES steps bring no progress (floating point cannot do better).
 */
export function* solveIteratively(block: Block, prepared?: Prepared): Steps<Float64Array> {
  const workspace = prepared ?? (yield* prepareIteration(block));
  const system = { variants: block.variants, rhs: block.exitValue, removed: block.removed };
  const solution = yield* iterate(block, workspace, system, workspace.bound, ERROR_TOLERANCE);
  return solution.map((value, at) => (block.removed[at] ? 0 : Math.min(1, Math.max(0, value))));
}

export type Structure = Pick<Block, 'size' | 'offsets' | 'targets' | 'probabilities'>;

/**
 * What iteration needs of a block's structure alone, and its Krylov vectors: a caller solving it
 * for several groups of variants keeps it.
 */
export interface Prepared extends Workspace {
  readonly bound: Bound;
}

/** The feedback states of a block, and the arrays of iteration on them, kept from one solve to the next. */
interface Workspace {
  readonly feedback: FeedbackStates;
  readonly krylov: KrylovSpace;
  readonly arrays: Arrays;
}

/**
 * Zeroed arrays by use, each a view of one kept for the next solve of the block: at order 4 a
 * group of variants takes 50 MB of them, and allocating them afresh cost collections.
 */
class Arrays {
  private readonly kept = new Map<string, Float64Array>();

  zeros(use: string, length: number): Float64Array {
    let array = this.kept.get(use);
    if (!array || array.length < length) {
      array = new Float64Array(length);
      this.kept.set(use, array);
    }
    return array.subarray(0, length).fill(0);
  }
}

export function* prepareIteration(block: Structure): Steps<Prepared> {
  const workspace = { feedback: feedbackStates(block), krylov: new KrylovSpace(KRYLOV_SIZE), arrays: new Arrays() };
  return { ...workspace, bound: yield* errorBound(block, workspace) };
}

/** x = rhs + Q x in each variant, x held at 0 on its removed states; arrays as in `Block`. */
interface System {
  readonly variants: number;
  readonly rhs: Float64Array;
  readonly removed: Uint8Array;
}

/**
 * A sweep updates the states last first (see `sweep`), so every transition reads a value updated
 * in the same sweep, except the late ones, to a lower index: the transitions that close cycles.
 * Their targets, the feedback states, are all a sweep needs: from their values one sweep gives
 * every state's, and their new values, S(f) = G f + c. The block's solution is the fixed point,
 * (I - G) f = c, a system of a quarter of the states (on the large demo data), solved by GMRES.
 * After a sweep only the late transitions' sources have a residual: the sum over their late
 * transitions of P x (the target's change in the sweep).
 */
interface FeedbackStates {
  readonly states: Int32Array;
  /** Late transitions by source: sources[i]'s are offsets[i]..offsets[i+1], to feedback indices. */
  readonly sources: Int32Array;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly probabilities: Float64Array;
}

function feedbackStates({ size, offsets, targets, probabilities }: Structure): FeedbackStates {
  const index = new Int32Array(size).fill(-1);
  const states: number[] = [];
  const late = { sources: [] as number[], offsets: [0], targets: [] as number[], probabilities: [] as number[] };
  for (let state = 0; state < size; state += 1) {
    for (let edge = offsets[state]; edge < offsets[state + 1]; edge += 1) {
      const target = targets[edge];
      if (target >= state) continue;
      if (index[target] < 0) index[target] = states.push(target) - 1;
      late.targets.push(index[target]);
      late.probabilities.push(probabilities[edge]);
    }
    if (late.targets.length === late.offsets[late.offsets.length - 1]) continue;
    late.sources.push(state);
    late.offsets.push(late.targets.length);
  }
  return {
    states: Int32Array.from(states),
    sources: Int32Array.from(late.sources),
    offsets: Int32Array.from(late.offsets),
    targets: Int32Array.from(late.targets),
    probabilities: Float64Array.from(late.probabilities),
  };
}

/**
 * Proven bound on the error of an iterate, from its residuals on the late sources; `factor`
 * bounds it by the largest feedback change (late transitions of a state sum to at most 1).
 */
interface Bound {
  (residual: Float64Array, feedback: FeedbackStates, variants: number): number;
  readonly factor: number;
}

const largest: Bound = Object.assign((residual: Float64Array) => residual.reduce((most, value) => Math.max(most, Math.abs(value)), 0), { factor: 1 });

/**
 * max(T) x max(|r| / h) from an approximate time in block T. Should T ever be unusable (not
 * positive enough), the residual itself is the criterion.
 */
function* errorBound(block: Structure, workspace: Workspace): Steps<Bound> {
  const { size, offsets, targets, probabilities } = block;
  // A residual below 0.01 is plenty: it makes h > 0.99, and T only scales the bound.
  const timeSystem = { variants: 1, rhs: new Float64Array(size).fill(1), removed: new Uint8Array(size) };
  const time = yield* iterate(block, workspace, timeSystem, largest, 0.01);
  const h = new Float64Array(size);
  for (let state = 0; state < size; state += 1) {
    h[state] = time[state];
    for (let edge = offsets[state]; edge < offsets[state + 1]; edge += 1) h[state] -= probabilities[edge] * time[targets[edge]];
  }
  if (!time.every((value) => value >= 0) || !h.every((value) => value > 0)) return largest;
  const maxTime = time.reduce((most, value) => Math.max(most, value), 0);
  const bound = (residual: Float64Array, { sources }: FeedbackStates, variants: number) => {
    let worst = 0;
    sources.forEach((state, index) => {
      for (let at = index * variants; at < (index + 1) * variants; at += 1) worst = Math.max(worst, Math.abs(residual[at]) / h[state]);
    });
    return maxTime * worst;
  };
  return Object.assign(bound, { factor: maxTime / h.reduce((least, value) => Math.min(least, value), Infinity) });
}

/** Krylov vectors kept per GMRES cycle: memory is feedback states x variants x this. */
const KRYLOV_SIZE = 30;

/**
 * GMRES cannot bring a residual far below rounding: it stops at this fraction of the first one,
 * and Gauss-Seidel steps, whose residuals are computed afresh each sweep, finish the last digits
 * once the bound is within POLISH_WITHIN of the tolerance.
 */
const ROUNDING_FLOOR = 3e-14;
const POLISH_WITHIN = 100;

/** Steps without a better bound before iteration accepts its best (floating point is done). */
const STALE_CYCLES = 4;

/** Returns the values of every state: a view of a kept array, valid until the next solve. */
function* iterate(block: Structure, { feedback, krylov, arrays }: Workspace, system: System, bound: Bound, tolerance: number): Steps<Float64Array> {
  const { variants } = system;
  const fixedPoint = arrays.zeros('fixedPoint', feedback.states.length * variants);
  const values = arrays.zeros('values', block.size * variants);
  const change = arrays.zeros('change', fixedPoint.length);
  const residual = arrays.zeros('residual', feedback.sources.length * variants);
  const linearSystem = { ...system, rhs: arrays.zeros('rhs', block.size * variants) };
  const scratch = arrays.zeros('scratch', block.size * variants);
  // (I - G) x: G is a sweep without the right-hand side.
  const multiply = (x: Float64Array, out: Float64Array) => {
    sweepFrom(block, feedback, linearSystem, x, scratch);
    feedbackChange(feedback, scratch, x, variants, out);
    for (let at = 0; at < out.length; at += 1) out[at] = -out[at];
  };
  let target: Float64Array | undefined;
  let best = Infinity;
  let stale = 0;
  for (;;) {
    yield;
    sweepFrom(block, feedback, system, fixedPoint, values);
    feedbackChange(feedback, values, fixedPoint, variants, change);
    lateResiduals(feedback, system, change, residual);
    const error = bound(residual, feedback, variants);
    if (error <= tolerance) return values;
    if (error < best) {
      best = error;
      stale = 0;
    } else if (++stale >= STALE_CYCLES) {
      return values;
    }
    // Near the tolerance, or once GMRES brought no progress, Gauss-Seidel (always convergent on
    // these systems) finishes: the sweep's own values are its next step.
    if (error <= tolerance * POLISH_WITHIN || stale > 0) {
      for (let at = 0; at < change.length; at += 1) fixedPoint[at] += change[at];
      continue;
    }
    target ??= columnTargets(change, variants, tolerance / bound.factor);
    yield* gmresCycle(multiply, change, variants, target, krylov);
    for (let at = 0; at < change.length; at += 1) fixedPoint[at] += change[at];
  }
}

/** Per variant, the feedback residual's 2-norm that proves the tolerance, or rounding's floor. */
function columnTargets(firstResidual: Float64Array, variants: number, proven: number): Float64Array {
  const squares = new Float64Array(variants);
  firstResidual.forEach((value, at) => { squares[at % variants] += value * value; });
  return squares.map((square) => Math.max(proven, ROUNDING_FLOOR * Math.sqrt(square)));
}

/** One sweep from the feedback states' values `fixedPoint`: `values` gets every state's. */
function sweepFrom(block: Structure, { states }: FeedbackStates, system: System, fixedPoint: Float64Array, values: Float64Array): void {
  const { variants } = system;
  for (let index = 0; index < states.length; index += 1) {
    for (let variant = 0, row = states[index] * variants; variant < variants; variant += 1) values[row + variant] = fixedPoint[index * variants + variant];
  }
  sweep(block, system, values);
}

/** out = values on the feedback states, minus `base` there. */
function feedbackChange({ states }: FeedbackStates, values: Float64Array, base: Float64Array, variants: number, out: Float64Array): void {
  for (let index = 0; index < states.length; index += 1) {
    for (let variant = 0, row = states[index] * variants, at = index * variants; variant < variants; variant += 1) {
      out[at + variant] = values[row + variant] - base[at + variant];
    }
  }
}

/**
 * One Gauss-Seidel sweep, last state first: blocks list their states in depth-first order (see
 * `conversionProbabilities`), and values flow back from the end of journeys. Variants go four at
 * a time, their sums held in locals: each variant adds the same terms in the same order as one
 * at a time, so the results are the same to the bit, about twice as fast.
 */
function sweep(block: Structure, system: System, values: Float64Array): void {
  const { variants } = system;
  for (let state = block.size - 1; state >= 0; state -= 1) {
    const divisor = 1 - selfLoopOf(block, state);
    let variant = 0;
    for (; variant + 4 <= variants; variant += 4) updateFour(block, system, values, state, variant, divisor);
    for (; variant < variants; variant += 1) updateOne(block, system, values, state, variant, divisor);
  }
}

function selfLoopOf({ offsets, targets, probabilities }: Structure, state: number): number {
  let selfLoop = 0;
  for (let edge = offsets[state]; edge < offsets[state + 1]; edge += 1) if (targets[edge] === state) selfLoop += probabilities[edge];
  return selfLoop;
}

/** x = (rhs + sum over other targets of P x_t) / divisor for variants `first`..`first + 3` of `state`, unless removed. */
function updateFour({ offsets, targets, probabilities }: Structure, { variants, rhs, removed }: System, values: Float64Array,
  state: number, first: number, divisor: number): void {
  const at = state * variants + first;
  let sum0 = rhs[at];
  let sum1 = rhs[at + 1];
  let sum2 = rhs[at + 2];
  let sum3 = rhs[at + 3];
  for (let edge = offsets[state]; edge < offsets[state + 1]; edge += 1) {
    const target = targets[edge];
    if (target === state) continue;
    const probability = probabilities[edge];
    const from = target * variants + first;
    sum0 += probability * values[from];
    sum1 += probability * values[from + 1];
    sum2 += probability * values[from + 2];
    sum3 += probability * values[from + 3];
  }
  if (!removed[at]) values[at] = sum0 / divisor;
  if (!removed[at + 1]) values[at + 1] = sum1 / divisor;
  if (!removed[at + 2]) values[at + 2] = sum2 / divisor;
  if (!removed[at + 3]) values[at + 3] = sum3 / divisor;
}

function updateOne({ offsets, targets, probabilities }: Structure, { variants, rhs, removed }: System, values: Float64Array,
  state: number, variant: number, divisor: number): void {
  const at = state * variants + variant;
  let sum = rhs[at];
  for (let edge = offsets[state]; edge < offsets[state + 1]; edge += 1) {
    const target = targets[edge];
    if (target !== state) sum += probabilities[edge] * values[target * variants + variant];
  }
  if (!removed[at]) values[at] = sum / divisor;
}

/**
 * r = rhs + Q y - y after a sweep, on the late sources (every other state's residual is 0 up to
 * rounding: its update solved its row with its targets' final values). 0 on removed states:
 * their rows are not equations.
 */
function lateResiduals(feedback: FeedbackStates, { variants, removed }: System, change: Float64Array, residual: Float64Array): void {
  const { sources, offsets, targets, probabilities } = feedback;
  residual.fill(0);
  sources.forEach((state, index) => {
    const row = index * variants;
    for (let edge = offsets[index]; edge < offsets[index + 1]; edge += 1) {
      const probability = probabilities[edge];
      const targetRow = targets[edge] * variants;
      for (let variant = 0; variant < variants; variant += 1) residual[row + variant] += probability * change[targetRow + variant];
    }
    for (let variant = 0; variant < variants; variant += 1) if (removed[state * variants + variant]) residual[row + variant] = 0;
  });
}
