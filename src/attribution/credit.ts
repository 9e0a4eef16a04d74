import { allocateMinorUnits } from './allocation';
import { ModelOptions } from './attribution-model';
import { JourneyContext, JourneyTouch } from './journey';
import { TouchShare, journeyShares } from './journey-shares';

export interface TouchCredit extends TouchShare {
  readonly amountMinor: bigint;
}

/** Credit of one grouping key: money in minor units and fractional deal credit (shares summed). */
export interface KeyCredit {
  readonly key: string;
  readonly amountMinor: bigint;
  readonly dealCredit: number;
}

/**
 * Splits a deal's amount over its journey in minor units; the credits sum exactly to the amount.
 * An empty journey gives no credits: the caller reports the amount as UNATTRIBUTED.
 */
export function creditDeal(
  amountMinor: bigint,
  touches: readonly JourneyTouch[],
  context: JourneyContext,
  options: ModelOptions,
): TouchCredit[] {
  const shares = journeyShares(touches, context, options);
  if (shares.length === 0) return [];
  // Shares are in journey order, so allocation ties go to the earlier touch.
  const amounts = allocateMinorUnits(amountMinor, shares.map(({ share }) => share));
  return shares.map((touchShare, index) => ({ ...touchShare, amountMinor: amounts[index] }));
}

/** Sums credits (of one deal or many) per key, keys in order of first appearance. */
export function creditsByKey(credits: Iterable<TouchCredit>): KeyCredit[] {
  const byKey = new Map<string, KeyCredit>();
  for (const { touch, share, amountMinor } of credits) {
    const previous = byKey.get(touch.key) ?? { key: touch.key, amountMinor: 0n, dealCredit: 0 };
    byKey.set(touch.key, {
      key: touch.key,
      amountMinor: previous.amountMinor + amountMinor,
      dealCredit: previous.dealCredit + share,
    });
  }
  return [...byKey.values()];
}
