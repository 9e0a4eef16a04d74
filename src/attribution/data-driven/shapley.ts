import { ONE, Ratio, ZERO, max, ratio } from '../ratio';
import { credit, newLedger, toResult } from './credits';
import { TooManyKeysError } from './errors';
import { canonicalRows } from './path-input';
import { PathTable, buildPathTable, encodeId, encodeIds } from './path-table';
import { Coalition, shapleyValues } from './shapley-value';
import { DataDrivenResult, PathInput } from './types';

/** The spec's cap: exact Shapley costs |C| 2^|C| per distinct key set. */
export const SHAPLEY_MAX_KEYS = 12;

/**
 * SHAPLEY: each converting journey's value is split over its distinct keys by their exact
 * Shapley values in the game v(S) = conversion rate of the journeys whose distinct key set is
 * exactly S (0 if none, v({}) = 0). Negative values count as 0; all zero gives an equal split.
 * Values are exact rationals, so symmetric keys tie exactly. Shares depend only on the key set, so
 * they are computed once per set: O(sets x 2^12) lookups.
 */
export function shapleyAttribution(input: PathInput): DataDrivenResult {
  const rows = canonicalRows(input);
  const table = buildPathTable(rows);
  const rates = coalitionRates(table);
  const sharesBySet = new Map<string, Ratio[]>();
  const ledger = newLedger(table.keys.length);
  for (const path of table.paths) {
    if (path.conversions === 0) continue;
    // Keys in order of first touch, so allocation ties go to the earlier touch.
    const keys = [...new Set(path.ids)];
    if (keys.length > SHAPLEY_MAX_KEYS) {
      throw new TooManyKeysError(path.ids.map((id) => table.keys[id]), SHAPLEY_MAX_KEYS);
    }
    const set = [...keys].sort((a, b) => a - b);
    const setCode = encodeIds(set);
    const shares = sharesBySet.get(setCode) ?? keyShares(set, rates);
    sharesBySet.set(setCode, shares);
    credit(ledger, keys, keys.map((id) => shares[set.indexOf(id)]), path.value, path.conversions);
  }
  return toResult(rows, ledger, [], table);
}

/** Conversion rate per distinct key set, keyed by the set's sorted ids encoded. */
function coalitionRates(table: PathTable): Map<string, Ratio> {
  const counts = new Map<string, { journeys: number; conversions: number }>();
  for (const path of table.paths) {
    const setCode = encodeIds([...new Set(path.ids)].sort((a, b) => a - b));
    const count = counts.get(setCode) ?? { journeys: 0, conversions: 0 };
    count.journeys += path.journeys;
    count.conversions += path.conversions;
    counts.set(setCode, count);
  }
  return new Map([...counts].map(([setCode, count]) => [setCode, ratio(BigInt(count.conversions), BigInt(count.journeys))]));
}

/** Weights of the keys of `set` (sorted ids), in that order; the allocation normalises them. */
function keyShares(set: readonly number[], rates: ReadonlyMap<string, Ratio>): Ratio[] {
  const values = shapleyValues(coalitionWorths(set, rates), set.length).map((value) => max(ZERO, value));
  return values.some(({ num }) => num > 0n) ? values : values.map(() => ONE);
}

/** The subsets of `set` that some journeys had as their key set, with their rates. */
function coalitionWorths(set: readonly number[], rates: ReadonlyMap<string, Ratio>): Coalition[] {
  const size = 1 << set.length;
  const codes = new Array<string>(size);
  const coalitions: Coalition[] = [];
  codes[0] = '';
  for (let mask = 1; mask < size; mask += 1) {
    // Appending the highest member keeps each code in sorted-id order, as in `coalitionRates`.
    const high = 31 - Math.clz32(mask);
    codes[mask] = codes[mask ^ (1 << high)] + encodeId(set[high]);
    const worth = rates.get(codes[mask]);
    if (worth) coalitions.push({ mask, worth });
  }
  return coalitions;
}
