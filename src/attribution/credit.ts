import { allocateMinorUnits } from './allocation';
import { RuleBasedOptions } from './rule-based-model';
import { JourneyContext, JourneyTouch } from './journey';
import { TouchShare, journeyShares } from './journey-shares';

export interface TouchCredit extends TouchShare {
  readonly amountMinor: bigint;
}

/**
 * Splits a deal's amount over its journey in minor units; the credits sum exactly to the amount.
 * An empty journey gives no credits: the caller reports the amount as UNATTRIBUTED.
 */
export function creditDeal(
  amountMinor: bigint,
  touches: readonly JourneyTouch[],
  context: JourneyContext,
  options: RuleBasedOptions,
): TouchCredit[] {
  const shares = journeyShares(touches, context, options);
  if (shares.length === 0) return [];
  // Shares are in journey order, so allocation ties go to the earlier touch.
  const amounts = allocateMinorUnits(amountMinor, shares.map(({ share }) => share));
  return shares.map((touchShare, index) => ({ ...touchShare, amountMinor: amounts[index] }));
}
