import fc from 'fast-check';
import { Block } from './block-iteration';
import { solveDenseBlock } from './absorption';
import { planElimination, solveEliminated } from './elimination';
import { finish } from './steps';

function removedIn(block: Block): number[][] {
  return Array.from({ length: block.size }, (_, state) => Array.from({ length: block.variants }, (__, variant) => variant)
    .filter((variant) => block.removed[state * block.variants + variant]));
}

/** The plan's solution, checked against Gaussian elimination in every variant. */
function expectExact(block: Block): ReturnType<typeof planElimination> {
  const plan = planElimination(block, removedIn(block));
  const expected = solveDenseBlock(block);
  const values = finish(solveEliminated({ ...block, exitValue: block.exitValue.slice() }, plan));
  expected.forEach((value, at) => expect(Math.abs(values[at] - value)).toBeLessThan(1e-12));
  return plan;
}

/** Rows of distinct targets, each with a share leaving the block (so every variant has one solution). */
const blockArbitrary = fc.record({ size: fc.integer({ min: 2, max: 12 }), variants: fc.integer({ min: 1, max: 4 }) })
  .chain(({ size, variants }) => fc.record({
    size: fc.constant(size),
    variants: fc.constant(variants),
    rows: fc.array(fc.record({
      // Mostly one successor, the case elimination serves.
      targets: fc.oneof(fc.uniqueArray(fc.nat(size - 1), { minLength: 1, maxLength: 1 }), fc.uniqueArray(fc.nat(size - 1), { minLength: 1, maxLength: 4 })),
      weights: fc.array(fc.double({ min: 0.05, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 }),
      exits: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: variants, maxLength: variants }),
      removed: fc.array(fc.boolean(), { minLength: variants, maxLength: variants }),
    }), { minLength: size, maxLength: size }),
  }))
  .map(({ size, variants, rows }): Block => {
    const offsets = new Int32Array(size + 1);
    const targets: number[] = [];
    const probabilities: number[] = [];
    const exitValue = new Float64Array(size * variants);
    const removed = new Uint8Array(size * variants);
    rows.forEach((row, state) => {
      // weights[4] is the share that leaves the block; exitValue is at most that share.
      const total = row.targets.reduce((sum, _, at) => sum + row.weights[at], row.weights[4]);
      row.targets.forEach((target, at) => {
        targets.push(target);
        probabilities.push(row.weights[at] / total);
      });
      offsets[state + 1] = targets.length;
      row.exits.forEach((exit, variant) => { exitValue[state * variants + variant] = (exit * row.weights[4]) / total; });
      row.removed.forEach((gone, variant) => { removed[state * variants + variant] = gone ? 1 : 0; });
    });
    return { size, variants, offsets, targets: Int32Array.from(targets), probabilities: Float64Array.from(probabilities), exitValue, removed };
  });

/** A ring of `size` states, each moving on with 1/2 and converting with 1/4; `removed` lists [state, variant]. */
function ring(size: number, variants: number, removedStates: readonly (readonly [number, number])[]): Block {
  const removed = new Uint8Array(size * variants);
  removedStates.forEach(([state, variant]) => { removed[state * variants + variant] = 1; });
  return {
    size,
    variants,
    offsets: Int32Array.from({ length: size + 1 }, (_, state) => state),
    targets: Int32Array.from({ length: size }, (_, state) => (state + 1) % size),
    probabilities: new Float64Array(size).fill(0.5),
    exitValue: new Float64Array(size * variants).fill(0.25),
    removed,
  };
}

describe('planElimination and solveEliminated', () => {
  test('agree with Gaussian elimination in every variant, whatever the removals', () => {
    fc.assert(fc.property(blockArbitrary, (block) => { expectExact(block); }));
  });

  test('a ring of single successors leaves one state to iterate, and is exact', () => {
    const plan = expectExact(ring(10, 1, []));
    expect(plan.kept).toHaveLength(1);
    expect(plan.states).toHaveLength(9);
  });

  test('a block of few single successors is iterated as it is', () => {
    // Every state moves to both others with 1/4 each and converts with 1/4 (x = 1/4 + x/2 = 1/2).
    const size = 3;
    const block: Block = {
      size,
      variants: 2,
      offsets: Int32Array.from({ length: size + 1 }, (_, state) => 2 * state),
      targets: Int32Array.from({ length: 2 * size }, (_, edge) => (Math.floor(edge / 2) + 1 + (edge % 2)) % size),
      probabilities: new Float64Array(2 * size).fill(0.25),
      exitValue: new Float64Array(2 * size).fill(0.25),
      removed: Uint8Array.of(0, 1, 0, 0, 0, 0),
    };
    const plan = expectExact(block);
    expect(Array.from(plan.kept)).toEqual([0, 1, 2]);
    expect(plan.states).toHaveLength(0);
  });

  test('a state removed while its predecessor and successor stay is kept: merging past it would be wrong', () => {
    // Variant 1 removes state 4 alone: 3 -> 5 at 1/4 would skip the 0 that state 4 holds there.
    const plan = expectExact(ring(10, 2, [[4, 1]]));
    expect(Array.from(plan.kept)).toContain(4);
  });

  test('a state removed with all its predecessors is eliminated: no kept row reads it there', () => {
    // Variant 1 removes states 3 and 4: 4's only predecessor goes too, so 4 may merge into 3's row.
    const plan = expectExact(ring(10, 2, [[3, 1], [4, 1]]));
    expect(Array.from(plan.states)).toContain(4);
  });
});
