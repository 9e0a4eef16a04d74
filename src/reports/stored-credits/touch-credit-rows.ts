import { RuleBasedOptions } from '../../attribution/rule-based-model';
import { journeyCredits } from '../../attribution/journey-credits';
import { ConversionBasis, JourneyTouch, orderJourney } from '../../attribution/journey';
import { DealJourney, ReportTouch, journeyContext } from '../journeys/journey-stream';
import { NO_CAMPAIGN } from '../row-keys';

const csvText = (value: string | null) => (value === null ? '' : `"${value.replace(/"/g, '""')}"`);
const flag = (value: boolean) => (value ? 't' : 'f');

interface OrderedTouch extends JourneyTouch {
  readonly source: ReportTouch;
}

/**
 * The touch_credits rows of one deal as CSV lines (columns in the order of COLUMNS in touch-credit-refresh.ts): one
 * line per journey touch with every stored model's credit and share, or a single line without a
 * touch for an empty journey. `amountMinor` is null when the deal could not be converted.
 * The journey is ordered once, and every model credits it by touch index.
 */
export function touchCreditLines(deal: DealJourney, basis: ConversionBasis, currency: string, amountMinor: bigint | null,
  models: readonly RuleBasedOptions[]): string[] {
  const head = `${deal.dealId},${basis}`;
  const at = deal.conversionAt.toISOString();
  if (amountMinor === null || deal.touches.length === 0) {
    const zeros = models.map(() => '0,0').join(',');
    return [`${head},,${at},${currency},${amountMinor ?? ''},,,,t,f,f,f,${zeros}`];
  }
  const context = journeyContext(deal, basis);
  const journey = orderJourney(deal.touches.map((touch): OrderedTouch =>
    ({ id: touch.id, occurredAt: touch.occurredAt, channel: touch.channel, key: touch.channel, source: touch }))) as OrderedTouch[];
  const credits = models.map((options) => journeyCredits(amountMinor, journey, context, options));
  const seen = { channel: new Set<string>(), campaign: new Set<string>(), sourceMedium: new Set<string>() };
  const first = (set: Set<string>, key: string) => !set.has(key) && set.add(key) !== undefined;
  // Each first_of_* flag marks one row per deal and key, whichever: the rows follow the journey.
  return journey.map(({ source: touch }, index) => {
    const values = credits.map(({ amounts, shares }) => `${amounts[index]},${shares[index]}`).join(',');
    return `${head},${touch.id},${at},${currency},${amountMinor},${touch.channel},${touch.campaignId ?? ''},${csvText(touch.sourceMedium)},`
      + `${flag(index === 0)},${flag(first(seen.channel, touch.channel))},`
      + `${flag(first(seen.campaign, touch.campaignId ?? NO_CAMPAIGN))},${flag(first(seen.sourceMedium, touch.sourceMedium ?? ''))},${values}`;
  });
}
