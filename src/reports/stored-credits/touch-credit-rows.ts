import { RuleBasedOptions } from '../../attribution/rule-based-model';
import { journeyCredits } from '../../attribution/journey-credits';
import { ConversionBasis, JourneyTouch, orderJourney } from '../../attribution/journey';
import { BinaryCopyRows } from '../../database/binary-copy';
import { DealJourney, journeyContext } from '../journeys/journey-stream';

/**
 * Writes the credits the process works out for one deal as binary COPY rows of (deal_id,
 * touch_id, then credit and share per model): one row per journey touch, none for an empty
 * journey or a deal whose amount could not be converted (SQL writes those deals' rows alone). The
 * journey is ordered once, and every model credits it by touch index.
 */
export function writeStreamedCredits(rows: BinaryCopyRows, deal: DealJourney, basis: ConversionBasis,
  models: readonly RuleBasedOptions[]): void {
  const amountMinor = deal.convertedMinor;
  if (amountMinor === null || deal.touches.length === 0) return;
  const journey: JourneyTouch[] = orderJourney(deal.touches.map((touch) =>
    ({ id: touch.id, occurredAt: touch.occurredAt, occurredMicros: touch.occurredMicros, channel: touch.channel, key: touch.channel })));
  const context = journeyContext(deal, basis);
  const credits = models.map((options) => journeyCredits(amountMinor, journey, context, options));
  const fields = 2 + 2 * credits.length;
  journey.forEach((touch, index) => {
    rows.row(fields);
    rows.int8Digits(deal.dealId);
    rows.int8Digits(touch.id);
    for (const { amounts, shares } of credits) {
      rows.int8(amounts[index]);
      rows.float8(shares[index]);
    }
  });
}
