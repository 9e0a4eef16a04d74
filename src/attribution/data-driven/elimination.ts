import { Block, Prepared, Structure, copyRow, prepareIteration, solveIteratively } from './block-iteration';
import { depthFirstOrder } from './components';
import { Steps } from './steps';

/**
 * A large block with its states of one successor eliminated exactly: x_s = e_s + q x_t, so every
 * transition into s becomes one into t, q times as likely, and s's exit value moves to its
 * predecessors. On the large demo data this keeps 43,055 of order 4's 94,740 states and 167k of
 * its 219k transitions (each elimination drops one), so a sweep reads a quarter less and writes
 * 2.2 times fewer values (order 3: 18,178 of 26,478 states, 112k of 120k transitions). The merged
 * transitions serve every variant, so a state is eliminated only where that holds: in each
 * variant that removes s, each predecessor is removed too or t is (a MARKOV state's keys are its
 * predecessors' and successors', so nearly all qualify, but not all: the tests fail without the
 * check). The reduced system keeps the block's invariant, every kept state's row holds in every
 * variant where it is not removed, and its rows still sum to at most 1, so `solveIteratively`'s
 * bound holds for it; back substitution averages, so the eliminated states are as exact. Built
 * once per block, O(transitions) for a block of short rows; each group of variants replays it in
 * O(its steps).
 */
export interface EliminationPlan {
  /** The kept states (block indices) in the reduced system's order: depth-first in it. */
  readonly kept: Int32Array;
  readonly reduced: Structure;
  /** Eliminated states in elimination order: x_s = e_s + probability x_target. */
  readonly states: Int32Array;
  readonly targets: Int32Array;
  readonly probabilities: Float64Array;
  /** Predecessors of states[i] when it went, with their transition's probability: sourceOffsets[i].. */
  readonly sourceOffsets: Int32Array;
  readonly sources: Int32Array;
  readonly weights: Float64Array;
  /** The reduced system's feedback states and error bound, from the first group that solves it. */
  prepared?: Prepared;
}

/** Rows under elimination: targets and probabilities per state, and who leads to each. */
interface Rows {
  readonly targets: number[][];
  readonly probabilities: number[][];
  readonly predecessors: number[][];
}

/** `removedIn[state]`: the variants (of every group) that remove that block state. */
export function planElimination(block: Structure, removedIn: readonly (readonly number[])[]): EliminationPlan {
  if (singleSuccessorShare(block) < MIN_SINGLE_SUCCESSORS) return noElimination(block);
  const rows = toRows(block);
  const steps = { states: [] as number[], targets: [] as number[], probabilities: [] as number[], sourceOffsets: [0], sources: [] as number[], weights: [] as number[] };
  // Last first: in depth-first order a chain's later states go first, and each step is O(its predecessors).
  for (let state = block.size - 1; state >= 0; state -= 1) {
    if (rows.targets[state].length !== 1) continue;
    // A predecessor that went since it was listed has no row left.
    rows.predecessors[state] = rows.predecessors[state].filter((source) => rows.targets[source].length > 0);
    if (!mergesInEveryVariant(rows, state, removedIn)) continue;
    const target = rows.targets[state][0];
    const probability = rows.probabilities[state][0];
    steps.states.push(state);
    steps.targets.push(target);
    steps.probabilities.push(probability);
    for (const source of rows.predecessors[state]) {
      steps.sources.push(source);
      steps.weights.push(redirect(rows, source, state, target, probability));
    }
    steps.sourceOffsets.push(steps.sources.length);
    rows.targets[state] = [];
  }
  const eliminated = new Uint8Array(block.size);
  steps.states.forEach((state) => { eliminated[state] = 1; });
  const { kept, reduced } = reducedSystem(rows, eliminated);
  return {
    kept,
    reduced,
    states: Int32Array.from(steps.states),
    targets: Int32Array.from(steps.targets),
    probabilities: Float64Array.from(steps.probabilities),
    sourceOffsets: Int32Array.from(steps.sourceOffsets),
    sources: Int32Array.from(steps.sources),
    weights: Float64Array.from(steps.weights),
  };
}

/**
 * Below this share of states with one successor a plan would cost more than it saves: order 2's
 * block on the large demo data has 6% (120 of 2,087 states), order 3's 32%, order 4's 57%.
 */
const MIN_SINGLE_SUCCESSORS = 0.1;

function singleSuccessorShare({ size, offsets }: Structure): number {
  let single = 0;
  for (let state = 0; state < size; state += 1) if (offsets[state + 1] - offsets[state] === 1) single += 1;
  return single / size;
}

/** The block as it is: its own order, nothing eliminated. */
function noElimination(block: Structure): EliminationPlan {
  const { size, offsets, targets, probabilities } = block;
  return {
    kept: Int32Array.from({ length: size }, (_, state) => state),
    reduced: { size, offsets, targets, probabilities },
    states: new Int32Array(0),
    targets: new Int32Array(0),
    probabilities: new Float64Array(0),
    sourceOffsets: new Int32Array(1),
    sources: new Int32Array(0),
    weights: new Float64Array(0),
  };
}

