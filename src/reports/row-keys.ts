import { DealJourney, ReportTouch } from './journeys/journey-stream';
import { Dimension, isDealAttribute, isPeriod } from './report-scope';

/** The key of an absent value: a touch without a campaign, a deal without an owner or account segment. */
export const NONE = '(none)';

/** The key of touches without a campaign. */
export const NO_CAMPAIGN = NONE;

/** The key of a touch in a touch dimension, as reports show it (and as costs are keyed). */
export function touchKey(touch: ReportTouch, dimension: Dimension): string {
  switch (dimension) {
    case Dimension.CHANNEL:
      return touch.channel;
    case Dimension.CAMPAIGN:
      return touch.campaignExternalId ?? NO_CAMPAIGN;
    case Dimension.TOUCH_TYPE:
      return touch.type ?? NONE;
    default:
      return touch.sourceMedium ?? '(none) / (none)';
  }
}

/** A credited touch's key in any dimension: its own, or its deal's (period, deal or account attribute). */
export function rowKey(touch: ReportTouch, deal: DealJourney, dimension: Dimension): string {
  if (isPeriod(dimension)) return deal.periods[dimension];
  return isDealAttribute(dimension) ? deal.attributes[dimension] : touchKey(touch, dimension);
}

const humanize = (slug: string) => slug.charAt(0).toUpperCase() + slug.slice(1).replace(/_/g, ' ');

// What an absent deal or account attribute reads as.
const NO_ATTRIBUTE: Partial<Record<Dimension, string>> = {
  [Dimension.INDUSTRY]: 'No industry', [Dimension.SEGMENT]: 'No segment', [Dimension.SIZE]: 'No size', [Dimension.OWNER]: 'No owner',
};

/** A readable label for a key: "Paid search", the campaign's name, "Ad click", "2025-Q1", "Week of 2025-03-03". */
export function labelOf(dimension: Dimension, key: string, campaignName?: string | null): string {
  switch (dimension) {
    case Dimension.CHANNEL:
      return humanize(key);
    case Dimension.CAMPAIGN:
      return key === NO_CAMPAIGN ? 'No campaign' : (campaignName ?? key);
    case Dimension.SOURCE_MEDIUM:
      return key;
    case Dimension.TOUCH_TYPE:
      return humanize(key.toLowerCase());
    case Dimension.INDUSTRY:
    case Dimension.SEGMENT:
    case Dimension.SIZE:
    case Dimension.OWNER:
      return key === NONE ? NO_ATTRIBUTE[dimension]! : key;
    case Dimension.WEEK:
      return `Week of ${key}`;
    case Dimension.MONTH:
      return key.slice(0, 7);
    case Dimension.QUARTER:
      return `${key.slice(0, 4)}-Q${Math.floor(Number(key.slice(5, 7)) / 3) + 1}`;
  }
}
