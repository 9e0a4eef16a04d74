import { Steps } from './steps';

/** y = A x for each variant's column; both arrays indexed [row * variants + variant]. */
export type LinearMap = (x: Float64Array, y: Float64Array) => void;

/**
 * Krylov vectors, made as first needed and kept for later cycles and later solves: a block's
 * groups of variants reuse them (at order 4 they are 100 MB a group, and allocating them afresh
 * set off full garbage collections). A vector is a view of `length` entries.
 */
export class KrylovSpace {
  private readonly vectors: Float64Array[] = [];

  constructor(readonly maxIterations: number) {}

  vector(index: number, length: number): Float64Array {
    while (this.vectors.length <= index) this.vectors.push(new Float64Array(length));
    if (this.vectors[index].length < length) this.vectors[index] = new Float64Array(length);
    return this.vectors[index].subarray(0, length);
  }
}

/**
 * One cycle of GMRES for A y = b in every variant at once, from y = 0: up to
 * `space.maxIterations` products with A, each shared by all variants (their columns are
 * interleaved, as in `Block`). A variant stops growing its Krylov space once its residual's
 * 2-norm is at most its `target`; the cycle ends when every variant has. `b` is replaced by y,
 * the minimal-residual combination for each variant. Modified Gram-Schmidt, Givens rotations:
 * O(iterations^2 x rows x variants) besides the products with A.
 */
export function* gmresCycle(multiply: LinearMap, b: Float64Array, variants: number, target: Float64Array, space: KrylovSpace): Steps<void> {
  const { maxIterations } = space;
  const arnoldi = new Arnoldi(variants, maxIterations);
  const norms = columnNorms(b, variants);
  arnoldi.start(norms, target);
  const vector = (index: number) => space.vector(index, b.length);
  scaleColumns(b, norms, vector(0), variants, arnoldi.active);
  for (let iteration = 0; iteration < maxIterations && arnoldi.anyActive(); iteration += 1) {
    yield;
    const next = vector(iteration + 1);
    multiply(vector(iteration), next);
    // Modified Gram-Schmidt, each pass subtracting one basis vector and projecting on the next
    // (the last pass: on the new vector itself, its squared norm). Same operations in the same
    // order as a pass for each, on half the passes over the Krylov vectors (they exceed the caches).
    let projections = columnDots(next, vector(0), variants);
    for (let previous = 0; previous <= iteration; previous += 1) {
      arnoldi.setEntry(previous, iteration, projections);
      const following = previous < iteration ? vector(previous + 1) : next;
      projections = subtractAndProject(next, vector(previous), projections, following, variants);
    }
    const length = projections.map(Math.sqrt);
    arnoldi.setEntry(iteration + 1, iteration, length);
    arnoldi.rotate(iteration, target);
    scaleColumns(next, length, next, variants, arnoldi.active);
  }
  combine(space, arnoldi.coefficients(), variants, b);
}

/** The Hessenberg matrices of every variant, reduced to triangles by Givens rotations as they grow. */
class Arnoldi {
  private readonly hessenberg: Float64Array;
  private readonly cosines: Float64Array;
  private readonly sines: Float64Array;
  /** Per variant: the rotated right-hand side beta e1, whose last entry is the residual norm. */
  private readonly rhs: Float64Array;
  private readonly iterations: Int32Array;
  readonly active: Uint8Array;

  constructor(private readonly variants: number, private readonly maxIterations: number) {
    this.hessenberg = new Float64Array(variants * (maxIterations + 1) * maxIterations);
    this.cosines = new Float64Array(variants * maxIterations);
    this.sines = new Float64Array(variants * maxIterations);
    this.rhs = new Float64Array(variants * (maxIterations + 1));
    this.iterations = new Int32Array(variants);
    this.active = new Uint8Array(variants);
  }

  start(norms: Float64Array, target: Float64Array): void {
    norms.forEach((norm, variant) => {
      this.rhs[variant * (this.maxIterations + 1)] = norm;
      this.active[variant] = norm > target[variant] ? 1 : 0;
    });
  }

  anyActive(): boolean {
    return this.active.some((active) => active === 1);
  }

  setEntry(row: number, column: number, values: Float64Array): void {
    values.forEach((value, variant) => {
      if (this.active[variant]) this.hessenberg[this.cell(variant, row, column)] = value;
    });
  }

  /** Applies the earlier rotations to the new column, then one that zeroes its last entry. */
  rotate(column: number, target: Float64Array): void {
    for (let variant = 0; variant < this.variants; variant += 1) {
      if (!this.active[variant]) continue;
      const h = (row: number) => this.cell(variant, row, column);
      const rotation = variant * this.maxIterations;
      for (let row = 0; row < column; row += 1) {
        const [c, s] = [this.cosines[rotation + row], this.sines[rotation + row]];
        const [top, bottom] = [this.hessenberg[h(row)], this.hessenberg[h(row + 1)]];
        this.hessenberg[h(row)] = c * top + s * bottom;
        this.hessenberg[h(row + 1)] = -s * top + c * bottom;
      }
      const [top, bottom] = [this.hessenberg[h(column)], this.hessenberg[h(column + 1)]];
      const radius = Math.hypot(top, bottom);
      const g = variant * (this.maxIterations + 1) + column;
      this.iterations[variant] = column + 1;
      if (radius === 0) {
        this.active[variant] = 0;
        continue;
      }
      const [c, s] = [top / radius, bottom / radius];
      this.cosines[rotation + column] = c;
      this.sines[rotation + column] = s;
      this.hessenberg[h(column)] = radius;
      this.hessenberg[h(column + 1)] = 0;
      this.rhs[g + 1] = -s * this.rhs[g];
      this.rhs[g] *= c;
      // Exhausted: the space holds the exact solution (bottom = 0), or the target is met.
      if (bottom === 0 || Math.abs(this.rhs[g + 1]) <= target[variant]) this.active[variant] = 0;
    }
  }

