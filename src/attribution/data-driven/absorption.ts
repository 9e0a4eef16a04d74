import { Block, Structure, copyRow } from './block-iteration';
import { depthFirstOrder, forEachComponent } from './components';
import { solveDense } from './dense-solve';
import { EliminationPlan, planElimination, solveEliminated } from './elimination';
import { MarkovChain, START, SparseRows } from './markov-chain';
import { Steps } from './steps';

/**
 * Largest block solved by dense elimination, m^3/3 flops per variant. Beyond it iteration is
 * cheaper (about 30 passes over the block's transitions) and as accurate.
 */
export const DENSE_LIMIT = 64;

/** Variants solved together share each pass over the transitions; memory is states x group. */
const MAX_GROUP = 32;
const GROUP_CELLS = 1 << 22;

/** What the absorption solve reads of a chain: its transitions, not its states' keys. */
export type AbsorbingChain = Omit<MarkovChain, 'stateKeys'>;

const stateCount = (chain: AbsorbingChain): number => chain.toConversion.length;

/**
 * P(absorption in CONVERSION) from START in variants of the chain: variant v redirects the
 * states `removals[v]` to NULL (an empty list is the chain itself).
 *
 * Only states that can reach CONVERSION enter the system (the others convert with probability
 * 0), and only those reachable from START are visited. Their strongly connected components are
 * solved sinks first, each with the solutions of the blocks it leaves to already known: one
 * state in closed form, up to DENSE_LIMIT states by Gaussian elimination with partial pivoting
 * (O(m^3) per variant), larger blocks, once their states of one successor are eliminated
 * exactly (`planElimination`), by GMRES over Gauss-Seidel sweeps with a proven error bound
 * (`solveIteratively`, O(transitions x variants) per sweep, 20-30 sweeps). Everything else is
 * O((states + transitions) x variants). Removing states only deletes transitions, so the
 * components of the chain itself give a valid order for every variant. A block's solution is an
 * average of what it leaves to, so errors do not grow from block to block: each result is within
 * (number of large blocks) x ERROR_TOLERANCE, plus rounding, of the exact value.
 */
export function* conversionProbabilities(chain: AbsorbingChain, removals: readonly (readonly number[])[]): Steps<number[]> {
  const groups = variantGroups(chain, removals.length);
  return byVariant(groups, yield* groupProbabilities(chain, removals, groups));
}

/** Results solved group by group (`solved[g][i]` for variant `groups[g][i]`), in variant order. */
export function byVariant(groups: readonly (readonly number[])[], solved: readonly (readonly number[])[]): number[] {
  const results: number[] = [];
  groups.forEach((variants, group) => variants.forEach((variant, at) => { results[variant] = solved[group][at]; }));
  return results;
}

/**
 * The variants solved together, in consecutive runs of near-equal size; an even number of groups
 * when there is more than one, so that two threads can share them evenly. A variant's result
 * depends on its group alone: whichever thread solves a group, it gets the same bits.
 */
export function variantGroups(chain: AbsorbingChain, variants: number): number[][] {
  const largest = Math.max(1, Math.min(MAX_GROUP, Math.floor(GROUP_CELLS / stateCount(chain))));
  const needed = Math.ceil(variants / largest);
  const count = needed > 1 ? needed + (needed % 2) : needed;
  return Array.from({ length: count }, (_, group) => {
    const first = Math.floor((group * variants) / count);
    return Array.from({ length: Math.floor(((group + 1) * variants) / count) - first }, (__, at) => first + at);
  });
}

/** P(conversion) of the variants of each of `groups` (indices into `removals`), group by group. */
export function* groupProbabilities(chain: AbsorbingChain, removals: readonly (readonly number[])[],
  groups: readonly (readonly number[])[]): Steps<number[][]> {
  const components = solveOrder(chain);
  const plans = new Plans(chain, removals);
  const results: number[][] = [];
  for (const variants of groups) {
    results.push(yield* solveGroup(chain, components, variants.map((variant) => removals[variant]), plans));
  }
  return results;
}

