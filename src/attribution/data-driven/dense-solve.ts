/**
 * Solves A x = b by Gaussian elimination with partial pivoting; `a` is n x n row-major. Both
 * arrays are overwritten. O(n^3): meant for blocks of a few hundred unknowns at most.
 */
export function solveDense(a: Float64Array, b: Float64Array, n: number): Float64Array {
  for (let column = 0; column < n; column += 1) {
    const pivot = pivotRow(a, n, column);
    if (a[pivot * n + column] === 0) throw new RangeError('singular system');
    if (pivot !== column) swapRows(a, b, n, pivot, column);
    const diagonal = a[column * n + column];
    for (let row = column + 1; row < n; row += 1) {
      const factor = a[row * n + column] / diagonal;
      if (factor === 0) continue;
      for (let k = column; k < n; k += 1) a[row * n + k] -= factor * a[column * n + k];
      b[row] -= factor * b[column];
    }
  }
  const x = new Float64Array(n);
  for (let row = n - 1; row >= 0; row -= 1) {
    let sum = b[row];
    for (let k = row + 1; k < n; k += 1) sum -= a[row * n + k] * x[k];
    x[row] = sum / a[row * n + row];
  }
  return x;
}

function pivotRow(a: Float64Array, n: number, column: number): number {
  let best = column;
  for (let row = column + 1; row < n; row += 1) {
    if (Math.abs(a[row * n + column]) > Math.abs(a[best * n + column])) best = row;
  }
  return best;
}

function swapRows(a: Float64Array, b: Float64Array, n: number, first: number, second: number): void {
  for (let k = 0; k < n; k += 1) {
    const held = a[first * n + k];
    a[first * n + k] = a[second * n + k];
    a[second * n + k] = held;
  }
  const held = b[first];
  b[first] = b[second];
  b[second] = held;
}
