import { RuleBasedOptions } from '../../attribution/rule-based-model';
import { creditDeal } from '../../attribution/credit';
import { toNumber } from '../../attribution/ratio';
import { ConversionBasis, JourneyTouch } from '../../attribution/journey';
import { DealJourney, journeyContext } from '../journeys/journey-stream';
import { NO_CAMPAIGN } from '../row-keys';

const csvText = (value: string | null) => (value === null ? '' : `"${value.replace(/"/g, '""')}"`);
const flag = (value: boolean) => (value ? 't' : 'f');

/**
 * The touch_credits rows of one deal as CSV lines (columns in the order of COLUMNS in touch-credit-refresh.ts): one
 * line per journey touch with every stored model's credit and share, or a single line without a
 * touch for an empty journey. `amountMinor` is null when the deal could not be converted.
 */
export function touchCreditLines(deal: DealJourney, basis: ConversionBasis, currency: string, amountMinor: bigint | null,
  models: readonly RuleBasedOptions[]): string[] {
  const head = [deal.dealId, basis];
  const at = deal.conversionAt.toISOString();
  const zeros = models.map(() => '0,0').join(',');
  if (amountMinor === null || deal.touches.length === 0) {
    return [[...head, '', at, currency, amountMinor ?? '', '', '', '', 't,f,f,f', zeros].join(',')];
  }
  const context = journeyContext(deal, basis);
  const journey: JourneyTouch[] = deal.touches.map((touch) =>
    ({ id: touch.id, occurredAt: touch.occurredAt, channel: touch.channel, key: touch.channel }));
  const credits = models.map((options) =>
    new Map(creditDeal(amountMinor, journey, context, options).map((credit) => [credit.touch.id, credit])));
  const seen = { channel: new Set<string>(), campaign: new Set<string>(), sourceMedium: new Set<string>() };
  const first = (set: Set<string>, key: string) => !set.has(key) && set.add(key) !== undefined;
  return deal.touches.map((touch, index) => {
    const values = credits.map((byTouch) => {
      const credit = byTouch.get(touch.id);
      return `${credit?.amountMinor ?? 0n},${credit ? toNumber(credit.share) : 0}`;
    });
    return [
      ...head, touch.id, at, currency, amountMinor, touch.channel, touch.campaignId ?? '', csvText(touch.sourceMedium),
      flag(index === 0), flag(first(seen.channel, touch.channel)),
      flag(first(seen.campaign, touch.campaignId ?? NO_CAMPAIGN)), flag(first(seen.sourceMedium, touch.sourceMedium ?? '')),
      ...values,
    ].join(',');
  });
}