/** A block's rows, as the chain's: each target once per row. */
function toRows({ size, offsets, targets, probabilities }: Structure): Rows {
  const rows: Rows = { targets: [], probabilities: [], predecessors: Array.from({ length: size }, (): number[] => []) };
  for (let state = 0; state < size; state += 1) {
    const own = { targets: [] as number[], probabilities: [] as number[] };
    for (let edge = offsets[state]; edge < offsets[state + 1]; edge += 1) {
      own.targets.push(targets[edge]);
      own.probabilities.push(probabilities[edge]);
    }
    rows.targets.push(own.targets);
    rows.probabilities.push(own.probabilities);
    rows.targets[state].forEach((target) => rows.predecessors[target].push(state));
  }
  return rows;
}

/** s -> t (t not s) may replace s in its predecessors' rows if each variant removing s removes t or them all. */
function mergesInEveryVariant({ targets, predecessors }: Rows, state: number, removedIn: readonly (readonly number[])[]): boolean {
  const target = targets[state][0];
  if (target === state) return false;
  return removedIn[state].every((variant) => removedIn[target].includes(variant)
    || predecessors[state].every((source) => removedIn[source].includes(variant)));
}

/**
 * In `source`'s row, the transition to `state` becomes one to `target` (merged with one already
 * there). Returns its probability before.
 */
function redirect(rows: Rows, source: number, state: number, target: number, probability: number): number {
  const targets = rows.targets[source];
  const probabilities = rows.probabilities[source];
  const at = targets.indexOf(state);
  const weight = probabilities[at];
  const existing = targets.indexOf(target);
  if (existing < 0) {
    targets[at] = target;
    probabilities[at] = weight * probability;
    rows.predecessors[target].push(source);
  } else {
    probabilities[existing] += weight * probability;
    targets.splice(at, 1);
    probabilities.splice(at, 1);
  }
  return weight;
}

/** The kept states' rows, renumbered in a depth-first order of their own graph (for the sweeps). */
function reducedSystem(rows: Rows, eliminated: Uint8Array): { kept: Int32Array; reduced: Structure } {
  const byBlockOrder: number[] = [];
  eliminated.forEach((gone, state) => { if (!gone) byBlockOrder.push(state); });
  const first = toStructure(rows, byBlockOrder);
  const kept = Int32Array.from(depthFirstOrder(first, byBlockOrder.map((_, at) => at)), (at) => byBlockOrder[at]);
  return { kept, reduced: toStructure(rows, Array.from(kept)) };
}

/** The rows of `states`, in that order and numbering. */
function toStructure(rows: Rows, states: readonly number[]): Structure {
  const index = new Int32Array(rows.targets.length);
  states.forEach((state, at) => { index[state] = at; });
  const offsets = new Int32Array(states.length + 1);
  const targets: number[] = [];
  const probabilities: number[] = [];
  states.forEach((state, at) => {
    rows.targets[state].forEach((target, edge) => {
      targets.push(index[target]);
      probabilities.push(rows.probabilities[state][edge]);
    });
    offsets[at + 1] = targets.length;
  });
  return { size: states.length, offsets, targets: Int32Array.from(targets), probabilities: Float64Array.from(probabilities) };
}

/**
 * Solves `block` through its plan. Its exitValue is overwritten: the eliminated states' exit
 * values move to their predecessors, in elimination order.
 */
export function* solveEliminated(block: Block, plan: EliminationPlan): Steps<Float64Array> {
  const { variants, exitValue, removed } = block;
  forEachStep(plan, (state, source, weight) => {
    for (let variant = 0; variant < variants; variant += 1) {
      if (!removed[state * variants + variant]) exitValue[source * variants + variant] += weight * exitValue[state * variants + variant];
    }
  });
  const reducedBlock: Block = { ...plan.reduced, variants, exitValue: gather(exitValue, plan.kept, variants), removed: gather(removed, plan.kept, variants) };
  plan.prepared ??= yield* prepareIteration(plan.reduced);
  const keptValues = yield* solveIteratively(reducedBlock, plan.prepared);
  const values = new Float64Array(block.size * variants);
  plan.kept.forEach((state, at) => copyRow(keptValues, at * variants, values, state * variants, variants));
  backSubstitute(plan, block, values);
  return values;
}

function forEachStep(plan: EliminationPlan, visit: (state: number, source: number, weight: number) => void): void {
  plan.states.forEach((state, step) => {
    for (let at = plan.sourceOffsets[step]; at < plan.sourceOffsets[step + 1]; at += 1) visit(state, plan.sources[at], plan.weights[at]);
  });
}

function gather<T extends Float64Array | Uint8Array>(array: T, states: Int32Array, variants: number): T {
  const out = new (array.constructor as new (length: number) => T)(states.length * variants);
  states.forEach((state, at) => copyRow(array, state * variants, out, at * variants, variants));
  return out;
}

/** Last eliminated first: each state's target is kept or went later, so it is already known. */
function backSubstitute(plan: EliminationPlan, { variants, exitValue, removed }: Block, values: Float64Array): void {
  for (let step = plan.states.length - 1; step >= 0; step -= 1) {
    const row = plan.states[step] * variants;
    const targetRow = plan.targets[step] * variants;
    const probability = plan.probabilities[step];
    for (let variant = 0; variant < variants; variant += 1) {
      values[row + variant] = removed[row + variant] ? 0 : Math.min(1, exitValue[row + variant] + probability * values[targetRow + variant]);
    }
  }
}
