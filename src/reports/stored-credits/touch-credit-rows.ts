import { RuleBasedOptions } from '../../attribution/rule-based-model';
import { journeyCredits } from '../../attribution/journey-credits';
import { ConversionBasis, JourneyTouch, orderJourney } from '../../attribution/journey';
import { DealJourney, journeyContext } from '../journeys/journey-stream';

/**
 * The credits the process works out for one deal, as CSV lines of (deal_id, touch_id, then credit
 * and share per model): one line per journey touch, none for an empty journey or a deal whose
 * amount could not be converted (SQL writes those deals' rows alone). The journey is ordered
 * once, and every model credits it by touch index.
 */
export function streamedCreditLines(deal: DealJourney, basis: ConversionBasis, models: readonly RuleBasedOptions[]): string[] {
  const amountMinor = deal.convertedMinor;
  if (amountMinor === null || deal.touches.length === 0) return [];
  const journey: JourneyTouch[] = orderJourney(deal.touches.map((touch) =>
    ({ id: touch.id, occurredAt: touch.occurredAt, channel: touch.channel, key: touch.channel })));
  const context = journeyContext(deal, basis);
  const credits = models.map((options) => journeyCredits(amountMinor, journey, context, options));
  // Most touches of a journey hold one of a few credits and shares (its middle touches'): each is
  // written out once, as writing numbers out was most of building the lines.
  const texts = new Map<bigint | number, string>();
  const text = (value: bigint | number) => {
    let written = texts.get(value);
    if (written === undefined) texts.set(value, written = String(value));
    return written;
  };
  return journey.map((touch, index) => {
    let line = `${deal.dealId},${touch.id}`;
    for (const { amounts, shares } of credits) line += `,${text(amounts[index])},${text(shares[index])}`;
    return line;
  });
}
