import fc from 'fast-check';
import { DENSE_LIMIT, conversionProbabilities, groupProbabilities, variantGroups } from './absorption';
import { Block, solveIteratively } from './block-iteration';
import { forEachComponent } from './components';
import { solveDense } from './dense-solve';
import { MarkovChain, buildMarkovChain } from './markov-chain';
import { canonicalRows } from './path-input';
import { buildPathTable } from './path-table';
import { randomRows } from './path-row.fixture';
import { finish } from './steps';
import { PathRow } from './types';

/** Reference: one dense solve of (I - Q) x = r over every state, removed states forced to 0. */
function denseReference(chain: MarkovChain, removed: Uint8Array): number {
  const n = chain.stateKeys.length;
  const matrix = new Float64Array(n * n);
  const rhs = new Float64Array(n);
  for (let state = 0; state < n; state += 1) {
    matrix[state * n + state] = 1;
    if (removed[state]) continue;
    rhs[state] = chain.toConversion[state];
    for (let edge = chain.offsets[state]; edge < chain.offsets[state + 1]; edge += 1) {
      matrix[state * n + chain.targets[edge]] -= chain.probabilities[edge];
    }
  }
  return solveDense(matrix, rhs, n)[0];
}

const rowArbitrary = fc.record({
  path: fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 1, maxLength: 8 }),
  journeys: fc.integer({ min: 1, max: 9 }),
}).chain(({ path, journeys }) => fc.integer({ min: 0, max: journeys })
  .map((conversions): PathRow => ({ path, journeys, conversions, value: BigInt(conversions) })));

/** The states of `chain` that contain `key`. */
function statesWith(chain: MarkovChain, keys: readonly string[], key: string): number[] {
  return chain.stateKeys.flatMap((ids, state) => (ids.some((id) => keys[id] === key) ? [state] : []));
}

function mask(chain: MarkovChain, states: readonly number[]): Uint8Array {
  const removed = new Uint8Array(chain.stateKeys.length);
  states.forEach((state) => { removed[state] = 1; });
  return removed;
}

/** The chain of `rows` has a block too large for dense elimination; each removal of `removedKeys` is exact. */
function expectLargeBlockExact(rows: PathRow[], order: number, removedKeys: readonly string[]): void {
  const table = buildPathTable(canonicalRows(rows));
  const chain = buildMarkovChain(table.keys.length, table.paths, order);
  let largest = 0;
  forEachComponent(chain, new Uint8Array(chain.stateKeys.length).fill(1), 0, (members) => { largest = Math.max(largest, members.length); });
  expect(largest).toBeGreaterThan(DENSE_LIMIT);
  const removals = [[], ...removedKeys.map((key) => statesWith(chain, table.keys, key))];
  finish(conversionProbabilities(chain, removals)).forEach((probability, variant) => {
    expect(Math.abs(probability - denseReference(chain, mask(chain, removals[variant])))).toBeLessThan(1e-12);
  });
}

describe('conversionProbabilities', () => {
  test('agrees with a dense solve of the whole chain, for the chain and each removal', () => {
    fc.assert(fc.property(fc.array(rowArbitrary, { minLength: 1, maxLength: 25 }), fc.integer({ min: 1, max: 3 }), (rows, order) => {
      const table = buildPathTable(canonicalRows(rows));
      const chain = buildMarkovChain(table.keys.length, table.paths, order);
      const removals = [[], ...table.keys.map((key) => statesWith(chain, table.keys, key))];
      finish(conversionProbabilities(chain, removals)).forEach((probability, variant) => {
        expect(probability).toBeCloseTo(denseReference(chain, mask(chain, removals[variant])), 12);
      });
    }));
  });

  test('a cycle larger than DENSE_LIMIT is solved by iteration, as exactly', () => {
    // A ring of keys: every state moves on with 1/2, converts with 1/4, so x = 1/4 + x/2 = 1/2.
    const size = DENSE_LIMIT + 100;
    const rows = Array.from({ length: size }, (_, index) => ({
      path: [`k${index}`, `k${(index + 1) % size}`], journeys: 2, conversions: 1, value: 1n,
    }));
    const table = buildPathTable(canonicalRows(rows));
    const chain = buildMarkovChain(table.keys.length, table.paths, 1);
    const removals = [[], [1], statesWith(chain, table.keys, 'k7'), [1, 2, 3]];
    const [probability, ...without] = finish(conversionProbabilities(chain, removals));
    expect(Math.abs(probability - 0.5)).toBeLessThan(1e-13);
    without.forEach((value, index) => {
      expect(Math.abs(value - denseReference(chain, mask(chain, removals[index + 1])))).toBeLessThan(1e-13);
    });
  });

  test('a realistic block beyond DENSE_LIMIT agrees with the dense solve', () => {
    expectLargeBlockExact(randomRows(3_000, 20), 2, ['k0', 'k7', 'k19']);
  });

  test('an order-3 block beyond DENSE_LIMIT with states eliminated agrees with the dense solve, every key removed', () => {
    // 158 states in the largest block, 69 of them with one successor in it: well above the plan's threshold.
    expectLargeBlockExact(randomRows(300, 6), 3, ['k0', 'k1', 'k2', 'k3', 'k4', 'k5']);
  });

  test('groups of variants: consecutive, near-equal, an even number, each solved alone as within all', () => {
    const table = buildPathTable(canonicalRows(randomRows(10_000, 40)));
    const chain = buildMarkovChain(table.keys.length, table.paths, 2);
    const groups = variantGroups(chain, 75);
    expect(groups.map((group) => group.length)).toEqual([18, 19, 19, 19]);
    expect(groups.flat()).toEqual(Array.from({ length: 75 }, (_, variant) => variant));
    // A thread solving only the second group gets the same bits as one solve of them all.
    const removals = [[], ...table.keys.map((key) => statesWith(chain, table.keys, key))];
    const [, second] = variantGroups(chain, removals.length);
    const whole = finish(conversionProbabilities(chain, removals));
    expect(finish(groupProbabilities(chain, removals, [second]))).toEqual([second.map((variant) => whole[variant])]);
  });

  test('more variants than one group holds', () => {
    const table = buildPathTable(canonicalRows([{ path: ['a', 'b', 'a'], journeys: 3, conversions: 1, value: 1n }]));
    const chain = buildMarkovChain(table.keys.length, table.paths, 1);
    const removals = Array.from({ length: 70 }, (_, index) => (index % 2 === 0 ? [] : [1]));
    expect(finish(conversionProbabilities(chain, removals))).toEqual(removals.map((states) => (states.length === 0 ? 1 / 3 : 0)));
  });
});