/**
 * Components of the states that can convert, in solving order. A block's members come in
 * depth-first order (a state before the states it leads to, but for the transitions that close
 * cycles), which iteration sweeps backwards: most of what a state leads to is then already
 * updated in the same sweep. On the large demo data this took order 4's largest block from 136
 * sweeps (members by id) to 52.
 */
function solveOrder(chain: AbsorbingChain): number[][] {
  const components: number[][] = [];
  const include = canConvert(chain);
  if (include[START]) {
    // Searching from the members by id makes the order independent of Tarjan's visit order.
    const mark = new Uint8Array(stateCount(chain));
    forEachComponent(chain, include, START, (members) => components.push(depthFirstOrder(chain, members.sort((a, b) => a - b), mark)));
  }
  return components;
}

function canConvert(chain: AbsorbingChain): Uint8Array {
  const marked = new Uint8Array(stateCount(chain));
  const queue: number[] = [];
  chain.toConversion.forEach((probability, state) => {
    if (probability > 0) {
      marked[state] = 1;
      queue.push(state);
    }
  });
  spread(chain.reverse, queue, marked);
  return marked;
}

/** Breadth-first search along `graph` from the states in `queue` (already marked). */
function spread(graph: SparseRows, queue: number[], marked: Uint8Array): void {
  for (let head = 0; head < queue.length; head += 1) {
    const state = queue[head];
    for (let edge = graph.offsets[state]; edge < graph.offsets[state + 1]; edge += 1) {
      const next = graph.targets[edge];
      if (marked[next]) continue;
      marked[next] = 1;
      queue.push(next);
    }
  }
}

/**
 * What every group of variants shares of a block: its transitions in local indices, and a large
 * block's elimination plan (made for every variant of every group), both made at its first solve.
 */
class Plans {
  private readonly structures = new Map<number, Structure>();
  private readonly plans = new Map<number, EliminationPlan>();
  private readonly removedIn: number[][];

  constructor(private readonly chain: AbsorbingChain, removals: readonly (readonly number[])[]) {
    this.removedIn = Array.from({ length: stateCount(chain) }, (): number[] => []);
    removals.forEach((states, variant) => states.forEach((state) => this.removedIn[state].push(variant)));
  }

  structure(component: number, members: readonly number[], local: Int32Array): Structure {
    return firstMade(this.structures, component, () => blockStructure(this.chain, members, local));
  }

  of(component: number, members: readonly number[], block: Block): EliminationPlan {
    return firstMade(this.plans, component, () => planElimination(block, members.map((state) => this.removedIn[state])));
  }
}

/** The value kept for `key`, made and kept on first use. */
function firstMade<T>(kept: Map<number, T>, key: number, make: () => T): T {
  let value = kept.get(key);
  if (value === undefined) {
    value = make();
    kept.set(key, value);
  }
  return value;
}

/** Solutions of a group of variants, indexed [state * variants + variant]. */
interface Group {
  readonly variants: number;
  readonly removed: Uint8Array;
  readonly solution: Float64Array;
}

// Components solved between two steps: single states and small blocks are quick.
const COMPONENTS_PER_STEP = 1024;

function* solveGroup(chain: AbsorbingChain, components: readonly number[][], removals: readonly (readonly number[])[], plans: Plans): Steps<number[]> {
  const variants = removals.length;
  const removed = new Uint8Array(stateCount(chain) * variants);
  removals.forEach((states, variant) => states.forEach((state) => { removed[state * variants + variant] = 1; }));
  const group: Group = { variants, removed, solution: new Float64Array(stateCount(chain) * variants) };
  const local = new Int32Array(stateCount(chain)).fill(-1);
  for (const [index, members] of components.entries()) {
    if (index % COMPONENTS_PER_STEP === 0) yield;
    if (members.length === 1) {
      solveSingle(chain, members[0], group);
      continue;
    }
    members.forEach((state, at) => { local[state] = at; });
    const block = toBlock(chain, members, local, group, plans.structure(index, members, local));
    const values = block.size > DENSE_LIMIT ? yield* solveEliminated(block, plans.of(index, members, block)) : solveDenseBlock(block);
    members.forEach((state, at) => {
      copyRow(values, at * variants, group.solution, state * variants, variants);
      local[state] = -1;
    });
  }
  return removals.map((_, variant) => group.solution[START * variants + variant]);
}