  /** Per variant, the coefficients of the basis vectors: back substitution in the triangle. */
  coefficients(): Float64Array[] {
    return Array.from({ length: this.variants }, (_, variant) => {
      const size = this.iterations[variant];
      const y = new Float64Array(size);
      for (let row = size - 1; row >= 0; row -= 1) {
        let sum = this.rhs[variant * (this.maxIterations + 1) + row];
        for (let k = row + 1; k < size; k += 1) sum -= this.hessenberg[this.cell(variant, row, k)] * y[k];
        const diagonal = this.hessenberg[this.cell(variant, row, row)];
        y[row] = diagonal === 0 ? 0 : sum / diagonal;
      }
      return y;
    });
  }

  private cell(variant: number, row: number, column: number): number {
    return (variant * (this.maxIterations + 1) + row) * this.maxIterations + column;
  }
}

function columnDots(a: Float64Array, b: Float64Array, variants: number): Float64Array {
  const dots = new Float64Array(variants);
  for (let at = 0; at < a.length; at += variants) {
    for (let variant = 0; variant < variants; variant += 1) dots[variant] += a[at + variant] * b[at + variant];
  }
  return dots;
}

function columnNorms(a: Float64Array, variants: number): Float64Array {
  return columnDots(a, a, variants).map(Math.sqrt);
}

/**
 * a -= factors x b per column, then the column dots of the new a with c (which may be a). Rows
 * go in slices that stay in cache, four variants at a time, their sums in locals: each variant
 * adds the same terms in the same order as row by row, so the results are the same to the bit.
 */
function subtractAndProject(a: Float64Array, b: Float64Array, factors: Float64Array, c: Float64Array, variants: number): Float64Array {
  const dots = new Float64Array(variants);
  const slice = variants * SLICE_ROWS;
  for (let start = 0; start < a.length; start += slice) {
    const end = Math.min(a.length, start + slice);
    let variant = 0;
    for (; variant + 4 <= variants; variant += 4) subtractAndProjectFour(a, b, factors, c, variants, variant, start, end, dots);
    for (; variant < variants; variant += 1) subtractAndProjectOne(a, b, factors, c, variants, variant, start, end, dots);
  }
  return dots;
}

const SLICE_ROWS = 64;

function subtractAndProjectFour(a: Float64Array, b: Float64Array, factors: Float64Array, c: Float64Array, variants: number,
  first: number, start: number, end: number, dots: Float64Array): void {
  const factor0 = factors[first];
  const factor1 = factors[first + 1];
  const factor2 = factors[first + 2];
  const factor3 = factors[first + 3];
  let dot0 = dots[first];
  let dot1 = dots[first + 1];
  let dot2 = dots[first + 2];
  let dot3 = dots[first + 3];
  for (let at = start + first; at < end; at += variants) {
    const value0 = a[at] - factor0 * b[at];
    const value1 = a[at + 1] - factor1 * b[at + 1];
    const value2 = a[at + 2] - factor2 * b[at + 2];
    const value3 = a[at + 3] - factor3 * b[at + 3];
    a[at] = value0;
    a[at + 1] = value1;
    a[at + 2] = value2;
    a[at + 3] = value3;
    dot0 += value0 * c[at];
    dot1 += value1 * c[at + 1];
    dot2 += value2 * c[at + 2];
    dot3 += value3 * c[at + 3];
  }
  dots[first] = dot0;
  dots[first + 1] = dot1;
  dots[first + 2] = dot2;
  dots[first + 3] = dot3;
}

function subtractAndProjectOne(a: Float64Array, b: Float64Array, factors: Float64Array, c: Float64Array, variants: number,
  variant: number, start: number, end: number, dots: Float64Array): void {
  const factor = factors[variant];
  let dot = dots[variant];
  for (let at = start + variant; at < end; at += variants) {
    const value = a[at] - factor * b[at];
    a[at] = value;
    dot += value * c[at];
  }
  dots[variant] = dot;
}

/** out = a / norms per column; a finished variant's column becomes 0, so it adds nothing more. */
function scaleColumns(a: Float64Array, norms: Float64Array, out: Float64Array, variants: number, active: Uint8Array): void {
  const factors = norms.map((norm, variant) => (active[variant] ? 1 / norm : 0));
  for (let at = 0; at < a.length; at += variants) {
    for (let variant = 0; variant < variants; variant += 1) out[at + variant] = a[at + variant] * factors[variant];
  }
}

/** y = sum of the basis vectors by each variant's coefficients: one contiguous pass per vector. */
function combine(space: KrylovSpace, coefficients: readonly Float64Array[], variants: number, y: Float64Array): void {
  y.fill(0);
  const used = coefficients.reduce((most, weights) => Math.max(most, weights.length), 0);
  const weights = new Float64Array(variants);
  for (let index = 0; index < used; index += 1) {
    coefficients.forEach((own, variant) => { weights[variant] = index < own.length ? own[index] : 0; });
    const vector = space.vector(index, y.length);
    for (let at = 0; at < y.length; at += variants) {
      for (let variant = 0; variant < variants; variant += 1) y[at + variant] += weights[variant] * vector[at + variant];
    }
  }
}
