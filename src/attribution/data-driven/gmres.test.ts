import fc from 'fast-check';
import { solveDense } from './dense-solve';
import { KrylovSpace, LinearMap, gmresCycle } from './gmres';
import { finish } from './steps';

/** y = A x per variant for dense row-major matrices, one per variant, columns interleaved. */
function denseMap(matrices: readonly Float64Array[], size: number): LinearMap {
  const variants = matrices.length;
  return (x, y) => {
    y.fill(0);
    matrices.forEach((matrix, variant) => {
      for (let row = 0; row < size; row += 1) {
        for (let column = 0; column < size; column += 1) y[row * variants + variant] += matrix[row * size + column] * x[column * variants + variant];
      }
    });
  };
}

/** I - Q for a random substochastic Q: what the blocks' sweeps give GMRES. */
const system = fc.integer({ min: 1, max: 12 }).chain((size) => fc.record({
  size: fc.constant(size),
  matrices: fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: size * size, maxLength: size * size }), { minLength: 1, maxLength: 3 }),
  rhs: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: size * 3, maxLength: size * 3 }),
}));

describe('gmresCycle', () => {
  test('solves every variant\'s system to its target, as Gaussian elimination does', () => {
    fc.assert(fc.property(system, ({ size, matrices: weights, rhs }) => {
      const variants = weights.length;
      const matrices = weights.map((cells) => Float64Array.from(cells, (cell, at) => {
        const rowSum = cells.slice(Math.floor(at / size) * size, (Math.floor(at / size) + 1) * size).reduce((sum, value) => sum + value, 0);
        const q = cell / (rowSum + 0.2);
        return (at % (size + 1) === 0 ? 1 : 0) - q;
      }));
      const b = Float64Array.from({ length: size * variants }, (_, at) => rhs[at]);
      const expected = matrices.map((matrix, variant) => solveDense(
        Float64Array.from(matrix), Float64Array.from({ length: size }, (_, row) => b[row * variants + variant]), size,
      ));
      const y = Float64Array.from(b);
      finish(gmresCycle(denseMap(matrices, size), y, variants, new Float64Array(variants).fill(1e-13), new KrylovSpace(size + 1)));
      expected.forEach((solution, variant) => solution.forEach((value, row) => {
        expect(Math.abs(y[row * variants + variant] - value)).toBeLessThan(1e-9);
      }));
    }));
  });

  test('a variant already within its target is left at 0, the others solved', () => {
    const identity = Float64Array.from([1, 0, 0, 1]);
    const y = Float64Array.from([0, 3, 0, 4]);
    finish(gmresCycle(denseMap([identity, identity], 2), y, 2, Float64Array.from([1e-13, 1e-13]), new KrylovSpace(5)));
    expect([y[0], y[2]]).toEqual([0, 0]);
    expect(Math.abs(y[1] - 3) + Math.abs(y[3] - 4)).toBeLessThan(1e-13);
  });
});