/** A state alone in its component: x = (r + sum P x_t) / (1 - P(self)), with the x_t solved. */
function solveSingle(chain: AbsorbingChain, state: number, { variants, removed, solution }: Group): void {
  const row = state * variants;
  let selfLoop = 0;
  for (let variant = 0; variant < variants; variant += 1) solution[row + variant] = chain.toConversion[state];
  for (let edge = chain.offsets[state]; edge < chain.offsets[state + 1]; edge += 1) {
    const target = chain.targets[edge];
    const probability = chain.probabilities[edge];
    if (target === state) {
      selfLoop += probability;
      continue;
    }
    for (let variant = 0; variant < variants; variant += 1) {
      solution[row + variant] += probability * solution[target * variants + variant];
    }
  }
  for (let variant = 0; variant < variants; variant += 1) {
    solution[row + variant] = removed[row + variant] ? 0 : Math.min(1, solution[row + variant] / (1 - selfLoop));
  }
}

/** The transitions among `members` (local[member] = its index), in local indices. */
function blockStructure(chain: AbsorbingChain, members: readonly number[], local: Int32Array): Structure {
  const offsets = new Int32Array(members.length + 1);
  members.forEach((state, index) => {
    let inside = 0;
    for (let edge = chain.offsets[state]; edge < chain.offsets[state + 1]; edge += 1) if (local[chain.targets[edge]] >= 0) inside += 1;
    offsets[index + 1] = offsets[index] + inside;
  });
  const targets = new Int32Array(offsets[members.length]);
  const probabilities = new Float64Array(targets.length);
  members.forEach((state, index) => {
    let at = offsets[index];
    for (let edge = chain.offsets[state]; edge < chain.offsets[state + 1]; edge += 1) {
      if (local[chain.targets[edge]] < 0) continue;
      targets[at] = local[chain.targets[edge]];
      probabilities[at] = chain.probabilities[edge];
      at += 1;
    }
  });
  return { size: members.length, offsets, targets, probabilities };
}

/** The block of `members` in a group of variants: its structure, and what leaving it is worth (states outside it are solved or 0). */
function toBlock(chain: AbsorbingChain, members: readonly number[], local: Int32Array, group: Group, structure: Structure): Block {
  const { variants, removed, solution } = group;
  const exitValue = new Float64Array(members.length * variants);
  const blockRemoved = new Uint8Array(members.length * variants);
  members.forEach((state, index) => {
    const row = index * variants;
    copyRow(removed, state * variants, blockRemoved, row, variants);
    exitValue.fill(chain.toConversion[state], row, row + variants);
    for (let edge = chain.offsets[state]; edge < chain.offsets[state + 1]; edge += 1) {
      const target = chain.targets[edge];
      if (local[target] >= 0) continue;
      for (let variant = 0; variant < variants; variant += 1) {
        exitValue[row + variant] += chain.probabilities[edge] * solution[target * variants + variant];
      }
    }
  });
  return { ...structure, variants, exitValue, removed: blockRemoved };
}

/** Gaussian elimination per variant; a removed state's row becomes x = 0. */
export function solveDenseBlock(block: Block): Float64Array {
  const { size, variants, offsets, targets, probabilities, exitValue, removed } = block;
  const values = new Float64Array(size * variants);
  for (let variant = 0; variant < variants; variant += 1) {
    const matrix = new Float64Array(size * size);
    const rhs = new Float64Array(size);
    for (let row = 0; row < size; row += 1) {
      matrix[row * size + row] = 1;
      if (removed[row * variants + variant]) continue;
      rhs[row] = exitValue[row * variants + variant];
      for (let edge = offsets[row]; edge < offsets[row + 1]; edge += 1) {
        matrix[row * size + targets[edge]] -= probabilities[edge];
      }
    }
    // Rounding may step a hair outside [0, 1]; a probability may not.
    solveDense(matrix, rhs, size).forEach((value, row) => {
      values[row * variants + variant] = Math.min(1, Math.max(0, value));
    });
  }
  return values;
}
