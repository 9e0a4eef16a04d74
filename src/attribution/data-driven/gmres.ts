import { Steps } from './steps';

/** y = A x for each variant's column; both arrays indexed [row * variants + variant]. */
export type LinearMap = (x: Float64Array, y: Float64Array) => void;

/** Krylov vectors of `length` entries, made as first needed and kept for later cycles. */
export class KrylovSpace {
  private readonly vectors: Float64Array[] = [];

  constructor(readonly length: number, readonly maxIterations: number) {}

  vector(index: number): Float64Array {
    while (this.vectors.length <= index) this.vectors.push(new Float64Array(this.length));
    return this.vectors[index];
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
  scaleColumns(b, norms, space.vector(0), variants, arnoldi.active);
  for (let iteration = 0; iteration < maxIterations && arnoldi.anyActive(); iteration += 1) {
    yield;
    const next = space.vector(iteration + 1);
    multiply(space.vector(iteration), next);
    // Modified Gram-Schmidt, each pass subtracting one basis vector and projecting on the next
    // (the last pass: on the new vector itself, its squared norm). Same operations in the same
    // order as a pass for each, on half the passes over the Krylov vectors (they exceed the caches).
    let projections = columnDots(next, space.vector(0), variants);
    for (let previous = 0; previous <= iteration; previous += 1) {
      arnoldi.setEntry(previous, iteration, projections);
      const following = previous < iteration ? space.vector(previous + 1) : next;
      projections = subtractAndProject(next, space.vector(previous), projections, following, variants);
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

/** a -= factors x b per column, then the column dots of the new a with c (which may be a). */
function subtractAndProject(a: Float64Array, b: Float64Array, factors: Float64Array, c: Float64Array, variants: number): Float64Array {
  const dots = new Float64Array(variants);
  for (let at = 0; at < a.length; at += variants) {
    for (let variant = 0; variant < variants; variant += 1) {
      a[at + variant] -= factors[variant] * b[at + variant];
      dots[variant] += a[at + variant] * c[at + variant];
    }
  }
  return dots;
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
    const vector = space.vector(index);
    for (let at = 0; at < y.length; at += variants) {
      for (let variant = 0; variant < variants; variant += 1) y[at + variant] += weights[variant] * vector[at + variant];
    }
  }
}