describe('solveIteratively', () => {
  /** A random block: each row spends some probability inside, some on exits. */
  const blockArbitrary = fc.integer({ min: 1, max: 40 }).chain((size) => fc.array(
    fc.record({
      inside: fc.array(fc.tuple(fc.integer({ min: 0, max: size - 1 }), fc.double({ min: 0.01, max: 1, noNaN: true })), { maxLength: 6 }),
      exit: fc.double({ min: 0.05, max: 1, noNaN: true }),
      converting: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
    { minLength: size, maxLength: size },
  ));

  /** Reference for one variant: x = 0 on removed states, (I - Q) x = exitValue elsewhere. */
  function denseVariant(block: Block, variant: number): Float64Array {
    const { size, variants, offsets, targets, probabilities } = block;
    const matrix = new Float64Array(size * size);
    const rhs = new Float64Array(size);
    for (let state = 0; state < size; state += 1) {
      matrix[state * size + state] = 1;
      if (block.removed[state * variants + variant]) continue;
      rhs[state] = block.exitValue[state * variants + variant];
      for (let edge = offsets[state]; edge < offsets[state + 1]; edge += 1) matrix[state * size + targets[edge]] -= probabilities[edge];
    }
    return solveDense(matrix, rhs, size);
  }

  test('a slowly mixing ring (journeys of ~50 steps) converges to the exact value', () => {
    // Each state moves on with .98 and converts with .01: x = .01 / (1 - .98) = .5.
    const size = 500;
    const block: Block = {
      size,
      variants: 1,
      offsets: Int32Array.from({ length: size + 1 }, (_, state) => state),
      targets: Int32Array.from({ length: size }, (_, state) => (state + 1) % size),
      probabilities: new Float64Array(size).fill(0.98),
      exitValue: new Float64Array(size).fill(0.01),
      removed: new Uint8Array(size),
    };
    finish(solveIteratively(block)).forEach((value) => expect(Math.abs(value - 0.5)).toBeLessThan(1e-12));
  });

  interface BlockRow {
    inside: [number, number][];
    exit: number;
    converting: number;
  }

  /** Two variants of the rows' block; the second removes state 0. */
  function twoVariantBlock(rows: readonly BlockRow[]): Block {
    const size = rows.length;
    const variants = 2;
    const offsets = new Int32Array(size + 1);
    const targets: number[] = [];
    const probabilities: number[] = [];
    const exitValue = new Float64Array(size * variants);
    rows.forEach(({ inside, exit, converting }, state) => {
      const total = inside.reduce((sum, [, weight]) => sum + weight, 0) + exit;
      const merged = new Map<number, number>();
      inside.forEach(([target, weight]) => merged.set(target, (merged.get(target) ?? 0) + weight / total));
      [...merged].sort(([a], [b]) => a - b).forEach(([target, p]) => { targets.push(target); probabilities.push(p); });
      exitValue.fill((exit / total) * converting, state * variants, (state + 1) * variants);
      offsets[state + 1] = targets.length;
    });
    const removed = new Uint8Array(size * variants);
    removed[1] = 1;
    return { size, variants, offsets, targets: Int32Array.from(targets), probabilities: Float64Array.from(probabilities), exitValue, removed };
  }

  function expectGaussianValues(block: Block): void {
    const solved = finish(solveIteratively(block));
    for (let variant = 0; variant < block.variants; variant += 1) {
      denseVariant(block, variant).forEach((exact, state) => {
        expect(Math.abs(solved[state * block.variants + variant] - exact)).toBeLessThan(1e-12);
      });
    }
  }

  test('agrees with Gaussian elimination in every variant (the second removes state 0)', () => {
    fc.assert(fc.property(blockArbitrary, (rows) => expectGaussianValues(twoVariantBlock(rows))));
  });

  test('a state that receives far more than it sends does not stall the solve', () => {
    // State 1 takes in 1.57 of probability from the kept states: with state 0 removed, the
    // correction alone once left an error of 1e-12 after a million sweeps.
    expectGaussianValues(twoVariantBlock([
      { inside: [], exit: 0.05, converting: 0 },
      { inside: [[1, 0.01]], exit: 0.05, converting: 0 },
      { inside: [[1, 0.06413345788673394]], exit: 0.05, converting: 0.6560359569230126 },
      { inside: [[1, 0.2357149199767768], [2, 0.01], [1, 0.08715068124946515]], exit: 0.05, converting: 0 },
    ]));
  });
});
