import { allocateMinorUnits } from '../allocation';
import { Ratio, divide, sum, toNumber } from '../ratio';
import { PathRows } from './path-input';
import { PathTable, buildPathTable } from './path-table';
import { DataDrivenResult, KeyedPaths, Unattributed } from './types';

/** Running credit per key id: money in minor units and fractional conversions. */
export interface Ledger {
  readonly amounts: bigint[];
  readonly conversions: Float64Array;
}

export function newLedger(keyCount: number): Ledger {
  return { amounts: new Array<bigint>(keyCount).fill(0n), conversions: new Float64Array(keyCount) };
}

/**
 * Splits `value` and `conversions` over `ids` in proportion to `weights` (exact, not all zero).
 * Money goes by largest remainder in `ids` order, so equal weights favour the earlier touch or key.
 */
export function credit(
  ledger: Ledger,
  ids: readonly number[],
  weights: readonly Ratio[],
  value: bigint,
  conversions: number,
): void {
  const total = sum(weights);
  const amounts = allocateMinorUnits(value, weights);
  ids.forEach((id, index) => {
    ledger.amounts[id] += amounts[index];
    ledger.conversions[id] += conversions * toNumber(divide(weights[index], total));
  });
}

/**
 * The result of a model: one credit row per key, what could not be credited, and the path table,
 * `table` itself or, for a model that never needed one, merged from `rows` when first asked for.
 */
export function toResult(rows: PathRows, ledger: Ledger, extra: readonly Unattributed[], table?: PathTable): DataDrivenResult {
  let paths: KeyedPaths | undefined;
  return {
    credits: rows.keys.map((key, id) => ({
      key,
      amountMinor: ledger.amounts[id],
      dealCredit: ledger.conversions[id],
    })),
    unattributed: [...baseUnattributed(rows), ...extra],
    pathTable: () => {
      if (!paths) {
        const { keys, paths: merged } = table ?? buildPathTable(rows);
        paths = { keys, rows: merged };
      }
      return paths;
    },
  };
}

function baseUnattributed({ empty, touched }: PathRows): Unattributed[] {
  if (empty.conversions + touched.conversions === 0) {
    return [{ reason: 'NO_CONVERSIONS', amountMinor: 0n, dealCredit: 0 }];
  }
  return empty.conversions > 0
    ? [{ reason: 'EMPTY_JOURNEY', amountMinor: empty.value, dealCredit: empty.conversions }]
    : [];
}
