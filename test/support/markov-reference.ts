// An independent MARKOV reference for the tests, written from docs/attribution.md alone and
// sharing no code with src/: the chain as a dense matrix, P(conv) by Gaussian elimination.

export interface ReferencePath {
  readonly path: readonly string[];
  readonly journeys: number;
  readonly conversions: number;
}

export interface ReferenceMarkov {
  readonly conversionProbability: number;
  /** RE per key, keys in code-unit order. */
  readonly removalEffects: ReadonlyArray<{ key: string; effect: number }>;
}

/** The states a path walks through at order k: runs of k keys, or the whole path when shorter. */
function runsOf(path: readonly string[], order: number): string[][] {
  if (path.length <= order) return [[...path]];
  return Array.from({ length: path.length - order + 1 }, (_, start) => path.slice(start, start + order));
}

/** Solves A x = b (A n x n, dense) by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let row = col + 1; row < n; row += 1) if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) pivot = row;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    for (let row = 0; row < n; row += 1) {
      if (row === col || m[row][col] === 0) continue;
      const factor = m[row][col] / m[col][col];
      for (let k = col; k <= n; k += 1) m[row][k] -= factor * m[col][k];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}

/** MARKOV of `order` over path rows; journeys without touches are not paths and are skipped. */
export function referenceMarkov(rows: readonly ReferencePath[], order: number): ReferenceMarkov {
  const states = new Map<string, number>([['START', 0]]);
  const stateKeys: string[][] = [[]];
  const counts: Array<Map<number | 'CONVERSION' | 'NULL', number>> = [new Map()];
  const stateOf = (run: string[]) => {
    const id = JSON.stringify(run);
    if (!states.has(id)) {
      states.set(id, stateKeys.length);
      stateKeys.push(run);
      counts.push(new Map());
    }
    return states.get(id)!;
  };
  const count = (from: number, to: number | 'CONVERSION' | 'NULL', n: number) => {
    if (n > 0) counts[from].set(to, (counts[from].get(to) ?? 0) + n);
  };
  for (const { path, journeys, conversions } of rows) {
    if (path.length === 0 || journeys === 0) continue;
    let from = 0;
    for (const run of runsOf(path, order)) {
      const to = stateOf(run);
      count(from, to, journeys);
      from = to;
    }
    count(from, 'CONVERSION', conversions);
    count(from, 'NULL', journeys - conversions);
  }
  // x_s = P(reach CONVERSION from s); states in `removed` lead to NULL, so their x is 0.
  const probability = (removed: (keys: string[]) => boolean) => {
    const n = stateKeys.length;
    const a = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (__, j) => (i === j ? 1 : 0)));
    const b = new Array<number>(n).fill(0);
    counts.forEach((row, s) => {
      if (removed(stateKeys[s])) return;
      const total = [...row.values()].reduce((sum, value) => sum + value, 0);
      row.forEach((value, to) => {
        if (to === 'CONVERSION') b[s] += value / total;
        else if (to !== 'NULL') a[s][to] -= value / total;
      });
    });
    return solve(a, b)[0];
  };
  const conversionProbability = probability(() => false);
  const keys = [...new Set(stateKeys.flat())].sort();
  return {
    conversionProbability,
    removalEffects: keys.map((key) => ({
      key,
      effect: conversionProbability === 0 ? 0 : 1 - probability((state) => state.includes(key)) / conversionProbability,
    })),
  };
}
