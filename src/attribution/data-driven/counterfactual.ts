import { ONE, Ratio, ZERO, max, ratio, subtract } from '../ratio';
import { credit, newLedger, toResult } from './credits';
import { canonicalRows } from './path-input';
import { CODE_WIDTH, PathTable, TablePath, buildPathTable } from './path-table';
import { DataDrivenResult, PathInput } from './types';

/**
 * COUNTERFACTUAL: Google fractribution's leave-one-out (which it calls "Shapley"). Each converting
 * path's value is split over its touches by how much its conversion rate drops without each one.
 *
 * A touch is removed as is, without collapsing the repeats its removal may bring together
 * (A > B > A without B is A > A): that is the spec's "path without touch i", as in fractribution.
 * Cost: O(sum of n^2) character copies for converting paths of length n, and only for lengths
 * where a path one touch shorter exists.
 */
export function counterfactualAttribution(input: PathInput): DataDrivenResult {
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
  readonly paths: ReadonlyMap<string, TablePath>;
  readonly lengths: ReadonlySet<number>;
}

function rateLookup(table: PathTable): RateLookup {
  return {
    paths: new Map(table.paths.map((path) => [path.code, path])),
    lengths: new Set(table.paths.map((path) => path.ids.length)),
  };
}

/** p(path) = conversions / journeys, exactly. */
const rateOf = (path: TablePath | undefined): Ratio => (path ? ratio(BigInt(path.conversions), BigInt(path.journeys)) : ZERO);

/**
 * Leave-one-out marginals, exact (the allocation normalises them), so that touches with equal
 * marginals tie; all zero gives the last touch everything.
 */
function touchShares(path: TablePath, { paths, lengths }: RateLookup): Ratio[] {
  const n = path.ids.length;
  if (n === 1) return [ONE];
  const rate = rateOf(path);
  // No path one touch shorter: every counterfactual rate is 0, and each touch's marginal is `rate`.
  if (!lengths.has(n - 1)) return path.ids.map(() => rate);
  const marginals = path.ids.map((_, index) => {
    const without = path.code.slice(0, index * CODE_WIDTH) + path.code.slice((index + 1) * CODE_WIDTH);
    return max(ZERO, subtract(rate, rateOf(paths.get(without))));
  });
  if (marginals.some(({ num }) => num > 0n)) return marginals;
  return marginals.map((_, index) => (index === n - 1 ? ONE : ZERO));
}
