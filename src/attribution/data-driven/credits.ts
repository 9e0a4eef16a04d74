import { allocateMinorUnits } from '../allocation';
import { PathTable } from './path-table';
import { AttributionResult, PathRow, Unattributed } from './types';

/** Running credit per key id: money in minor units and fractional conversions. */
export interface Ledger {
  readonly amounts: bigint[];
  readonly conversions: Float64Array;
}

export function newLedger(keyCount: number): Ledger {
  return { amounts: new Array<bigint>(keyCount).fill(0n), conversions: new Float64Array(keyCount) };
}

/**
 * Splits `value` and `conversions` over `ids` in proportion to `weights` (not all zero). Money
 * goes by largest remainder in `ids` order, so ties favour the earlier touch or key.
 */
export function credit(
  ledger: Ledger,
  ids: readonly number[],
  weights: readonly number[],
  value: bigint,
  conversions: number,
): void {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const amounts = allocateMinorUnits(value, weights);
  ids.forEach((id, index) => {
    ledger.amounts[id] += amounts[index];
    ledger.conversions[id] += (conversions * weights[index]) / total;
  });
}

/** The result of a model: one credit row per key, and what could not be credited. */
export function toResult(table: PathTable, ledger: Ledger, extra: readonly Unattributed[] = []): AttributionResult {
  return {
    credits: table.keys.map((key, id) => ({
      key,
      amountMinor: ledger.amounts[id],
      dealCredit: ledger.conversions[id],
    })),
    unattributed: [...baseUnattributed(table), ...extra],
    paths: pathRows(table),
  };
}

function pathRows({ keys, paths, empty }: PathTable): PathRow[] {
  const rows = paths.map(({ ids, journeys, conversions, value }) => ({ path: ids.map((id) => keys[id]), journeys, conversions, value }));
  return empty.journeys > 0 ? [{ path: [], ...empty }, ...rows] : rows;
}

function baseUnattributed(table: PathTable): Unattributed[] {
  const { empty, touched } = table;
  if (empty.conversions + touched.conversions === 0) {
    return [{ reason: 'NO_CONVERSIONS', amountMinor: 0n, dealCredit: 0 }];
  }
  return empty.conversions > 0
    ? [{ reason: 'EMPTY_PATH', amountMinor: empty.value, dealCredit: empty.conversions }]
    : [];
}
