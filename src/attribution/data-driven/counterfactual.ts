import { credit, newLedger, toResult } from './credits';
import { canonicalRows } from './path-input';
import { CODE_WIDTH, PathTable, TablePath, buildPathTable } from './path-table';
import { AttributionResult, PathInput } from './types';

/**
 * COUNTERFACTUAL: Google fractribution's leave-one-out (which it calls "Shapley"). Each converting
 * path's value is split over its touches by how much its conversion rate drops without each one.
 *
 * A touch is removed as is, without collapsing the repeats its removal may bring together
 * (A > B > A without B is A > A): that is the spec's "path without touch i", as in fractribution.
 * Cost: O(sum of n^2) character copies for converting paths of length n, and only for lengths
 * where a path one touch shorter exists.
 */
export function counterfactualAttribution(input: PathInput): AttributionResult {
  const rows = canonicalRows(input);
  const table = buildPathTable(rows);
  const ledger = newLedger(table.keys.length);
  const lookup = rateLookup(table);
  for (const path of table.paths) {
    if (path.conversions === 0) continue;
    credit(ledger, path.ids, touchShares(path, lookup), path.value, path.conversions);
  }
  return toResult(rows, ledger, [], table);
}

interface RateLookup {
  readonly rates: ReadonlyMap<string, number>;
  readonly lengths: ReadonlySet<number>;
}

function rateLookup(table: PathTable): RateLookup {
  return {
    rates: new Map(table.paths.map((path) => [path.code, path.conversions / path.journeys])),
    lengths: new Set(table.paths.map((path) => path.ids.length)),
  };
}

/** Leave-one-out marginals, normalised; all zero gives the last touch everything. */
function touchShares(path: TablePath, { rates, lengths }: RateLookup): number[] {
  const n = path.ids.length;
  if (n === 1) return [1];
  const rate = path.conversions / path.journeys;
  // No path one touch shorter: every counterfactual rate is 0, and each touch's marginal is `rate`.
  const shorterSeen = lengths.has(n - 1);
  const marginals = path.ids.map((_, index) => {
    if (!shorterSeen) return rate;
    const without = path.code.slice(0, index * CODE_WIDTH) + path.code.slice((index + 1) * CODE_WIDTH);
    return Math.max(0, rate - (rates.get(without) ?? 0));
  });
  const total = marginals.reduce((sum, marginal) => sum + marginal, 0);
  if (total > 0) return marginals.map((marginal) => marginal / total);
  return marginals.map((_, index) => (index === n - 1 ? 1 : 0));
}
